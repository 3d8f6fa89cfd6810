"""Quotes: direct and indirect speech attributed to a speaker through the parse."""
import pytest

from sitrep.knowledge import Knowledge, get_knowledge, use_knowledge
from sitrep.quotes import find_quotes, quote_spans


@pytest.fixture
def quotes(parsed):
    """quotes(text, cleaned=True) -> quotes found by the stage alone (no entities stage)."""
    def run(text, cleaned=True):
        return find_quotes(parsed(text, cleaned)), text
    return run


@pytest.fixture
def any_speakers():
    """The speaker-noun data with `indirect_speakers: any`: indirect speech of bodies and
    descriptions kept too (the shipped convention keeps only named persons')."""
    data = dict(get_knowledge().yaml("speaker_nouns.yaml"), indirect_speakers="any")
    with use_knowledge(Knowledge(files={"speaker_nouns.yaml": data})) as kb:
        yield kb


def by_speaker(found):
    return {(q.speaker, q.direct): q for q in found}


def test_speaker_after_the_quote(quotes):
    found, text = quotes("“We cannot let them get away with it,” Blinken said on Thursday.")
    assert len(found) == 1
    q = found[0]
    assert (q.speaker, q.direct, q.verb) == ("Blinken", True, "say")
    assert q.text.startswith("We cannot let them get away with it")
    assert text[q.start:q.end] == q.evidence and "Blinken said" in q.evidence


def test_speaker_before_the_quote_and_a_multi_sentence_quote(quotes):
    found, _ = quotes('Putin told reporters: "If they want to come, help them. Please do this."')
    assert [(q.speaker, q.verb) for q in found] == [("Putin", "tell")]
    assert "Please do this" in found[0].text and "help them" in found[0].text


def test_pronoun_is_the_last_named_speaker(quotes):
    found, _ = quotes('Leonid Pasechnik spoke on television. "The shelling goes on," he said.')
    assert [q.speaker for q in found] == ["Leonid Pasechnik"]


def test_quote_only_paragraph_continues_the_previous_speaker(quotes):
    found, _ = quotes('"The regime does not want peace," Pasechnik said in his appeal.\n\n'
                      '"Kyiv keeps moving troops to the line of contact."')
    assert [q.speaker for q in found] == ["Pasechnik", "Pasechnik"]
    assert "line of contact" in found[1].text


def test_quote_only_paragraph_after_an_attribution_sentence(quotes):
    found, _ = quotes('The governor wrote on Telegram.\n\n"The enemy shelled the bridge at night."')
    assert [q.speaker for q in found] == ["governor"]


def test_a_lone_quote_with_nobody_before_it_has_no_speaker(quotes):
    found, _ = quotes('The town was quiet.\n\n"Nothing will stop us now, not even the winter."')
    assert found == []


def test_group_speakers_without_determiners(quotes):
    found, _ = quotes('"Mobilisation is going to plan," the Russian military said.')
    assert [q.speaker for q in found] == ["Russian military"]
    # unnamed officials are an anonymous source: not kept as a speaker
    found, _ = quotes("US officials said these could include fighters skilled in urban combat.")
    assert found == []


def test_glued_closing_quote_cleaned_or_not(quotes):
    text = '"We cannot let President Putin get away with it"declared the foreign ministry.'
    for cleaned in (True, False):
        found, _ = quotes(text, cleaned=cleaned)
        assert [(q.speaker, q.verb) for q in found] == [("foreign ministry", "declare")], cleaned


def test_fragment_in_the_complement_of_a_reporting_verb_is_a_quote(quotes):
    found, _ = quotes("Zelensky said “thugs from Syria” would be coming to Ukraine.")
    # the partial quote is listed once, with the clause around it
    assert [q.speaker for q in found] == ["Zelensky"] and "thugs from Syria" in found[0].text


def test_indirect_speech_around_a_quoted_tail(quotes, any_speakers):
    found, _ = quotes('The ministry declared that the evacuation is obligatory for families from 20 '
                      'villages, and "nobody will be left under fire".')
    assert {(q.speaker, q.direct) for q in found} == {("ministry", True), ("ministry", False)}
    indirect = [q for q in found if not q.direct][0]
    assert indirect.text.startswith("the evacuation is obligatory")


def test_scare_quotes_are_not_quotes(quotes):
    found, _ = quotes("The so-called “referendums” were held in four regions.")
    assert found == []
    found, _ = quotes("The “special operation” went on for months.")
    assert found == []
    found, _ = quotes("He praised what he called an “international legion”.")
    assert all(q.text != "international legion" for q in found)


