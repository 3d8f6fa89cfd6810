"""Who speaks: nouns that cannot speak are never speakers, descriptions resolve to the person the
article names, reporting verbs and channels attribute speech (data/speaker_nouns.yaml,
data/reporting_verbs.yaml). Sentences written for these tests, from different wars."""
import pytest

from sitrep.knowledge import Knowledge, get_knowledge, use_knowledge


def speakers(an):
    return [(q.speaker, q.direct) for q in an.quotes]


@pytest.fixture
def quotes_of(analyse):
    def run(body):
        return speakers(analyse("Report\n\n" + body, published="2024-05-02"))
    return run


# -- class 2: nouns that cannot speak, anonymous sources, descriptions --------------------------

@pytest.mark.parametrize("body", [
    "The statement said the ceasefire in Sennar would hold until the end of the month.",
    "“All fighters must leave the city by Friday,” the message said.",
    "“Those who have reached the age of 25 will be called up,” the draft text reads.",
    "According to the formula agreed in Doha, the hostages would be freed in stages.",
    "“This is a sham election staged by the junta,” critics said.",
    "“Nobody came to help us after the floods,” one guy said in Maiduguri.",
    "A security official said the attackers fled toward the border with Niger.",
    "Local sources said the militia had looted the market in Beni.",
    "The report claims at least five rockets hit the port of Hodeidah.",
    "According to the agency, the convoy was stopped at the Rafah crossing.",
])
def test_nouns_that_cannot_speak_or_name_no_one_are_never_speakers(quotes_of, body):
    assert quotes_of(body) == []


@pytest.mark.parametrize("body,speaker", [
    ("Margarita Simonyan, the editor in chief of RT, wrote: “The West has lost this war.”",
     "Margarita Simonyan"),
    ("The drone hit the bus station, the deputy mayor of Kherson, Olena Petrenko, told reporters.",
     "Olena Petrenko"),
    ("“The shelling did not stop all night,” Abdi Hassan told journalists in Baidoa.", "Abdi Hassan"),
    ("Governor Vyacheslav Gladkov visited Shebekino on Sunday. Two houses burned down. The "
     "governor said that the shelling had continued overnight.", "Vyacheslav Gladkov"),
    ("Prime Minister Shehbaz Sharif chaired a meeting in Islamabad. The country's prime minister "
     "said that Pakistan would respond to the strikes.", "Shehbaz Sharif"),
    ("Volodymyr Zelensky spoke in Kyiv on Monday. Later, the president said that the air defence "
     "had shot down most of the drones.", "Volodymyr Zelensky"),
    ("One witness, named Aung Kyaw, said: “The soldiers burned the whole village of Tar Taing.”",
     "Aung Kyaw"),
    ("Belgorod governor Vyacheslav Gladkov visited Shebekino on Monday. Three houses burned. The "
     "head of the regional administration said that two civilians were wounded.", "Vyacheslav Gladkov"),
])
def test_a_description_resolves_to_the_person_the_article_names(quotes_of, body, speaker):
    found = quotes_of(body)
    assert found and all(s == speaker for s, _ in found), found


def test_an_office_is_not_guessed_among_several_people(quotes_of):
    # two people named before, neither with that office: the description is not resolved, and an
    # unresolved description's indirect speech is not kept
    assert quotes_of("Volodymyr Zelensky met Antony Blinken in Kyiv on Monday. Later the head of "
                     "the regional administration said that two civilians were wounded.") == []


def test_the_same_source_is_the_source_named_before(quotes_of):
    found = quotes_of("One resident, named Halima Musa, said: “They came at dawn and burned the "
                      "houses.” The same source said that the gunmen had taken 30 cattle.")
    assert [s for s, _ in found] == ["Halima Musa", "Halima Musa"]


def test_a_person_without_a_name_is_no_speaker_a_body_without_a_name_is(quotes_of):
    # anonymous speakers are left out (the shared gold's convention), also in direct speech
    assert quotes_of("“We are running out of fuel for the generators,” the hospital director "
                     "said in Gaza City.") == []
    assert quotes_of("The hospital director said that the generators had run out of fuel.") == []
    assert quotes_of("“We are running out of fuel for the generators,” the health ministry "
                     "said in Gaza City.") == [("health ministry", True)]


