"""Cleaning: junk lines out (listed, blanked), feed damage repaired, offsets exact to the original."""
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.clean import clean, lexicon
from sitrep.readers import read_file

INPUTS = Path(__file__).parent / "fixtures" / "inputs"


def junk_page():
    [a] = list(read_file(INPUTS / "junk_page.txt"))
    return a.text


def test_junk_lines_of_a_scraped_page_are_removed_and_listed():
    c = clean(junk_page())
    for junk in ["Example Wire", "By Staff Reporter",
                 "Read Also: Drone strike damages grain silo near Odesa port",
                 "Share this article", "Facebook", "Twitter", "Kherson, Dnipro, Shelling, Ferry",
                 "Recent Articles", "Leave A Reply", "Please enter your comment!"]:
        assert junk in c.boilerplate
        assert junk not in c.text


def test_title_sentences_and_section_headings_are_kept():
    text = junk_page()
    c = clean(text)
    title = text.splitlines()[0]
    assert title not in c.boilerplate and c.text.startswith(title)
    for line in text.splitlines():
        if len(line.split()) >= 8 and line.rstrip().endswith((".", '"')) and not line.startswith("Read Also"):
            assert line.strip() not in c.boilerplate
    assert "On the ground" in c.text   # a heading inside the body is not junk


def test_removed_lines_are_blanked_so_offsets_do_not_move():
    text = junk_page()
    c = clean(text)
    assert len(c.text) == len(text)
    i = text.index("Recent Articles")
    assert c.text[i:i + len("Recent Articles")].strip() == ""
    assert c.text.count("\n") == text.count("\n")


def test_body_chars_span_the_kept_text():
    text = junk_page()
    c = clean(text)
    s, e = c.to_original(*c.body_chars)
    assert text[s:e].startswith("Ferry crossing")
    assert text[s:e].rstrip().endswith("a witness told local television.")


def test_a_real_sentence_is_never_removed_even_if_it_mentions_sharing():
    text = ("Aid update\n\nVolunteers share food with residents of Kharkiv every morning, the city said.\n\n"
            "Please share this information with anyone who needs shelter tonight, the mayor urged.\n")
    assert clean(text).boilerplate == []


def test_clean_text_without_junk_is_untouched():
    text = "Talks in Ankara\n\nThe ministers met in Ankara on Thursday and agreed to meet again.\n"
    c = clean(text)
    assert c.text == text and c.boilerplate == []


def test_missing_space_after_closing_and_before_opening_quote_is_repaired():
    c = clean('Title\n\n"We cannot let him get away with it"declared the envoy. '
              'Officials reported that"for several days" shelling went on.\n')
    assert '"We cannot let him get away with it" declared' in c.text
    assert 'reported that "for several days" shelling' in c.text


def test_curly_quotes_become_straight_and_keep_length():
    text = "Title\n\n\u201cWe stay,\u201d she said. It\u2019s over.\n"
    c = clean(text)
    assert '"We stay," she said. It\'s over.' in c.text
    assert len(c.text) == len(text)


def test_european_numbers_become_one_token_with_the_same_value():
    c = clean("Title\n\nThere were 16 000 volunteers and 1\u00a0250\u00a0000 refugees, now 2,5 million; "
              "inflation hit 7,25 percent. On September 24 500 troops left. Totals: 1,332 and 10,000.\n")
    assert "16,000 volunteers" in c.text
    assert "1,250,000 refugees" in c.text
    assert "2.5 million" in c.text
    assert "7.25 percent" in c.text
    assert "September 24 500 troops" in c.text
    assert "1,332 and 10,000" in c.text


def test_repaired_numbers_are_single_spacy_tokens(nlp):
    c = clean("Title\n\nOfficials counted 16 000 volunteers and 2,5 million refugees.\n")
    words = [t.text for t in nlp(c.text)]
    assert "16,000" in words and "2.5" in words


def test_evidence_maps_back_to_the_original_text():
    text = 'Title\n\nShe said that"the\u200b city" would hold, as 16\u00a0000 fled.\n'
    c = clean(text)
    i = c.text.index("the city")
    s, e = c.to_original(i, i + len("the city"))
    assert text[s:e] == "the\u200b city"
    j = c.text.index("16,000")
    s, e = c.to_original(j, j + 6)
    assert text[s:e] == "16\u00a0000"


# ---- property tests: offsets map back exactly ---------------------------------------------

EQUIV = {'"': set('"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033'), "'": set("'\u2018\u2019\u201a\u201b\u2032"),
         " ": set(" \u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u3000"),
         ",": {" ", "\u00a0", "\u202f", "\u2009", "\u2007", ","}, ".": {",", "."}}
