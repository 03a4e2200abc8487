"""Duidingssessies (step 6 of the cycle): reflect together on cold and warm data, live from
phones, decide and improve.

- `Reflection`: one session of a programme (wijk or pilot) — or, for a team or the association,
  of an organisation — with date, place, facilitator, invited organisations and a status
  (voorbereid / bezig / afgerond). Its `join_code` lets phones join without an account.
- `AgendaItem`: one point of the agenda, pre-filled from the data (`agenda.py`) and edited by
  the facilitator. It points at what it is about (an indicator, a result, an activity, a
  questionnaire, a measurement plan, an earlier improvement action) and keeps the group's
  answers to the four key questions of seed 003 step 6.
- `LiveQuestion`, `Participant`, `LiveAnswer`: the live part. A participant is a random token in
  a cookie, a name only when given; no IP or user agent is stored.
- `Decision`: per activity doorgaan / bijstellen / stoppen, per result keep or adjust the target,
  each with its reason.
- `ImprovementAction`: what, who (organisation, person), by when, linked to the item, status; it
  resurfaces on the agenda of the next reflection ("Zien we al effect?").
- `ReminderSent`: one row per reminder mail sent (item, kind, period), so `send-reminders` is
  idempotent.
- `ReflectionChange`, `ActionChange`: histories on the one `core` Change base.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from duiding.core.history import Change


class Status(models.TextChoices):
    PREPARED = "voorbereid", _("Voorbereid")
    RUNNING = "bezig", _("Bezig")
    DONE = "afgerond", _("Afgerond")


class SharingLevel(models.TextChoices):
    """Who may read what was said (open answers, the minutes): the levels of DESIGN.md."""

    OWN = "eigen", _("Eigen team")
    PARTNERS = "partners", _("Partners in de wijk")
    ASSOCIATION = "associatie", _("Associatie")
    PUBLIC = "openbaar", _("Openbaar")


class Reflection(models.Model):
    """Duidingssessie: a meeting where figures and stories get meaning and consequences."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programma"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reflections",
    )
    # The owner: the programme's organisation, or the team / the association itself.
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="reflections",
    )
    title = models.CharField(_("titel"), max_length=200)
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("aanvang"), null=True, blank=True)
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gespreksleider"),
        on_delete=models.PROTECT,
        related_name="facilitated_reflections",
    )
    invited_organisations = models.ManyToManyField(
        "accounts.Organisation",
        verbose_name=_("uitgenodigde organisaties"),
        related_name="invited_reflections",
        blank=True,
    )
    participants = models.TextField(
        _("deelnemers"),
        blank=True,
        help_text=_("Wie is uitgenodigd (namen of rollen), één per regel."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PREPARED
    )
    sharing = models.CharField(
        _("wie mag de antwoorden lezen"),
        max_length=12,
        choices=SharingLevel.choices,
        default=SharingLevel.PARTNERS,
    )
    # The live session: the short code phones type (or scan as a QR), the question on the phones.
    join_code = models.CharField(_("deelnamecode"), max_length=8, unique=True)
    current_question = models.ForeignKey(
        "LiveQuestion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The reflection this one looks back on (the previous one of the same programme or organisation).
    previous = models.ForeignKey(
        "self",
        verbose_name=_("vorige duidingssessie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_reflections",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)  # core.versioning

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("duidingssessie")
        verbose_name_plural = _("duidingssessies")

    def __str__(self) -> str:
        return self.title


class AgendaItem(models.Model):
    """One point of the agenda, with the group's answers to the four key questions."""

    class Kind(models.TextChoices):
        INDICATOR = "indicator", _("Opvallend cijfer")
        RESULT = "result", _("Maatschappelijk resultaat")
        OUTCOME = "outcome", _("Outcome van een activiteit")
        MEASUREMENT_PLAN = "meetplan", _("Meetplan over tijd")
        ACTION = "action", _("Verbeteractie van een eerdere sessie")
        STORY = "story", _("Verhaal")
        ACTIVITY = "activity", _("Activiteit")
        OTHER = "other", _("Ander onderwerp")

    reflection = models.ForeignKey(Reflection, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("onderwerp"), max_length=300)
    # Why the builder put it on the agenda ("Slechter dan Rotterdam: 14,2 % tegen 9,8 %").
    reason = models.CharField(_("waarom op de agenda"), max_length=500, blank=True)
    # A stable key of what it is about ("indicator:12", "action:7"), so a rebuild adds nothing twice.
    source_key = models.CharField(max_length=60, blank=True)
    # The cold data as they were when the agenda was prepared (values, comparison, source).
    snapshot = models.JSONField(default=dict, blank=True)
    # False: proposed by the builder and set aside by the facilitator (kept, not discussed).
    included = models.BooleanField(_("op de agenda"), default=True)

    indicator = models.ForeignKey(
        "indicators.Indicator", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    result = models.ForeignKey(
        "results.SocietalResult",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    activity = models.ForeignKey(
        "activities.Activity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    questionnaire = models.ForeignKey(
        "outcomes.Questionnaire", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    measurement_plan = models.ForeignKey(
        "outcomes.MeasurementPlan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.ForeignKey(
        "ImprovementAction",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )

    # The four key questions (seed 003, step 6): the group's summary per question.
    recognise = models.TextField(_("Herkennen we dit?"), blank=True)
    explain = models.TextField(_("Hoe verklaren we het?"), blank=True)
    judge = models.TextField(_("Wat vinden we ervan?"), blank=True)
    change = models.TextField(_("Wat gaan we anders doen?"), blank=True)

    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["reflection", "order", "pk"]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self) -> str:
        return self.title


KEY_QUESTIONS = ("recognise", "explain", "judge", "change")


class LiveQuestion(models.Model):
    """A question the facilitator opens for the phones in the room."""

    class Kind(models.TextChoices):
        RECOGNISE = "herkennen", _("Herkennen (ja / deels / nee)")
        SCALE = "schaal", _("Schaal")
        CHOICE = "keuze", _("Keuze")
        OPEN = "open", _("Open antwoord")

    class State(models.TextChoices):
        DRAFT = "concept", _("Nog niet geopend")
        OPEN = "open", _("Open")
        CLOSED = "gesloten", _("Gesloten")

    reflection = models.ForeignKey(Reflection, on_delete=models.CASCADE, related_name="questions")
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    kind = models.CharField(_("soort vraag"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("vraag"), max_length=300)
    # CHOICE: the options as a list of strings; RECOGNISE: fixed ja / deels / nee.
    choices = models.JSONField(_("keuzes"), default=list, blank=True)
    scale_min = models.SmallIntegerField(_("schaal van"), default=1)
    scale_max = models.SmallIntegerField(_("schaal tot"), default=5)
    scale_low_label = models.CharField(_("betekenis laagste"), max_length=60, blank=True)
    scale_high_label = models.CharField(_("betekenis hoogste"), max_length=60, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    # Results hidden until the facilitator reveals them (less herding).
    revealed = models.BooleanField(_("resultaten zichtbaar"), default=False)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["reflection", "order", "pk"]
        verbose_name = _("live vraag")
        verbose_name_plural = _("live vragen")

    def __str__(self) -> str:
        return self.text


RECOGNISE_CHOICES = (("ja", _("Ja")), ("deels", _("Deels")), ("nee", _("Nee")))


class Participant(models.Model):
    """One phone in the room: a random token kept in a cookie; a name only when given."""

    reflection = models.ForeignKey(
        Reflection, on_delete=models.CASCADE, related_name="participants_joined"
    )
    token = models.CharField(max_length=64, unique=True)
    name = models.CharField(_("naam (niet verplicht)"), max_length=80, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["reflection", "pk"]

    def __str__(self) -> str:
        return self.name or str(_("Anoniem"))


class LiveAnswer(models.Model):
    """One participant's answer to one live question (one per participant and question)."""

    question = models.ForeignKey(LiveQuestion, on_delete=models.CASCADE, related_name="answers")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="answers")
    choice = models.CharField(max_length=200, blank=True)  # RECOGNISE / CHOICE
    number = models.SmallIntegerField(null=True, blank=True)  # SCALE
    text = models.TextField(blank=True)  # OPEN
    created_at = models.DateTimeField(auto_now_add=True)
    # Moderation by the facilitator: hide from the projector, a group label, taken into the minutes.
    hidden = models.BooleanField(default=False)
    group = models.CharField(_("groep"), max_length=80, blank=True)
    promoted = models.BooleanField(_("in het verslag"), default=False)

    class Meta:
        ordering = ["question", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "participant"], name="reflections_one_answer_per_participant"
            )
        ]

    def __str__(self) -> str:
        return self.text or self.choice or str(self.number)


class Decision(models.Model):
    """What the group decided about an activity (doorgaan / bijstellen / stoppen) or a result
    (keep or adjust the target), with the reason."""

    class Choice(models.TextChoices):
        CONTINUE = "doorgaan", _("Doorgaan")
        ADJUST = "bijstellen", _("Bijstellen")
        STOP = "stoppen", _("Stoppen")
        KEEP_TARGET = "doel_houden", _("Doel houden")
        ADJUST_TARGET = "doel_bijstellen", _("Doel bijstellen")

    ACTIVITY_CHOICES = (Choice.CONTINUE, Choice.ADJUST, Choice.STOP)
    RESULT_CHOICES = (Choice.KEEP_TARGET, Choice.ADJUST_TARGET)

    reflection = models.ForeignKey(Reflection, on_delete=models.CASCADE, related_name="decisions")
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    activity = models.ForeignKey(
        "activities.Activity",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reflection_decisions",
    )
    result = models.ForeignKey(
        "results.SocietalResult",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reflection_decisions",
    )
    choice = models.CharField(_("besluit"), max_length=16, choices=Choice.choices)
    reason = models.TextField(_("reden"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["reflection", "pk"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(activity__isnull=False, result__isnull=True)
                    | models.Q(activity__isnull=True, result__isnull=False)
                ),
                name="reflections_decision_about_one_thing",
            )
        ]

    def __str__(self) -> str:
        return self.get_choice_display()


class ImprovementAction(models.Model):
    """Verbeteractie: what, who, by when; looked back on in the next reflection."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        BUSY = "bezig", _("Bezig")
        DONE = "klaar", _("Klaar")
        DROPPED = "vervallen", _("Vervallen")

    reflection = models.ForeignKey(
        Reflection,
        verbose_name=_("duidingssessie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="improvement_actions",
    )
    description = models.TextField(_("wat"))
    owner_organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("wie (organisatie)"),
        on_delete=models.PROTECT,
        related_name="improvement_actions",
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("wie (persoon)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="improvement_actions",
    )
    due_date = models.DateField(_("wanneer klaar"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    done_at = models.DateField(_("klaar op"), null=True, blank=True)
    # What the action is about (the item's subject, copied so it survives the agenda).
    indicator = models.ForeignKey(
        "indicators.Indicator", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    result = models.ForeignKey(
        "results.SocietalResult",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="improvement_actions",
    )
    activity = models.ForeignKey(
        "activities.Activity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="improvement_actions",
    )
    questionnaire = models.ForeignKey(
        "outcomes.Questionnaire", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The look back in a later reflection: "Zien we al effect?"
    looked_back_in = models.ForeignKey(
        Reflection,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="looked_back_actions",
    )
    effect_note = models.TextField(_("Zien we al effect?"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("verbeteractie")
        verbose_name_plural = _("verbeteracties")

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.DROPPED)


class ReminderSent(models.Model):
    """One reminder mail sent: the same (kind, object, moment, recipient) is never sent twice."""

    class Kind(models.TextChoices):
        ACTION = "action", _("Verbeteractie")
        MEASUREMENT_PLAN = "meetplan", _("Meetplan")

    class Moment(models.TextChoices):
        BEFORE = "voor", _("Voor de datum")
        AFTER = "na", _("Na de datum")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveIntegerField()
    moment = models.CharField(max_length=4, choices=Moment.choices)
    # The due date the reminder was about: a moved date gets its own reminders.
    due_date = models.DateField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "moment", "due_date", "recipient"],
                name="reflections_one_reminder",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} {self.moment} {self.due_date}"


class ReflectionChange(Change):
    """History of a reflection: its details, agenda, answers to the key questions, decisions."""

    reflection = models.ForeignKey(
        Reflection, null=True, on_delete=models.SET_NULL, related_name="changes"
    )

    @classmethod
    def record_fields(cls, obj) -> dict:
        return {"reflection": obj}


class ActionChange(Change):
    """History of an improvement action (created, changed, status, looked back on)."""

    action = models.ForeignKey(
        ImprovementAction, null=True, on_delete=models.SET_NULL, related_name="changes"
    )

    @classmethod
    def record_fields(cls, obj) -> dict:
        return {"action": obj}
