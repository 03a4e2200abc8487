"""Activities, interventions, plan van aanpak and quality agreements (seed 003, Deel 2 steps 3
and 4; appendices 6 and 8). The measurement plans of step 5 live in `outcomes` (MeasurementPlan);
they join the plan van aanpak through `activities.extensions`.

Vocabulary (DESIGN.md): activiteit/aanbod = Activity ("We zetten X in, zodat Y"); interventie =
Intervention (reference list with databank and recognition level); effectladder = EvidenceLevel
(trede 0–4); preventieniveau = PreventionLevel; plan van aanpak = PlanStep + PurchaseAgreement;
kwaliteitsafspraak = QualityAgreement."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from duiding.core.history import RestorableChange, alias, snapshot_field

# --- Choices -----------------------------------------------------------------------------------


class RecognitionLevel(models.TextChoices):
    """Recognition of an intervention by the Erkenningscommissie (seed 003 step 4)."""

    UNKNOWN = "", _("Onbekend / niet erkend")
    WELL_DESCRIBED = "goed_beschreven", _("Goed beschreven")
    WELL_FOUNDED = "goed_onderbouwd", _("Goed onderbouwd")
    EFFECTIVE_FIRST = "effectief_eerste", _("Effectief volgens eerste aanwijzingen")
    EFFECTIVE_GOOD = "effectief_goede", _("Effectief volgens goede aanwijzingen")
    EFFECTIVE_STRONG = "effectief_sterke", _("Effectief volgens sterke aanwijzingen")


class EvidenceLevel(models.IntegerChoices):
    """Trede on the effectladder (seed 003 step 4 and appendix 8)."""

    IMPLICIT = 0, _("Trede 0: impliciete kennis (werkwijze zit in de hoofden, black box)")
    DESCRIBED = 1, _("Trede 1: goed beschreven (doel, doelgroep, aanpak en randvoorwaarden)")
    FOUNDED = 2, _("Trede 2: goed onderbouwd (in theorie effectief)")
    EFFICACIOUS = 3, _("Trede 3: doeltreffend (eerste aanwijzingen voor effectiviteit)")
    PROVEN = 4, _("Trede 4: bewezen effectief (goede of sterke aanwijzingen)")


# The trede a recognition level stands for (seed 003 step 4, table "Niveau effectladder").
RECOGNITION_TREDE = {
    RecognitionLevel.WELL_DESCRIBED: 1,
    RecognitionLevel.WELL_FOUNDED: 2,
    RecognitionLevel.EFFECTIVE_FIRST: 3,
    RecognitionLevel.EFFECTIVE_GOOD: 4,
    RecognitionLevel.EFFECTIVE_STRONG: 4,
}


class PreventionLevel(models.TextChoices):
    UNIVERSAL = "universeel", _("Universeel")
    SELECTIVE = "selectief", _("Selectief")
    INDICATED = "geindiceerd", _("Geïndiceerd")


class Form(models.TextChoices):
    INDIVIDUAL = "individueel", _("Individueel")
    GROUP = "groep", _("Groep")


class Continuity(models.TextChoices):
    STRUCTURAL = "structureel", _("Structureel")
    INCIDENTAL = "incidenteel", _("Incidenteel")


class OfferKind(models.TextChoices):
    DESIRED_NEW = "gewenst_nieuw", _("Gewenst nieuw aanbod")
    EXISTING_STAYS = "bestaand_blijft", _("Bestaand aanbod dat blijft")
    EXISTING_ADAPT = "bestaand_aanpassen", _("Bestaand aanbod aanpassen")
    EXISTING_STOP = "bestaand_stoppen", _("Bestaand aanbod stoppen")


class Effect(models.TextChoices):
    STRENGTHEN = "versterkt", _("versterkt")
    REDUCE = "vermindert", _("vermindert")


class StepStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BUSY = "bezig", _("Bezig")
    DONE = "klaar", _("Klaar")


# The quality checklist of a quality agreement: plan.reference.QUALITY_QUESTIONS (the seed's own
# questions, word for word). The JSON field stores {key: {"answer": bool|None, "note": str}}.


class Audited(models.Model):
    """created/updated by/at, the same four fields on every editable model of this app."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


# --- Reference list: databanks and interventions ---------------------------------------------


