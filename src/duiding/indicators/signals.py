"""Signals of the indicators app.

`import_finished(sender=ImportRun, run=run)` is sent after an import has been stored successfully
(status done or unchanged), outside the import's transaction. Receivers can refresh caches or
notify; they must not fail the import.

`indicator_domains_chosen(sender=Indicator, indicator=indicator, domains=domains)` is sent by
`services.indicator_update` inside its transaction when the edit form chose the indicator's
domains; the frameworks app (which owns the domain links) writes them.
"""

from django.dispatch import Signal

import_finished = Signal()
indicator_domains_chosen = Signal()
