"""Sentence-level PLOVER types: each sentence of our own coded set, fed alone as an article (as a
JSONL line {"id", "text"}, so it is both title and body), must get the types a PLOVER coder gives it.

The set (tests/fixtures/sentences/plover_sentences.jsonl) holds >= 10 sentences per PLOVER type from
many wars, plus sentences that must give no event (economy, sport, figurative senses). Scoring is
micro over (sentence, type) pairs: a sentence's predicted set of types against its gold set.
The floors are the measured values minus 0.01; a change to the lexicon or the coder that loses
sentence-level precision or recall fails here. Run with -s to see the per-type table."""
import json
from collections import Counter
from pathlib import Path

import pytest

from sitrep.pipeline import analyse
from sitrep.readers import read_file
from sitrep.record import Article

FIXTURE = Path(__file__).parent / "fixtures" / "sentences" / "plover_sentences.jsonl"
PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
PRECISION_FLOOR = 0.961
RECALL_FLOOR = 0.892


def gold_sentences() -> list[dict]:
    return [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def predicted(tmp_path_factory) -> dict[str, set[str]]:
    """Each sentence as its own article, read from a JSONL file the way a user feeds it."""
    path = tmp_path_factory.mktemp("sentences") / "sentences.jsonl"
    path.write_text("".join(json.dumps({"id": g["id"], "text": g["text"]}) + "\n" for g in gold_sentences()),
                    encoding="utf-8")
    out: dict[str, set[str]] = {}
    for art in read_file(path):
        assert isinstance(art, Article), art
        out[art.id] = {e.type for e in analyse(art).events}
    return out


def score(predicted: dict[str, set[str]]) -> tuple[Counter, Counter, Counter]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for g in gold_sentences():
        gold, pred = set(g["types"]), predicted.get(g["id"], set())
        tp.update(gold & pred)
        fp.update(pred - gold)
        fn.update(gold - pred)
    return tp, fp, fn


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def test_the_set_covers_every_plover_type_and_non_events():
    sents = gold_sentences()
    per_type = Counter(t for g in sents for t in g["types"])
    assert all(per_type[t] >= 10 for t in PLOVER), per_type
    assert sum(1 for g in sents if not g["types"]) >= 20
    assert len({g["id"] for g in sents}) == len(sents)


def test_sentence_level_types_keep_their_precision_and_recall(predicted):
    tp, fp, fn = score(predicted)
    print(f"\n{'type':10s} {'P':>6s} {'R':>6s} {'F1':>6s}  tp fp fn")
    for t in PLOVER:
        p, r = ratio(tp[t], tp[t] + fp[t]), ratio(tp[t], tp[t] + fn[t])
        print(f"{t:10s} {p:6.2f} {r:6.2f} {ratio(2 * p * r, p + r):6.2f}  {tp[t]:2d} {fp[t]:2d} {fn[t]:2d}")
    TP, FP, FN = sum(tp.values()), sum(fp.values()), sum(fn.values())
    p, r = ratio(TP, TP + FP), ratio(TP, TP + FN)
    print(f"{'all':10s} {p:6.2f} {r:6.2f} {ratio(2 * p * r, p + r):6.2f}  {TP} {FP} {FN}")
    assert p >= PRECISION_FLOOR, f"sentence-level type precision {p:.3f} < {PRECISION_FLOOR}"
    assert r >= RECALL_FLOOR, f"sentence-level type recall {r:.3f} < {RECALL_FLOOR}"


def test_non_event_sentences_give_no_event(predicted):
    wrong = [(g["text"], sorted(predicted[g["id"]])) for g in gold_sentences()
             if not g["types"] and predicted[g["id"]]]
    # measured: 3 of 36 (a football score read as a beating, a company agreeing a merger,
    # civilians fleeing read as a withdrawal)
    assert len(wrong) <= 3, wrong


# ------------------------------------------------------------------ mechanisms behind the set

def types_of(text: str) -> list[str]:
    return sorted(e.type for e in analyse(Article(id="t", text=text)).events)


@pytest.mark.parametrize("text", [
    "The RSF warned it would storm El Obeid unless the army withdrew.",
    "Russia said it could strike Kyiv if Ukraine used the missiles.",
    "Hezbollah warned that it would bomb Haifa if Israel hit Beirut.",
    "Al-Shabaab warned it would attack polling stations in Mogadishu.",
    "The Houthis warned they would target American ships in the Red Sea.",
    "Turkey warned it could strike Kurdish fighters in northern Syria.",
    "The junta in Niamey warned it would arrest any ECOWAS envoy who entered the country.",
    "M23 warned that it would shell Goma airport if the army kept flying drones.",
    "Myanmar's military warned it would bomb villages that sheltered resistance fighters.",
    "Boko Haram warned that it would abduct more pupils in Borno.",
])
def test_a_warning_of_the_warners_own_act_is_a_threat(text):
    assert types_of(text) == ["THREATEN"]


@pytest.mark.parametrize("text", [
    "The UN warned that fighting could spread to Kordofan.",
    "Analysts warned that Russia may strike Odesa.",
    "Aid agencies warned that gangs could attack the convoys in Haiti.",
    "Doctors warned that militias might raid the hospital in Ituri.",
    "Observers warned that jihadists could seize more towns in the Sahel.",
])
def test_a_warning_of_what_others_may_do_is_no_event(text):
    assert types_of(text) == []


@pytest.mark.parametrize("text, etype", [
    ("Protests erupted in several cities after the election results were announced.", "PROTEST"),
    ("Heavy fighting broke out between the army and the RSF in Omdurman.", "ASSAULT"),
    ("Clashes broke out between Fano militiamen and federal troops.", "ASSAULT"),
    ("Riots broke out in several towns of northern Nigeria.", "PROTEST"),
    ("Fighting erupted between the two rival militias overnight.", "ASSAULT"),
    ("Demonstrations erupted across Kenya over the finance bill.", "PROTEST"),
])
def test_an_outbreak_is_an_event_even_without_a_named_place(text, etype):
    assert etype in types_of(text)



@pytest.mark.parametrize("text, etype", [
    ("Israeli forces arrested at least 25 Palestinians in overnight raids across the West Bank.", "COERCE"),
    ("Three journalists arrested in Juba on Monday.", "COERCE"),
    ("Sudanese troops shelled in Omdurman as fighting spreads.", "ASSAULT"),
    ("Ethiopian federal police detained in Bahir Dar after the clashes.", "COERCE"),
    ("Syrian opposition fighters captured the town of Saraqeb on Friday.", "COERCE"),
    ("Somali special forces killed 30 al-Shabaab militants in Middle Shabelle.", "ASSAULT"),
])
def test_a_participle_of_a_verbless_sentence_is_its_predicate(text, etype):
    assert etype in types_of(text)


@pytest.mark.parametrize("text", [
    "An explosion ripped through a market in Maiduguri, killing at least 18 people.",
    "A car bomb exploded near a checkpoint in Mogadishu, killing five soldiers.",
    "A blast tore through a mosque in Peshawar, killing dozens of worshippers.",
    "A drone strike hit a wedding in Sagaing, killing 20 guests.",
    "A missile slammed into a shopping centre in Kremenchuk, killing 18 people.",
    "A suicide bomber blew himself up at a rally in Bajaur, killing 40 people.",
])
def test_killing_after_a_blast_is_an_assault_without_a_named_doer(text):
    assert "ASSAULT" in types_of(text)


# ------------------------------------------------------------------ blind batches (coded before any run)

BLIND = {
    # file -> (precision floor, recall floor): measured after the fixes, minus 0.01. Both batches
    # were written and coded before the system saw them (first scores: s3 F1 0.743, s3b 0.892).
    "plover_blind_s3.jsonl": (0.979, 0.948),
    "plover_blind_s3b.jsonl": (0.970, 0.941),
    "plover_blind_s3c.jsonl": (0.916, 0.933),    # longer wire-style sentences; first score 0.804
    "plover_blind_s3d.jsonl": (0.928, 0.847),    # non-war politics: elections, courts, strikes; first 0.677
    "plover_blind_s4.jsonl": (0.966, 0.904),     # 231 wire sentences, half non-war politics; first 0.864 (P 0.951 R 0.792)
    "plover_blind_s5.jsonl": (0.928, 0.834),     # 200 wire sentences, 29 hard negatives; first 0.888 (P 0.938 R 0.844)
    "plover_blind_s6.jsonl": (0.863, 0.799),     # 200 wire sentences, 35 hard negatives; first 0.840 (P 0.873 R 0.809)
    "plover_blind_s7.jsonl": (0.841, 0.665),     # 200 sentences, 39 hard negatives, 43 with two acts; first 0.753 (P 0.851 R 0.675)
    "plover_blind_s8.jsonl": (0.913, 0.724),     # 200 sentences, 41 hard negatives, 40 with two acts; first 0.812 (P 0.918 R 0.729), session 8 start code
    "plover_blind_s9.jsonl": (0.941, 0.777),     # 200 sentences, 40 hard negatives, 42 with two acts; first 0.856 (P 0.946 R 0.782), session 9 start code
}


@pytest.mark.parametrize("name", sorted(BLIND))
def test_blind_batches_keep_their_precision_and_recall(name, tmp_path):
    gold = [json.loads(line) for line in (FIXTURE.parent / name).read_text(encoding="utf-8").splitlines()
            if line.strip()]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": g["id"], "text": g["text"]}) + "\n" for g in gold), encoding="utf-8")
    pred = {art.id: {e.type for e in analyse(art).events} for art in read_file(path)}
    tp = sum(len(set(g["types"]) & pred.get(g["id"], set())) for g in gold)
    fp = sum(len(pred.get(g["id"], set()) - set(g["types"])) for g in gold)
    fn = sum(len(set(g["types"]) - pred.get(g["id"], set())) for g in gold)
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    print(f"\n{name}: P {p:.3f} R {r:.3f} F1 {ratio(2 * p * r, p + r):.3f}")
    floor_p, floor_r = BLIND[name]
    assert p >= floor_p and r >= floor_r, f"{name}: P {p:.3f} R {r:.3f} below {floor_p}/{floor_r}"


# ------------------------------------------------------------------ class 2: speech acts are events

@pytest.mark.parametrize("text", [
    "Chad's transitional leader vowed to hand power to an elected government.",
    "The Houthis pledged to respect the UN-brokered truce in Hodeidah.",
    "Somalia's president swore to protect journalists covering the elections.",
    "The RSF promised to open safe corridors for civilians leaving El Fasher.",
    "Myanmar's junta vowed to release political detainees before the vote.",
    "M23 promised to withdraw from Walikale within a week.",
    "Ethiopia's prime minister pledged to rebuild schools destroyed in the Tigray war.",
    "Yemen's government vowed to pay the salaries of civil servants in Houthi areas.",
    "Sudan's army chief promised to attend the next round of talks in Jeddah.",
    "Syria's interim president pledged to protect the Alawite minority in Latakia.",
])
def test_a_promise_of_a_peaceful_act_is_an_agree_and_only_that(text):
    assert types_of(text) == ["AGREE"]


@pytest.mark.parametrize("text", [
    "Hezbollah vowed to avenge the killing of its commander in Beirut.",
    "Al-Shabaab vowed to attack any foreign troops entering Somalia.",
    "The junta in Niamey swore to crush the jihadists in Tillaberi.",
    "Boko Haram pledged to abduct more schoolgirls in Borno.",
    "Russia vowed to strike Ukrainian decision-making centres in Kyiv.",
    "The RSF vowed to storm El Obeid before the rains.",
    "Israel's defence minister vowed to bomb Houthi ports in Hodeidah.",
    "ADF rebels vowed to kill more villagers in Beni.",
    "The Taliban vowed to punish anyone who sheltered former soldiers.",
    "The Arakan Army vowed to seize the remaining bases in Rakhine.",
])
def test_a_vow_of_a_hostile_act_is_a_threat_not_an_agreement(text):
    assert types_of(text) == ["THREATEN"]


@pytest.mark.parametrize("text", [
    "Egypt warned Ethiopia that it would defend its water rights by all means.",
    "The army warned residents of Khartoum North that their houses would be searched.",
    "Pakistan warned India that any incursion would be answered.",
    "China warned it would take firm measures over the Taiwan transit.",
    "The Houthis warned they would widen their campaign to the Mediterranean.",
    "North Korea cautioned Seoul that it would face grave consequences.",
    "Hezbollah warned it would not stand idle if Lebanon was invaded.",
    "Rwanda warned Burundi that it would protect its border by force.",
    "The Malian junta warned Algeria that it would respond to any interference.",
    "Serbia warned Pristina that it would not tolerate attacks on Serbs.",
])
def test_a_warning_to_someone_or_of_ones_own_act_is_a_threat(text):
    assert types_of(text) == ["THREATEN"]


@pytest.mark.parametrize("text", [
    "The WFP warned that famine would spread across Darfur.",
    "Economists warned that the naira would fall further.",
    "Doctors in Gaza warned that more patients could die without fuel.",
])
def test_a_warning_of_what_may_happen_stays_no_event(text):
    assert types_of(text) == []


@pytest.mark.parametrize("text", [
    "Zelensky said Ukraine would never recognise Russia's annexation of Crimea.",
    "Hamas said it would not accept any deal that left Israeli troops in Gaza.",
    "The junta in Bamako said it would not allow UN investigators into Moura.",
    "The RSF said it would never sign a deal with the army.",
    "Israel's prime minister said he would not meet the Palestinian president.",
    "Taliban leaders said they would not permit girls to return to secondary school.",
    "Somaliland said it would not cooperate with the federal government in Mogadishu.",
    "Maduro said he would never hand over power to the opposition.",
    "Ethiopia will never give up its access to the sea, Abiy said.",
    "The Kremlin said Russia would not endorse the Ukrainian peace formula.",
])
def test_a_negated_act_of_will_is_a_refusal(text):
    assert types_of(text) == ["REJECT"]


@pytest.mark.parametrize("text", [
    "Japan will send $50 million in food aid to Sudan, its foreign ministry said.",
    "The European Union will provide 200 million euros for Syria's reconstruction.",
    "Canada will donate 10,000 tents to displaced families in Gaza.",
    "Britain will supply 5,000 air defence missiles to Ukraine, the defence secretary said.",
    "Saudi Arabia will deposit $500 million in Yemen's central bank.",
    "Qatar will ship 20,000 tonnes of flour to Port Sudan, the charity said.",
    "Germany will deliver two more IRIS-T systems to Kyiv this year.",
    "The World Bank will disburse $300 million to Somalia for drought relief.",
    "Turkey will airlift medical supplies to Beirut, the health ministry said.",
    "The UAE will grant $100 million to Chad for refugee camps.",
])
def test_announced_aid_is_coded_as_aid_now(text):
    assert types_of(text) == ["AID"]


# ------------------------------------------------------------------ class 3: figurative senses and non-parties

@pytest.mark.parametrize("text", [
    "The striker was sent off in the derby against Al Ahly.",
    "Oil prices rallied after the OPEC meeting in Vienna.",
    "The shilling rallied against the dollar in Nairobi.",
    "A powerful earthquake struck eastern Afghanistan.",
    "Food prices eased in Lagos in June.",
    "Investors fled Ghanaian bonds after the default.",
    "The carmaker pulled out of the Nigerian market.",
    "The bank pulled off a surprising recovery in Cairo.",
    "The singer stormed the charts with her new album.",
    "The home side crushed the visitors 4-0 in Kampala.",
    "Storms battered the coast of Mozambique overnight.",
    "The Russian offensive met with fierce resistance near Pokrovsk.",
    "The reform plan met with anger in Kinshasa.",
    "The opposition leader attacked the budget in a speech in Accra.",
])
def test_figurative_senses_and_natural_forces_give_no_event(text):
    assert types_of(text) == []


# ------------------------------------------------------------------ class 4: type confusions

@pytest.mark.parametrize("text, etype, not_type", [
    ("Georgia's ruling party backed down and shelved the media law.", "CONCEDE", "SUPPORT"),
    ("The ANC's rivals rallied behind the new finance minister.", "SUPPORT", "PROTEST"),
    ("Chadian troops are fighting alongside Sudanese soldiers near Adre.", "COOPERATE", "ASSAULT"),
    ("Rescuers pulled eight survivors from the rubble in Antakya.", "AID", "RETREAT"),
    ("Rioters torched government offices in Bangui after the verdict.", "PROTEST", "ASSAULT"),
    ("The Pentagon sent two destroyers to the eastern Mediterranean.", "MOBILIZE", "AID"),
    ("Burkina Faso ordered the French ambassador to leave within 48 hours.", "SANCTION", "REQUEST"),
    ("Ghana's parliament scrapped the contested levy after weeks of protests.", "CONCEDE", "RETREAT"),
    ("Houthi authorities handed over the crew of the seized tanker to Oman.", "RETREAT", "AID"),
    ("The court handed a 15-year sentence to an opposition blogger in Kigali.", "COERCE", "RETREAT"),
    ("Russia banned imports of Georgian wine, citing quality concerns.", "SANCTION", "COERCE"),
    ("Kidnappers set free 12 travellers seized on the Abuja-Kaduna road.", "RETREAT", "ASSAULT"),
])
def test_the_sense_the_frame_gives_wins(text, etype, not_type):
    got = types_of(text)
    assert etype in got and not_type not in got, got


# ------------------------------------------------------------------ nominal events and their carriers

@pytest.mark.parametrize("text, etype", [
    ("Washington slapped sanctions on three Sudanese gold firms.", "SANCTION"),
    ("Ugandan police took the opposition leader into custody in Kampala.", "COERCE"),
    ("Security forces placed the former president under house arrest in Niamey.", "COERCE"),
    ("Kenya's president paid a state visit to Addis Ababa.", "CONSULT"),
    ("Law students staged a sit-in outside the supreme court in Islamabad.", "PROTEST"),
    ("Lebanon's finance minister tendered his resignation on Monday.", "CONCEDE"),
    ("Canada imposed an asset freeze on four Haitian gang leaders.", "SANCTION"),
    ("Somali and Kenyan troops carried out a joint sweep near the border at Mandera.", "COOPERATE"),
    ("Farmers drove their tractors into central Warsaw in protest.", "PROTEST"),
    ("Prosecutors in Kinshasa filed charges against two rebel commanders.", "ACCUSE"),
    ("The African Development Bank approved a $200 million loan for Ethiopia.", "AID"),
    ("Talks stalled after an attack on a police post that killed four officers in Tillaberi.", "ASSAULT"),
    ("Curfews followed a raid on a village that killed 30 herders in Plateau state.", "ASSAULT"),
])
def test_a_noun_event_is_carried_by_its_verb(text, etype):
    assert etype in types_of(text)


@pytest.mark.parametrize("text, etype", [
    ("The Security Council adopted a resolution demanding an end to the siege of El Fasher.", "REQUEST"),
    ("The African Union issued a statement condemning the coup in Niamey.", "ACCUSE"),
    ("Ethiopia's parliament voted to lift the curfew in Amhara.", "RETREAT"),
    ("Peru's congress voted to impeach the president over the protest deaths.", "ACCUSE"),
    ("Turkish police raided the offices of a pro-Kurdish party in Diyarbakir.", "COERCE"),
    ("A Kenyan court fined the broadcaster for airing the protest footage.", "SANCTION"),
    ("Sri Lanka's president ordered the release of 15 Indian fishermen.", "RETREAT"),
    ("The Sudanese army regained control of the refinery at al-Jaili.", "COERCE"),
    ("Brazil's top court ordered the suspension of the messaging app nationwide.", "COERCE"),
    ("Washington announced a $400 million arms package for Taiwan.", "AID"),
])
def test_decisions_documents_and_police_acts_get_their_own_type(text, etype):
    assert etype in types_of(text)


@pytest.mark.parametrize("text", [
    "Russia vetoed a draft resolution demanding a truce in Sudan.",
    "The United States blocked a resolution calling for a ceasefire in Gaza.",
])
def test_a_resolution_that_was_stopped_demands_nothing(text):
    assert "REQUEST" not in types_of(text)


@pytest.mark.parametrize("text", [
    "Iran's foreign minister said Tehran was ready to resume indirect talks with Washington in Muscat.",
    "The RSF offered to hand over 40 captured soldiers to the ICRC in Darfur.",
    "Hamas said it was willing to free the remaining hostages in a single exchange.",
    "Azerbaijan said it was prepared to reopen the Lachin road to Armenian traffic.",
    "The Ethiopian government is ready to negotiate with Fano militia leaders, a minister said.",
    "M23 offered to withdraw from Masisi if Kinshasa opened direct talks.",
    "The Houthis offered to release the crew of the Galaxy Leader.",
    "Russia said it was ready to swap prisoners with Ukraine at any time.",
    "Turkey offered to mediate between Somalia and Ethiopia in Ankara.",
    "The junta in Naypyitaw said it was willing to meet ASEAN envoys.",
])
def test_willingness_to_a_peaceful_act_is_an_agree(text):
    assert types_of(text) == ["AGREE"]


def test_explain_names_the_new_paths():
    """`sitrep explain` says why a phrasal verb, a fallback verb with no party, a refusal, an offer,
    an announced pledge and a hostile vow were (or were not) coded."""
    from sitrep.cli.explain import explain_article

    text = ("The striker was sent off in Kano.\n"
            "Inflation eased sharply in Lagos in June.\n"
            "Abiy said Ethiopia would never give up its access to the sea.\n"
            "Iran said it was ready to resume talks with Washington in Muscat.\n"
            "Japan will send $50 million in food aid to Sudan, its foreign ministry said.\n"
            "Al-Shabaab vowed to attack any foreign troops entering Somalia.")
    out = "\n".join(explain_article(analyse(Article(id="t", text=text))))
    assert "phrasal verb 'send off'" in out
    assert "its subject names no party" in out
    assert "a refusal" in out and "coded as REJECT" in out
    assert "an offer: 'ready'" in out
    assert "a pledge: future" in out
    assert "what is promised is a hostile act ('attack')" in out



@pytest.mark.parametrize("text, etype", [
    ("Japan lodged a formal protest with Beijing over the drilling rig near Okinawa.", "ACCUSE"),
    ("Manila filed a diplomatic protest with China over the water cannon attack.", "ACCUSE"),
    ("Peru's congress removed the president from office over the crackdown.", "COERCE"),
    ("Pakistan's supreme court dismissed the prime minister over the contempt ruling.", "COERCE"),
    ("Demonstrators in Nairobi demanded the resignation of the interior minister.", "PROTEST"),
    ("Hundreds of junior doctors in Lagos staged a walkout over unpaid salaries.", "PROTEST"),
    ("The IMF suspended lending to Mali after the coup.", "SANCTION"),
    ("Armenian and Azerbaijani troops disengaged from positions along the border.", "RETREAT"),
    ("Indonesia's president pardoned 20,000 inmates to ease overcrowding.", "CONCEDE"),
    ("Brazilian police charged the former president with plotting a coup.", "ACCUSE"),
])
def test_politics_beyond_war_gets_its_types(text, etype):
    assert etype in types_of(text)


@pytest.mark.parametrize("text", [
    "Canada's prime minister called a snap election for April.",
    "South Africa's president signed the land bill into law.",
    "The governing party won a majority in the parliamentary election.",
    "Kenya's president signed the finance bill on Tuesday.",
])
def test_routine_politics_gives_no_event(text):
    assert types_of(text) == []


# ------------------------------------------------------------------ acts told in passive or nominal form

@pytest.mark.parametrize("text", [
    "A UN convoy has been the object of a deadly ambush near Kidal.",
    "An aid convoy was the target of a rocket attack near Marib on Sunday.",
    "The camp in Rafah became the target of heavy shelling overnight.",
    "The attack on the market in Kalehe made dozens of victims.",
    "The bombing of the hospital in Khan Younis caused many casualties.",
    "A grenade was thrown into a crowd of worshippers in Bunia.",
    "A rocket was fired at the airport in Erbil overnight.",
    "Several shells were fired at residential areas of Aleppo on Monday.",
    "Twenty farmers kidnapped from a village in Zamfara.",
    "At least 40 people have been killed across Darfur since dawn.",
    "The offensive, which the UN says killed about 2,000 people, forced the army out of Wad Madani.",
    "Fifteen villagers have been abducted from a church in Kaduna state.",
])
def test_an_attack_told_in_passive_or_nominal_form_is_an_assault(text):
    assert "ASSAULT" in types_of(text)


# ------------------------------------------------------------------ civilians fleeing are displaced, not retreating

@pytest.mark.parametrize("text", [
    "12,000 people fled Wad Madani.",
    "Residents fled towards the border with Chad.",
    "The crew members had been evacuated from the vessel.",
    "Thousands of families fled Khan Younis overnight.",
    "Villagers fled into the forest near Beni.",
    "Hundreds of farmers fled their fields in Plateau state after the raid rumours.",
    "Civilians fled Kherson's riverside districts.",
    "Traders fled the central market in Goma.",
    "Students abandoned the campus in Mandalay.",
    "Many inhabitants of Mopti fled to Bamako.",
    "Fishermen fled the coast near Hodeidah.",
])
def test_civilians_fleeing_give_no_event(text):
    assert types_of(text) == []


@pytest.mark.parametrize("text", [
    "The RSF withdrew from the base in Nyala.",
    "Al-Shabaab fighters fled the town of Bulo Burde.",
    "Russian troops abandoned their positions near Kupiansk.",
])
def test_armed_parties_leaving_still_retreat(text):
    assert "RETREAT" in types_of(text)


# ------------------------------------------------------------------ a stated future act: threat or plan

@pytest.mark.parametrize("text", [
    "Sudan's army chief said the army would hunt them down.",
    "The Syrian army said the army would hunt down the cells in Deir ez-Zor.",
    "Israel said it would bomb Hezbollah depots in the Bekaa.",
    "Myanmar's junta warned it would deploy more troops to Rakhine.",
    "The Tigrayan forces threatened to march on Addis Ababa.",
    "The opposition threatened to march on the presidential palace in Bamako.",
    "Ukraine said it would strike Russian refineries in Crimea.",
    "Fano commanders warned that they would storm Bahir Dar.",
    "The Arakan Army said it would punish anyone collaborating with the junta.",
    "Al-Shabaab said it would attack any Ethiopian troops entering Gedo.",
])
def test_a_hostile_act_the_speaker_says_it_will_do_is_a_threat(text):
    assert "THREATEN" in types_of(text)


@pytest.mark.parametrize("text", [
    "The African Union said it would send a unit to Mogadishu in the coming days.",
    "Kenya said it would send a team of police to Haiti next month.",
    "The UN said it would deploy observers in Hodeidah in the coming weeks.",
    "Nigeria said it would deploy 2,000 police officers to polling stations in Lagos next week.",
    "Ethiopia said it would send a delegation to Nairobi in the coming days.",
    "The EU said it would dispatch observers to Kinshasa before the vote.",
    "Lebanon said it would deploy soldiers south of the Litani in the coming weeks.",
    "Sudan's army said it would send a battalion to El Fasher in the coming days.",
    "Chad said it would send a contingent to the Niger border next month.",
    "Rwanda said it would deploy extra police to Kigali before the summit.",
])
def test_a_planned_deployment_said_plainly_is_no_threat(text):
    assert "THREATEN" not in types_of(text)


# ------------------------------------------------------------------ a war's outbreak with its date is coded

@pytest.mark.parametrize("text", [
    "Sudan's war erupted in April 2023 between the army and the RSF.",
    "The conflict in Tigray began in November 2020.",
    "The insurgency in Cabo Delgado started in October 2017.",
    "The war in Gaza began on 7 October 2023.",
    "The conflict in eastern Ukraine erupted in April 2014.",
    "Yemen's war started in 2014 when the Houthis seized Sanaa.",
    "The uprising in Syria began in March 2011.",
    "Mali's rebellion in the north broke out in January 2012.",
    "The Boko Haram insurgency in Borno began in 2009.",
    "Somalia's civil war erupted in 1991.",
])
def test_the_outbreak_of_a_war_with_its_date_is_an_assault(text):
    assert "ASSAULT" in types_of(text)


@pytest.mark.parametrize("text", [
    "The minister said the war had hurt exports.",
    "Analysts fear a new war could break out in the Horn of Africa.",
    "Investors worry a trade war could start between Washington and Beijing.",
])
def test_a_war_named_without_its_outbreak_is_no_event(text):
    assert "ASSAULT" not in types_of(text)


# ------------------------------------------------------------------ an attack on someone's conduct is criticism

@pytest.mark.parametrize("text", [
    "The senator launched a fierce attack on the president's handling of the economy in Abuja.",
    "The opposition leader launched a scathing attack on the government's record in Nairobi.",
    "Sudan's former prime minister mounted a blistering attack on the army's conduct of the war.",
    "Hezbollah's leader launched a fierce attack on the Lebanese government's policy on refugees.",
    "Ukraine's foreign minister launched a sharp attack on Hungary's stance on sanctions.",
    "The Ethiopian opposition launched a stinging attack on Abiy's plan for a Red Sea port.",
    "Somalia's president launched an attack on Ethiopia's decision to recognise Somaliland.",
    "Myanmar's shadow government launched a fierce attack on ASEAN's approach to the junta.",
    "Yemen's prime minister launched an attack on the UN's handling of the Hodeidah deal.",
    "Nigerian unions launched a fierce attack on the government's fuel subsidy policy in Lagos.",
])
def test_an_attack_on_a_conduct_is_an_accusation_not_an_assault(text):
    got = types_of(text)
    assert "ACCUSE" in got and "ASSAULT" not in got, got


@pytest.mark.parametrize("text", [
    "Jihadists launched a fierce attack on the army base in Boulkessi.",
    "The RSF launched an attack on the market in El Fasher, killing 30 people.",
])
def test_an_attack_on_a_place_stays_an_assault(text):
    assert "ASSAULT" in types_of(text)


# ------------------------------------------------------------------ extortion by armed groups is coercion

@pytest.mark.parametrize("text", [
    "The militia collects a security tax from traders in Bunia.",
    "Al-Shabaab collects \"zakat\" from farmers in the Juba valley.",
    "Gangs extorted money from bus drivers in Port-au-Prince.",
    "JNIM fighters levy a protection tax on herders in central Mali.",
    "The Houthis extorted merchants at checkpoints in Taiz.",
    "Arakan Army units collected ransom from fishermen near Sittwe.",
    "Boko Haram extorts levies from fishermen on Lake Chad.",
    "Militiamen exacted protection money from miners in Ituri.",
    "RSF soldiers extorted payments from travellers at checkpoints in Darfur.",
    "Fano fighters collected security fees from traders in Gondar.",
])
def test_extortion_is_coercion(text):
    assert "COERCE" in types_of(text)


@pytest.mark.parametrize("text", [
    "The government collected more tax revenue in Nairobi this year.",
    "Volunteers collected donations for flood victims in Maiduguri.",
])
def test_collecting_taxes_or_gifts_is_no_event(text):
    assert types_of(text) == []


# ------------------------------------------------------------------ s4: curbs on another state's trade or travel

@pytest.mark.parametrize("text", [
    "Washington imposed tariffs of 25% on steel from Mexico and Canada.",
    "India slapped export duties on onions shipped to Bangladesh.",
    "The EU imposed visa restrictions on Georgian officials over the crackdown.",
    "Beijing raised tariffs on American soybeans to 34%.",
    "Russia banned imports of Azerbaijani tomatoes.",
    "Algeria halted trade with Spain over its shift on Western Sahara.",
    "Turkey banned all trade with Israel until a Gaza ceasefire.",
    "Nicaragua withdrew from the Organization of American States.",
    "Japan tightened export controls on chip-making equipment bound for China.",
    "Venezuela quit the Organization of American States in 2017.",
    "Ottawa introduced travel restrictions on Iranian officials.",
])
def test_curbs_on_another_states_trade_or_travel_are_a_sanction(text):
    assert types_of(text) == ["SANCTION"]


# ------------------------------------------------------------------ s4: refusals by blocking, ignoring, throwing out

@pytest.mark.parametrize("text", [
    "Kenya's supreme court threw out the petition challenging the president's re-election.",
    "A Lagos court struck out the lawsuit against the governor.",
    "Slovakia blocked the EU's plan to phase out Russian gas.",
    "Poland's president stalled the appointment of new ambassadors.",
    "Myanmar's junta ignored ASEAN's demand for an end to the violence.",
    "The Taliban defied international calls to reopen girls' schools.",
    "Israel's government defied a supreme court ruling on the Shin Bet chief.",
    "The RSF said it would not withdraw from the homes it occupies in Khartoum.",
    "The M23 said it would never disarm.",
    "Hezbollah will not hand over its weapons, its leader said.",
    "Niger's junta disregarded the ECOWAS ultimatum to restore the president.",
    "China blocked a Security Council statement on the missile launch.",
])
def test_blocking_ignoring_or_refusing_to_withdraw_is_a_rejection(text):
    assert types_of(text) == ["REJECT"]


# ------------------------------------------------------------------ s4: aid as rescue, money, arms sales, asylum, deliveries

@pytest.mark.parametrize("text", [
    "Forty fishermen were rescued after their boat capsized off Mauritania.",
    "Dozens of villagers were rescued from floodwaters in Beledweyne.",
    "The State Department approved the sale of 12 Black Hawk helicopters to Morocco.",
    "Congress cleared the transfer of Patriot interceptors to Kyiv.",
    "The World Bank approved $250 million in emergency funding for Lebanon.",
    "Kuwait announced $50 million in humanitarian aid for Sudan.",
    "Germany granted asylum to 300 Afghan judges and their families.",
    "Uganda took in 10,000 refugees fleeing the fighting in eastern Congo.",
    "Food distributions in Rafah continued despite the shelling.",
    "Airdrops of medicine to the besieged town of Al-Fashir began on Thursday.",
    "Ireland will resettle 500 Syrian refugees this year, the government said.",
])
def test_aid_told_as_rescue_money_sale_asylum_or_ongoing_delivery(text):
    assert types_of(text) == ["AID"]


# ------------------------------------------------------------------ s4: senses of politics and posture beyond war

@pytest.mark.parametrize("text, etype", [
    ("Nigeria's president admitted failures in the fight against kidnapping.", "CONCEDE"),
    ("The Kenyan police chief acknowledged mistakes in the handling of the protests.", "CONCEDE"),
    ("Germany extradited a Syrian intelligence officer to France.", "COOPERATE"),
    ("Kenya handed over three terrorism suspects to Somalia.", "COOPERATE"),
    ("Turkey handed over the fugitive to the Iraqi authorities.", "COOPERATE"),
    ("Israeli bulldozers demolished homes in the Jenin camp, residents said.", "COERCE"),
    ("Indian authorities demolished the houses of men accused in the riots in Nuh.", "COERCE"),
    ("Seoul said Pyongyang would face consequences for any provocation.", "THREATEN"),
    ("The Indian prime minister arrived in Colombo on a three-day visit.", "CONSULT"),
    ("The Sudanese parliament ratified the peace agreement signed in Juba.", "AGREE"),
    ("Chad's cabinet approved the deal with the rebels.", "AGREE"),
    ("The signing of the peace deal in Doha took place on Saturday.", "AGREE"),
])
def test_acts_of_politics_beyond_war_get_their_type(text, etype):
    assert types_of(text) == [etype]


@pytest.mark.parametrize("text, etype", [
    ("Brazil's president ordered the army into Rio's favelas.", "MOBILIZE"),
    ("The Pentagon ordered 700 Marines into Los Angeles.", "MOBILIZE"),
    ("Iran's navy held large-scale drills in the Strait of Hormuz.", "MOBILIZE"),
    ("Russia's Pacific fleet staged its biggest exercise in decades.", "MOBILIZE"),
    ("Eritrean warships left the waters near the port of Assab.", "RETREAT"),
    ("Former FARC fighters handed over their weapons to UN monitors.", "RETREAT"),
    ("Rebels in the Central African Republic laid down their arms under the peace deal.", "RETREAT"),
    ("Chinese coast guard ships left the waters off Scarborough Shoal.", "RETREAT"),
    ("Sudan's president ordered troops into the capital's streets.", "MOBILIZE"),
    ("Taiwan's army staged major exercises on the island of Kinmen.", "MOBILIZE"),
])
def test_forces_sent_in_drilled_or_disarmed_get_their_type(text, etype):
    assert etype in types_of(text)


# ------------------------------------------------------------------ s4: a word that only describes another noun

@pytest.mark.parametrize("text, etype", [
    ("The IMF approved an emergency loan of $1.3 billion for Pakistan.", "AID"),
    ("The Gulf states pledged emergency relief for the flood victims in Derna.", "AID"),
    ("The EU approved emergency financing for Moldova's energy bills.", "AID"),
    ("The Asian Development Bank approved an emergency credit line for Laos.", "AID"),
])
def test_emergency_money_is_aid_not_a_state_of_emergency(text, etype):
    assert types_of(text) == [etype]


@pytest.mark.parametrize("text", [
    "Parliament approved an emergency budget for the drought-hit north.",
    "The central bank announced emergency measures to prop up the currency.",
    "The Security Council held an emergency session on the fighting in Goma.",
    "The cabinet approved an emergency plan to ration electricity in Harare.",
    "The regional government introduced an emergency decree on water use in Catalonia.",
    "Ukraine accused Belarus of helping Russia train its troops.",
    "Ethiopia accused Egypt of supporting Fano militias in Amhara.",
])
def test_emergency_as_a_modifier_or_alleged_backing_is_no_coercion_or_support(text):
    got = types_of(text)
    assert "COERCE" not in got and "SUPPORT" not in got, got


# ------------------------------------------------------------------ s4: taking part in an event; split nouns; calls; a price to pay

@pytest.mark.parametrize("text, etype", [
    ("Hundreds of lawyers took part in a march to the supreme court in Islamabad.", "PROTEST"),
    ("Thousands of Kenyans joined the protests against the finance bill in Nairobi.", "PROTEST"),
    ("Delegates from both sides participated in the talks in Jeddah.", "CONSULT"),
    ("Students in Belgrade took part in a sit-in outside the faculty of law.", "PROTEST"),
    ("Tuareg leaders took part in the negotiations in Algiers.", "CONSULT"),
    ("Opposition lawmakers joined the rally outside parliament in Tbilisi.", "PROTEST"),
    ("Thousands of workers took part in the general strike in Buenos Aires.", "PROTEST"),
    ("The pull-out of French troops from Niger began in October.", "RETREAT"),
    ("Renewed calls for a ceasefire in Gaza came from Arab leaders in Cairo.", "REQUEST"),
    ("The Kremlin said Kyiv would pay a heavy price for the drone strikes on Moscow.", "THREATEN"),
    ("Iran said Israel would pay a bitter price for the strike on its consulate.", "THREATEN"),
])
def test_taking_part_split_nouns_calls_and_a_price_to_pay(text, etype):
    assert etype in types_of(text)


@pytest.mark.parametrize("text", [
    "Analysts said the economy would pay a heavy price for the drought.",
    "Farmers will pay a higher price for fertiliser next year.",
    "The minister took part in a football match in Accra.",
])
def test_a_price_or_a_part_of_no_event_gives_none(text):
    assert types_of(text) == []


# ------------------------------------------------------------------ s4: targets of a named party are struck, not "hit" as goals

@pytest.mark.parametrize("text", [
    "The army struck militant targets in North Waziristan.",
    "Israeli jets hit Houthi targets in Hodeidah on Monday.",
    "Ukraine struck Russian military targets in Crimea overnight.",
    "The US struck Iranian-backed militia targets in Iraq and Syria.",
    "Pakistani jets hit militant targets in Afghanistan's Khost province.",
    "Turkish drones struck PKK targets in northern Iraq.",
    "Nigerian air force jets struck bandit targets in Zamfara.",
    "Egyptian warplanes struck jihadist targets in Derna.",
    "Israel struck Iranian targets in Syria, the monitor said.",
    "Somali forces struck al-Shabaab targets in Middle Shabelle.",
])
def test_striking_a_partys_targets_is_an_assault(text):
    assert types_of(text) == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "The company hit its sales targets for the year.",
    "The government hit its inflation target in March.",
    "The party hit its fundraising target.",
    "The minister struck a conciliatory tone.",
])
def test_hitting_a_goal_or_a_tone_is_no_event(text):
    assert types_of(text) == []


