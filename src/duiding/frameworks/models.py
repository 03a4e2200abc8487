"""Frameworks: pillars, domains and city ambitions as data (Rotterdam's is the default)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from duiding.core.history import DiffedChange, alias, at_field, user_field


class Framework(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(_("toelichting"), blank=True)
    source = models.CharField(_("bron"), max_length=300, blank=True)
    is_default = models.BooleanField(_("standaard"), default=False)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="frameworks",
    )
    # The municipality whose programmes use this framework; empty: shared, any municipality.
    municipality = models.ForeignKey(
        "areas.Area",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="frameworks",
        limit_choices_to={"level": "gemeente"},
    )
    # Codes of the indicators whose default domain links (frameworks/defaults.py) were applied.
    # Applied once per indicator: links a beheerder changes or removes later stay as they are.
    default_links_applied = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        ordering = ["-is_default", "name"]
        verbose_name = _("raamwerk")
        verbose_name_plural = _("raamwerken")

    def __str__(self) -> str:
        return self.name


class Pillar(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="pillars")
    name = models.CharField(_("naam"), max_length=100)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    version = models.PositiveIntegerField(default=1, db_default=1)  # core.versioning

    class Meta:
        ordering = ["framework", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["framework", "name"], name="pillar_unique")]
        verbose_name = _("pijler")
        verbose_name_plural = _("pijlers")

    def __str__(self) -> str:
        return self.name


class Domain(models.Model):
    pillar = models.ForeignKey(Pillar, on_delete=models.CASCADE, related_name="domains")
    name = models.CharField(_("naam"), max_length=150)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    indicators = models.ManyToManyField(
        "indicators.Indicator", through="DomainIndicator", related_name="domains", blank=True
    )
    version = models.PositiveIntegerField(default=1, db_default=1)  # core.versioning

    class Meta:
        ordering = ["pillar__order", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["pillar", "name"], name="domain_unique")]
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")

    def __str__(self) -> str:
        return self.name


class DomainIndicator(models.Model):
    domain = models.ForeignKey(Domain, on_delete=models.CASCADE)
    indicator = models.ForeignKey("indicators.Indicator", on_delete=models.CASCADE)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "indicator__name"]
        constraints = [
            models.UniqueConstraint(fields=["domain", "indicator"], name="domainindicator_unique")
        ]

    def __str__(self) -> str:
        return f"{self.domain} — {self.indicator}"


class Ambition(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="ambitions")
    pillar = models.ForeignKey(Pillar, on_delete=models.CASCADE, related_name="ambitions")
    domain = models.ForeignKey(
        Domain, null=True, blank=True, on_delete=models.SET_NULL, related_name="ambitions"
    )
    text = models.CharField(_("ambitie"), max_length=300)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    version = models.PositiveIntegerField(default=1, db_default=1)  # core.versioning

    class Meta:
        ordering = ["pillar__order", "order"]
        verbose_name = _("ambitie")
        verbose_name_plural = _("ambities")

    def __str__(self) -> str:
        return self.text


# --- Factor model (seed 003 chapter 2, appendices 3 and 4) ----------------------------------


class LifeArea(models.Model):
    """Leefgebied: kind/jeugdige, ouders/gezin, school, wijk, digitale omgeving/internet."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("leefgebied")
        verbose_name_plural = _("leefgebieden")

    def __str__(self) -> str:
        return self.name