def test_a_document_speaks_for_its_author(quotes_of):
    found = quotes_of("An explanatory note signed by Defence Minister Rustem Umerov said the "
                      "change would include the “lowering of the conscription age to 25 years.”")
    assert [s for s, _ in found] == ["Rustem Umerov"]


def test_indirect_speech_of_bodies_is_kept_only_when_the_data_says_so(analyse):
    text = "Report\n\nHuman Rights Watch said that soldiers had executed 12 men near Djibo."
    assert speakers(analyse(text)) == []
    data = dict(get_knowledge().yaml("speaker_nouns.yaml"), indirect_speakers="any")
    with use_knowledge(Knowledge(files={"speaker_nouns.yaml": data})):
        assert speakers(analyse(text)) == [("Human Rights Watch", False)]


def test_a_name_before_a_colon_speaks(quotes_of):
    assert quotes_of("Hemedti: “We will take El Fasher before the rains”") == [("Hemedti", True)]
    assert quotes_of("Quote: “We will take El Fasher before the rains”") == []


# -- class 3: reporting verbs and channels -------------------------------------------------------

@pytest.mark.parametrize("body,speaker", [
    ("“We will not leave Khartoum to the militias,” exclaimed Abdel Fattah al-Burhan.",
     "Abdel Fattah al-Burhan"),
    ("“Please let the convoys through to Kadugli,” implored Martin Griffiths.", "Martin Griffiths"),
    ("“The shelling has not stopped since dawn,” Ahmed Nur emailed on Tuesday.", "Ahmed Nur"),
    ("“Our units repelled the assault near Chasiv Yar,” Oleksandr Syrskyi wrote on Telegram.",
     "Oleksandr Syrskyi"),
    ("“Aleppo will be free again,” Bashar al-Assad said in a video address.", "Bashar al-Assad"),
    ("Yulia Svyrydenko posted on Facebook that the power grid was stable again.", "Yulia Svyrydenko"),
    ("According to a statement by Moussa Faki, the talks in Addis Ababa had failed.", "Moussa Faki"),
    ("“Give us water, not promises,” begged Fatima Ali at the camp in Marib.", "Fatima Ali"),
    ("“The bridge at Kherson is gone,” Andriy Kovalenko texted from the front.", "Andriy Kovalenko"),
    ("“We did not order this strike,” Naftali Bennett told the BBC in an interview.", "Naftali Bennett"),
    ("“The siege of Goma must end now,” Denis Mukwege added in a post on X.", "Denis Mukwege"),
    ("Prime Minister Abiy Ahmed said in a televised speech that the army had retaken Lalibela.",
     "Abiy Ahmed"),
    ("Ahmed Shah addressed elders in Kandahar, noting the Taliban had closed the crossing at "
     "Spin Boldak.", "Ahmed Shah"),
    ("In Kharkiv, debris from a downed drone set fire to a five-storey building in the Saltivka "
     "district, Mayor Ihor Terekhov said on the Telegram messaging app.", "Ihor Terekhov"),
])
def test_reporting_verbs_and_channels(quotes_of, body, speaker):
    found = quotes_of(body)
    assert [s for s, _ in found] == [speaker], found


def test_a_participle_after_a_parenthetical_attribution_has_its_speaker(quotes_of):
    found = quotes_of("Mayor Ihor Terekhov spoke on Sunday. Heavy shelling hit the northern districts, "
                      "he said, noting the region had suffered 30 attacks in one day.")
    assert len(found) == 2 and all(s == "Ihor Terekhov" for s, _ in found), found
    assert any(not d for _, d in found)


def test_reporting_verbs_are_data_a_user_extends(parsed):
    from sitrep.quotes import find_quotes
    text = "“The dam will hold,” Amina Yusuf hollered."
    data = dict(get_knowledge().yaml("reporting_verbs.yaml"))
    assert find_quotes(parsed(text)) == []
    data["direct"] = list(data["direct"]) + ["holler"]
    with use_knowledge(Knowledge(files={"reporting_verbs.yaml": data})):
        assert [q.speaker for q in find_quotes(parsed(text))] == ["Amina Yusuf"]
