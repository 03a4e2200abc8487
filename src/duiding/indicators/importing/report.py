"""The Dutch import report as plain text, and the shared body of the `duiding import-*` commands.

    duiding import-kwb-excel kwb-2024.xlsx --year 2024
    duiding import-observations eigen.csv --organisation rotterdam

Every import command calls `cli_import(...)`: it creates the ImportRun, executes it through the
runner, prints `format_report(run)` and exits non-zero when the import failed.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from duiding.indicators.importing.numbers import format_nl
from duiding.indicators.importing.runner import import_run_execute
from duiding.jobs.models import ImportRun
from duiding.jobs.services import import_run_create

MAX_PRINTED = 100
LEVEL_LABELS = {"error": "Fout", "warning": "Let op", "info": "Info", "skipped": "Bewust"}


def _n(value) -> str:
    return format_nl(value or 0)


def _message_line(item) -> str:
    if not isinstance(item, dict):
        item = {"message": str(item)}
    level = str(LEVEL_LABELS.get(item.get("level", "error"), item.get("level", "")))
    text = str(item.get("message", ""))
    where = []
    if item.get("row"):
        where.append(_("rij %(row)s") % {"row": item["row"]})
    if item.get("column"):
        where.append(_("kolom %(column)s") % {"column": item["column"]})
    # Most messages already start with "Rij 4, kolom 'x': ..."; then the prefix would repeat it.
    said = not item.get("row") or (_("rij %(row)s") % {"row": item["row"]}) in text.lower()
    prefix = f"[{', '.join(where)}] " if where and not said else ""
    return f"  {level:<7} {prefix}{text}"


def format_report(run: ImportRun, *, max_messages: int = MAX_PRINTED) -> str:
    """The report of one import run in Dutch: what was read, stored, refused, and every message."""
    lines = [
        _("Import %(id)s: %(kind)s — %(file)s")
        % {"id": run.pk, "kind": run.get_kind_display(), "file": run.file_name},
        _("Status: %(status)s") % {"status": run.get_status_display()},
    ]
    if run.dataset_id:
        lines.append(_("Gegevensbron: %(dataset)s") % {"dataset": run.dataset})
    lines += [
        _("Rijen gelezen: %(n)s") % {"n": _n(run.rows_read)},
        _("Waarden opgeslagen: %(stored)s nieuw, %(revised)s herzien, %(unchanged)s ongewijzigd")
        % {
            "stored": _n(run.values_stored),
            "revised": _n(run.values_revised),
            "unchanged": _n(run.values_unchanged),
        },
        _("Rijen geweigerd: %(n)s") % {"n": _n(run.rows_refused)},
        _("Rijen bewust overgeslagen (regio’s die Duiding niet toont of niet kent): %(n)s")
        % {"n": _n(run.rows_skipped)},
        _("Gebieden aangemaakt: %(n)s") % {"n": _n(run.areas_created)},
    ]
    if run.error:
        lines.append(_("Resultaat: %(error)s") % {"error": run.error})
    messages = run.messages or []
    if messages:
        lines.append(_("Meldingen (%(n)s):") % {"n": _n(len(messages))})
        lines += [_message_line(item) for item in messages[:max_messages]]
        if len(messages) > max_messages:
            lines.append(
                "  "
                + _("… en nog %(n)s meldingen; zie de importpagina in Duiding.")
                % {"n": _n(len(messages) - max_messages)}
            )
    return "\n".join(lines)


def cli_import(
    command,
    *,
    kind: str,
    path: str | Path,
    options: dict | None = None,
    organisation=None,
    user=None,
) -> ImportRun:
    """Create and execute an import from a management command; print the report; CommandError
    (exit code 1) when it failed."""
    path = Path(path)
    if not path.is_file():
        raise CommandError(_("Het bestand '%(path)s' bestaat niet.") % {"path": path})
    verbosity = int(getattr(command, "verbosity", 1))

    def progress(pct: int, text: str) -> None:
        if verbosity >= 2:
            command.stderr.write(f"{pct:3d}% {text}")

    run = import_run_create(
        kind=kind, path=path, user=user, organisation=organisation, options=options or {}
    )
    run = import_run_execute(run, progress=progress)
    command.stdout.write(format_report(run))
    if run.status == ImportRun.Status.FAILED:
        raise CommandError(_("De import is mislukt; er is niets opgeslagen."))
    return run
