"""Reads of runs: the runs a user may see, and a run's messages grouped for its report."""

from __future__ import annotations

from django.db.models import QuerySet

from duiding.jobs.models import ImportRun
from duiding.jobs.permissions import visible_import_runs


def import_runs_for_user(user, limit: int = 100) -> QuerySet[ImportRun]:
    return visible_import_runs(user).select_related("dataset", "started_by")[:limit]


def run_report_lines(run: ImportRun) -> dict[str, list[dict]]:
    """The run's messages split into refused rows (errors), warnings, rows skipped by design
    (information, not a refusal) and notes."""
    lines: dict[str, list[dict]] = {"errors": [], "warnings": [], "skipped": [], "notes": []}
    for item in run.messages or []:
        if not isinstance(item, dict):
            item = {"message": str(item)}
        level = item.get("level", "error")
        key = {"error": "errors", "warning": "warnings", "skipped": "skipped"}.get(level, "notes")
        lines[key].append(item)
    return lines
