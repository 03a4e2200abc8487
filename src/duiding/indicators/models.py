"""Indicators, periods, observations with provenance, datasets and series aliases.

The import runs an observation points to live in `duiding.jobs` (ImportRun)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    COUNT = "count", _("Aantal")
    PERCENTAGE = "percentage", _("Percentage")
    RATE_1000 = "rate_1000", _("Per 1.000")
    MEAN = "mean", _("Gemiddelde")
    INDEX = "index", _("Index / schaalscore")
    AMOUNT = "amount", _("Bedrag")


# Counts are never flagged against areas of another size; these are comparable across areas.
COMPARABLE_UNITS = {UnitKind.PERCENTAGE, UnitKind.RATE_1000, UnitKind.MEAN, UnitKind.INDEX}


class Direction(models.TextChoices):
    HIGHER_IS_BETTER = "higher_is_better", _("Hoger is beter")
    LOWER_IS_BETTER = "lower_is_better", _("Lager is beter")
    NEUTRAL = "neutral", _("Neutraal")


class Rhythm(models.TextChoices):
    QUARTERLY = "quarterly", _("Per kwartaal")
    HALF_YEARLY = "half_yearly", _("Per halfjaar")
    YEARLY = "yearly", _("Jaarlijks")
    BIENNIAL = "biennial", _("Tweejaarlijks")
    FOUR_YEARLY = "four_yearly", _("Vierjaarlijks")
    IRREGULAR = "irregular", _("Onregelmatig")


class Dataset(models.Model):
    """A source table, e.g. CBS StatLine 85685NED, a KWB Excel release or a municipality's own file."""

    code = models.CharField(_("code"), max_length=60, unique=True)
    title = models.CharField(_("titel"), max_length=300, blank=True)
    publisher = models.CharField(_("uitgever"), max_length=100, default="CBS")
    licence = models.CharField(_("licentie"), max_length=100, default="CC BY 4.0")
    url = models.URLField(_("adres"), blank=True)
    # Null: open data, readable by every logged-in user. Otherwise owned by an organisation.
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="datasets",
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("gegevensbron")
        verbose_name_plural = _("gegevensbronnen")

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()