class AgePhase(models.Model):
    """Leeftijdsfase: zwangerschap … jongvolwassenheid (in life order)."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("leeftijdsfase")
        verbose_name_plural = _("leeftijdsfasen")

    def __str__(self) -> str:
        return self.name


class Factor(models.Model):
    """A risk or protective factor: 'a knob you can turn' beneath the figures."""

    class Kind(models.TextChoices):
        RISK = "risk", _("Risicofactor")
        PROTECTIVE = "protective", _("Beschermende factor")
        BOTH = "both", _("Risico- en beschermende factor")

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="factors")
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices)
    # Position in the ranking (seed 003 appendix 4): 1 is most connected. Unknown stays empty;
    # a rank is never invented.
    rank = models.PositiveSmallIntegerField(_("ranking"), null=True, blank=True)
    explanation = models.TextField(_("toelichting"), blank=True)
    source = models.CharField(_("bron"), max_length=400, blank=True)
    # Shipped defaults are marked "standaard — te bevestigen door de gemeente" until a beheerder
    # confirms them.
    is_default = models.BooleanField(_("standaard"), default=False)
    confirmed = models.BooleanField(_("bevestigd door de gemeente"), default=False)
    life_areas = models.ManyToManyField(
        LifeArea, verbose_name=_("leefgebieden"), related_name="factors", blank=True
    )
    age_phases = models.ManyToManyField(
        AgePhase, verbose_name=_("leeftijdsfasen"), related_name="factors", blank=True
    )
    domains = models.ManyToManyField(
        Domain, verbose_name=_("domeinen"), related_name="factors", blank=True
    )
    indicators = models.ManyToManyField(
        "indicators.Indicator", verbose_name=_("indicatoren"), related_name="factors", blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, db_default=1)  # core.versioning

    class Meta:
        ordering = [models.F("rank").asc(nulls_last=True), "name"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "name"], name="factor_unique_name")
        ]
        verbose_name = _("factor")
        verbose_name_plural = _("factoren")

    def __str__(self) -> str:
        return self.name


class FactorChange(DiffedChange):
    """History of the factor model: every create, edit, confirm, Excel import (per factor
    changed) and delete, with who, when, the factor as it was after the change (before, for a
    delete) and the fields that changed. Kept when the factor is deleted (factor = NULL)."""

    class Action(models.TextChoices):
        CREATED = "created", _("Toegevoegd")
        UPDATED = "updated", _("Gewijzigd")
        CONFIRMED = "confirmed", _("Bevestigd door de gemeente")
        IMPORTED = "imported", _("Ingelezen uit Excel")
        DELETED = "deleted", _("Verwijderd")

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="factor_changes"
    )
    factor = models.ForeignKey(
        Factor, null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )
    factor_name = models.CharField(_("factor"), max_length=200)
    action = models.CharField(_("wat"), max_length=12, choices=Action.choices)
    # The base's who and when, in the columns this history always had.
    user = user_field(db_column="changed_by_id")
    at = at_field(db_column="changed_at")
    changed_by = alias("user")
    changed_at = alias("at")
    # snapshot: {"name", "kind", "rank", "explanation", "source", "is_default", "confirmed",
    #  "life_areas", "age_phases", "domains", "indicators"} (names and codes, readable without
    #  the rows); changes: [[field label, before, after], ...] as text.

    diff_labels = {
        "name": _("naam"),
        "kind": _("soort"),
        "rank": _("ranking"),
        "explanation": _("toelichting"),
        "source": _("bron"),
        "confirmed": _("bevestigd door de gemeente"),
        "life_areas": _("leefgebieden"),
        "age_phases": _("leeftijdsfasen"),
        "domains": _("domeinen"),
        "indicators": _("indicatoren"),
    }

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("wijziging van een factor")
        verbose_name_plural = _("wijzigingen van factoren")

    def __str__(self) -> str:
        return f"{self.factor_name}: {self.get_action_display()}"

    @classmethod
    def snapshot_of(cls, factor: Factor) -> dict:
        """The factor as plain data (names, not ids), readable after it is deleted."""
        return {
            "name": factor.name,
            "kind": str(factor.get_kind_display()),
            "rank": factor.rank,
            "explanation": factor.explanation,
            "source": factor.source,
            "is_default": factor.is_default,
            "confirmed": factor.confirmed,
            "life_areas": sorted(a.name for a in factor.life_areas.all()),
            "age_phases": sorted(p.name for p in factor.age_phases.all()),
            "domains": sorted(f"{d.pillar.name} · {d.name}" for d in factor.domains.all()),
            "indicators": sorted(i.code for i in factor.indicators.all()),
        }

    @classmethod
    def record_fields(cls, factor: Factor) -> dict:
        return {"framework": factor.framework, "factor": factor, "factor_name": factor.name}
