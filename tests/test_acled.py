"""The one ACLED mapper (sitrep.acled): types, parties, inter codes, as ACLED codes them.

Sentences are written for the project, from different wars; the mapper sees what the coder
stored (type, mode, target, sector, evidence sentence), never a parse."""
from __future__ import annotations

import pytest

from sitrep import acled

SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
AIR = ("Explosions/Remote violence", "Air/drone strike")
INTERVENTION = ("Protests", "Protest with intervention")
EXCESSIVE = ("Protests", "Excessive force against protesters")
TRANSFER = ("Strategic developments", "Non-violent transfer of territory")


@pytest.mark.parametrize("mode,text", [
    ("explosion", "A missile explosion shook the port of Odesa before dawn."),
    ("explosion", "Residents of Omdurman heard blasts as artillery rounds landed near the market."),
    ("bombing", "Rockets fired from Gaza exploded over Ashkelon, police said."),
    ("explosion", "Mortar fire killed two herders outside Baidoa, Somali officials said."),
    (None, "A barrage of Grad rockets struck Goma's outskirts on Tuesday."),
    ("explosion", "Shelling hit a school in Idlib province, a rescue group reported."),
    ("explosion", "Houthi forces said a ballistic missile hit a tanker in the Red Sea."),
    (None, "Howitzer fire reached the edge of Kherson overnight."),
    ("explosion", "The explosion came after shells landed in a Beirut suburb."),
    ("bombing", "Militia artillery pounded the outskirts of El Fasher for a third day."),
    (None, "Rebel mortars struck an army post near Bunia, the spokesman said."),
])
def test_a_remote_weapon_named_in_the_sentence_is_shelling_not_remote_explosive(mode, text):
    assert acled.classify("ASSAULT", mode, text=text) == SHELLING


@pytest.mark.parametrize("text", [
    "A drone explosion damaged a power plant in Kursk region.",
    "Witnesses said the blast followed an air raid on Sanaa.",
    "An airstrike flattened a house in Rafah, medics said.",
    "A warplane dropped a bomb on a market in Sagaing region.",
    "The explosion was caused by a UAV, the Malian army said.",
    "Drones struck a fuel depot in Port Sudan on Sunday.",
    "An air strike hit a convoy near Mekelle, aid workers said.",
    "A Turkish drone hit a car in Qamishli.",
    "Residents blamed an air raid for the explosion in Maiduguri.",
    "Explosions echoed after a drone attack on Kharkiv's north.",
])
def test_an_air_weapon_named_in_the_sentence_is_an_air_strike(text):
    assert acled.classify("ASSAULT", "explosion", text=text) == AIR


def test_a_bomb_with_no_remote_weapon_stays_an_explosive():
    assert acled.classify("ASSAULT", "bombing", text="A car bomb exploded outside a hotel in Mogadishu.") == (
        "Explosions/Remote violence", "Remote explosive/landmine/IED")


PEACEFUL = ("Protests", "Peaceful protest")


@pytest.mark.parametrize("text", [
    "Police fired tear gas to disperse crowds marching on the presidential palace in Khartoum.",
    "Security forces dispersed a rally in Niamey demanding the release of detainees.",
    "Riot police used water cannon against demonstrators in Tbilisi.",
    "Officers broke up a sit-in outside parliament in Beirut.",
    "The protest in Yangon was broken up by soldiers within an hour.",
    "Dozens of marchers were arrested as police moved in on the vigil in Minsk.",
    "Rubber bullets were fired at students protesting in Dhaka.",
    "Police in Lagos dispersed a demonstration against fuel prices.",
    "Stun grenades were thrown at protesters in Bamako.",
    "Troops used batons to clear a protest camp in Addis Ababa.",
])
def test_a_dispersed_protest_is_protest_with_intervention(text):
    assert acled.classify("PROTEST", "demonstration", PEACEFUL, text=text) == INTERVENTION
    assert acled.disorder_type(INTERVENTION) == "Demonstrations"


