"""Societal results (seed 003, Deel 2 step 2): what a programme wants to reach in its wijk, measured
by one or more indicators, with the rule that combines them, progress verdicts and history.

Vocabulary (DESIGN.md): ambitie = Ambition (the city's, in the framework); maatschappelijk
resultaat = SocietalResult (concrete, dated, for one wijk); indicator = ResultIndicator (how it is
measured, with baseline and target)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from duiding.core.history import RestorableChange, alias, snapshot_field
from duiding.indicators.models import Direction


class Status(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    COLLEAGUE = "collega", _("Besproken met collega")
    PARTNERS = "partners", _("Besproken met partners")
    ADOPTED = "vastgesteld", _("Vastgesteld")


class Rule(models.TextChoices):
    """How several indicators together decide whether the result is reached."""

    EACH = "each", _("Ieder afzonderlijk")
    COMBINED = "combined", _("Gecombineerd")
    MEAN = "mean", _("Gemiddeld")


class TargetKind(models.TextChoices):
    ABSOLUTE = "absolute", _("Absolute waarde")
    PP = "pp", _("Verandering in procentpunten")
    RELATIVE = "relative", _("Relatieve verandering (%)")


class Verdict(models.TextChoices):
    REACHED = "reached", _("Bereikt")
    ON_TRACK = "on_track", _("Op koers")
    NOT_ON_TRACK = "not_on_track", _("Niet op koers")
    NOT_REACHED = "not_reached", _("Niet bereikt")
    NO_DATA = "no_data", _("Nog geen nieuwe cijfers")


class SocietalResult(models.Model):
    """Maatschappelijk resultaat: e.g. "In 2027 is het percentage jongeren van 18–22 jaar met
    startkwalificatie op het landelijk niveau"."""

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="results"
    )
    text = models.TextField(_("maatschappelijk resultaat"))
    ambition = models.ForeignKey(
        "frameworks.Ambition",
        verbose_name=_("ambitie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="results",
    )
    domain = models.ForeignKey(
        "frameworks.Domain",
        verbose_name=_("domein"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="results",
    )
    # Links into the wijkanalyse: the sections (findings) and factors that argue for this result.
    sections = models.ManyToManyField(
        "programmes.AnalysisSection",
        verbose_name=_("bevindingen uit de wijkanalyse"),
        blank=True,
        related_name="results",
    )
    factors = models.ManyToManyField(
        "frameworks.Factor", verbose_name=_("factoren"), blank=True, related_name="results"
    )
    target_date = models.DateField(_("streefdatum"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONCEPT
    )
    rule = models.CharField(_("rekenregel"), max_length=10, choices=Rule.choices, default=Rule.EACH)
    # For rule "combined": the indicator that measures the share meeting all conditions at once.
    combination_indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("indicator voor de combinatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # For rules "combined" and "mean": the target of the combined figure.
    combined_target_kind = models.CharField(
        _("soort doel (gecombineerd)"), max_length=10, choices=TargetKind.choices, blank=True
    )
    combined_target_value = models.DecimalField(
        _("doel (gecombineerd)"), max_digits=12, decimal_places=3, null=True, blank=True
    )
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["programme", "target_date", "pk"]
        verbose_name = _("maatschappelijk resultaat")
        verbose_name_plural = _("maatschappelijke resultaten")

    def __str__(self) -> str:
        return self.text[:80]


class ResultIndicator(models.Model):
    """One indicator of a result: baseline (from the observations, or entered with a source),
    target and direction."""

    result = models.ForeignKey(
        SocietalResult, on_delete=models.CASCADE, related_name="result_indicators"
    )
    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("indicator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="result_links",
    )
    # Only for an indicator that Duiding has no figures of (entered by hand).
    name = models.CharField(_("naam (eigen indicator)"), max_length=300, blank=True)
    baseline_period = models.CharField(_("basisperiode"), max_length=20)
    baseline_value = models.DecimalField(
        _("basiswaarde"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    # Empty when the baseline comes from the observations; the source when entered by hand.
    baseline_source = models.CharField(_("bron van de basiswaarde"), max_length=300, blank=True)
    target_kind = models.CharField(
        _("soort doel"), max_length=10, choices=TargetKind.choices, default=TargetKind.PP
    )
    target_value = models.DecimalField(_("doel"), max_digits=12, decimal_places=3)
    direction = models.CharField(
        _("richting"), max_length=20, choices=Direction.choices, default=Direction.HIGHER_IS_BETTER
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["result", "order", "pk"]
        verbose_name = _("indicator van een resultaat")
        verbose_name_plural = _("indicatoren van een resultaat")

    def __str__(self) -> str:
        return self.indicator.name if self.indicator_id else self.name


class ResultChange(RestorableChange):
    """History of a result: every save (who, when, what), including status changes. The history
    survives the result's deletion: the deletion itself is a change (kind "deleted") with the full
    snapshot, from which the result can be restored (restored_at set then)."""

    class Kind(models.TextChoices):
        SAVED = "", _("opgeslagen")
        DELETED = "deleted", _("verwijderd")
        RESTORED = "restored", _("hersteld")

    programme = models.ForeignKey(
        "programmes.Programme",
        null=True,
        on_delete=models.CASCADE,
        related_name="result_changes",
    )
    result = models.ForeignKey(
        SocietalResult, null=True, on_delete=models.SET_NULL, related_name="changes"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, blank=True, default="")
    status_from = models.CharField(max_length=12, blank=True)
    status_to = models.CharField(max_length=12, blank=True)
    # The result and its indicators after the save, in the column this history always had.
    snapshot = snapshot_field(db_column="content")
    content = alias("snapshot")

    deletion = {"kind": Kind.DELETED}

    # What a summary names when these parts of the snapshot changed.
    diff_labels = {
        "text": _("tekst"),
        "target_date": _("streefdatum"),
        "domain": _("domein"),
        "ambition": _("ambitie"),
        "sections": _("bevindingen"),
        "factors": _("factoren"),
        "rule": _("rekenregel"),
        "combination_indicator": _("indicator voor de combinatie"),
        "combined_target": _("doel (gecombineerd)"),
        "indicators": _("indicatoren"),
    }

    class Meta:
        ordering = ["result", "-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.result_id} @ {self.at:%Y-%m-%d %H:%M}"

    @classmethod
    def snapshot_of(cls, result: SocietalResult) -> dict:
        """The result and its indicators as plain data."""

        def number(value):
            return None if value is None else float(value)

        return {
            "text": result.text,
            "target_date": result.target_date.isoformat() if result.target_date else None,
            "status": result.status,
            "domain": [result.domain_id, str(result.domain)] if result.domain_id else None,
            "ambition": [result.ambition_id, str(result.ambition)] if result.ambition_id else None,
            "sections": sorted(result.sections.values_list("pk", flat=True)),
            "factors": [[f.pk, f.name] for f in result.factors.order_by("name")],
            "rule": result.rule,
            "combination_indicator": (
                [result.combination_indicator_id, result.combination_indicator.name]
                if result.combination_indicator_id
                else None
            ),
            "combined_target": (
                {"kind": result.combined_target_kind, "value": number(result.combined_target_value)}
                if result.combined_target_kind
                else None
            ),
            "indicators": [
                {
                    "indicator": ri.indicator_id,
                    "name": str(ri),
                    "baseline_period": ri.baseline_period,
                    "baseline_value": number(ri.baseline_value),
                    "baseline_source": ri.baseline_source,
                    "target_kind": ri.target_kind,
                    "target_value": number(ri.target_value),
                    "direction": ri.direction,
                }
                for ri in result.result_indicators.select_related("indicator").order_by(
                    "order", "pk"
                )
            ],
        }

    @classmethod
    def record_fields(cls, result: SocietalResult) -> dict:
        return {"programme_id": result.programme_id, "result": result}


class ProgressEvaluation(models.Model):
    """A progress verdict with the figures loaded at that moment. A new row is written only when
    the verdict or the periods used change, so the rows are the history of verdicts."""

    result = models.ForeignKey(SocietalResult, on_delete=models.CASCADE, related_name="evaluations")
    computed_at = models.DateTimeField(auto_now_add=True)
    verdict = models.CharField(max_length=14, choices=Verdict.choices)
    # {"indicators": [{"id", "code", "baseline_period", "baseline", "period", "value", "change",
    #   "verdict", "next_expected"}], "combined": {...} | null, "periods": [...]}
    details = models.JSONField(default=dict)
    import_run = models.ForeignKey(
        "jobs.ImportRun", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["result", "-computed_at", "-pk"]
        get_latest_by = "computed_at"

    def __str__(self) -> str:
        return f"{self.result_id}: {self.verdict}"
