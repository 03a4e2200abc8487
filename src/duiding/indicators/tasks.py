"""Background tasks for imports (django-tasks; the database backend in dev, immediate in tests).

A task receives only the ImportRun id: the run row carries the file path, options and status, so
a worker on another machine (sharing the upload directory) can pick it up. Progress is written to
the run row (by the runner), which the run page polls.
"""

from __future__ import annotations

import logging

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from duiding.indicators.derived import derived_compute
from duiding.indicators.importing import runner
from duiding.indicators.models import Indicator
from duiding.jobs.models import ImportRun
from duiding.jobs.services import import_run_abandon_if_stale

logger = logging.getLogger(__name__)


def _other_run_active(run: ImportRun) -> bool:
    """True when another run of the same file is running now (the lock)."""

    if not run.file_sha256:
        return False
    others = ImportRun.objects.filter(
        file_sha256=run.file_sha256, status=ImportRun.Status.RUNNING
    ).exclude(pk=run.pk)
    return any(not import_run_abandon_if_stale(other) for other in others)


def _fail(run_id: int, message: str) -> None:
    ImportRun.objects.filter(pk=run_id).update(
        status=ImportRun.Status.FAILED, error=message, finished_at=timezone.now()
    )


@task()
def import_run_task(run_id: int) -> str:
    """Execute one ImportRun. Returns the final status (stored by the task backend too)."""

    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        logger.warning("import run %s no longer exists", run_id)
        return "missing"
    if run.is_finished:
        return run.status
    if _other_run_active(run):
        _fail(
            run.pk,
            _(
                "Dit bestand wordt al geïmporteerd in een andere import. "
                "Wacht tot die klaar is en probeer het daarna opnieuw."
            ),
        )
        return ImportRun.Status.FAILED
    try:
        # The runner writes progress to the run row itself (on PostgreSQL through a second
        # connection while its transaction is open), so no callback that writes is passed here:
        # a second write to the same row inside that transaction would block the runner.
        run = runner.import_run_execute(run, progress=None)
    except Exception:
        # The runner reports bad input itself; this is an unexpected fault. Record it on the run
        # so the page does not poll forever, then re-raise so the task backend keeps the traceback.
        logger.exception("import run %s failed unexpectedly", run_id)
        _fail(
            run_id,
            _(
                "De import is onverwacht gestopt door een fout in Duiding. Er is niets gewijzigd. "
                "Meld dit bij de beheerder (import %(id)s)."
            )
            % {"id": run_id},
        )
        raise
    return run.status


@task()
def derived_compute_task(indicator_id: int) -> int | None:
    """Compute a derived indicator for every area and period where both parts exist."""

    indicator = Indicator.objects.filter(pk=indicator_id).first()
    if indicator is None or not indicator.is_derived:
        return None
    result = derived_compute(indicator=indicator)
    return result if isinstance(result, int) else None