class Databank(models.Model):
    """A databank of recognised interventions (Samenwerkingsverband Erkenning van Interventies)."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    institute = models.CharField(_("kennisinstituut"), max_length=200, blank=True)
    theme = models.CharField(_("thema"), max_length=200, blank=True)
    url = models.URLField(_("website"), max_length=400, blank=True)
    description = models.TextField(_("toelichting"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("databank")
        verbose_name_plural = _("databanken")

    def __str__(self) -> str:
        return self.name


class Intervention(Audited):
    """An intervention of the reference list, with its databank and recognition level.

    The list starts empty: interventions are added by a beheerder, none are invented."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    databank = models.ForeignKey(
        Databank,
        verbose_name=_("databank"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interventions",
    )
    recognition_level = models.CharField(
        _("erkenningsniveau"),
        max_length=20,
        choices=RecognitionLevel.choices,
        default=RecognitionLevel.UNKNOWN,
        blank=True,
    )
    description = models.TextField(_("toelichting"), blank=True)
    url = models.URLField(_("website"), max_length=400, blank=True)
    is_default = models.BooleanField(_("standaard"), default=False)
    version = models.PositiveIntegerField(default=1, db_default=1)  # core.versioning

    class Meta:
        ordering = ["name"]
        verbose_name = _("interventie")
        verbose_name_plural = _("interventies")

    def __str__(self) -> str:
        return self.name

    @property
    def trede(self) -> int | None:
        """The effectladder step this recognition level stands for (None when not recognised)."""
        return RECOGNITION_TREDE.get(self.recognition_level)


# --- Activities ------------------------------------------------------------------------------