# ------------------------------------------------------------------ s4: what someone was forced to do was done

@pytest.mark.parametrize("text, etype", [
    ("The protests forced Peru's president to resign.", "CONCEDE"),
    ("Sri Lanka's prime minister was forced to step down after weeks of protests.", "CONCEDE"),
    ("The offensive forced the RSF to withdraw from Wad Madani.", "RETREAT"),
    ("Public pressure compelled the government to lift the curfew in Dhaka.", "RETREAT"),
    ("The junta was forced to release the detained activists.", "RETREAT"),
    ("Mass strikes forced the government to scrap the fuel tax in Nairobi.", "CONCEDE"),
    ("Kyiv's counter-attack forced Russian troops to pull back from Kharkiv.", "RETREAT"),
    ("The court ruling obliged the army to free the detainees in Khartoum.", "RETREAT"),
    ("The outcry forced the minister to apologise for his remarks.", "CONCEDE"),
    ("International pressure forced Ethiopia to allow aid convoys into Tigray.", "RETREAT"),
])
def test_an_act_one_was_forced_to_do_was_done(text, etype):
    assert etype in types_of(text)


# ------------------------------------------------------------------ s4: courts, election bodies, envoys, aid raised, arson

@pytest.mark.parametrize("text, etype", [
    ("Pakistan's supreme court overturned the ban on the PTI's election symbol.", "CONCEDE"),
    ("A Kenyan court overturned the suspension of the opposition senator.", "CONCEDE"),
    ("The constitutional court reversed the curfew imposed on the capital.", "CONCEDE"),
    ("Thailand's election commission disqualified the reformist party's leader.", "COERCE"),
    ("Ivory Coast's electoral body disqualified four candidates from the presidential race.", "COERCE"),
    ("Sweden withdrew its ambassador from Tehran after the execution.", "SANCTION"),
    ("Rwanda pulled its envoy from Brussels in a row over Congo.", "SANCTION"),
    ("Britain will double its humanitarian aid to Sudan this year.", "AID"),
    ("Japan boosted its funding for UNRWA after the review.", "AID"),
    ("Gunmen set fire to a school in Cameroon's Northwest region.", "ASSAULT"),
    ("Rioters set fire to police stations in Dakar.", "PROTEST"),
    ("Jihadists set fire to a church in northern Burkina Faso.", "ASSAULT"),
])
def test_courts_election_bodies_envoys_aid_and_arson_get_their_type(text, etype):
    assert types_of(text) == [etype]


