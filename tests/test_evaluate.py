"""sitrep.evaluate: the project's scorer, its agreement with the shared scorer, and `sitrep evaluate`."""
from __future__ import annotations

import copy
import importlib.util
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from sitrep import evaluate as ev

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "gold"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


def shared_scorer():
    path = SHARED_EVAL / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval/score.py is not here")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def perturb(gold: dict, seed: int) -> dict:
    """A plausible prediction: gold with items dropped, altered and invented, dates shifted."""
    rng = random.Random(seed)
    pred = {}
    for rid, g in gold.items():
        if rng.random() < 0.08:          # an article the system lost entirely
            continue
        p = copy.deepcopy(g)
        for field in ev.LIST_FIELDS:
            items = [x for x in p.get(field) or [] if rng.random() > 0.25]
            for x in items:
                r = rng.random()
                if field in ("persons", "organizations") and r < 0.2:
                    x["name"], x["aliases"] = x["name"] + "ski", []
                elif field == "locations" and r < 0.3:
                    x["name"], x["aliases"] = "Somewhere " + x["name"], []
                    x["lat"] = x["lat"] + rng.choice([0.2, 0.9])
                elif field == "quotes" and r < 0.3:
                    x["speaker"] = rng.choice(["he", None, x["speaker"].split()[-1]])
                elif field == "counts" and r < 0.3:
                    x["category"] = rng.choice(["other", "killed", x["category"]])
                elif field == "events" and r < 0.5:
                    slot = rng.choice(ev.EVENT_SLOTS + ("type",))
                    x[slot] = rng.choice([None, "2024-01-01", 3, "Russia", "UNKNOWN"])
            if rng.random() < 0.5:
                items.append({"name": "Spurious Name", "aliases": [], "speaker": "Nobody", "text": "words",
                              "value": 7, "category": "weapons", "type": "ASSAULT", "evidence": "x",
                              "lat": 0.0, "lon": 0.0})
            rng.shuffle(items)
            p[field] = items
        if rng.random() < 0.3:
            p["published"] = rng.choice([None, "2020-01-01"])
        pred[rid] = p
    pred["not_in_gold"] = {"id": "not_in_gold", "persons": [{"name": "X", "aliases": []}]}
    return pred


def gold_sets():
    sets = {"project": ev.load_dir(GOLD)}
    if (SHARED_EVAL / "gold").is_dir():
        sets["shared"] = ev.load_dir(SHARED_EVAL / "gold")
    return sets


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("which", ["project", "shared"])
def test_agrees_with_the_shared_scorer_on_perturbed_gold(which, seed):
    shared = shared_scorer()
    gold = gold_sets().get(which)
    if gold is None:
        pytest.skip("no shared gold")
    pred = perturb(gold, seed)
    assert ev.score(gold, pred) == shared.score(gold, pred)


def test_agrees_with_the_shared_scorer_on_contract_violations(tmp_path):
    shared = shared_scorer()
    gold = ev.load_dir(GOLD)
    pred = perturb(gold, 11)
    for r in pred.values():
        for c in r.get("counts") or []:
            c["category"] = "casualties"
        for e in r.get("events") or []:
            e["evidence"] = "this sentence is nowhere in the article"
    articles = ROOT / "tests" / "fixtures" / "articles"
    assert ev.violations(pred, articles) == shared.violations(pred, str(articles))


def test_gold_against_itself_is_perfect():
    gold = ev.load_dir(GOLD)
    result = ev.score(gold, copy.deepcopy(gold))
    assert all(t["f1"] == 1.0 for f, t in result["fields"].items() if t["gold"]), result["fields"]
    assert result["macro_f1"] == pytest.approx(1.0, abs=0.01)
    assert all(v == 1.0 for v in result["event_slots"].values())


def test_an_empty_prediction_scores_zero_and_is_reported_missing():
    gold = {"a": {"published": "2024-01-02", "persons": [{"name": "Vladimir Putin", "aliases": []}]}}
    result = ev.score(gold, {})
    assert result["fields"]["persons"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "gold": 1, "pred": 0}
    assert result["missing_ids"] == ["a"]


def test_surname_matches_full_name_but_not_a_different_person():
    assert ev.same_name({"name": "Vladimir Putin", "aliases": []}, {"name": "Putin", "aliases": []})
    assert ev.same_name({"name": "Volodymyr Zelenskiy", "aliases": ["Zelensky"]}, "zelensky")
    assert not ev.same_name({"name": "Vladimir Putin", "aliases": []}, {"name": "Vladimir Saldo", "aliases": []})


def test_places_match_by_name_or_within_50_km():
    kyiv = {"name": "Kyiv", "lat": 50.45, "lon": 30.52, "aliases": []}
    assert ev.same_place(kyiv, {"name": "Kiev city", "lat": 50.5, "lon": 30.6})
    assert not ev.same_place(kyiv, {"name": "Zhytomyr", "lat": 50.25, "lon": 28.66})
    assert ev.same_place(kyiv, {"name": "KYIV", "lat": None, "lon": None})


def test_quote_needs_speaker_and_half_the_words():
    gold = {"speaker": "Leonid Pasechnik", "text": "The actions of the Kyiv regime show reluctance to stop the war"}
    assert ev.same_quote(gold, {"speaker": "Pasechnik", "text": "the Kyiv regime show reluctance"})
    assert not ev.same_quote(gold, {"speaker": "Denis Pushilin", "text": gold["text"]})
    assert not ev.same_quote(gold, {"speaker": "Pasechnik", "text": "we will never stop fighting for peace today"})


def test_counts_need_value_and_category():
    gold = {"value": 16000, "category": "volunteers"}
    assert ev.same_count(gold, {"value": "16000.0", "category": "volunteers"})
    assert not ev.same_count(gold, {"value": 16000, "category": "troops"})
    assert not ev.same_count(gold, {"value": "sixteen", "category": "volunteers"})


