"""Drive one ImportRun: parse the file, store the result, report, recompute derived indicators.

Used by the CLI commands and by the background task of the web UI alike:

    run = import_run_create(kind="cbs", path=path, user=user, options={"period": "2024"})  # jobs
    import_run_execute(run, progress=lambda pct, text: ...)

The parse happens outside any transaction and its progress is written to the ImportRun row as it
goes, so another request can show a progress bar. The store is one transaction; on PostgreSQL its
progress is written through a second connection, on SQLite (one writer at a time) it is kept in
memory until the transaction ends (`duiding.jobs.progress.ProgressWriter`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from duiding.indicators.derived import derived_compute
from duiding.indicators.importing import cbs, kwb_excel, observations
from duiding.indicators.importing.store import ImportRefused, gc_paused, observations_store
from duiding.indicators.importing.types import ImportMessage, ParseResult
from duiding.indicators.signals import import_finished
from duiding.jobs.models import ImportRun
from duiding.jobs.progress import ProgressWriter

logger = logging.getLogger(__name__)

MAX_MESSAGES = 1000
PARSE_SHARE = 45  # percent of the bar for reading the file; storing takes 45..95, derived 95..100


def _parse(run: ImportRun, progress: Callable[[int, str], None]) -> ParseResult:
    options = run.options or {}
    path = run.file_path
    if run.kind == ImportRun.Kind.CBS:
        return cbs.parse_cbs(
            path,
            properties_path=options.get("properties") or None,
            period=options.get("period") or None,
            progress=progress,
            file_name=run.file_name,
        )
    if run.kind == ImportRun.Kind.KWB_EXCEL:
        return kwb_excel.parse_kwb_excel(path, year=int(options["year"]), file_name=run.file_name)
    if run.kind == ImportRun.Kind.OBSERVATIONS:
        return observations.parse_observations(
            path, organisation=run.organisation, file_name=run.file_name
        )
    result = ParseResult()
    result.messages.append(
        ImportMessage(f"Dit soort import ({run.get_kind_display()}) loopt niet via deze route.")
    )
    return result


def _capped(messages: list[dict]) -> list[dict]:
    if len(messages) <= MAX_MESSAGES:
        return messages
    rest = len(messages) - MAX_MESSAGES
    return [
        *messages[:MAX_MESSAGES],
        ImportMessage(f"… en nog {rest} meldingen (niet getoond).", level="info").as_dict(),
    ]


def _refused_rows(messages: list[ImportMessage]) -> int:
    return len({m.row for m in messages if m.level in {"error", "warning"} and m.row is not None})


def _fail(run: ImportRun, error: str, messages: list[ImportMessage] | None = None) -> ImportRun:
    run.status = ImportRun.Status.FAILED
    run.error = error
    if messages:
        run.messages = _capped([*run.messages, *(m.as_dict() for m in messages)])
        run.rows_refused = max(run.rows_refused, _refused_rows(messages))
    run.finished_at = timezone.now()
    run.save()
    return run


def _too_big(run: ImportRun) -> str:
    path = Path(run.file_path)
    if not path.is_file():
        return f"Het bestand ‘{run.file_name}’ is niet (meer) te vinden."
    limit = settings.MAX_UPLOAD_MB
    size_mb = path.stat().st_size / (1024 * 1024)
    if size_mb > limit:
        return (
            f"Het bestand is {size_mb:.0f} MB; Duiding leest bestanden tot {limit} MB. "
            "Splits het bestand of vraag de beheerder de grens (MAX_UPLOAD_MB) te verhogen."
        )
    return ""


def import_run_execute(
    run: ImportRun, progress: Callable[[int, str], None] | None = None
) -> ImportRun:
    """Execute `run` to the end: status done / unchanged / failed, with a Dutch report."""
    writer = ProgressWriter(run, progress)
    run.status = ImportRun.Status.RUNNING
    run.started_at = timezone.now()
    run.error = ""
    run.messages = []
    run.save(update_fields=["status", "started_at", "error", "messages"])
    try:
        with gc_paused():
            return _execute(run, writer)
    finally:
        writer.close()


def _execute(run: ImportRun, writer: ProgressWriter) -> ImportRun:
    if run.kind in {ImportRun.Kind.CBS, ImportRun.Kind.KWB_EXCEL, ImportRun.Kind.OBSERVATIONS}:
        problem = _too_big(run)
        if problem:
            return _fail(run, problem)
    writer(0, "Bestand lezen")
    try:
        result = _parse(run, writer.scaled(0, PARSE_SHARE))
    except Exception as exc:  # a parser bug must not leave the run 'running'; logged with traceback
        logger.exception("Parser crashed on import run %s (%s)", run.pk, run.file_name)
        return _fail(
            run,
            f"Het bestand kon niet worden gelezen door een onverwachte fout ({type(exc).__name__}: "
            f"{exc}). Er is niets opgeslagen.",
        )
    run.rows_read = result.rows_read
    run.rows_refused = max(getattr(result, "rows_refused", 0), _refused_rows(result.messages))
    run.rows_skipped = result.rows_skipped
    run.messages = _capped([m.as_dict() for m in result.messages])
    if result.has_errors:
        errors = sum(1 for m in result.messages if m.level == "error")
        return _fail(
            run,
            f"Het bestand is niet ingelezen: {errors} fout(en), zie de meldingen. "
            "Er is niets opgeslagen.",
        )
    run.save(update_fields=["rows_read", "rows_refused", "rows_skipped", "messages"])

    writer(PARSE_SHARE, "Cijfers opslaan")
    try:
        observations_store(
            run=run,
            result=result,
            source_file=run.file_name,
            progress=writer.scaled(PARSE_SHARE, 95),
        )
    except ImportRefused as refused:
        run.refresh_from_db(fields=["dataset", "areas_created"])
        run.values_stored = run.values_revised = run.values_unchanged = run.areas_created = 0
        return _fail(
            run,
            "Het bestand is niet ingelezen, zie de meldingen. Er is niets opgeslagen.",
            refused.messages,
        )
    except DatabaseError as exc:
        logger.exception("Storing import run %s failed", run.pk)
        run.values_stored = run.values_revised = run.values_unchanged = run.areas_created = 0
        run.dataset = None
        return _fail(
            run,
            f"Opslaan in de database is mislukt ({type(exc).__name__}: {exc}). "
            "Alles is teruggedraaid; er is niets gewijzigd.",
        )

    changed = run.values_stored or run.values_revised or run.areas_created
    run.status = ImportRun.Status.DONE if changed else ImportRun.Status.UNCHANGED
    if changed:
        writer(95, "Afgeleide indicatoren berekenen")
        _derived_after(run)
    run.progress, run.progress_text = 100, "Klaar"
    run.finished_at = timezone.now()
    run.save()
    import_finished.send(sender=ImportRun, run=run)
    if writer.callback is not None:
        writer.callback(100, "Klaar")
    return run


def _derived_after(run: ImportRun) -> None:
    try:
        stored = derived_compute(run=run)
    except (DatabaseError, ImportRefused) as exc:
        logger.exception("Derived indicators after import run %s failed", run.pk)
        run.messages = _capped(
            [
                *run.messages,
                ImportMessage(
                    f"De afgeleide indicatoren zijn niet bijgewerkt ({exc}); "
                    "draai ‘duiding compute-derived’.",
                    level="warning",
                ).as_dict(),
            ]
        )
        return
    if stored:
        run.messages = _capped(
            [
                *run.messages,
                ImportMessage(
                    f"{stored} waarden van afgeleide indicatoren bijgewerkt.", level="info"
                ).as_dict(),
            ]
        )