@pytest.mark.parametrize("text", [
    "The charity suspended its operations in Gaza after the strike on its convoy.",
    "Doctors Without Borders suspended its activities in the town after one of its staff was killed.",
])
def test_an_agency_suspending_its_own_work_is_no_coercion(text):
    assert "COERCE" not in types_of(text)


# ------------------------------------------------------------------ s4: a suspension of aid or ties announced is a sanction

@pytest.mark.parametrize("text", [
    "Washington announced the suspension of military aid to Niger.",
    "The suspension of US aid to Colombia was announced by the White House.",
    "The EU announced a freeze of budget support to Mali.",
    "The World Bank announced the suspension of lending to Uganda.",
    "Canada announced the termination of its trade talks with India.",
    "The African Union announced the suspension of cooperation with the junta in Conakry.",
    "Sweden announced the suspension of its aid to Burkina Faso.",
    "The IMF approved the suspension of disbursements to Mozambique.",
    "Britain announced a freeze of grants to the Palestinian Authority.",
    "Norway ordered the suspension of assistance to the Afghan government.",
])
def test_an_announced_suspension_of_aid_or_ties_is_a_sanction_not_aid(text):
    assert types_of(text) == ["SANCTION"]


# ------------------------------------------------------------------ s4: releasing a text, withdrawing a bid, a crowd celebrating

