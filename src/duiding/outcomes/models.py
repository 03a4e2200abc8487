"""Outcome (seed 003 step 5): questionnaires answered on phones, their answers, paired cards, and
the figures a partner enters from its own registration.

Glossary: meetplan (one row of the seed's step 5 table) = MeasurementPlan; vragenlijst =
Questionnaire; versie = QuestionnaireVersion; antwoord (een ingevulde lijst) = Response, één
antwoord op één vraag = Answer; kaart met code (voor- en eindmeting van één deelnemer) = PairCard;
ingevoerde cijfers = EnteredFigures (per period) with EnteredCount rows.

The questions of a questionnaire live in an immutable `QuestionnaireVersion.questions` (JSON, a
list of question dicts, schema in `outcomes/definition.py`): a change to a questionnaire that has
answers makes a new version, and each `Response` keeps the version it was given on.

A question dict::

    {
      "key": "nut",                     # unique within the version, [a-z0-9_], max 40
      "kind": "scale" | "single" | "multiple" | "number" | "text" | "note",
      "label": {"nl": "...", "en": "..."},   # "en" may be ""
      "hint": {"nl": "...", "en": "..."},    # optional
      "required": true,
      "measure": "tevredenheid",        # standard measure it feeds (outcomes.measures), or ""
      "min": 1, "max": 10,              # scale; number: optional bounds
      "anchors": {"min": {"nl","en"}, "max": {"nl","en"}},   # scale, optional
      "choices": [{"value": "1", "label": {"nl","en"}}],      # single / multiple (and a scale
                                                              # may label every point)
      "decimals": 0,                    # number: allowed decimals
      "relevant": "${other} = '1'",     # optional XLSForm-style skip logic (definition.py)
      "constraint": ". >= 0",           # optional XLSForm-style constraint
      "max_length": 500                 # text
    }

Nothing here holds an IP address, a user agent or a name.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from duiding.activities.models import Audited
from duiding.core.history import RestorableChange
from duiding.outcomes.measures import MEASURE_SCALES, FromWhom, Measure, Scale

# Unambiguous characters for codes a person may type over from a card (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_code(length: int = 8) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


class MeasurementPlan(Audited):
    """How a partner will measure the outcome of its activity: one row of the seed's step 5
    table (welke outcome, hoe, hoe vaak, bij wie, aandachtspunten).

    Moved here from `activities` (outcomes migration 0006): the table keeps its name, so every
    stored plan keeps its number, and the plan's history (activities.PlanChange, kind
    "meetplan") keeps pointing at it."""

    activity = models.ForeignKey(
        "activities.Activity", on_delete=models.CASCADE, related_name="measurement_plans"
    )
    measure = models.CharField(_("welke outcome meten?"), max_length=20, choices=Measure.choices)
    custom_name = models.CharField(_("naam (eigen maat)"), max_length=200, blank=True)
    years = models.PositiveSmallIntegerField(_("aantal jaar"), null=True, blank=True)
    how = models.TextField(_("hoe meten?"), blank=True)
    how_often = models.CharField(_("hoe vaak?"), max_length=200, blank=True)
    from_whom = models.CharField(
        _("bij wie meten?"), max_length=12, choices=FromWhom.choices, default=FromWhom.ALL
    )
    attention_points = models.TextField(_("aandachtspunten"), blank=True)
    version = models.PositiveIntegerField(default=1, db_default=1)

    class Meta:
        db_table = "activities_measurementplan"
        ordering = ["activity", "pk"]
        verbose_name = _("meetplan")
        verbose_name_plural = _("meetplannen")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.measure == Measure.CUSTOM and self.custom_name:
            return self.custom_name
        return str(self.get_measure_display())

    @property
    def display(self) -> str:
        """The measure as the plan shows it: "Geen nieuwe start hulp binnen 2 jaar", a custom
        name, or the standard measure's label."""
        if self.measure == Measure.NO_NEW_START and self.years:
            return gettext("Geen nieuwe start hulp binnen %(years)s jaar") % {"years": self.years}
        return self.label

    @property
    def scale(self) -> Scale | None:
        """The standard measure's scale (Bijlage 9); None for a custom measure."""
        return MEASURE_SCALES.get(self.measure)


class Moment(models.TextChoices):
    PRE = "voormeting", _("Voormeting")
    MID = "tussenmeting", _("Tussenmeting")
    POST = "eindmeting", _("Eindmeting")
    ONGOING = "doorlopend", _("Doorlopend")


