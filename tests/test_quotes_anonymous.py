"""Anonymous speakers are left out, also of direct quotes (the shared gold's convention: "a
security official", "one man", "the hospital director" without a name); an unnamed body ("the
ministry", "the army") still speaks, and so does a person the article names. Sentences written
for these tests, from different wars."""
import pytest


@pytest.mark.parametrize("body", [
    "“We are running out of fuel for the generators,” the hospital director said in Gaza City.",
    "“The shelling started at dawn and did not stop,” the resident told AFP by phone from Sennar.",
    "“Nobody has come to help us since the floods,” the village chief said near Maiduguri.",
    "“They took our cattle and burned the granary,” the farmer said in a camp outside Tawila.",
    "“We counted eleven bodies on the road to Kalehe,” the nurse said.",
    "“There is no bread left in the market,” the shopkeeper told the BBC in Khan Younis.",
    "“The soldiers came at night and took my son,” the mother said in Sittwe.",
    "“The drones hit the school twice,” the teacher said in Kramatorsk.",
    "“We fled with nothing but our clothes,” the refugee said at the Adre crossing.",
    "“The rebels control the road to Bunia now,” the driver told Reuters.",
    "“The jets came back three times,” the doctor said in Idlib.",
])
def test_an_unnamed_persons_direct_quote_is_left_out(quotes_of, body):
    assert quotes_of(body) == []


@pytest.mark.parametrize("body,speaker", [
    ("“The convoy was hit near Rafah,” the ministry said on Monday.", "ministry"),
    ("“We repelled the attack on El Fasher,” the army said in a statement.", "army"),
    ("“Forty fighters surrendered in Sambisa,” the military said.", "military"),
    ("Gaza health minister Majed Abu Ramadan visited the hospital. “There is no fuel left,” the "
     "minister said.", "Majed Abu Ramadan"),
])
def test_an_unnamed_body_or_a_named_person_still_speaks(quotes_of, body, speaker):
    found = quotes_of(body)
    assert [s for s, _ in found] == [speaker], found
