"""A body and the officer named right after it are two entities, even when the model tags them as
one organization ("Permanent Representative to the UN Vasily Nebenzya"); a surname that opens
with a particle ("Al-Khulaifi", "al-Burhan", "bin Salman") told alone is the person named in full."""
import pytest


OFFICERS = [
    ("Russian Permanent Representative to the UN Vasily Nebenzya requested an urgent meeting. "
     "Nebenzya blamed Kyiv for the strike.", "Vasily Nebenzya"),
    ("Qatar's Minister of State at the Foreign Ministry Mohammed Al-Khulaifi spoke to both sides. "
     "Al-Khulaifi said talks would resume.", "Mohammed Al-Khulaifi"),
    ("The envoy to the African Union Mohamed Ali Youssouf visited Port Sudan. "
     "Youssouf called for a truce.", "Mohamed Ali Youssouf"),
    ("The ambassador to the UN Amar Bendjama asked for a vote. "
     "Bendjama said the council had failed Gaza.", "Amar Bendjama"),
    ("The head of the Sumy Oblast Military Administration Oleh Hryhorov said two people died. "
     "Hryhorov urged residents to leave.", "Oleh Hryhorov"),
    ("Sudan's ambassador to the UN Al-Harith Idriss said the RSF had shelled El Fasher. "
     "Idriss asked for sanctions.", "Al-Harith Idriss"),
    ("The head of the IAEA Rafael Grossi visited the Zaporizhzhia plant. "
     "Grossi said the situation was fragile.", "Rafael Grossi"),
    ("Myanmar's envoy to ASEAN Kyaw Moe Tun rejected the plan. "
     "Kyaw Moe Tun said the junta had no legitimacy.", "Kyaw Moe Tun"),
    ("The spokesman of the WHO Tarik Jasarevic said hospitals were overwhelmed. "
     "Jasarevic gave no figures.", "Tarik Jasarevic"),
    ("Yemen's envoy to the UN Abdullah al-Saadi condemned the attack. "
     "Al-Saadi said the Houthis had struck a tanker.", "Abdullah al-Saadi"),
]


@pytest.mark.parametrize("text,person", OFFICERS)
def test_the_officer_after_a_body_is_a_person_of_their_own(ents, text, person):
    persons, orgs, _ = ents(text)
    assert person in [p.name for p in persons], [p.name for p in persons]
    assert not [o.name for o in orgs if person.split()[-1] in o.name], [o.name for o in orgs]


PARTICLES = [
    ("Talks were hosted by Mohammed Al-Khulaifi on Wednesday. Mr. Al-Khulaifi expressed hope for a deal.",
     "Mohammed Al-Khulaifi", "Al-Khulaifi"),
    ("Army chief Abdel Fattah al-Burhan visited Omdurman. Al-Burhan vowed to fight on.",
     "Abdel Fattah al-Burhan", "Al-Burhan"),
    ("Crown Prince Mohammed bin Salman met the envoy. Bin Salman called for calm in Yemen.",
     "Mohammed bin Salman", "Bin Salman"),
    ("Libyan Presidential Council head Mohamed al-Menfi met the envoy. She met al-Menfi in Tripoli.",
     "Mohamed al-Menfi", "al-Menfi"),
    ("Houthi leader Abdul-Malik al-Houthi gave a speech. Al-Houthi threatened shipping again.",
     "Abdul-Malik al-Houthi", "Al-Houthi"),
    ("Iraqi Prime Minister Mohammed Shia al-Sudani condemned the strike. Al-Sudani ordered an inquiry.",
     "Mohammed Shia al-Sudani", "Al-Sudani"),
    ("Syrian President Ahmed al-Sharaa spoke on television. Al-Sharaa said troops would withdraw.",
     "Ahmed al-Sharaa", "Al-Sharaa"),
    ("Hamas official Khalil al-Hayya led the delegation. Al-Hayya rejected the proposal.",
     "Khalil al-Hayya", "Al-Hayya"),
    ("RSF deputy Abdelrahim Hamdan Dagalo was sanctioned. Hemedti's brother, Dagalo, denied it.",
     "Abdelrahim Hamdan Dagalo", "Dagalo"),
    ("Emir Tamim bin Hamad Al Thani hosted the talks. Al Thani said a truce was close.",
     "Tamim bin Hamad Al Thani", "Al Thani"),
]


@pytest.mark.parametrize("text,full,short", PARTICLES)
def test_a_particle_surname_alone_is_the_person_named_in_full(ents, text, full, short):
    persons, _, _ = ents(text)
    names = [p.name for p in persons]
    assert full in names, names
    assert short not in names, names
