"""`make fuzz`: N generated hostile input files through every reader and the whole pipeline.

    .venv/bin/python tests/fuzz_run.py --inputs 10000

Prints one table: inputs (lines, records, items, documents), records out, errors listed, crashes
(an exception that escaped a reader or the pipeline) and lost (inputs that gave neither a record
nor an error). The generator is tests/fuzz_inputs.py, the same as the `make test` fuzz target;
the run is derandomised, so the same N gives the same inputs.
"""
from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def _stopped_by(exc: BaseException, stop: type) -> bool:
    """Whether `exc` is the fuzz run's own stop signal, however hypothesis wrapped it (its cause,
    or an exception group of replays, as a FlakyFailure when a replay no longer stops)."""
    if isinstance(exc, stop) or isinstance(exc.__cause__, stop):
        return True
    if isinstance(exc, BaseExceptionGroup):
        return all(_stopped_by(e, stop) for e in exc.exceptions)
    return False


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=10_000, help="units to generate (lines, records, documents)")
    ap.add_argument("--budget-seconds", type=float, default=60.0)
    ap.add_argument("--keep", default=str(Path(tempfile.gettempdir()) / "sitrep-fuzz-lost"),
                    help="folder where an input that lost units is kept")
    args = ap.parse_args(argv)

    from hypothesis import HealthCheck, given, settings
    from fuzz_inputs import hostile_file

    from sitrep.pipeline import warm_up
    from sitrep.run.local import extract_many
    from sitrep.readers import read_file
    from sitrep.record import InputError, Record
    from sitrep.run.budget import Budget

    warm_up()
    budget = Budget(seconds=args.budget_seconds, memory_mb=1500)
    tally: collections.Counter = collections.Counter()
    crashes: list[str] = []
    lost: list[str] = []
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-fuzz-"))
    t0 = time.perf_counter()

    def one(case) -> None:
        name, data, expected = case
        f = tmp / f"{tally['files']}-{name}"
        f.write_bytes(data)
        tally["files"] += 1
        try:
            read = list(read_file(f))
            out = list(extract_many(iter(read), budget=budget))
        except BaseException as exc:     # noqa: BLE001 - a crash is what we count
            crashes.append(f"{name}: {type(exc).__name__}: {exc}"[:300])
            tally["crashes"] += 1
            tally["inputs"] += expected or 1
            tally["lost"] += expected or 1
            traceback.print_exc(limit=3)
            return
        finally:
            f.unlink(missing_ok=True)
        units = expected if expected is not None else len(read)
        records = sum(isinstance(r, Record) for r in out)
        errors = sum(isinstance(r, InputError) for r in out)
        tally["inputs"] += units
        tally["records"] += records
        tally["errors"] += errors
        if units > records + errors:             # keep the input, to turn into a regression test
            tally["lost"] += units - records - errors
            keep = Path(args.keep) / f.name
            keep.parent.mkdir(parents=True, exist_ok=True)
            keep.write_bytes(data)
            lost.append(f"{keep}: {units} inputs, {records} records, {errors} errors")
        if tally["files"] % 500 == 0:
            print(f"  {tally['inputs']} inputs ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)

    class Enough(Exception):
        pass

    @settings(max_examples=10 ** 9, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=hostile_file())
    def run(case):
        if tally["inputs"] >= args.inputs:
            raise Enough
        one(case)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            run()
        except Enough:
            pass
        except Exception as exc:   # hypothesis reports the first exception that escaped `one`
            if not _stopped_by(exc, Enough):   # or, replaying the stop, calls it flaky (a group)
                raise
    secs = time.perf_counter() - t0
    print(f"\nfuzz: {tally['files']} files in {secs:.0f} s\n")
    print("| inputs | records | errors | crashes | lost |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {tally['inputs']} | {tally['records']} | {tally['errors']} | {tally['crashes']} | {tally['lost']} |")
    for c in crashes[:20]:
        print("crash:", c)
    for c in lost[:20]:
        print("lost:", c)
    return 1 if tally["crashes"] or tally["lost"] else 0


if __name__ == "__main__":
    sys.exit(main())