def test_event_slots_are_scored_on_matched_events_only():
    g = {"type": "ASSAULT", "evidence": "Nine missiles fell on the city of Zaporizhia", "actor": "Russian forces",
         "target": "Zaporizhzhia", "location": "Zaporizhzhia", "date": "2022-09-22", "fatalities": 1,
         "attributed_to": None}
    p = dict(g, date="2022-09-21", actor="the Russian army", location="Kyiv")
    result = ev.score({"a": {"events": [g]}}, {"a": {"events": [p, dict(g, type="ACCUSE")]}})
    assert result["fields"]["events"]["p"] == 0.5 and result["fields"]["events"]["r"] == 1.0
    assert result["event_slots"]["date"] == 0.0
    assert result["event_slots"]["actor"] == 1.0          # half the words of the shorter name
    assert result["event_slots"]["location"] == 0.0
    assert result["event_slots"]["attributed_to"] == 1.0   # both null


def test_breakdown_lists_missed_and_spurious_items():
    gold = {"a": {"persons": [{"name": "Kaja Kallas", "aliases": []}, {"name": "Hakan Fidan", "aliases": []}],
                  "counts": [{"value": 74, "category": "other", "what": "vessels"}], "published": "2025-02-24"}}
    pred = {"a": {"persons": [{"name": "Kallas", "aliases": []}, {"name": "Monday", "aliases": []}],
                  "counts": [{"value": 74, "category": "weapons", "what": "vessels"}], "published": "2025-02-23"}}
    per = ev.breakdown(gold, pred)["a"]
    assert per["persons"] == {"missed": ["Hakan Fidan"], "spurious": ["Monday"]}
    assert per["counts"]["missed"] and per["counts"]["spurious"]
    assert per["published"]["missed"] == ["2025-02-24"]
    text = ev.format_breakdown({"a": per})
    assert "- Hakan Fidan" in text and "+ Monday" in text


def test_load_jsonl_names_file_and_line_of_a_broken_record(tmp_path):
    f = tmp_path / "pred.jsonl"
    f.write_text('{"id": "a"}\n{"id": \n', encoding="utf-8")
    with pytest.raises(ev.EvaluationInputError, match=r"pred\.jsonl:2"):
        ev.load_jsonl(f)


record_items = st.lists(st.dictionaries(
    st.sampled_from(["name", "aliases", "speaker", "text", "value", "category", "type", "evidence", "lat", "lon",
                     "actor", "date", "fatalities"]),
    st.one_of(st.none(), st.text(max_size=12), st.integers(-5, 5), st.floats(allow_nan=False, allow_infinity=False),
              st.lists(st.text(max_size=5), max_size=2))), max_size=4)


@settings(max_examples=60, deadline=None)
@given(gold=st.fixed_dictionaries({f: record_items for f in ev.LIST_FIELDS}),
       pred=st.fixed_dictionaries({f: record_items for f in ev.LIST_FIELDS}))
def test_score_never_crashes_and_stays_in_range(gold, pred):
    result = ev.score({"x": gold}, {"x": pred})
    assert all(0.0 <= t[k] <= 1.0 for t in result["fields"].values() for k in ("p", "r", "f1"))


# --- the command line ---------------------------------------------------------------------------

def write_jsonl(path: Path, records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records.values()), encoding="utf-8")
    return path


def test_cli_prints_the_table_and_writes_json(cli, tmp_path):
    gold = ev.load_dir(GOLD)
    pred = write_jsonl(tmp_path / "pred.jsonl", perturb(gold, 3))
    out = tmp_path / "scores.json"
    res = cli("evaluate", GOLD, pred, "--json", out, "--articles", ROOT / "tests" / "fixtures" / "articles")
    assert res.returncode == 0, res.stderr
    assert "persons" in res.stdout and "macro F1" in res.stdout and "contract violations" in res.stdout
    saved = json.loads(out.read_text())
    assert saved["macro_f1"] == ev.score(gold, ev.load_jsonl(pred))["macro_f1"]


def test_cli_per_article_lists_errors(cli, tmp_path):
    gold = ev.load_dir(GOLD)
    rid = sorted(gold)[0]
    pred = copy.deepcopy(gold[rid])
    dropped = pred["persons"].pop(0)["name"]
    res = cli("evaluate", GOLD, write_jsonl(tmp_path / "p.jsonl", {rid: pred}), "--per-article")
    assert res.returncode == 0, res.stderr
    assert f"- {dropped}" in res.stdout


def test_cli_agrees_with_the_shared_scorer_output(cli, tmp_path):
    shared = shared_scorer()
    gold = ev.load_dir(SHARED_EVAL / "gold")
    pred = write_jsonl(tmp_path / "pred.jsonl", perturb(gold, 5))
    ours, theirs = tmp_path / "ours.json", tmp_path / "theirs.json"
    assert cli("evaluate", SHARED_EVAL / "gold", pred, "--json", ours).returncode == 0
    shared.main([str(SHARED_EVAL / "gold"), str(pred), "--json", str(theirs)])
    a, b = json.loads(ours.read_text()), json.loads(theirs.read_text())
    assert {k: a[k] for k in b} == b


@pytest.mark.parametrize("case", ["no gold folder", "bad json line", "missing prediction"])
def test_cli_bad_input_is_one_line_naming_the_file(cli, tmp_path, case):
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    args = {"no gold folder": (tmp_path / "nope", pred),
            "bad json line": (GOLD, pred),
            "missing prediction": (GOLD, tmp_path / "absent.jsonl")}[case]
    res = cli("evaluate", *args)
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "Traceback" not in res.stderr
