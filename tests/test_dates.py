"""Dates: publication date from a byline, relative and absolute dates resolved against it."""
import pytest

from sitrep.dates import DateResolver, find_published

PUB = "2022-09-22"          # a Thursday


@pytest.fixture
def resolve(nlp):
    """resolve(text, published) -> the day of each sentence, via the resolver alone."""
    def run(text, published=PUB):
        doc = nlp(text)
        r = DateResolver(published)
        return [r.resolve(s) for s in doc.sents]
    return run


def test_publication_date_from_byline_lines():
    assert find_published("Troops move east\nPublished: 22 September 2022\n\nBody.") == "2022-09-22"
    assert find_published("Title\nBy Jane Roe | Sep 22, 2022 10:05\n\nText here.") == "2022-09-22"
    assert find_published("Title\nUpdated 2022-09-23 08:00 GMT\n") == "2022-09-23"


def test_publication_date_is_never_taken_from_a_body_sentence():
    text = ("Title\nOn 24 February 2022 Russian troops crossed the border in the north, the east "
            "and the south of the country.\n")
    assert find_published(text) is None
    assert find_published("") is None
    assert find_published("No dates at all here.\nJust words.") is None


def test_explicit_dates_take_the_year_of_publication(resolve):
    assert resolve("On February 22, the leaders appealed to Moscow.") == ["2022-02-22"]
    assert resolve("Sept. 22 was calm.") == ["2022-09-22"]
    assert resolve("It began on the 3rd of March.") == ["2022-03-03"]


def test_a_yearless_date_after_publication_belongs_to_the_previous_year(resolve):
    assert resolve("On December 30, rockets hit the port.") == ["2021-12-30"]


def test_future_clause_takes_the_next_occurrence(resolve):
    assert resolve("The parliament will vote on October 5.") == ["2022-10-05"]
    assert resolve("The referendums will be held from Friday to Tuesday.") == ["2022-09-23"]


def test_weekdays_are_the_most_recent_on_or_before_publication(resolve):
    assert resolve("On Monday night, drones struck Odesa.") == ["2022-09-19"]
    assert resolve("On Thursday, Lavrov spoke in New York.") == ["2022-09-22"]
    assert resolve("Last Thursday the talks failed.") == ["2022-09-15"]


def test_relative_words(resolve):
    assert resolve("Yesterday shells hit Kharkiv.") == ["2022-09-21"]
    assert resolve("The vote starts tomorrow.") == ["2022-09-23"]
    assert resolve("Sirens sounded earlier today.") == ["2022-09-22"]
    assert resolve("Nearly 10,000 people volunteered in the last 24 hours.") == ["2022-09-22"]
    assert resolve("Three days ago the bridge was hit.") == ["2022-09-19"]


def test_the_day_before_counts_from_the_frame(resolve):
    assert resolve("On Tuesday, the ministry spoke. The day before, a convoy was shelled.") == \
        ["2022-09-20", "2022-09-19"]
    assert resolve("The day before, a convoy was shelled.") == ["2022-09-21"]


def test_vague_periods_resolve_to_nothing(resolve):
    assert resolve("Fighting intensified last week.") == [None]
    assert resolve("Crimea was annexed in March 2014.") == [None]


def test_time_of_day_alone_is_the_publication_day_but_loses_to_a_real_date(resolve):
    assert resolve("In the morning, sirens sounded.") == ["2022-09-22"]
    assert resolve("On Monday in the morning, sirens sounded.") == ["2022-09-19"]


def test_without_publication_date_no_year_is_invented(resolve):
    assert resolve("On February 22, the leaders appealed.", published=None) == [None]
    assert resolve("On Thursday, shells fell.", published=None) == [None]
    assert resolve("On 22 February 2022, the leaders appealed.", published=None) == ["2022-02-22"]


def test_a_token_resolves_through_its_sentence(nlp):
    doc = nlp("Rockets fell on Kyiv on Monday. Nothing happened afterwards.")
    r = DateResolver(PUB)
    rockets = doc[0]
    assert r.resolve(rockets) == "2022-09-19"
    assert r.resolve(doc[-2]) is None