@pytest.mark.parametrize("text,fatalities", [
    ("Soldiers opened fire on protesters in Omdurman, killing four.", 4),
    ("Two demonstrators were shot dead in Conakry, a rights group said.", 2),
    ("Security forces used live ammunition against marchers in Mandalay.", None),
    ("Three people died when police fired on protesters in Nairobi.", 3),
    ("Live rounds were fired at a rally in Freetown.", None),
])
def test_lethal_force_on_protesters_is_excessive_force(text, fatalities):
    assert acled.classify("PROTEST", "demonstration", PEACEFUL, text=text, fatalities=fatalities) == EXCESSIVE
    assert acled.disorder_type(EXCESSIVE) == "Political violence; Demonstrations"


def test_a_quiet_protest_stays_peaceful():
    assert acled.classify("PROTEST", "demonstration", PEACEFUL,
                          text="Thousands marched peacefully through Tel Aviv on Saturday.") == PEACEFUL


@pytest.mark.parametrize("etype,mode,text", [
    ("RETREAT", "withdrawal", "French troops handed over the Menaka base to the Malian army."),
    ("RETREAT", "withdrawal", "UN peacekeepers handed over their camp in Kidal to national forces."),
    ("AGREE", None, "The deal saw the militia hand over the town of Manbij to government troops."),
    ("RETREAT", "withdrawal", "The handover of Nyala airport to the army was completed on Friday."),
    ("CONCEDE", None, "Rebels ceded control of the border post to Ethiopian federal forces."),
    ("RETREAT", "withdrawal", "The peacekeeping mission transferred control of the area to the FARDC."),
    ("AGREE", None, "Under the accord, the SDF agreed to hand over Deir ez-Zor checkpoints."),
    ("RETREAT", "withdrawal", "Kenyan soldiers are handing over bases in Lower Shabelle to Somali troops."),
    ("RETREAT", "withdrawal", "MONUSCO completed the hand-over of its Bunia base."),
    ("AGREE", None, "The transfer of control of Hodeidah port to a neutral body was agreed."),
])
def test_a_handover_is_a_non_violent_transfer_of_territory(etype, mode, text):
    assert acled.classify(etype, mode, text=text) == TRANSFER


@pytest.mark.parametrize("etype", ["ACCUSE", "CONSULT", "REQUEST", "THREATEN", "REJECT", "SUPPORT"])
def test_speech_acts_have_no_acled_type(etype):
    assert acled.classify(etype, None, text="The minister accused the rebels of shelling Goma.") == (None, None)


@pytest.mark.parametrize("actor,country,sector,violent,expected,inter", [
    ("Russia", None, None, True, "Military Forces of Russia", 1),
    ("Russian forces", "RU", "military", True, "Military Forces of Russia", 1),
    ("Sudanese army", None, None, True, "Military Forces of Sudan", 1),
    ("IDF", None, None, True, "Military Forces of Israel", 1),
    ("Putin", None, None, False, "Government of Russia", 1),
    ("Hamas", None, None, True, "Hamas", 2),
    ("RSF", None, None, True, "Rapid Support Forces", 2),
    ("riot police", "KE", "police", True, "Police Forces of Kenya", 1),
    ("villagers", "NG", "civilian", False, "Civilians (Nigeria)", 7),
    ("Wagner", None, None, True, "Wagner Group", 1),
    ("M23 rebels", None, None, True, "M23", 2),
    ("UN peacekeepers in Congo", None, None, False, "MONUSCO", 8),
])
def test_parties_are_acled_style_names(actor, country, sector, violent, expected, inter):
    p = acled.party(actor, country, sector, violent=violent)
    assert (p.name, p.inter) == (expected, inter)


@pytest.mark.parametrize("target", ["market", "city centre", "power plant", "grain silo", "hospital",
                                    "bridge", "apartment block", "port infrastructure", "checkpoint",
                                    "fuel depot"])
def test_physical_targets_are_never_actor2(target):
    cols = acled.parties({"type": "ASSAULT", "actor": "Russia", "target": target, "country": "UA"}, SHELLING)
    assert cols["actor2"] is None and cols["physical_target"] == target and cols["interaction"] == 10


def test_civilians_attacked_are_civilian_targeting():
    pair = acled.classify("ASSAULT", "ground", target="villagers", target_sector="civilian")
    assert pair == ("Violence against civilians", "Attack")
    cols = acled.parties({"type": "ASSAULT", "actor": "JNIM", "target": "villagers", "target_sector": "civilian",
                          "country": "BF"}, pair)
    assert cols["actor1"] == "JNIM" and cols["actor2"] == "Civilians (Burkina Faso)"
    assert cols["interaction"] == 27 and cols["civilian_targeting"] == "Civilian targeting"


