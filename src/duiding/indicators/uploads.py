"""Uploaded import files: check, store under a unique name, create the ImportRun, enqueue the task.

The view validates the form; `import_upload_start` is the one service it calls. Files are stored in
settings.IMPORT_UPLOAD_DIR as `<date>-<random>[-<CBS table id>].<ext>`: the user's file name is
kept on the run for the report and provenance, never used as a path.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from duiding.indicators.importing.cbs_columns import table_id
from duiding.indicators.tasks import import_run_task
from duiding.jobs.models import ImportRun
from duiding.jobs.services import active_run_for, import_run_create

# Extensions per kind of file, and what their first bytes must look like.
EXTENSIONS = {
    ImportRun.Kind.CBS: {".csv", ".txt"},
    ImportRun.Kind.KWB_EXCEL: {".xlsx"},
    ImportRun.Kind.OBSERVATIONS: {".csv", ".txt", ".xlsx"},
    "properties": {".json"},
}
XLSX_MAGIC = b"PK\x03\x04"


class ImportRefused(Exception):
    """A Dutch message for the user; nothing was stored or started."""


@dataclass(frozen=True)
class StoredFile:
    path: Path
    sha256: str
    original_name: str


def max_upload_bytes() -> int:
    return int(settings.MAX_UPLOAD_MB) * 1024 * 1024


def upload_check(*, uploaded: UploadedFile, kind: str) -> None:
    """Refuse a file by size, extension or content before anything is stored (Dutch message)."""
    name = uploaded.name or ""
    if uploaded.size > max_upload_bytes():
        raise ImportRefused(
            _(
                "Het bestand %(name)s is groter dan %(max)s MB. Splits het bestand of vraag de beheerder om hulp."
            )
            % {"name": name, "max": settings.MAX_UPLOAD_MB}
        )
    if uploaded.size == 0:
        raise ImportRefused(_("Het bestand %(name)s is leeg.") % {"name": name})
    suffix = Path(name).suffix.lower()
    allowed = EXTENSIONS[kind]
    if suffix not in allowed:
        if suffix == ".xls":
            raise ImportRefused(
                _(
                    "Het bestand %(name)s is een oud Excel-bestand (.xls). Sla het op als .xlsx en probeer het opnieuw."
                )
                % {"name": name}
            )
        raise ImportRefused(
            _("Het bestand %(name)s heeft niet de goede soort. Verwacht: %(ext)s.")
            % {"name": name, "ext": ", ".join(sorted(allowed))}
        )
    head = _head(uploaded)
    if suffix == ".xlsx":
        if not head.startswith(XLSX_MAGIC):
            raise ImportRefused(
                _("Het bestand %(name)s heet .xlsx maar is geen Excel-bestand.") % {"name": name}
            )
    elif head.startswith(XLSX_MAGIC) or b"\x00" in head:
        raise ImportRefused(
            _("Het bestand %(name)s is geen tekstbestand (CSV of JSON). Kies het juiste bestand.")
            % {"name": name}
        )
    elif suffix == ".json" and not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        raise ImportRefused(
            _("Het bestand %(name)s is geen JSON-bestand (DataProperties).") % {"name": name}
        )


def _head(uploaded: UploadedFile, size: int = 4096) -> bytes:
    uploaded.seek(0)
    head = uploaded.read(size)
    uploaded.seek(0)
    return head


def upload_store(*, uploaded: UploadedFile) -> StoredFile:
    """Write the upload to IMPORT_UPLOAD_DIR under a random name; compute its sha256 on the way."""
    directory = Path(settings.IMPORT_UPLOAD_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    suffix = Path(uploaded.name or "").suffix.lower()
    # Only a validated CBS table id (e.g. 85685NED) is carried over from the user's file name:
    # the CBS importer reads the table id from the file name.
    tid = table_id(Path(uploaded.name or "").name)
    tid_part = f"-{tid}" if re.fullmatch(r"[0-9A-Za-z]{5,12}", tid or "") else ""
    path = directory / f"{timezone.now():%Y%m%d-%H%M%S}-{secrets.token_hex(8)}{tid_part}{suffix}"
    digest = hashlib.sha256()
    with path.open("xb") as out:
        for chunk in uploaded.chunks():
            digest.update(chunk)
            out.write(chunk)
    return StoredFile(path=path, sha256=digest.hexdigest(), original_name=Path(uploaded.name).name)


def _lock_message(run: ImportRun) -> str:
    return _(
        "Dit bestand wordt al geïmporteerd (import %(id)s, %(status)s). "
        "Wacht tot die import klaar is; een tweede keer starten is niet nodig."
    ) % {"id": run.pk, "status": run.get_status_display().lower()}


def import_upload_start(
    *,
    kind: str,
    uploaded: UploadedFile,
    user,
    organisation=None,
    properties: UploadedFile | None = None,
    options: dict | None = None,
) -> ImportRun:
    """Check and store the upload, create the ImportRun and enqueue its task.

    Raises ImportRefused (Dutch message) when the file is refused or the same file is already being
    imported; in that case nothing is kept.
    """

    upload_check(uploaded=uploaded, kind=kind)
    if properties is not None:
        upload_check(uploaded=properties, kind="properties")
    stored = upload_store(uploaded=uploaded)
    stored_props = None
    try:
        existing = active_run_for(stored.sha256)
        if existing is not None:
            raise ImportRefused(_lock_message(existing))
        options = dict(options or {})
        options["original_name"] = stored.original_name
        if properties is not None:
            stored_props = upload_store(uploaded=properties)
            options["properties"] = str(stored_props.path)
            options["properties_name"] = stored_props.original_name
        with transaction.atomic():
            run = import_run_create(
                kind=kind, path=stored.path, user=user, organisation=organisation, options=options
            )
            run.file_name = stored.original_name
            run.file_sha256 = stored.sha256
            run.save(update_fields=["file_name", "file_sha256"])
            # Two uploads of the same file at the same moment: the earliest run wins.
            first = active_run_for(stored.sha256)
            if first is not None and first.pk != run.pk:
                raise ImportRefused(_lock_message(first))
    except ImportRefused:
        stored.path.unlink(missing_ok=True)
        if stored_props is not None:
            stored_props.path.unlink(missing_ok=True)
        raise
    import_run_task.enqueue(run.pk)
    run.refresh_from_db()
    return run