@pytest.mark.parametrize("text", [
    "The ministry released the exam results on Friday.",
    "The army released a video of the captured soldiers.",
    "Hamas released footage of two Israeli hostages.",
    "The ministry released the names of the detained activists.",
    "The police released the results of the autopsy.",
    "Ghana's health ministry released the latest figures on the cholera outbreak.",
    "The company withdrew its bid for the rival firm.",
    "The company withdrew its offer for the port operator.",
    "Thousands of fans gathered in the square to celebrate the victory.",
    "Thousands of fans gathered outside the stadium in Lagos.",
    "Hundreds of pilgrims gathered at the shrine in Karbala.",
])
def test_publishing_a_text_withdrawing_a_bid_or_a_festive_crowd_is_no_event(text):
    assert types_of(text) == []


@pytest.mark.parametrize("text, etype", [
    ("The militia released 30 hostages on Friday.", "RETREAT"),
    ("Thousands of protesters gathered in the square to denounce the verdict.", "PROTEST"),
    ("The RSF withdrew its fighters from the hospital.", "RETREAT"),
])
def test_people_set_free_and_protesters_gathering_stay_events(text, etype):
    assert etype in types_of(text)


# ------------------------------------------------------------------ s4: diplomatic cooperation, mandates, reinstatement

@pytest.mark.parametrize("text, etype", [
    ("The two countries established diplomatic relations on Monday.", "COOPERATE"),
    ("Saudi Arabia and Iran restored diplomatic ties after seven years.", "COOPERATE"),
    ("The US and Vietnam upgraded their relationship to a comprehensive strategic partnership.", "COOPERATE"),
    ("Turkey and Egypt reopened their embassies in Cairo and Ankara.", "COOPERATE"),
    ("Israel and Morocco normalised relations in 2020.", "COOPERATE"),
    ("Rwanda and Burundi resumed diplomatic ties.", "COOPERATE"),
    ("The UN Security Council extended the mandate of its peacekeeping mission in Lebanon.", "SUPPORT"),
    ("The Security Council renewed the mandate of the UN mission in South Sudan.", "SUPPORT"),
    ("The government reinstated the dismissed judges.", "CONCEDE"),
    ("Tunisia's president reinstated 12 sacked judges.", "CONCEDE"),
    ("Kenya's university reinstated 40 expelled students.", "CONCEDE"),
])
def test_relations_restored_mandates_renewed_and_people_reinstated(text, etype):
    assert types_of(text) == [etype]