class Indicator(models.Model):
    code = models.CharField(_("code"), max_length=120, unique=True)
    name = models.CharField(_("naam"), max_length=300)
    definition = models.TextField(_("definitie"), blank=True)
    unit_kind = models.CharField(
        _("eenheid"), max_length=20, choices=UnitKind.choices, default=UnitKind.COUNT
    )
    unit_label = models.CharField(_("eenheid (tekst)"), max_length=60, blank=True)
    decimals = models.PositiveSmallIntegerField(_("decimalen"), default=0)
    direction = models.CharField(
        _("richting"), max_length=20, choices=Direction.choices, default=Direction.NEUTRAL
    )
    source = models.CharField(_("bron"), max_length=300, blank=True)
    rhythm = models.CharField(
        _("publicatieritme"), max_length=20, choices=Rhythm.choices, default=Rhythm.YEARLY
    )
    # Derived indicators: numerator / denominator x multiplier, computed per area and period.
    numerator = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("teller"),
    )
    denominator = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("noemer"),
    )
    multiplier = models.PositiveIntegerField(_("vermenigvuldiger"), null=True, blank=True)
    # Flag rule, configurable per indicator (default: outside +/-10% relative, and significant when n known).
    flag_threshold_pct = models.FloatField(_("drempel afwijking (%)"), default=10.0)
    flag_requires_significance = models.BooleanField(_("ook significant (95%)"), default=True)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, db_default=1)  # core.versioning

    class Meta:
        ordering = ["name"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")

    def __str__(self) -> str:
        return self.name

    @property
    def is_derived(self) -> bool:
        return self.numerator_id is not None and self.denominator_id is not None

    @property
    def is_comparable(self) -> bool:
        return self.unit_kind in COMPARABLE_UNITS


class PeriodKind(models.TextChoices):
    YEAR = "year", _("Jaar")
    HALF = "half", _("Halfjaar")
    QUARTER = "quarter", _("Kwartaal")
    DATE = "date", _("Peildatum")


class Period(models.Model):
    """`2024`, `2024H1`, `2024H2`, `2015Q1`, `2015-06-30` (a peildatum); CBS's own label is kept."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    kind = models.CharField(_("soort"), max_length=10, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(_("jaar"))
    start = models.DateField(_("begin"))
    end = models.DateField(_("einde"))
    label = models.CharField(_("label"), max_length=60)

    class Meta:
        ordering = ["start", "end"]
        verbose_name = _("periode")
        verbose_name_plural = _("periodes")

    def __str__(self) -> str:
        return self.label


class ObservationStatus(models.TextChoices):
    OK = "ok", _("Waarde")
    SUPPRESSED = "suppressed", _("Geheim / te klein")
    NOT_AVAILABLE = "not_available", _("Niet beschikbaar")


class Observation(models.Model):
    """One value of one indicator for one area, period and category, with where it came from.

    Revisions keep history: the newest version has `is_current=True`, earlier ones stay with False.
    """

    # No single-column FK indexes: the composite indexes below lead with indicator and area, and every
    # extra index costs about a second per million values on import (see bench/import_cbs.py).
    # No database FK constraints either (db_constraint=False): PostgreSQL checks each one with a
    # query per inserted row at commit, which made a KWB import (630,000 values, five FKs) spend
    # most of its time in those checks (SQLite pays them too, less). The only bulk writer, the
    # import store, takes every id from the referenced tables inside its own transaction; deletes
    # go through the ORM (the admin's area delete), which still cascades (area, indicator) and
    # protects (period, dataset, import run) as declared.
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="observations",
        db_index=False,
        db_constraint=False,
    )
    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.CASCADE,
        related_name="observations",
        db_index=False,
        db_constraint=False,
    )
    period = models.ForeignKey(
        Period,
        on_delete=models.PROTECT,
        related_name="observations",
        db_index=False,
        db_constraint=False,
    )
    # Category within the source table ("" = total / no category), e.g. a referrer "Huisarts".
    category = models.CharField(max_length=200, blank=True, default="")
    status = models.CharField(
        max_length=20, choices=ObservationStatus.choices, default=ObservationStatus.OK
    )
    value = models.FloatField(null=True, blank=True)
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    # Provenance: where exactly the figure came from.
    dataset = models.ForeignKey(
        Dataset,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    import_run = models.ForeignKey(
        "jobs.ImportRun",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    source_file = models.CharField(max_length=300, blank=True)
    source_row = models.PositiveIntegerField(null=True, blank=True)
    source_column = models.CharField(max_length=200, blank=True)
    source_category = models.CharField(max_length=200, blank=True)  # the label as published
    published_area_code = models.CharField(max_length=20, blank=True)
    indelingswijziging = models.CharField(max_length=10, blank=True)
    is_current = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["indicator", "period", "area"], name="obs_ind_period_area"),
            models.Index(fields=["area", "period"], name="obs_area_period"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "period", "category"],
                condition=models.Q(is_current=True),
                name="obs_one_current",
            )
        ]
        verbose_name = _("waarneming")
        verbose_name_plural = _("waarnemingen")

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_id} {self.period_id}: {self.value}"


class SeriesAlias(models.Model):
    """Explicit, reviewable harmonisation: the same measure under another key or category label.

    kind=measure: `TotaalJongerenMetJeugdzorg` continues as `TotaalJongerenMetJeugdzorgInNatura`.
    kind=category: "Totaal jeugdzorg" continues as "Totaal alle jeugdzorg in natura".
    """

    class Kind(models.TextChoices):
        MEASURE = "measure", _("Onderwerp (kolom)")
        CATEGORY = "category", _("Categorie")

    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    alias = models.CharField(_("zoals gepubliceerd"), max_length=200)
    canonical = models.CharField(_("doorgaande reeks"), max_length=200)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "canonical", "alias"]
        constraints = [models.UniqueConstraint(fields=["kind", "alias"], name="alias_unique")]
        verbose_name = _("reeksalias")
        verbose_name_plural = _("reeksaliassen")

    def __str__(self) -> str:
        return f"{self.alias} → {self.canonical}"