class Questionnaire(Audited):
    """A questionnaire of one activity (and so of its partner and programme)."""

    activity = models.ForeignKey(
        "activities.Activity", on_delete=models.CASCADE, related_name="questionnaires"
    )
    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel (Engels)"), max_length=200, blank=True)
    intro = models.TextField(_("uitleg voor de deelnemer"), blank=True)
    intro_en = models.TextField(_("uitleg voor de deelnemer (Engels)"), blank=True)
    moment = models.CharField(_("moment"), max_length=12, choices=Moment.choices)
    opens_on = models.DateField(_("open vanaf"))
    closes_on = models.DateField(_("open tot en met"))
    target_responses = models.PositiveIntegerField(
        _("gewenst aantal antwoorden"), null=True, blank=True
    )
    code = models.CharField(_("code"), max_length=12, unique=True, default=new_code, editable=False)
    open_answers_shareable = models.BooleanField(
        _("open antwoorden mogen buiten de eigen organisatie gelezen worden"), default=False
    )
    measurement_plans = models.ManyToManyField(
        MeasurementPlan,
        verbose_name=_("meetplannen"),
        blank=True,
        related_name="questionnaires",
    )
    version = models.PositiveIntegerField(default=1, db_default=1)

    class Meta:
        ordering = ["activity", "opens_on", "pk"]
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")

    def __str__(self) -> str:
        return self.title

    @property
    def current(self) -> QuestionnaireVersion | None:
        """The latest version (the one new answers are given on)."""
        return self.versions.order_by("-number").first()


