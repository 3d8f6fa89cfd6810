"""Small assertion helpers shared by test modules (import: `from support import one_event`)."""


def one_event(events, etype):
    """The single event of type `etype`; fails with what was found otherwise."""
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, f"expected one {etype}, got {[(e.type, e.trigger, e.actor) for e in events]}"
    return found[0]


def check(found, expected):
    """found [(speaker, text)] are the expected [(speaker, words in the text)], in order."""
    assert len(found) == len(expected), found
    for (speaker, text), (want_speaker, words) in zip(found, expected):
        assert speaker == want_speaker and words.lower() in text.lower(), found
