"""Speech paragraphs opened by a dash, the convention of Russian, Ukrainian and French outlets and
of their translations: "– The exchange took place today …, the ministry said." is a direct quote of
the attribution's speaker; a paragraph after a line ending with ":" is the introduced speaker's. A
dash list item, a short dash line or a dash line with no attribution is no speech. Paragraphs
written for these tests, from different wars."""
import pytest

from support import check


@pytest.mark.parametrize("body,speaker,words", [
    ("Ukraine and Russia swapped prisoners again on Friday.\n\n– Today we brought home 84 of our people, "
     "among them soldiers who defended Mariupol and civilians held since 2022, Volodymyr Zelensky said.",
     "Volodymyr Zelensky", "brought home 84 of our people"),
    ("The governor spoke to reporters in Belgorod.\n\n– Two drones were shot down over the city overnight and "
     "nobody was hurt in the attack, Vyacheslav Gladkov wrote.", "Vyacheslav Gladkov", "Two drones were shot down"),
    ("Kremlin spokesman Dmitry Peskov was asked about the talks.\n\n– We are open to negotiations but only on the "
     "basis of the realities on the ground, Peskov told journalists.", "Dmitry Peskov", "open to negotiations"),
    ("The mayor of Kherson described the night.\n\n– The shelling did not stop for six hours and three houses in "
     "the Korabel district burned down, Roman Mrochko said.", "Roman Mrochko", "shelling did not stop"),
    ("Malian officials gave few details.\n\n– Our forces repelled a complex attack on the camp and the situation "
     "is under control, Colonel Souleymane Dembele declared.", "Souleymane Dembele", "repelled a complex attack"),
    ("The Lebanese minister spoke after the cabinet meeting.\n\n– The army will deploy south of the Litani river "
     "as soon as the Israeli forces withdraw from the villages, Michel Menassa stated.", "Michel Menassa",
     "deploy south of the Litani"),
    ("The Sudanese envoy addressed the council in New York.\n\n– The militia has besieged El Fasher for eighteen "
     "months and starved its people on purpose, Al-Harith Idriss said.", "Al-Harith Idriss", "besieged El Fasher"),
    ("Foreign Minister Andrii Sybiha spoke in Kyiv.\n\n– Moscow must understand that no ultimatum will make "
     "Ukraine give up its land, the minister added.", "Andrii Sybiha", "no ultimatum"),
    ("The Congolese government spokesman Patrick Muyaya spoke on state radio.\n\n– The rebels and their Rwandan "
     "backers will not hold Goma for long, Muyaya warned.", "Patrick Muyaya", "will not hold Goma"),
    ("Ukraine's ombudsman Dmytro Lubinets gave the figures:\n\n– Since the start of the year we have returned 1,200 "
     "defenders and 140 civilians from Russian captivity through the exchanges.", "Dmytro Lubinets",
     "returned 1,200 defenders"),
    ("Nigerien army spokesman Colonel Amadou Abdramane read a statement:\n\n– The terrorists who attacked the "
     "convoy near Tillaberi have been neutralised and our units are searching the area.",
     "Amadou Abdramane", "convoy near Tillaberi"),
])
def test_a_dash_paragraph_is_the_speech_of_its_speaker(quotes_of, body, speaker, words):
    check([q for q in quotes_of(body) if words in q[1]], [(speaker, words)])


@pytest.mark.parametrize("body", [
    "Key figures from the Kharkiv region:\n\n– 5 killed in Kupiansk\n\n– 12 wounded in Izium\n\n– 3 missing in Balakliia",
    "The convoy carried:\n\n– food for 30,000 people in El Fasher\n\n– medicines for the Saudi hospital",
    "The army listed its losses.\n\n– Two soldiers were killed near the checkpoint in Mopti on Sunday night and "
    "four others were wounded.",
    "Points of the Geneva draft:\n\n– a ceasefire along the whole front line from Kherson to Kharkiv\n\n– an "
    "exchange of all prisoners held by both sides",
    "In brief\n\n– Israeli strikes hit the southern suburbs of Beirut overnight, Lebanese media reported",
    "– Somali forces retook the town of Adan Yabaal from Al-Shabaab fighters after two days of heavy fighting.",
    "Timeline of the war in Sudan:\n\n– April 2023: fighting breaks out in Khartoum\n\n– May 2024: the siege of "
    "El Fasher begins",
    "What happened in Myanmar this week:\n\n– junta air strikes hit three villages in Sagaing\n\n– the Arakan Army "
    "took the town of Thandwe",
    "The UN report names the groups:\n\n– the M23 and the Rwandan army in North Kivu\n\n– the ADF in Ituri",
    "Road closures in Gaza:\n\n– the coastal road west of Nuseirat\n\n– Salah al-Din road south of Deir al-Balah",
])
def test_a_dash_list_or_a_narrated_dash_line_is_no_speech(quotes_of, body):
    assert quotes_of(body) == []


# -- a labelled quote below a "Source:" line speaks for the source it names ----------------------

@pytest.mark.parametrize("intro,source,speaker", [
    ("Defence Minister Rustem Umerov led the delegation.", "Rustem Umerov’s statement after the talks in Geneva",
     "Rustem Umerov"),
    ("Presidential chief of staff Andrii Yermak met the mediators.", "Andrii Yermak on Telegram", "Andrii Yermak"),
    ("Governor Oleh Syniehubov visited the site.", "Oleh Syniehubov, head of Kharkiv Oblast Military Administration",
     "Oleh Syniehubov"),
    ("President Volodymyr Zelensky spoke in the evening.", "Volodymyr Zelensky’s evening address",
     "Volodymyr Zelensky"),
    ("Ombudsman Dmytro Lubinets took part in the talks.", "Dmytro Lubinets’ post on Facebook", "Dmytro Lubinets"),
    ("Mayor Vitali Klitschko spoke after the meeting.", "Vitali Klitschko’s Telegram channel", "Vitali Klitschko"),
    ("Governor Serhii Lysak joined the talks.", "Serhii Lysak’s statement on Telegram", "Serhii Lysak"),
    ("Governor Ivan Fedorov was in the delegation.", "Ivan Fedorov, head of Zaporizhzhia Oblast Military Administration",
     "Ivan Fedorov"),
    ("Intelligence chief Kyrylo Budanov attended.", "Kyrylo Budanov’s comments on national television",
     "Kyrylo Budanov"),
    ("Foreign Minister Andrii Sybiha spoke in Kyiv.", "Andrii Sybiha’s comments at a press conference in Kyiv",
     "Andrii Sybiha"),
])
def test_a_labelled_quote_speaks_for_the_source_line_above_it(quotes_of, intro, source, speaker):
    body = (f"{intro}\n\nThe talks in Geneva lasted two days and ended late on Friday.\n\n"
            "The delegations discussed a ceasefire and the return of the bodies of the dead.\n\n"
            f"Source: {source}\n\n"
            "Quote: \"After long discussions we agreed to exchange all the wounded prisoners before the "
            "end of the month.\"\n\nThe next round of talks is due in two weeks.\n\n"
            "Both sides accuse each other of breaking earlier agreements.")
    check([q for q in quotes_of(body) if "we agreed to exchange" in q[1]], [(speaker, "we agreed to exchange")])


def test_a_labelled_quote_without_a_source_line_has_no_speaker(quotes_of):
    body = ("Defence Minister Rustem Umerov led the delegation.\n\nDetails: the talks lasted three hours.\n\n"
            "Quote: \"After long discussions we agreed to exchange all the wounded prisoners.\"")
    assert quotes_of(body) == []
