"""Fuzz: every reader and the whole pipeline on generated hostile inputs; nothing crashes and
nothing is lost (inputs in = records out + errors, counted per line / record / item).

`make test` runs a small number of examples (SITREP_FUZZ_EXAMPLES, default 25 per target);
`make fuzz` runs tests/fuzz_run.py: 10,000 inputs with a table of inputs / records / errors /
crashes / lost.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).parent))
from fuzz_inputs import hostile_file, units  # noqa: E402

from sitrep.readers import read_file  # noqa: E402
from sitrep.record import Article, InputError, Record  # noqa: E402

EXAMPLES = int(os.environ.get("SITREP_FUZZ_EXAMPLES", "25"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large])


def _check_errors(results):
    for r in results:
        assert isinstance(r, (Article, InputError)), r
        if isinstance(r, InputError):
            assert r.message and "\n" not in r.message and "Traceback" not in r.message
            assert "NoneType" not in r.message
            r.origin.encode("utf-8")          # no lone surrogate reaches an output


@SETTINGS
@given(case=hostile_file())
def test_every_reader_yields_one_result_per_unit_and_never_raises(tmp_path, case):
    name, data, expected = case
    f = tmp_path / name
    f.write_bytes(data)
    results = list(read_file(f))
    _check_errors(results)
    assert results
    if expected is not None:                     # a multi-unit file: one result per unit
        assert len(results) == expected, [getattr(r, "message", "article") for r in results]


@SETTINGS
@given(case=hostile_file())
def test_the_whole_pipeline_loses_nothing_on_hostile_files(tmp_path, case):
    from sitrep.run.local import extract_many
    from sitrep.run.budget import Budget
    name, data, expected = case
    f = tmp_path / name
    f.write_bytes(data)
    read = list(read_file(f))
    out = list(extract_many(iter(read), budget=Budget(seconds=120, memory_mb=1500)))
    assert len(out) == len(read)
    for r_in, r_out in zip(read, out):
        assert isinstance(r_out, (Record, InputError))
        if isinstance(r_in, InputError):
            assert r_out is r_in
    _check_errors([r for r in out if isinstance(r, InputError)])


def test_the_generator_covers_every_hostile_kind():
    kinds = {k for k, *_ in units()}
    for kind in ("nul line", "deep nesting", "huge integer", "lying warc", "utf16 no bom",
                 "damaged utf8", "deep html", "feed", "non-utf8 name"):
        assert kind in kinds