def test_a_user_overlay_renames_a_party_and_adds_a_rule(tmp_path):
    from sitrep.knowledge import Knowledge
    (tmp_path / "actors.yaml").write_text("parties:\n  Hamas: Hamas Movement\n")
    (tmp_path / "acled.yaml").write_text(
        "refine:\n  - {types: [COERCE], words: [looted], acled: [Strategic developments, Looting/property destruction]}\n")
    kb = Knowledge(overlays=[tmp_path])
    assert acled.party("Hamas", kb=kb).name == "Hamas Movement"
    assert acled.classify("COERCE", None, text="Fighters looted the warehouse.", kb=kb) == (
        "Strategic developments", "Looting/property destruction")


def test_a_broken_rule_is_one_line_naming_the_file(tmp_path):
    from sitrep.knowledge import Knowledge, KnowledgeError
    (tmp_path / "acled.yaml").write_text("refine:\n  - {types: [ASSAULT], acled: [Battles]}\n")
    with pytest.raises(KnowledgeError, match="acled.yaml") as exc:
        acled.classify("ASSAULT", "ground", kb=Knowledge(overlays=[tmp_path]))
    assert "\n" not in str(exc.value)


@pytest.mark.parametrize("name,country,expected", [
    ("Abdoulaye Seydou", "NE", "Civilians (Niger)"), ("Mohammed al-Hassan", "SD", "Civilians (Sudan)"),
    ("Aung Kyaw", "MM", "Civilians (Myanmar)"), ("Olena Kovalenko", "UA", "Civilians (Ukraine)"),
    ("Fatima Diallo", "ML", "Civilians (Mali)"), ("Yusuf Abdi", "SO", "Civilians (Somalia)"),
    ("Rami Haddad", "LB", "Civilians (Lebanon)"), ("Amina Bello", "NG", "Civilians (Nigeria)"),
    ("Jean-Pierre Mukendi", "CD", "Civilians (Democratic Republic of the Congo)"),
    ("Samir Khalil", "SY", "Civilians (Syria)"),
])
def test_a_named_person_with_no_side_is_a_civilian_party_named_beside_it(name, country, expected):
    cols = acled.parties({"type": "COERCE", "actor": "police", "actor_sector": "police", "target": name,
                          "target_entity_id": 7, "target_kind": "person", "country": country},
                         ("Strategic developments", "Arrests"))
    assert (cols["actor2"], cols["assoc_actor_2"], cols["inter2"]) == (expected, name, 7)
    assert cols["actor1"].startswith("Police Forces of ")                  # police act at home


def test_a_known_leader_stays_his_government():
    p = acled.party("Putin", person=True)
    assert (p.name, p.inter) == ("Government of Russia", 1)



# ---------------------------------------------------------------- attacks with no mode

BATTLE = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")


@pytest.mark.parametrize("target,sector,text,expected", [
    ("military base", None, "Al-Shabaab militants attacked a military base near Mogadishu.", BATTLE),
    ("convoy of soldiers", None, "Jihadists ambushed a convoy of soldiers in Burkina Faso.", BATTLE),
    ("Peshmerga", "military", "The group claimed an attack on Peshmerga near Kirkuk.", BATTLE),
    ("army checkpoint", None, "Gunmen attacked an army checkpoint outside Maiduguri.", BATTLE),
    ("police station", "police", "Insurgents raided a police station in Cabo Delgado.", BATTLE),
    ("M23 positions", "rebel", "Congolese troops attacked M23 positions near Sake.", BATTLE),
    ("school", None, "Israeli strikes hit a school in Gaza City, officials said.", AIR),
    ("hospital", None, "A strike on a hospital in Khan Younis killed four.", AIR),
    ("mosque", None, "Twin suicide bombings targeted a mosque in Mastung.",
     ("Explosions/Remote violence", "Suicide bomb")),
    ("villages", None, "The militants claimed an attack on two villages west of Erbil.", ATTACK),
    ("office", None, "The official said the attack targeted his office in Melitopol.", ATTACK),
    (None, None, "Fighters stormed the town of Wad Madani, residents said.", ATTACK),
])
def test_an_attack_with_no_mode_still_has_an_acled_type(target, sector, text, expected):
    # ACLED codes every act of political violence: a report with no weapon or mode named is
    # never dropped from the CSV for want of a type
    assert acled.classify("ASSAULT", None, None, target=target, target_sector=sector, text=text) == expected