class QuestionnaireVersion(models.Model):
    """The questions of a questionnaire as they were at one time; never changed once answered."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("versie"))
    questions = models.JSONField(_("vragen"), default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["questionnaire", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "number"], name="questionnaire_version_unique"
            )
        ]
        verbose_name = _("versie van een vragenlijst")
        verbose_name_plural = _("versies van een vragenlijst")

    def __str__(self) -> str:
        return f"{self.questionnaire} v{self.number}"

    def question(self, key: str) -> dict | None:
        return next((q for q in self.questions if q.get("key") == key), None)


class PairCard(models.Model):
    """A card with its own random code that one participant uses for the voormeting and the
    eindmeting of an activity: the two answers are linked by the code only."""

    activity = models.ForeignKey(
        "activities.Activity", on_delete=models.CASCADE, related_name="pair_cards"
    )
    code = models.CharField(_("code"), max_length=12, unique=True, default=new_code)
    batch = models.PositiveIntegerField(_("set"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["activity", "batch", "pk"]
        verbose_name = _("kaart met code")
        verbose_name_plural = _("kaarten met code")

    def __str__(self) -> str:
        return self.code


class Response(models.Model):
    """One filled-in questionnaire. `submission` is the one-time token of the form it came from
    (a replayed submission is refused); it says nothing about who answered."""

    class Source(models.TextChoices):
        PHONE = "telefoon", _("Telefoon of computer")
        API = "api", _("API")

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="responses"
    )
    questionnaire_version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.PROTECT, related_name="responses"
    )
    card = models.ForeignKey(
        PairCard, null=True, blank=True, on_delete=models.PROTECT, related_name="responses"
    )
    submission = models.CharField(max_length=64, unique=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.PHONE)
    language = models.CharField(max_length=5, default="nl")
    submitted_on = models.DateField(_("ingevuld op"))

    class Meta:
        ordering = ["questionnaire", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "card"],
                condition=models.Q(card__isnull=False),
                name="response_one_per_card",
            )
        ]
        verbose_name = _("ingevulde vragenlijst")
        verbose_name_plural = _("ingevulde vragenlijsten")

    def __str__(self) -> str:
        return f"{self.questionnaire} #{self.pk}"


class Answer(models.Model):
    """One answer to one question. A scale, number or numeric choice sets `number`; a choice sets
    `choice` (a multiple choice has one row per chosen value); open text sets `text`."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=40)
    number = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    choice = models.CharField(max_length=60, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["response", "pk"]
        indexes = [models.Index(fields=["question", "response"], name="answer_question_idx")]
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")

    def __str__(self) -> str:
        return f"{self.question}: {self.number if self.number is not None else self.choice}"


class EnteredFigures(Audited):
    """Aggregated outcome a partner enters from its own registration for one period: reach,
    no-shows, and counts per answer value of any standard measure (EnteredCount)."""

    activity = models.ForeignKey(
        "activities.Activity", on_delete=models.CASCADE, related_name="entered_figures"
    )
    period_start = models.DateField(_("periode van"))
    period_end = models.DateField(_("periode tot en met"))
    reached = models.PositiveIntegerField(_("bereikt (aantal deelnemers)"), null=True, blank=True)
    target = models.PositiveIntegerField(
        _("beoogd bereik of omvang doelgroep"), null=True, blank=True
    )
    no_shows = models.PositiveIntegerField(_("niet verschenen (no-shows)"), null=True, blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    version = models.PositiveIntegerField(default=1, db_default=1)

    class Meta:
        ordering = ["activity", "period_start", "pk"]
        verbose_name = _("ingevoerde cijfers")
        verbose_name_plural = _("ingevoerde cijfers")

    def __str__(self) -> str:
        return f"{self.activity} {self.period_start}–{self.period_end}"


class EnteredCount(models.Model):
    """How many participants gave one answer value of one measure in the period, e.g. dropout
    reason code 3: 4 participants; school mark 7: 12 participants."""

    figures = models.ForeignKey(EnteredFigures, on_delete=models.CASCADE, related_name="counts")
    measure = models.CharField(_("maat"), max_length=20)
    value = models.CharField(_("antwoordwaarde"), max_length=20)
    count = models.PositiveIntegerField(_("aantal"))

    class Meta:
        ordering = ["figures", "measure", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["figures", "measure", "value"], name="entered_count_unique"
            )
        ]
        verbose_name = _("aantal per antwoord")
        verbose_name_plural = _("aantallen per antwoord")

    def __str__(self) -> str:
        return f"{self.measure} {self.value}: {self.count}"


class EnteredFiguresChange(RestorableChange):
    """History of entered figures: every create, change, delete and restore, with a snapshot of
    the period and its counts (just before a delete), so a deleted period can be restored
    (`outcomes/entered_services.py`)."""

    class Action(models.TextChoices):
        CREATED = "aangemaakt", _("Aangemaakt")
        UPDATED = "gewijzigd", _("Gewijzigd")
        DELETED = "verwijderd", _("Verwijderd")
        RESTORED = "hersteld", _("Hersteld")

    activity = models.ForeignKey(
        "activities.Activity", on_delete=models.CASCADE, related_name="entered_figures_changes"
    )
    figures = models.ForeignKey(
        EnteredFigures, null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )
    object_id = models.PositiveIntegerField(_("nummer"))
    action = models.CharField(_("actie"), max_length=12, choices=Action.choices)

    deletion = {"action": Action.DELETED}
    not_restorable = _("Deze periode is al hersteld of niet verwijderd.")

    class Meta(RestorableChange.Meta):
        verbose_name = _("wijziging in ingevoerde cijfers")
        verbose_name_plural = _("wijzigingen in ingevoerde cijfers")

    def __str__(self) -> str:
        return f"{self.object_id} {self.get_action_display()}"


class QuestionnaireChange(RestorableChange):
    """One write on a questionnaire (created, details changed, questions changed, deleted): who,
    when, and a snapshot of the questionnaire after the write (just before a delete), with the
    questions of every version."""

    class Action(models.TextChoices):
        CREATED = "aangemaakt", _("Aangemaakt")
        UPDATED = "gewijzigd", _("Gewijzigd")
        QUESTIONS = "vragen", _("Vragen gewijzigd")
        DELETED = "verwijderd", _("Verwijderd")

    questionnaire = models.ForeignKey(
        Questionnaire, null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )
    activity = models.ForeignKey(
        "activities.Activity", on_delete=models.CASCADE, related_name="questionnaire_changes"
    )
    action = models.CharField(_("actie"), max_length=12, choices=Action.choices)

    deletion = {"action": Action.DELETED}

    class Meta(RestorableChange.Meta):
        verbose_name = _("wijziging van een vragenlijst")
        verbose_name_plural = _("wijzigingen van vragenlijsten")

    def __str__(self) -> str:
        return f"{self.snapshot.get('title', '')} {self.get_action_display()}"

    @classmethod
    def snapshot_of(cls, obj: Questionnaire) -> dict:
        return {
            "title": obj.title,
            "title_en": obj.title_en,
            "intro": obj.intro,
            "intro_en": obj.intro_en,
            "moment": obj.moment,
            "opens_on": obj.opens_on.isoformat(),
            "closes_on": obj.closes_on.isoformat(),
            "target_responses": obj.target_responses,
            "code": obj.code,
            "open_answers_shareable": obj.open_answers_shareable,
            "measurement_plans": sorted(obj.measurement_plans.values_list("pk", flat=True)),
            "version": obj.version,
            "versions": [
                {"number": v.number, "questions": v.questions}
                for v in obj.versions.order_by("number")
            ],
        }

    @classmethod
    def record_fields(cls, obj: Questionnaire) -> dict:
        return {"questionnaire": obj, "activity_id": obj.activity_id}