def test_indirect_speech_forms(quotes, any_speakers):
    found, _ = quotes("The Russian military said nearly 10,000 people had volunteered.")
    assert [(q.speaker, q.direct, q.text) for q in found] == \
        [("Russian military", False, "nearly 10,000 people had volunteered")]
    found, _ = quotes("According to Newsweek, Zelensky was warned about a large invasion.")
    assert [(q.speaker, q.verb) for q in found] == [("Newsweek", "according to")]
    assert found[0].text.startswith("Zelensky was warned")
    found, _ = quotes("The vote is a sham, Blinken said, and nobody will accept it.")
    assert found[0].speaker == "Blinken" and "sham" in found[0].text and not found[0].direct
    found, _ = quotes("The minister told reporters that the army would hold the line.")
    assert found[0].text == "the army would hold the line"


def test_negated_or_unattributed_speech_is_not_reported(quotes):
    found, _ = quotes("The minister did not say that the army would retreat.")
    assert found == []
    found, _ = quotes("It is said that the army would retreat.")
    assert found == []


def test_joint_speakers(quotes):
    found, _ = quotes('Denis Pushilin and Leonid Pasechnik said the shelling had grown worse.')
    assert found and found[0].speaker == "Denis Pushilin and Leonid Pasechnik"


def test_quote_spans_pairing():
    text = 'a "one" b “two” c «three» d\n"open paragraph\nnext'
    spans = [text[a + 1:b] for a, b in quote_spans(text)]
    assert spans == ["one", "two", "three", "open paragraph"]
    assert quote_spans('it\'s John\'s "x"y') == [(12, 14)]


def test_speaker_is_canonicalised_through_the_entities_stage(analyse):
    an = analyse("Russian President Vladimir Putin addressed the nation.\n\n"
                 '"All the means of our arsenal will be used," Putin said.')
    assert [q.speaker for q in an.quotes] == ["Vladimir Putin"]


def test_a_statement_speaks_for_its_author(quotes, any_speakers):
    found, _ = quotes("A statement by the defence ministry said the convoy had been destroyed.")
    assert [(q.speaker, q.direct) for q in found] == [("defence ministry", False)]


def test_weak_reporting_verbs_need_that(quotes, any_speakers):
    found, _ = quotes("The new package adds 48 individuals to the list of banned officials.")
    assert found == []
    found, _ = quotes("The minister added that 48 individuals were banned.")
    assert [(q.speaker, q.text) for q in found] == [("minister", "48 individuals were banned")]


def test_organisation_speakers_are_named_canonically(analyse, any_speakers):
    # names are canonical (the record's rule): the body the entities stage knows, by its name
    an = analyse("Title\n\nThe UN says about 3 million people are displaced inside the country.")
    assert [q.speaker for q in an.quotes] == [next(o.name for o in an.organizations
                                                   if "UN" in [o.name, *o.aliases])]
    assert an.quotes[0].speaker != "UN"


def test_organisation_speakers_keep_the_article_phrase_when_the_data_says_written(analyse):
    data = dict(get_knowledge().yaml("speaker_nouns.yaml"), indirect_speakers="any",
                body_speaker_names="written")
    with use_knowledge(Knowledge(files={"speaker_nouns.yaml": data})):
        an = analyse("Title\n\nThe UN says about 3 million people are displaced inside the country.")
    assert [q.speaker for q in an.quotes] == ["UN"]


def test_a_bad_body_speaker_names_value_is_one_clear_error():
    from sitrep.knowledge import KnowledgeError
    from sitrep.quotes import speaker_nouns
    data = dict(get_knowledge().yaml("speaker_nouns.yaml"), body_speaker_names="nicknames")
    kb = Knowledge(files={"speaker_nouns.yaml": data})
    with pytest.raises(KnowledgeError, match="body_speaker_names"):
        speaker_nouns(kb)


def test_quoted_prepositional_phrases_are_not_statements(quotes):
    found, _ = quotes('The electoral body reported that the vote would be held "in front of the houses" '
                      'for four days.')
    assert all(q.direct is False for q in found)


def test_a_description_named_earlier_by_apposition_is_that_speaker(quotes):
    found, _ = quotes("The two rebel leaders, Denis Pushilin and Leonid Pasechnik, appealed to Moscow "
                      "for help. Later the leaders said the shelling had grown worse.")
    assert [q.speaker for q in found] == ["Denis Pushilin and Leonid Pasechnik"]
    found, _ = quotes('Antony Blinken, the head of US diplomacy, spoke in New York. "We cannot let '
                      'Putin get away with it," declared the head of US diplomacy.')
    assert [q.speaker for q in found] == ["Antony Blinken"]


def test_the_group_said_names_the_group_named_before(analyse, any_speakers):
    an = analyse("Paramilitaries shell city\n\nThe Rapid Support Forces shelled the market in "
                 "Omdurman on Sunday. The group said it had destroyed two army tanks.",
                 published="2024-05-02")
    speakers = {q.speaker for q in an.quotes}
    assert "Rapid Support Forces" in speakers and "group" not in speakers