def test_an_attack_with_its_own_acled_type_keeps_it():
    given = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert acled.classify("ASSAULT", None, given, target="army convoy", text="A roadside bomb hit an army convoy.") \
        == given


@pytest.mark.parametrize("fatalities,expected", [
    (0, ("Strategic developments", "Looting/property destruction")),
    (3, ATTACK),
])
def test_arson_is_property_destruction_unless_it_kills(fatalities, expected):
    text = "Militiamen set fire to homes in a village near Bunia."
    assert acled.classify("ASSAULT", "arson", None, target="homes", text=text, fatalities=fatalities) == expected


# ---------------------------------------------------------------- described parties

@pytest.mark.parametrize("name,country,expected,inter", [
    ("gunmen", "NG", "Unidentified Armed Group (Nigeria)", 3),
    ("unidentified gunmen", "CD", "Unidentified Armed Group (Democratic Republic of the Congo)", 3),
    ("Unknown attackers", "ML", "Unidentified Armed Group (Mali)", 3),
    ("terrorists", "PK", "Unidentified Armed Group (Pakistan)", 3),
    ("armed men", "BF", "Unidentified Armed Group (Burkina Faso)", 3),
    ("bandits", "NG", "Unidentified Armed Group (Nigeria)", 3),
    ("suspected jihadists", "NE", "Unidentified Armed Group (Niger)", 3),
    ("Islamist militants", "MZ", "Unidentified Armed Group (Mozambique)", 3),
    ("unidentified armed men", "CF", "Unidentified Armed Group (Central African Republic)", 3),
    ("villagers", "SD", "Civilians (Sudan)", 7),
    ("worshippers", "SO", "Civilians (Somalia)", 7),
    ("displaced people", "MM", "Civilians (Myanmar)", 7),
    ("students", "ET", "Civilians (Ethiopia)", 7),
])
def test_a_described_party_is_written_as_acled_writes_it(name, country, expected, inter):
    p = acled.party(name, None, None, violent=True, fallback_country=country)
    assert (p.name, p.inter) == (expected, inter)


def test_a_described_party_without_a_country_keeps_its_words():
    assert acled.party("gunmen", None, None, violent=True).name == "gunmen"


def test_villagers_attacked_are_actor2_and_civilian_targeting():
    ev = {"type": "ASSAULT", "actor": "gunmen", "target": "villagers", "country": "NG"}
    out = acled.parties(ev, ("Violence against civilians", "Attack"))
    assert out["actor1"] == "Unidentified Armed Group (Nigeria)" and out["actor2"] == "Civilians (Nigeria)"
    assert out["interaction"] == 37 and out["civilian_targeting"] == "Civilian targeting"


@pytest.mark.parametrize("name,sector,expected", [
    ("Cameroon government soldiers", "military", "Military Forces of Cameroon"),
    ("Iraqi forces", "military", "Military Forces of Iraq"),
    ("Nigerian police officers", "police", "Police Forces of Nigeria"),
    ("Sudan's army", "military", "Military Forces of Sudan"),
])
def test_a_force_named_with_its_country_is_that_countrys_force(name, sector, expected):
    assert acled.party(name, None, sector, violent=True).name == expected


@pytest.mark.parametrize("words, text, found", [
    (("looted",), "Fighters looted the warehouse in Goma.", True),
    (("shell",), "Army shells fell on the market in Kharkiv.", True),           # a plural
    (("torch",), "The crowd torches the office in Khartoum.", True),            # -es
    (("raid",), "The paraid story from Mogadishu.", False),                    # not inside a word
    (("raid",), "They raided the camp near Idlib.", False),                    # no other ending
    (("air strike", "drone"), "An  Air\nStrike hit Sanaa.", True),              # spaces folded
    (("drone",), "An air strike hit Sanaa.", False),
    ((), "Anything at all in Maiduguri.", False),
    (("a.b",), "axb in Gao", False),                                           # a word, not a pattern
])
def test_rule_words_match_whole_words_of_the_text(words, text, found):
    assert acled._any_word(words, text) is found
    assert acled._any_word(words, text) is found          # the kept pattern gives the same answer
