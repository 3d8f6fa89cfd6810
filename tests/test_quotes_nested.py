"""Speech reported inside a quote: an office's statement that quotes its head (“The President
stressed that …,” the presidency said) is also the head's indirect speech, when the head is named
(a name, or an office the article names); a pronoun or "I" of the quoted voice is never resolved.
Passages written for these tests, from different wars."""
import pytest


@pytest.fixture
def indirect_of(analyse):
    def run(body):
        an = analyse("Report\n\n" + body, published="2024-05-02")
        return [(q.speaker, q.text) for q in an.quotes if not q.direct], an
    return run


@pytest.mark.parametrize("body,speaker,words", [
    ("Prime Minister Abiy Ahmed chaired a security meeting on Monday.\n\n“The Prime Minister said that the Fano militia would be disarmed within weeks,” the prime minister's office said in a statement.",
     "Abiy Ahmed", "Fano militia would be disarmed"),
    ("President Felix Tshisekedi met army commanders in Kinshasa.\n\n“The President stressed that Goma would be retaken,” said a statement from the presidency.",
     "Felix Tshisekedi", "Goma would be retaken"),
    ("Governor Babagana Zulum visited Monguno after the attack.\n\n“The Governor said that the camps would be rebuilt before the rains,” his spokesman Isa Gusau said.",
     "Babagana Zulum", "camps would be rebuilt"),
    ("Sudan's army chief Abdel Fattah al-Burhan met the UN envoy in Port Sudan.\n\n“Burhan told the envoy that the army would not sign any deal with the militia,” the Sovereignty Council said.",
     "Abdel Fattah al-Burhan", "not sign any deal"),
    ("Kenyan President William Ruto called the Haitian prime minister on Tuesday.\n\n“President Ruto confirmed that 400 more officers would arrive in Port-au-Prince,” State House said.",
     "William Ruto", "400 more officers"),
    ("Lebanese Prime Minister Nawaf Salam received the US envoy in Beirut.\n\n“Salam reiterated that the army would deploy south of the Litani,” his office said.",
     "Nawaf Salam", "army would deploy"),
    ("Nigerian President Bola Tinubu spoke to the governor of Benue on Saturday.\n\n“The President said that the killers in Yelwata would be found and punished,” presidential spokesman Bayo Onanuga said.",
     "Bola Tinubu", "killers in Yelwata"),
    ("Ukrainian President Volodymyr Zelensky met the Danish prime minister in Kyiv.\n\n“Zelensky noted that Ukraine needed more air defence before winter,” the presidential office said.",
     "Volodymyr Zelensky", "needed more air defence"),
    ("Colombian President Gustavo Petro met the army command in Cucuta.\n\n“The President ordered that 5,000 soldiers be sent to Catatumbo and said that the ELN would be pursued,” the defence ministry said.",
     "Gustavo Petro", "ELN would be pursued"),
    ("Syrian President Ahmed al-Sharaa received a Turkish delegation in Damascus.\n\n“Al-Sharaa stressed that the army would protect all communities,” the presidency said on Telegram.",
     "Ahmed al-Sharaa", "army would protect all communities"),
])
def test_the_head_quoted_inside_an_offices_statement_speaks_too(indirect_of, body, speaker, words):
    found, an = indirect_of(body)
    assert len(found) == 1 and found[0][0] == speaker and words in found[0][1], found
    assert any(q.direct and q.speaker != speaker for q in an.quotes)     # the office's own quote stays


@pytest.mark.parametrize("body", [
    "Amina Yusuf, a nurse in Maiduguri, lost her brother in the attack.\n\n“He told me that the gunmen would come back,” she said.",
    "Colonel Ibrahim Sarr spoke to reporters in Bamako.\n\n“I said that we would hold the town,” Sarr told Reuters.",
])
def test_a_pronoun_inside_a_quote_is_not_resolved(indirect_of, body):
    found, _ = indirect_of(body)
    assert found == []
