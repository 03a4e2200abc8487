"""The demo's duidingssessies of the Feijenoord programme: one held (a pre-filled agenda, live
answers of about twelve participants, two decisions, four actions of which one is overdue) and
one in preparation where those actions resurface."""

from __future__ import annotations

HELD_TITLE = "Duidingssessie Feijenoord najaar 2026"
NEXT_TITLE = "Duidingssessie Feijenoord voorjaar 2027"
