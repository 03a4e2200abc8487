"""Progress of a run, written to its row while it runs so another request can show a bar.

Outside a transaction the row is updated directly. Inside one (a store is one transaction), on
PostgreSQL the progress goes through a second connection so it is visible before the commit; on
SQLite (one writer at a time) it is kept on the object until the transaction ends.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections

from duiding.jobs.models import ImportRun

logger = logging.getLogger(__name__)


class ProgressWriter:
    """Persists progress on the ImportRun row so another request can read it during the run."""

    def __init__(self, run: ImportRun, callback: Callable[[int, str], None] | None):
        self.run = run
        self.callback = callback
        self.side = None  # second PostgreSQL connection, opened on first need

    def __call__(self, pct: int, text: str) -> None:
        pct = max(0, min(100, int(pct)))
        self.run.progress, self.run.progress_text = pct, text[:200]
        if self.callback is not None:
            self.callback(pct, text)
        if not connection.in_atomic_block:
            ImportRun.objects.filter(pk=self.run.pk).update(progress=pct, progress_text=text[:200])
        elif connection.vendor == "postgresql":
            self._write_side(pct, text[:200])
        # SQLite inside a transaction: other connections cannot see it before commit anyway.

    def _write_side(self, pct: int, text: str) -> None:
        try:
            if self.side is None:
                main = connections[DEFAULT_DB_ALIAS]  # the wrapper itself, not the proxy
                self.side = main.__class__(dict(main.settings_dict), "import_progress")
                with self.side.cursor() as cursor:
                    # Never wait long on a lock: progress is cosmetic, it must not stall the import.
                    cursor.execute("SET lock_timeout = '500ms'")
            with self.side.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {ImportRun._meta.db_table} SET progress = %s, progress_text = %s "
                    "WHERE id = %s",
                    [pct, text, self.run.pk],
                )
        except DatabaseError:
            # Progress is cosmetic; the import itself must go on. Logged, not hidden.
            logger.warning("Could not write import progress for run %s", self.run.pk, exc_info=True)

    def scaled(self, low: int, high: int) -> Callable[[int, str], None]:
        return lambda pct, text: self(low + (high - low) * pct // 100, text)

    def close(self) -> None:
        if self.side is not None:
            self.side.close()
            self.side = None
