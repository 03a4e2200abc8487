"""Background runs with status, progress and messages.

An `ImportRun` is one import of one file (or one derived-indicator computation, or one boundary
file): it is created first, then executed by the CLI or a background task, which writes its
progress and report lines to the row so another request can show them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    class Kind(models.TextChoices):
        CBS = "cbs", _("CBS-tabel (StatLine)")
        KWB_EXCEL = "kwb_excel", _("Kerncijfers wijken en buurten (Excel)")
        OBSERVATIONS = "observations", _("Eigen cijfers (CSV/Excel)")
        BOUNDARIES = "boundaries", _("Grenzen (GeoJSON/TopoJSON)")
        DERIVED = "derived", _("Afgeleide indicatoren")

    class Status(models.TextChoices):
        QUEUED = "queued", _("In de wachtrij")
        RUNNING = "running", _("Bezig")
        DONE = "done", _("Klaar")
        UNCHANGED = "unchanged", _("Klaar, niets gewijzigd")
        FAILED = "failed", _("Mislukt")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    dataset = models.ForeignKey(
        "indicators.Dataset", null=True, blank=True, on_delete=models.PROTECT, related_name="runs"
    )
    file_name = models.CharField(_("bestand"), max_length=300)
    file_path = models.CharField(
        max_length=500, blank=True
    )  # stored upload, for the background task
    file_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    options = models.JSONField(default=dict, blank=True)
    progress = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    progress_text = models.CharField(max_length=200, blank=True)
    rows_read = models.PositiveIntegerField(_("rijen gelezen"), default=0)
    values_stored = models.PositiveIntegerField(_("waarden opgeslagen"), default=0)
    values_unchanged = models.PositiveIntegerField(_("waarden ongewijzigd"), default=0)
    values_revised = models.PositiveIntegerField(_("waarden herzien"), default=0)
    rows_refused = models.PositiveIntegerField(_("rijen geweigerd"), default=0)
    # Rows left out by design (regions Duiding does not show, e.g. provincies): not a refusal.
    rows_skipped = models.PositiveIntegerField(_("rijen bewust overgeslagen"), default=0)
    areas_created = models.PositiveIntegerField(_("gebieden aangemaakt"), default=0)
    # Report lines: [{"row": 12, "column": "Codering_3", "message": "..."}]; `error` holds a fatal message.
    messages = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_runs",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="import_runs",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        # The table keeps the name it had when this model lived in `indicators`: moving the model
        # between apps moved no data (see jobs/migrations/0001_initial.py).
        db_table = "indicators_importrun"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.file_name} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.UNCHANGED, self.Status.FAILED}