class Activity(Audited):
    """An activity of a programme, carried out by a partner: "We zetten X in, zodat Y"."""

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="activities"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("uitvoerende partner"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    name = models.CharField(_("activiteit"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)
    intervention = models.ForeignKey(
        Intervention,
        verbose_name=_("interventie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    results = models.ManyToManyField(
        "results.SocietalResult",
        verbose_name=_("maatschappelijke resultaten"),
        blank=True,
        related_name="activities",
    )
    factors = models.ManyToManyField(
        "frameworks.Factor",
        verbose_name=_("factoren"),
        through="ActivityFactor",
        blank=True,
        related_name="activities",
    )
    target_group = models.CharField(_("doelgroep"), max_length=300)
    target_group_size = models.PositiveIntegerField(_("omvang doelgroep"), null=True, blank=True)
    age_phases = models.ManyToManyField(
        "frameworks.AgePhase",
        verbose_name=_("leeftijdsfasen"),
        blank=True,
        related_name="activities",
    )
    life_areas = models.ManyToManyField(
        "frameworks.LifeArea",
        verbose_name=_("leefgebieden"),
        blank=True,
        related_name="activities",
    )
    prevention_level = models.CharField(
        _("preventieniveau"), max_length=12, choices=PreventionLevel.choices
    )
    form = models.CharField(_("vorm"), max_length=12, choices=Form.choices, default=Form.GROUP)
    continuity = models.CharField(
        _("structureel of incidenteel"),
        max_length=12,
        choices=Continuity.choices,
        default=Continuity.STRUCTURAL,
    )
    frequency = models.CharField(_("hoe vaak"), max_length=200, blank=True)
    volume = models.PositiveIntegerField(
        _("volume (aantal keer of trajecten)"), null=True, blank=True
    )
    reach = models.PositiveIntegerField(_("bereik (aantal deelnemers)"), null=True, blank=True)
    evidence_level = models.PositiveSmallIntegerField(
        _("trede op de effectladder"),
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.IMPLICIT,
    )
    offer_kind = models.CharField(
        _("soort aanbod"),
        max_length=20,
        choices=OfferKind.choices,
        default=OfferKind.DESIRED_NEW,
    )
    # Set when a duidingssessie decided to stop the activity (reflections.decisions).
    stopped_on = models.DateField(_("gestopt op"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["programme", "name", "pk"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")

    def __str__(self) -> str:
        return self.name

    @property
    def is_preventive(self) -> bool:
        return self.prevention_level in (PreventionLevel.UNIVERSAL, PreventionLevel.SELECTIVE)


class ActivityFactor(models.Model):
    """A factor an activity works through, and whether it strengthens or reduces it."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="factor_links")
    factor = models.ForeignKey(
        "frameworks.Factor", on_delete=models.PROTECT, related_name="activity_links"
    )
    effect = models.CharField(_("effect"), max_length=12, choices=Effect.choices)

    class Meta:
        ordering = ["activity", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "factor"], name="activity_factor_unique")
        ]
        verbose_name = _("factor van een activiteit")
        verbose_name_plural = _("factoren van een activiteit")

    def __str__(self) -> str:
        return f"{self.factor} {self.get_effect_display()}"


# --- Plan van aanpak (appendix 6) ------------------------------------------------------------


class PlanStep(Audited):
    """A step the gebiedsadviseur or a partner takes to realise the desired offer."""

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="plan_steps"
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activiteit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="plan_steps",
    )
    description = models.TextField(_("stap"))
    owner_organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("wie (organisatie)"),
        on_delete=models.PROTECT,
        related_name="plan_steps",
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("wie (persoon)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_steps",
    )
    due_date = models.DateField(_("wanneer klaar"))
    status = models.CharField(
        _("status"), max_length=8, choices=StepStatus.choices, default=StepStatus.OPEN
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["programme", "due_date", "pk"]
        verbose_name = _("stap in het plan van aanpak")
        verbose_name_plural = _("stappen in het plan van aanpak")

    def __str__(self) -> str:
        return self.description[:80]


class PurchaseAgreement(Audited):
    """An agreement with the accounthouder about buying an intervention (step 4, implementing)."""

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="purchase_agreements"
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activiteit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="purchase_agreements",
    )
    reference = models.CharField(_("kenmerk (beschikking, contract)"), max_length=200)
    date = models.DateField(_("datum"))
    note = models.TextField(_("afspraak"), blank=True)
    version = models.PositiveIntegerField(default=1, db_default=1)

    class Meta:
        ordering = ["programme", "date", "pk"]
        verbose_name = _("inkoopafspraak")
        verbose_name_plural = _("inkoopafspraken")

    def __str__(self) -> str:
        return self.reference


class QualityAgreement(Audited):
    """The next step a partner takes towards better quality of an activity (step 4)."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="quality_agreements"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="quality_agreements",
    )
    next_step = models.TextField(_("eerstvolgende stap"))
    target_level = models.PositiveSmallIntegerField(
        _("naar trede"), choices=EvidenceLevel.choices, null=True, blank=True
    )
    due_date = models.DateField(_("tijdspad (klaar op)"))
    status = models.CharField(
        _("status"), max_length=8, choices=StepStatus.choices, default=StepStatus.OPEN
    )
    checklist = models.JSONField(_("kwaliteitsvragen"), default=dict, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["activity", "due_date", "pk"]
        verbose_name = _("kwaliteitsafspraak")
        verbose_name_plural = _("kwaliteitsafspraken")

    def __str__(self) -> str:
        return self.next_step[:80]


# --- History of the plan (data safety) -------------------------------------------------------


class PlanChange(RestorableChange):
    """One write on a programme's plan: who, when, what, and a snapshot of the object as it was
    after the write (or just before a delete), so a deleted item can be restored
    (activities/history.py holds the snapshot and the rebuild)."""

    class Kind(models.TextChoices):
        ACTIVITY = "activiteit", _("Activiteit")
        STEP = "stap", _("Stap")
        PURCHASE = "inkoopafspraak", _("Inkoopafspraak")
        QUALITY = "kwaliteitsafspraak", _("Kwaliteitsafspraak")
        # Items of the plan that downstream apps own (activities.extensions.PlanHistoryKind):
        # outcomes.MeasurementPlan.
        MEASUREMENT = "meetplan", _("Meetplan")

    class Action(models.TextChoices):
        CREATED = "aangemaakt", _("Aangemaakt")
        UPDATED = "gewijzigd", _("Gewijzigd")
        DELETED = "verwijderd", _("Verwijderd")
        RESTORED = "hersteld", _("Hersteld")

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="plan_changes"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    object_id = models.PositiveIntegerField(_("nummer"))
    # The organisation the item belongs to (quality agreements are bilateral: partners see only
    # their own organisation's).
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("actie"), max_length=12, choices=Action.choices)
    # The base's snapshot, in the column this history always had.
    snapshot = snapshot_field(db_column="content")
    content = alias("snapshot")

    deletion = {"action": Action.DELETED}

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["programme", "kind", "object_id"])]
        verbose_name = _("wijziging in het plan")
        verbose_name_plural = _("wijzigingen in het plan")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.object_id} {self.get_action_display()}"
