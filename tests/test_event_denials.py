"""Denials (issue 9, class 5): "the army denied shelling the camp" answers an accuser. Its target
is the accuser told before (the last one who accused or claimed), else the one who accuses in the
denial's own sentence ("..., after Kinshasa accused the rebels"); a denial of "any involvement"
answers the accuser too; a rebel group's denial can answer its own country's government; with
no accuser told, no target is made up.

Texts written for these tests, from several wars.
"""
from __future__ import annotations

import pytest


@pytest.fixture
def denial(analyse):
    def run(text):
        found = [e for e in analyse(text, "2025-01-20").events if e.type == "REJECT"]
        assert len(found) == 1, [(e.type, e.trigger, e.actor) for e in analyse(text).events]
        return found[0]
    return run


DENIALS = [
    ("Aid groups accused the RSF of shelling a displacement camp near El Fasher. The RSF denied "
     "shelling the camp.", "Rapid Support Forces", "Aid groups"),
    ("Kyiv accused Moscow of striking a hospital in Kharkiv. The Kremlin denied the accusation.",
     "Russia", "Ukraine"),
    ("Hamas said Israeli troops had killed 20 people at a school. The Israeli army denied "
     "targeting civilians.", "IL", "PS"),
    ("Residents blamed the army for the massacre in Tillaberi. The military rejected the claims.",
     None, "residents"),
    ("The Ethiopian government accused the TPLF of attacking a convoy. The TPLF denied any "
     "involvement.", "Tigray People's Liberation Front", "Ethiopian government"),
    ("M23 denied attacking Sake, after Kinshasa accused the rebels of shelling the town.",
     "M23", "CD"),
    ("Myanmar's junta denied bombing a school in Sagaing, which rights groups had blamed on its "
     "air force.", "MM", "rights groups"),
    ("Human Rights Watch accused Nigerian troops of killing civilians in Zamfara. The army "
     "dismissed the report as false.", "NG", "Human Rights Watch"),
    ("Syrian state media said Turkish drones had struck Qamishli. Ankara denied carrying out the "
     "strike.", "TR", "SY"),
    ("Russia denied Ukraine's claim that its forces had shelled a hospital.", "Russia", "Ukraine"),
    ("The Sudanese army rejected RSF allegations that it had bombed a market in Nyala.",
     "SD", "Rapid Support Forces"),
]


def _is(value, name, country) -> bool:
    return value == country if len(value) == 2 and value.isupper() else value == name


@pytest.mark.parametrize("text,denier,accuser", DENIALS)
def test_a_denial_answers_its_accuser(denial, text, denier, accuser):
    e = denial(text)
    if denier is not None:
        assert _is(denier, e.actor, e.actor_country), (e.actor, e.actor_country)
    assert e.target is not None and _is(accuser, e.target, e.target_country), (e.target, e.target_country)
    assert e.target != e.actor


def test_a_denial_with_no_accuser_told_is_done_to_the_accusation(denial):
    # no party is told accusing: the target is the accusation denied, in the article's words
    # (as the project's gold codes "Moscow denies targeting civilians"), never a party guessed
    e = denial("The army denied shelling the camp on Tuesday.")
    assert e.target is not None and "shelling" in e.target and e.target_country is None
