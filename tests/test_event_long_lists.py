"""A party named by a list joins a few names, never the whole of a list of hundreds: each item of a
long list would otherwise carry the rest of it (memory and time N x N, issue 14)."""


def _places(n):
    towns = ["Aleppo", "Idlib", "Homs", "Hama", "Raqqa", "Deir ez-Zor", "Daraa", "Latakia",
             "Tartus", "Qamishli", "Manbij", "Kobani", "Afrin", "Palmyra", "Douma", "Saraqib"]
    return ", ".join(towns[k % len(towns)] + (f" {k}" if k >= len(towns) else "") for k in range(n))


def test_a_long_list_target_joins_at_most_the_bound(events):
    text = f"Government aircraft bombed {_places(300)} on Monday, killing 14 civilians."
    found = [e for e in events(text) if e.type == "ASSAULT"]
    assert found, "the strike is still coded"
    for e in found:
        assert e.target is None or e.target.count(",") + 1 <= 12


def test_a_short_list_keeps_every_name(events):
    text = "The army shelled Homs, Hama and Idlib on Monday, killing nine civilians."
    found = [e for e in events(text) if e.type == "ASSAULT"]
    assert found and any(e.target and all(t in e.target for t in ("Homs", "Hama", "Idlib"))
                         for e in found)