@pytest.mark.parametrize("text", [
    "Thailand's prime minister pledged to restore full diplomatic ties with Cambodia within a year.",
    "Bahrain's king promised to normalise relations with Qatar.",
    "The two leaders vowed to deepen cooperation on trade.",
])
def test_a_pledge_of_cooperation_is_the_agreement_only(text):
    assert types_of(text) == ["AGREE"]


@pytest.mark.parametrize("text", [
    "The minister came under fire for his comments on fuel prices.",
    "The prime minister was attacked by critics over the budget.",
])
def test_criticised_officials_are_not_attacked(text):
    assert "ASSAULT" not in types_of(text)


# ------------------------------------------------------------------ s4-types2: nominal acts, downing, places taken

@pytest.mark.parametrize("text", [
    "The killing of 22 suspects by soldiers in Djibo sparked outrage across Burkina Faso.",
    "The kidnapping of six aid workers in North Kivu was confirmed by the United Nations.",
    "The abduction of 30 pupils from a school in Kaduna shocked the country.",
    "The beheading of two villagers by ADF rebels in Beni was reported by local officials.",
    "Residents reported the burning of villages in Rakhine by the army.",
    "The assassination of a Hamas commander in Beirut drew condemnation from Lebanon's government.",
    "The massacre of 40 herders in Plateau state provoked a wave of reprisals.",
    "Rights groups documented the execution of three prisoners by the Houthis in Sanaa.",
    "Witnesses confirmed the torching of homes in a Darfur village by militiamen.",
    "The lynching of two suspected thieves in Mogadishu horrified residents.",
    "Nigerian troops launched an operation against ISWAP near Lake Chad.",
    "Ukraine's army began a campaign against Russian troops on the left bank of the Dnipro.",
])
def test_a_violent_act_named_as_a_noun_with_its_victims_is_an_assault(text):
    assert "ASSAULT" in types_of(text)


