"""Signals of the indicators app.

`import_finished(sender=ImportRun, run=run)` is sent after an import has been stored successfully
(status done or unchanged), outside the import's transaction. Receivers can refresh caches or
notify; they must not fail the import.
"""

from django.dispatch import Signal

import_finished = Signal()
