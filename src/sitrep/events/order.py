"""The order of an article's events: the record's first event is the lead's telling.

Events are coded in text order, so an article that opens with front matter (a "Key points" or
"Key developments" list, a standfirst of bullets, a standfirst line above the first paragraph)
would have an echo, or a total summed over several incidents, as its first event. The front
matter's events that the body's tellings did not absorb (`Coder.merge_summaries`) go after the
body's events, in their own order, when the first paragraph follows the front matter with no
heading between (it is the lead that tells the main incident). A live blog's "These are the
updates" list over time-stamped sections is its own lead and keeps its place, and so does the
headline (the first line; `_drop_title_duplicates` already drops its echoes). The first event is
then the lead's, which the later lead steps (`where.place_the_lead`, `doers.actor_the_lead`)
fill from the headline.

coder.py imports this module, never the reverse.
"""
from __future__ import annotations

from ..structure import SUMMARY_KINDS, layout_of

FRONT_KINDS = SUMMARY_KINDS - {"title"}


def front_matter_last(coder, events: list) -> list:
    """`events` with those told in the front matter (summary lines and headings before the
    article's first paragraph of running text, in its section) after the others."""
    lay = layout_of(coder.an)
    lead = next((b for b in lay.blocks if b.kind == "body"), None)
    if lead is None or len(events) < 2:
        return events
    at = {id(t.event): t.token_i for t in coder.traces if t.event is not None}
    doc = coder.an.doc

    def front(e) -> bool:
        if id(e) not in at:
            return False
        b = lay.at(doc[at[id(e)]].idx)
        return b is not None and b.kind in FRONT_KINDS and b.start < lead.start and b.section == lead.section
    told_first = [front(e) for e in events]
    ahead = [e for e, f in zip(events, told_first) if f]
    if not ahead or len(ahead) == len(events):
        return events
    for e in ahead:
        for t in coder._traces_with(e):
            if t.event is e:
                t.reason += "; order: told in the front matter, after the body's events"
    return [e for e, f in zip(events, told_first) if not f] + ahead
