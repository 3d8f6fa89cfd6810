"""Small assertion helpers shared by test modules (import: `from support import one_event`)."""


def one_event(events, etype):
    """The single event of type `etype`; fails with what was found otherwise."""
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, f"expected one {etype}, got {[(e.type, e.trigger, e.actor) for e in events]}"
    return found[0]
