"""The per-article caches that make extraction cheaper change nothing a user sees: a participant
resolved once and handed out again is the same participant, a copy the caller may change, and
whole articles from many wars code the same events as when every resolution is worked out
afresh."""
from __future__ import annotations

import json
import sys

import pytest

from sitrep.events import roles
from sitrep.pipeline import analyse, to_record
from sitrep.record import Article

ARTICLES = [
    "Sudanese army jets bombed a market in Nyala on Monday, killing 14 people, local medics said.\n"
    "The Rapid Support Forces said the army had targeted civilians. The army denied it.",
    "Jihadist fighters ambushed a Malian army convoy near Boni on Tuesday. Mali's army said "
    "nine soldiers were killed and that its troops repelled the attackers.",
    "Israeli aircraft struck a house in Rafah overnight, killing a family of five, Gaza health "
    "officials said. Hamas fighters fired rockets at Ashkelon hours later.",
    "Hezbollah said it launched drones at an Israeli army base near Metula on Friday. The "
    "Israeli military said its air defences intercepted them.",
    "Myanmar's military shelled the town of Lashio on Saturday, residents said. The Ta'ang "
    "National Liberation Army said its fighters held the town's northern districts.",
    "M23 rebels seized the town of Rubaya in North Kivu, Congolese army officials said. The "
    "rebels and the army exchanged fire through the night; Rwanda denied backing the group.",
    "Houthi forces fired a missile at a tanker in the Red Sea on Wednesday, the US military "
    "said. The Houthis said they had struck the ship.",
    "Syrian government forces and Turkish-backed fighters clashed near Manbij, a war monitor "
    "said. It said 22 fighters died on both sides.",
    "Al-Shabaab militants attacked a Somali army base in Middle Shabelle at dawn. The militants "
    "said they killed 30 soldiers; the army said 5 died.",
    "Gunmen abducted 40 villagers in Zamfara state on Sunday, Nigerian police said. The police "
    "said officers were searching the forest for the kidnappers.",
    "Ethiopian federal troops and Fano militiamen fought in Gondar on Thursday, witnesses said. "
    "The regional government said calm had returned.",
    "Russian forces struck Kharkiv with glide bombs on Monday, Governor Oleh Syniehubov said. "
    "Ukraine's air force said it shot down 12 drones overnight.",
]


def _records(texts) -> list[dict]:
    out = []
    for i, text in enumerate(texts):
        rec = to_record(analyse(Article(id=f"a{i}", text=text, published="2024-05-06")))
        out.append(rec.to_json())
    return out


def _fresh(tok, an, actors, ctx, as_target=False):
    return roles._resolve(tok, an, actors, ctx, as_target)


def test_articles_code_the_same_events_as_with_every_resolution_worked_out_afresh(monkeypatch):
    cached = [json.dumps(r, default=str, sort_keys=True) for r in _records(ARTICLES)]
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("sitrep.") and getattr(module, "resolve", None) is roles.resolve:
            monkeypatch.setattr(module, "resolve", _fresh)
    fresh = [json.dumps(r, default=str, sort_keys=True) for r in _records(ARTICLES)]
    assert cached == fresh


@pytest.mark.parametrize("text", ARTICLES[:6])
def test_a_participant_resolved_again_is_an_equal_copy(text):
    from sitrep.events.actors import load_actors

    an = analyse(Article(id="t", text=text, published="2024-05-06"))
    actors = load_actors()
    subjects = [t for t in an.doc if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and t.pos_ in ("NOUN", "PROPN")]
    assert subjects
    for tok in subjects:
        first = roles.resolve(tok, an, actors, None)
        if first is None:
            continue
        first.tokens.add(10 ** 6)
        first.name = "changed by the caller"
        again = roles.resolve(tok, an, actors, None)
        assert again == roles._resolve(tok, an, actors, None)
        assert again.name != "changed by the caller" and 10 ** 6 not in again.tokens
        # with a context: the same answer as a resolution worked out afresh with that context
        for _ in range(2):
            assert roles.resolve(tok, an, actors, roles.Context()) == roles._resolve(tok, an, actors, roles.Context())


def test_a_pronoun_follows_the_context_it_is_resolved_in():
    from sitrep.events.actors import load_actors

    an = analyse(Article(id="t", text="The rebels said they would fight on.", published="2024-05-06"))
    actors = load_actors()
    they = next(t for t in an.doc if t.lower_ == "they")
    one, other = roles.Context(), roles.Context()
    one.last_person = one.last_group = one.last_org = roles.Role("Arakan Army", "MM", "rebel")
    other.last_person = other.last_group = other.last_org = roles.Role("Fano", "ET", "rebel")
    names = [getattr(roles.resolve(they, an, actors, c), "name", None) for c in (one, other, one)]
    assert names == [getattr(roles._resolve(they, an, actors, c), "name", None) for c in (one, other, one)]
    assert names[0] != names[1]
