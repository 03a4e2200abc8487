"""Runs: register one, and keep abandoned runs from blocking the same file forever."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _

from duiding.jobs.models import ImportRun


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def import_run_create(
    *, kind: str, path: str | Path, user=None, organisation=None, options: dict | None = None
) -> ImportRun:
    """Register an import of the file at `path` (not yet executed)."""
    path = Path(path)
    return ImportRun.objects.create(
        kind=kind,
        file_name=path.name[:300],
        file_path=str(path)[:500],
        file_sha256=file_sha256(path) if path.is_file() else "",
        options=options or {},
        started_by=user if getattr(user, "is_authenticated", False) else None,
        organisation=organisation,
    )


# A run still "running" after this long was abandoned (its worker stopped, e.g. a restart); a
# queued run older than STALE_QUEUED was never picked up. Neither may block the same file forever.
STALE_RUNNING = timedelta(hours=1)
STALE_QUEUED = timedelta(hours=24)


def import_run_abandon_if_stale(run: ImportRun) -> bool:
    """Mark a run that can no longer finish as failed; True when it was stale."""
    now = timezone.now()
    if run.status == ImportRun.Status.RUNNING:
        stale = (run.started_at or run.created_at) < now - STALE_RUNNING
    elif run.status == ImportRun.Status.QUEUED:
        stale = run.created_at < now - STALE_QUEUED
    else:
        return False
    if stale:
        ImportRun.objects.filter(pk=run.pk, status=run.status).update(
            status=ImportRun.Status.FAILED,
            finished_at=now,
            error=_(
                "De import is onderbroken: de achtergrondverwerking stopte voordat hij klaar was "
                "(bijvoorbeeld door een herstart). Er is niets gewijzigd; importeer het bestand opnieuw."
            ),
        )
    return stale


def active_run_for(sha256: str) -> ImportRun | None:
    """The queued or running import of the same file, if any (the import lock)."""
    runs = ImportRun.objects.filter(
        file_sha256=sha256, status__in=(ImportRun.Status.QUEUED, ImportRun.Status.RUNNING)
    ).order_by("pk")
    for run in runs:
        if not import_run_abandon_if_stale(run):
            return run
    return None