DELETED = set("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def same_modulo_repairs(clean_chars: list[str], orig_span: str) -> bool:
    """orig_span equals the cleaned chars (inserted spaces left out) once deletions and 1:1 repairs are undone."""
    orig = [ch for ch in orig_span if ch not in DELETED]
    return len(clean_chars) == len(orig) and all(ok(a, b) for a, b in zip(clean_chars, orig))


def ok(a: str, b: str) -> bool:
    if a == b or (a == " " and b != "\n"):      # blanked boilerplate keeps line breaks
        return True
    return b in EQUIV.get(a, ())


alphabet = st.sampled_from(list("abc XYZ.,!?\n\n") + ['"', "\u201c", "\u201d", "\u2019", "\u00a0", "\u202f",
                                                      "\u200b", "\u00ad", "1", "6", "0", "000", " 000",
                                                      ",5 million", "Share", "Comments\n", "Read Also: x\n"])
texts = st.lists(alphabet, max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_offsets_map_any_span_back_exactly(text, data):
    c = clean(text)
    assert len(c.offsets) == len(c.text) + 1
    assert list(c.offsets) == sorted(c.offsets)
    start = data.draw(st.integers(0, len(c.text)))
    end = data.draw(st.integers(start, len(c.text)))
    s, e = c.to_original(start, end)
    assert 0 <= s <= e <= len(text)
    inserted = {i for i in range(len(c.text)) if c.ends is not None and c.ends[i] == c.offsets[i]}
    assert all(c.text[i] == " " for i in inserted)
    kept = [c.text[i] for i in range(start, end) if i not in inserted]
    assert same_modulo_repairs(kept, text[s:e]), (c.text[start:end], text[s:e])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_clean_never_raises_on_arbitrary_text(text):
    c = clean(text)
    assert len(c.offsets) == len(c.text) + 1
    if c.body_chars:
        assert 0 <= c.body_chars[0] <= c.body_chars[1] <= len(c.text)
    for line in c.boilerplate:
        assert line and line in " ".join(text.split()) or line in text


def test_figures_listed_at_the_end_stay_but_the_junk_after_them_goes():
    text = ("Strikes across the east\n\nRussian strikes hit several cities overnight, regional officials "
            "said on Tuesday morning.\n\nCasualties by region\n- Kharkiv: 3 killed\n- Donetsk: 5 wounded\n\n"
            "Share this\n\nUkraine, Russia, War\n")
    c = clean(text)
    assert c.boilerplate == ["Share this", "Ukraine, Russia, War"]
    assert "- Kharkiv: 3 killed" in c.text and "Casualties by region" in c.text


def test_lexicon_is_data_a_user_can_read():
    from sitrep.clean import lexicon
    lex = lexicon()
    assert "leave a reply" in lex.exact and any(p.startswith("read also") for p in lex.prefixes)


def test_a_short_closing_sentence_before_the_junk_is_kept():
    text = ("Talks stall\n\nNegotiators failed to agree on a ceasefire in Geneva on Monday, diplomats said.\n\n"
            "The talks continue.\n\nSign up to our newsletter.\n\nShare this\n")
    assert clean(text).boilerplate == ["Sign up to our newsletter.", "Share this"]


def test_title_after_a_rule_is_still_the_title():
    text = "***\nShelling in Avdiivka\n\nThe town was shelled again on Sunday, officials said.\n"
    assert clean(text).boilerplate == []


words = st.sampled_from(["the", "troops", "said", "on", "share", "comments", "Kyiv", "Reply", "city",
                         "were", "subscribe", "Related", "News", "of", "and", "shelled", "Facebook"])
sentence_lines = st.lists(words, min_size=6, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
junk_lines = st.sampled_from(["Share", "Comments", "Recent Articles", "Kyiv, Kharkiv, Odesa", "The Daily Wire",
                              "Facebook", "Leave A Reply", "***", "Related News", "By Anna Smith"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(sentence_lines, junk_lines), min_size=1, max_size=12))
def test_a_real_sentence_is_never_removed(lines):
    text = "A title\n\n" + "\n\n".join(lines) + "\n"
    c = clean(text)
    removed = set(c.boilerplate)
    for line in lines:
        labelled = any(line.lower().startswith(p) for p in lexicon().prefixes)   # "Share on ..." is a label
        if line.endswith(".") and len(line.split()) >= 6 and line.split()[1].islower() and not labelled:
            assert line not in removed


def test_story_links_with_other_separators_and_time_stamps_are_junk():
    text = ("Explosions rock air base\nUpdated 10 August 2022, 14:05 GMT\n"
            "A series of explosions rocked an air base on Tuesday, killing one person, local authorities said.\n"
            "ALSO READ | Ukraine says it destroyed nine warplanes\n"
            "Satellite images showed at least eight aircraft destroyed, analysts said.\n"
            "Read also - Kyiv hit again\n")
    assert clean(text).boilerplate == ["Updated 10 August 2022, 14:05 GMT",
                                       "ALSO READ | Ukraine says it destroyed nine warplanes",
                                       "Read also - Kyiv hit again"]