@pytest.mark.parametrize("text", [
    "The execution of the reform plan angered the unions in Nairobi.",
    "The shooting of the film in Lagos drew large crowds.",
    "The killing of the health bill in parliament shocked doctors in Kenya.",
    "A campaign against corruption sparked a debate in Juba.",
    "An operation against malaria began in the camps of Chad.",
])
def test_a_noun_of_violence_without_victims_or_party_is_no_assault(text):
    assert "ASSAULT" not in types_of(text)


@pytest.mark.parametrize("text", [
    "Ukrainian air defences downed 40 drones over Kyiv overnight.",
    "Houthi forces downed an American Reaper drone over Marib.",
    "Syrian air defences brought down two Israeli missiles near Damascus.",
    "The Sudanese army said it downed an RSF drone over Port Sudan.",
    "Russia said its air defences downed 12 Ukrainian drones over Belgorod.",
    "Israel's Iron Dome downed most of the rockets fired from Gaza.",
    "Myanmar's resistance fighters said they downed a junta helicopter in Kayah.",
    "Azerbaijani forces downed an Armenian drone near Lachin.",
    "The Polisario Front claimed it had downed a Moroccan drone in Western Sahara.",
    "Libyan forces in Tripoli downed a warplane loyal to Haftar.",
])
def test_downing_aircraft_or_drones_is_an_assault(text):
    assert "ASSAULT" in types_of(text)


