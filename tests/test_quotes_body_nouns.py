"""A body named by a common noun that no earlier name holds ("the mission" after UNIFIL, "the
force" after MONUSCO) is the organization that spoke just before it: the subject of a
reporting verb in its sentence or the two before, named as the article writes it (as "the
ministry" names the body whose name holds the noun). Sentences written for these tests, from
many wars."""
from __future__ import annotations

import pytest

HEADLINE = "Statements on the fighting\n\n"

# (text, the body that speaks in the last sentence)
CASES = [
    ('UNIFIL said a tank fired two shells near its position. No one was hurt. The mission said: '
     '"This is a grave violation of resolution 1701."', "UNIFIL"),
    ('MONUSCO said its base near Bunia came under mortar fire. The mission said: "Our '
     'peacekeepers returned fire and the attackers fled."', "MONUSCO"),
    ('MINUSCA said rebels attacked a patrol near Bambari. The mission added: "One peacekeeper '
     'was wounded and evacuated to Bangui."', "MINUSCA"),
    ('UNMISS said thousands of people had fled to its base in Malakal. The mission said: "We are '
     'sheltering more than 40,000 civilians."', "UNMISS"),
    ('AUSSOM said its troops repelled an attack near Afgoye. The force said: "Our soldiers '
     'killed several militants."', "AUSSOM"),
    ('The MNJTF said it freed 30 hostages near Lake Chad. The force said: "The operation '
     'continues on the islands."', "MNJTF"),
    ('UNDOF said its observers saw tanks in the buffer zone. The force said: "Such movements '
     'violate the 1974 agreement."', "UNDOF"),
    ('KFOR said it had reinforced its patrols near the border. The force said: "We will not '
     'tolerate any violence."', "KFOR"),
    ('UNAMA said 30 civilians were killed in the blast in Kabul. The mission said: "Those '
     'responsible must be held to account."', "UNAMA"),
    ('UNSMIL said the clashes in Tripoli killed 12 people. The mission said: "We call on all '
     'sides to return to the ceasefire."', "UNSMIL"),
    ('BINUH said gangs controlled most of the capital. The office said: "The violence has '
     'displaced a million people."', "BINUH"),
]


@pytest.mark.parametrize("text,body", CASES)
def test_a_body_noun_speaks_for_the_body_that_spoke_before(analyse, text, body):
    a = analyse(HEADLINE + text, "2025-05-02")
    last = text.rsplit(': "', 1)[1].rstrip('".')
    speakers = [q.speaker for q in a.quotes if last[:30] in q.text]
    assert speakers == [body], [(q.speaker, q.text) for q in a.quotes]


def test_a_body_noun_with_no_body_speaking_before_names_none(analyse):
    a = analyse(HEADLINE + 'Fighting went on near Kidal for a third day. The mission said: '
                '"We have withdrawn from the camp."', "2025-05-02")
    assert all(q.speaker in (None, "mission") for q in a.quotes)
