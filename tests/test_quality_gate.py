"""The accuracy gate: a score that drops below its pinned floor fails (tests/quality_gate.py)."""
from __future__ import annotations

import pytest

import quality_gate as gate

BASELINE = gate.load_baseline()


@pytest.fixture(scope="module", params=sorted(gate.SETS))
def scored(request):
    name = request.param
    if name not in gate.available():
        pytest.skip(f"{name}: its articles are not here ({gate.SETS[name][0]})")
    entry = BASELINE["sets"].get(name)
    if not entry:
        pytest.fail(f"{name}: no floors in {gate.BASELINE.name}; run tests/quality_gate.py --update")
    if entry.get("gold_digest") != gate.gold_digest(gate.SETS[name][1]):
        pytest.skip(f"{name}: its gold changed since the floors were set; re-run quality_gate.py --update")
    return name, gate.measure(name)


def test_every_article_of_the_set_becomes_a_record(scored):
    name, result = scored
    assert result["input_errors"] == [], name
    assert result["missing_ids"] == [], f"{name}: gold articles with no record"


def test_no_score_is_below_its_floor(scored):
    name, result = scored
    low = gate.below_floor(name, gate.scores_of(result), BASELINE)
    assert not low, "\n".join(low)


def test_every_field_and_slot_has_a_floor():
    for name, entry in BASELINE["sets"].items():
        keys = set(entry["floors"])
        assert {"events.f1", "quotes.f1", "counts.f1", "persons.f1", "slot.actor"} <= keys, name


def test_update_raises_floors_and_refuses_to_lower_them():
    base = {"sets": {"x": {"gold_digest": "d", "floors": {"events.f1": 0.70, "quotes.f1": 0.40}}}}
    refused = gate.update(base, "x", {"events.f1": 0.80, "quotes.f1": 0.30}, "d", allow_regression=False)
    floors = base["sets"]["x"]["floors"]
    assert floors["events.f1"] == pytest.approx(0.795)
    assert floors["quotes.f1"] == 0.40 and len(refused) == 1 and "quotes.f1" in refused[0]
    assert gate.update(base, "x", {"events.f1": 0.80, "quotes.f1": 0.30}, "d", allow_regression=True) == []
    assert base["sets"]["x"]["floors"]["quotes.f1"] == pytest.approx(0.295)


def test_a_regression_is_reported_below_its_floor():
    base = {"sets": {"x": {"floors": {"events.f1": 0.75}}}}
    assert gate.below_floor("x", {"events.f1": 0.74}, base)
    assert not gate.below_floor("x", {"events.f1": 0.75}, base)