@pytest.mark.parametrize("text", [
    "The Sudanese army brought in fighters from Kassala to hold Omdurman.",
    "Students downed their pens to join the march in Dhaka.",
    "He downed three cups of coffee before the briefing in Kyiv.",
])
def test_bringing_in_or_downing_no_aircraft_is_no_assault(text):
    assert "ASSAULT" not in types_of(text)


@pytest.mark.parametrize("text, etype", [
    ("The RSF captured El Fasher on Sunday.", "COERCE"),
    ("M23 rebels seized Goma last week.", "COERCE"),
    ("Syrian rebels overran Aleppo in a lightning offensive.", "COERCE"),
    ("Russian troops occupied Kherson in March.", "COERCE"),
    ("Jihadist fighters captured Timbuktu on Tuesday.", "COERCE"),
    ("The RSF commander vowed to retake Wad Madani within days.", "THREATEN"),
    ("Ukraine vowed to retake Crimea.", "THREATEN"),
    ("The Arakan Army pledged to capture Sittwe before the monsoon.", "THREATEN"),
    ("Al-Shabaab vowed to recapture Beledweyne from government troops.", "THREATEN"),
    ("Fano militias swore to seize Gondar from federal forces.", "THREATEN"),
])
def test_a_named_place_taken_is_coerce_and_a_vow_to_take_it_a_threat(text, etype):
    assert etype in types_of(text) and "AGREE" not in types_of(text)