def test_mentions_list_every_expression_in_text_order(nlp):
    doc = nlp("On Monday drones hit Kyiv; yesterday more came, and last week was quiet.")
    ms = DateResolver(PUB).mentions(doc)
    assert [m.text for m in ms] == ["On Monday", "yesterday", "last week"]
    assert [m.value for m in ms] == ["2022-09-19", "2022-09-21", None]
    assert all(doc.text[m.start:m.end] == m.text for m in ms)


def test_the_pipeline_hands_the_resolver_to_later_stages(parsed):
    an = parsed("Title line\n\nRussia shelled Kharkiv on Wednesday.", published=PUB)
    assert an.dates.published == PUB
    assert an.dates.resolve(list(an.doc.sents)[-1]) == "2022-09-21"


def test_bad_published_values_are_ignored():
    assert DateResolver("not a date").published is None
    assert DateResolver("2022-02-30").published is None
    assert DateResolver("2022-09-22T10:05:00Z").published == PUB


def test_translated_text_with_lower_case_day_and_month_names(resolve):
    assert resolve("The evacuation was announced on wednesday.") == ["2022-09-21"]
    assert resolve("It was signed on 5 september.") == ["2022-09-05"]


def test_a_schedule_reported_in_the_past_stays_in_the_publication_year(resolve):
    assert resolve("Officials said polling stations would open on September 27.") == ["2022-09-27"]
    assert resolve("The ceasefire collapsed on December 30.") == ["2021-12-30"]


def test_publication_date_formats_and_ambiguous_slashes():
    assert find_published("T\nThursday, 22 September 2022, 10:05\n\nBody.") == "2022-09-22"
    assert find_published("T\n22.09.2022 10:05\nBody") == "2022-09-22"
    assert find_published("T\nLast updated on: 23/09/2022\n") == "2022-09-23"
    assert find_published("T\nPublished 09/23/2022\n") == "2022-09-23"
    assert find_published("T\nPublished 03/04/2022\n") is None      # March 4 or 3 April?
    assert find_published("T\nKYIV, Sept 22 (Reuters) - Russia said.") is None  # no year


@pytest.mark.parametrize("line, expected", [
    ("WARSAW, March 3, 2024 - Polish farmers blocked the border again.", "2024-03-03"),
    ("GOMA (Jan 27, 2025) - Rebels entered the city.", "2025-01-27"),
    ("DAMASCUS, Dec 8 (2024) -- Crowds gathered in the square.", "2024-12-08"),
    ("ODESA, Sept 14 (Reuters) - Drones hit the port.", None),       # no year: not a date to trust
    ("In 2022, May 3 - the day the siege began - was quiet.", None),  # not a dateline
])
def test_wire_dateline_gives_the_publication_date(line, expected):
    assert find_published(f"Headline of the story\n\n{line}\n\nMore text.") == expected


@pytest.mark.parametrize("text", [
    "The mission said on Tuesday it would send a unit to Port-au-Prince in the coming days.",
    "Hezbollah announced on Tuesday that it will keep firing until the war in Gaza ends.",
    "The junta said Tuesday that elections would be held next year.",
    "Kenya's police chief declared on Tuesday that more officers will deploy to Haiti.",
    "The RSF stated on Tuesday it would open a corridor to El Fasher.",
    "Al-Shabaab warned on Tuesday that it would strike again in Mogadishu.",
    "The ministry confirmed on Tuesday that talks will resume in Doha.",
    "Mali's transitional government said late Tuesday it would expel the envoy.",
    "The Houthis claimed on Tuesday that they will target more ships in the Red Sea.",
    "M23 rebels said early Tuesday they would withdraw from Sake within days.",
])
def test_a_day_right_after_a_past_saying_is_the_saying_s(resolve, text):
    # published on a Thursday: the Tuesday the statement was made is two days before, never next week
    assert resolve(text)[0] == "2022-09-20"


@pytest.mark.parametrize("text,day", [
    ("The parliament will vote on Tuesday.", "2022-09-27"),
    ("Talks are set to resume on Tuesday in Doha.", "2022-09-27"),
    ("Fighters were killed on Tuesday near Goma.", "2022-09-20"),
])
def test_the_future_and_the_past_around_it_are_unchanged(resolve, text, day):
    assert resolve(text)[0] == day