def test_a_named_place_taken_is_territory_not_a_detention():
    evs = analyse(Article(id="t", text="The RSF captured El Fasher on Sunday.")).events
    assert [e.mode for e in evs if e.type == "COERCE"] == ["territory"]


@pytest.mark.parametrize("text", [
    "Six aid workers were released by gunmen in Darfur.",
    "The kidnapped aid workers were released on Tuesday in North Kivu.",
    "Gunmen in Zamfara freed three relief workers after a ransom was paid.",
    "Al-Shabaab released two UN staff members it had held in Jubaland.",
    "The Houthis released four aid workers detained in Sanaa.",
    "Kidnappers in Haiti released five missionary workers.",
    "JNIM released two Red Cross workers seized near Gao.",
    "The junta freed three humanitarian workers arrested in Yangon.",
    "Rebels in Ituri released seven health workers abducted last month.",
    "Hamas freed two foreign aid workers in Rafah.",
])
def test_aid_workers_set_free_are_a_release_not_aid(text):
    types = types_of(text)
    assert "RETREAT" in types and "AID" not in types


@pytest.mark.parametrize("text", [
    "The UN released $20 million in aid for Sudan.",
    "Britain sent aid workers and medical supplies to Gaza.",
])
def test_aid_itself_stays_aid(text):
    assert "AID" in types_of(text)


@pytest.mark.parametrize("text", [
    "Armed groups in Zamfara vowed reprisals for the killing of their leader.",
    "Iran's Revolutionary Guards vowed to take revenge on Israel.",
    "Hezbollah swore to exact vengeance for the death of its commander.",
    "The Houthis pledged retribution against Saudi Arabia for the raids on Saada.",
    "Fano commanders vowed to take revenge on federal troops in Gojjam.",
    "The family of the slain chief in Ituri swore to seek revenge against the CODECO militia.",
    "Al-Shabaab vowed reprisals against Kenyan troops in Lamu.",
    "The junta's spokesman vowed retribution on the resistance after the Naypyitaw drone strike.",
    "Hamas vowed to take revenge for the assassination of its leader in Tehran.",
    "RSF commanders swore vengeance on the army after the bombing of Nyala.",
])
def test_a_vow_of_revenge_is_a_threat_not_an_agreement(text):
    assert types_of(text) == ["THREATEN"]


@pytest.mark.parametrize("text", [
    "Militants took revenge on the village of Tillaberi, the elders said, and then fled.",
    "The minister said the people would not seek revenge through the courts in Kenya.",
])
def test_revenge_taken_or_renounced_is_no_threat(text):
    assert "THREATEN" not in types_of(text)


@pytest.mark.parametrize("text", [
    "Ukrainian gunners fired artillery across the Dnipro into Oleshky.",
    "Israeli tanks fired shellfire across the border into southern Lebanon.",
    "Sudanese army gunners fired shells across the river into Omdurman.",
])
def test_firing_artillery_across_a_border_is_an_assault(text):
    assert "ASSAULT" in types_of(text)


@pytest.mark.parametrize("text", [
    "Hamas responded with a barrage of rockets on Tel Aviv.",
    "Israel responded with airstrikes on Gaza.",
    "The Houthis retaliated with missile strikes on Israeli ships in the Red Sea.",
    "Pakistan responded with air strikes on militant hideouts in Afghanistan.",
    "The Sudanese army retaliated with shelling of RSF positions in Bahri.",
    "Ukraine answered with drone strikes on Russian oil refineries.",
    "Iran retaliated with a missile attack on a US base in Iraq.",
    "The junta responded with air raids on villages in Sagaing.",
    "Al-Shabaab retaliated with a bombing of a Somali army base in Lower Shabelle.",
    "M23 responded with a bombardment of Congolese army positions near Sake.",
])
def test_a_response_with_strikes_is_the_strike(text):
    assert "ASSAULT" in types_of(text)


@pytest.mark.parametrize("text", [
    "The ministry responded with a statement on Monday.",
    "Protesters in Nairobi reacted with anger to the tax rise.",
    "Iran would respond with missile strikes on Israel, a general warned.",
])
def test_a_response_with_words_or_a_future_one_is_no_assault(text):
    assert "ASSAULT" not in types_of(text)


@pytest.mark.parametrize("text", [
    "Pakistan said it struck militant hideouts in Afghanistan's Paktika province.",
    "Israel said its jets hit Hezbollah rocket launchers near Tyre.",
    "The Ukrainian navy said it struck a Russian radar in Crimea.",
    "Nigeria's air force said it hit bandit hideouts in Zamfara.",
    "The Houthis said they struck an Israeli air defence site near Eilat.",
    "Turkey said its drones hit PKK bunkers in the Qandil mountains.",
    "The Sudanese army said it struck RSF weapons stockpiles in Nyala.",
    "Colombia's army said it bombed ELN encampments near the Venezuelan border.",
    "Somalia's army said it struck al-Shabaab tunnels in Middle Juba.",
    "Russia said it hit a Ukrainian Patriot battery near Kyiv.",
])
def test_a_strike_told_in_reported_speech_on_military_sites_is_an_assault(text):
    assert types_of(text) == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "The campaign hit its fundraising target in Nairobi.",
    "The new law struck a blow at corruption, the minister said.",
    "The singer hit the stage in Lagos on Saturday.",
])
def test_hitting_a_target_sum_a_blow_or_a_stage_is_no_assault(text):
    assert types_of(text) == []
