"""Programmes (one cycle for one area and period) and their wijkanalyse (step 1 of the cycle).

The analysis follows the order of seed 003, Deel 2 step 1:
1. per pillar, per domain: figures (from the benchmark service, not stored here), linked factors
   (from the factor model), the partial analysis, chosen factors, missing figures, striking marks;
2. per pillar: a short analysis;
3. the whole picture: the conclusions per domain (cross-domain factors on top) and an overall
   conclusion;
4. consultation: feedback requests to a colleague, comments per section, marked handled;
5. qualitative analysis: partner conversations and their findings;
6. the framework's city ambitions (read from the framework, not stored here).

Every text a person writes lives in an `AnalysisSection` (kind domain / pillar / overall /
qualitative), which has a status, an optimistic-lock `version` and a full history of
`SectionVersion` snapshots.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from duiding.core.history import Change, DiffedChange, alias, at_field, snapshot_field, user_field


class Programme(models.Model):
    """Wijkprogramma: one cycle for one area and period, owned by an organisation."""

    name = models.CharField(_("naam"), max_length=200)
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("gebied"), on_delete=models.PROTECT, related_name="programmes"
    )
    framework = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("raamwerk"),
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("eigenaar (organisatie)"),
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebiedsadviseur"),
        on_delete=models.PROTECT,
        related_name="owned_programmes",
    )
    # The cycle, e.g. 2025 to 2026 ("Wijkprogramma Feijenoord 2025–2026").
    start_year = models.PositiveSmallIntegerField(_("beginjaar"))
    end_year = models.PositiveSmallIntegerField(_("eindjaar"))
    # The period of the figures the analysis reads ("2023"); empty = the latest available.
    figures_period = models.CharField(_("periode van de cijfers"), max_length=20, blank=True)
    partners = models.ManyToManyField(
        "accounts.Organisation",
        verbose_name=_("partners"),
        related_name="partner_programmes",
        blank=True,
    )
    # The programme of the previous cycle of the same area ("Volgende cyclus starten").
    previous = models.ForeignKey(
        "self",
        verbose_name=_("vorige cyclus"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_programmes",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Optimistic lock of the edit form: see core/versioning.py. The database default lets rows
    # written without the column (older migration states in tests, raw imports) start at 0.
    version = models.PositiveIntegerField(default=0, db_default=0)

    class Meta:
        ordering = ["-start_year", "name"]
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")

    def __str__(self) -> str:
        return self.name

    @property
    def period_label(self) -> str:
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"


class SectionStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    SHOWN_TO_COLLEAGUE = "collega", _("Voorgelegd aan collega")
    DISCUSSED_WITH_PARTNERS = "partners", _("Besproken met partners")
    ADOPTED = "vastgesteld", _("Vastgesteld")


class AnalysisSection(models.Model):
    """One written part of the wijkanalyse, with status, optimistic lock and history."""

    class Kind(models.TextChoices):
        DOMAIN = "domain", _("Domein")
        PILLAR = "pillar", _("Pijler")
        OVERALL = "overall", _("Totaalbeeld")
        QUALITATIVE = "qualitative", _("Kwalitatieve analyse")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices)
    pillar = models.ForeignKey(
        "frameworks.Pillar", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    domain = models.ForeignKey(
        "frameworks.Domain", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Domain: the partial analysis; pillar: the short analysis; overall: the overall conclusion;
    # qualitative: the summary of what partners said.
    analysis = models.TextField(_("analyse"), blank=True)
    # Domain only: the main conclusion in one or two sentences (the summary table's cell).
    conclusion = models.TextField(_("conclusie"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=SectionStatus.choices, default=SectionStatus.CONCEPT
    )
    # Optimistic lock: a save names the version it started from; a newer one wins nothing
    # silently (services.section_save raises EditConflict).
    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["programme", "kind", "pillar__order", "domain__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "domain"],
                condition=models.Q(kind="domain"),
                name="section_unique_domain",
            ),
            models.UniqueConstraint(
                fields=["programme", "pillar"],
                condition=models.Q(kind="pillar"),
                name="section_unique_pillar",
            ),
            models.UniqueConstraint(
                fields=["programme", "kind"],
                condition=models.Q(kind__in=["overall", "qualitative"]),
                name="section_unique_whole",
            ),
        ]
        verbose_name = _("analysedeel")
        verbose_name_plural = _("analysedelen")

    def __str__(self) -> str:
        target = self.domain or self.pillar
        label = self.get_kind_display()
        return f"{label}: {target}" if target else str(label)


class SectionFactor(models.Model):
    """A factor the adviser chose as beneath the figures of a domain ("de knoppen")."""

    section = models.ForeignKey(
        AnalysisSection, on_delete=models.CASCADE, related_name="chosen_factors"
    )
    factor = models.ForeignKey(
        "frameworks.Factor", on_delete=models.PROTECT, related_name="section_choices"
    )
    note = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        ordering = ["factor__rank", "factor__name"]
        constraints = [
            models.UniqueConstraint(fields=["section", "factor"], name="sectionfactor_unique")
        ]

    def __str__(self) -> str:
        return f"{self.section}: {self.factor}"


class StrikingIndicator(models.Model):
    """A figure the adviser finds striking for another reason than the flag."""

    section = models.ForeignKey(
        AnalysisSection, on_delete=models.CASCADE, related_name="striking_indicators"
    )
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(_("waarom opvallend"), max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["section", "indicator"], name="striking_unique")
        ]

    def __str__(self) -> str:
        return f"{self.section}: {self.indicator}"


class MissingFigure(models.Model):
    """Ontbrekende cijfers: what we would need, from where — a list the data team works through."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        REQUESTED = "aangevraagd", _("Aangevraagd")
        AVAILABLE = "beschikbaar", _("Beschikbaar")
        NOT_POSSIBLE = "niet_mogelijk", _("Niet mogelijk")

    section = models.ForeignKey(
        AnalysisSection, on_delete=models.CASCADE, related_name="missing_figures"
    )
    description = models.CharField(_("welk cijfer"), max_length=300)
    reason = models.CharField(_("waarvoor nodig"), max_length=500, blank=True)
    possible_source = models.CharField(_("mogelijke bron"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Optimistic lock of the edit form (migration 0003): see core/versioning.py.
    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("ontbrekend cijfer")
        verbose_name_plural = _("ontbrekende cijfers")

    def __str__(self) -> str:
        return self.description


class SectionVersion(Change):
    """A snapshot of a section after each save: who, when, and the full content, numbered 1, 2,
    3 ... per section."""

    section = models.ForeignKey(AnalysisSection, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    # {"analysis", "conclusion", "status", "factors": [[id, name, note]], "striking": [...],
    #  "missing": [...]} — what the section held after this save. The base's fields in the
    # columns this history always had.
    snapshot = snapshot_field(db_column="content")
    user = user_field(db_column="edited_by_id")
    at = at_field(db_column="edited_at")
    content = alias("snapshot")
    edited_by = alias("user")
    edited_at = alias("at")

    number_within = "section"

    class Meta:
        ordering = ["section", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["section", "number"], name="sectionversion_unique")
        ]

    def __str__(self) -> str:
        return f"{self.section} v{self.number}"

    @classmethod
    def snapshot_of(cls, section: AnalysisSection) -> dict:
        """Everything a person wrote in a section, as plain data."""
        return {
            "analysis": section.analysis,
            "conclusion": section.conclusion,
            "status": section.status,
            "factors": [
                [c.factor_id, c.factor.name, c.note]
                for c in section.chosen_factors.select_related("factor").order_by("factor__name")
            ],
            "striking": [
                [s.indicator_id, s.indicator.name, s.note]
                for s in section.striking_indicators.select_related("indicator").order_by("pk")
            ],
            "missing": [
                [m.description, m.reason, m.possible_source, m.status]
                for m in section.missing_figures.order_by("pk")
            ],
        }

    @classmethod
    def record_fields(cls, section: AnalysisSection) -> dict:
        return {"section": section}


# --- Consultation (seed step 1: "consulteren collega") ---------------------------------------


class FeedbackRequest(models.Model):
    """The adviser asks a named colleague for feedback on the analysis."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="feedback_requests"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("collega"),
        on_delete=models.CASCADE,
        related_name="feedback_requests",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("vraag aan de collega"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Consultation (migration 0003): the sections put to the colleague, and who closed it.
    sections = models.ManyToManyField(
        AnalysisSection,
        verbose_name=_("analysedelen"),
        related_name="feedback_requests",
        blank=True,
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedbackverzoek")
        verbose_name_plural = _("feedbackverzoeken")

    def __str__(self) -> str:
        return f"{self.programme} — {self.reviewer}"


class Comment(models.Model):
    """A colleague's comment on one section; the adviser marks it handled."""

    section = models.ForeignKey(AnalysisSection, on_delete=models.CASCADE, related_name="comments")
    feedback_request = models.ForeignKey(
        FeedbackRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("opmerking"))
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_note = models.CharField(_("hoe verwerkt"), max_length=500, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("opmerking")
        verbose_name_plural = _("opmerkingen")

    def __str__(self) -> str:
        return self.text[:60]


# --- Qualitative analysis: conversations with partners ------------------------------------


class PartnerConversation(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="conversations")
    date = models.DateField(_("datum"))
    participants = models.TextField(_("wie waren erbij"), blank=True)
    organisations = models.ManyToManyField(
        "accounts.Organisation", verbose_name=_("organisaties"), related_name="+", blank=True
    )
    other_organisations = models.CharField(_("andere organisaties"), max_length=500, blank=True)
    notes = models.TextField(_("aantekeningen"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Optimistic lock of the edit form (migration 0003): see core/versioning.py.
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("gesprek met partners")
        verbose_name_plural = _("gesprekken met partners")

    def __str__(self) -> str:
        return f"{self.programme} — {self.date:%d-%m-%Y}"


class Finding(models.Model):
    """One finding of the analysis put to partners: do they recognise it, and why."""

    class Recognition(models.TextChoices):
        YES = "ja", _("Ja, herkend")
        PARTLY = "deels", _("Deels herkend")
        NO = "nee", _("Niet herkend")

    conversation = models.ForeignKey(
        PartnerConversation, on_delete=models.CASCADE, related_name="findings"
    )
    # The section the finding is about (a domain, pillar or the whole picture), when one applies.
    section = models.ForeignKey(
        AnalysisSection, null=True, blank=True, on_delete=models.SET_NULL, related_name="findings"
    )
    statement = models.TextField(_("bevinding uit de analyse"))
    recognition = models.CharField(
        _("herkennen partners dit?"), max_length=6, choices=Recognition.choices
    )
    explanation = models.TextField(_("verklaring van partners"), blank=True)
    practice_signals = models.TextField(
        _("signalen uit de praktijk die de cijfers niet tonen"), blank=True
    )
    # Consultation (migration 0003): who wrote and last changed it, and the missing figure made
    # from its signals (so the button is offered once).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)
    missing_figure = models.OneToOneField(
        MissingFigure,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="finding",
    )
    # Optimistic lock of the edit form (migration 0003): see core/versioning.py.
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("bevinding")
        verbose_name_plural = _("bevindingen")

    def __str__(self) -> str:
        return self.statement[:60]


class ConversationVersion(Change):
    """History of the partner conversations: a snapshot after each change (the conversation with
    its findings), who and when. Kept when the conversation is deleted (conversation = NULL)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="conversation_versions"
    )
    conversation = models.ForeignKey(
        PartnerConversation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="versions",
    )
    # {"date", "participants", "organisations": [names], "other_organisations", "notes",
    #  "findings": [{"section", "statement", "recognition", "explanation", "practice_signals"}]}
    # The base's fields in the columns this history always had.
    snapshot = snapshot_field(db_column="content")
    user = user_field(db_column="edited_by_id")
    at = at_field(db_column="edited_at")
    content = alias("snapshot")
    edited_by = alias("user")
    edited_at = alias("at")

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("versie van een gesprek")
        verbose_name_plural = _("versies van gesprekken")

    def __str__(self) -> str:
        return f"{self.programme} — {self.summary}"

    @classmethod
    def snapshot_of(cls, conversation: PartnerConversation) -> dict:
        """The conversation and its findings as plain data."""
        findings = conversation.findings.select_related("section__domain", "section__pillar")
        return {
            "date": conversation.date.isoformat(),
            "participants": conversation.participants,
            "organisations": sorted(o.name for o in conversation.organisations.all()),
            "other_organisations": conversation.other_organisations,
            "notes": conversation.notes,
            "findings": [
                {
                    "section": str(f.section) if f.section_id else "",
                    "statement": f.statement,
                    "recognition": f.recognition,
                    "explanation": f.explanation,
                    "practice_signals": f.practice_signals,
                }
                for f in findings
            ],
        }

    @classmethod
    def record_fields(cls, conversation: PartnerConversation) -> dict:
        return {"programme_id": conversation.programme_id, "conversation": conversation}


class ProgrammeChange(DiffedChange):
    """History of the programme's own details (name, years, partners, figures period): who,
    when, what changed ([[label, before, after]]) and the details after the change."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="changes")
    # The base's who and when, in the columns this history always had.
    user = user_field(db_column="changed_by_id")
    at = at_field(db_column="changed_at")
    changed_by = alias("user")
    changed_at = alias("at")

    diff_labels = {
        "name": _("naam"),
        "start_year": _("beginjaar"),
        "end_year": _("eindjaar"),
        "figures_period": _("periode van de cijfers"),
        "partners": _("partners"),
        "framework": _("raamwerk"),
    }

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("wijziging van een programma")
        verbose_name_plural = _("wijzigingen van programma's")

    def __str__(self) -> str:
        return f"{self.programme} — {self.at:%d-%m-%Y %H:%M}"

    @classmethod
    def snapshot_of(cls, programme: Programme) -> dict:
        return {
            "name": programme.name,
            "start_year": programme.start_year,
            "end_year": programme.end_year,
            "figures_period": programme.figures_period,
            "partners": sorted(programme.partners.values_list("name", flat=True)),
            "framework": programme.framework.name,
        }

    @classmethod
    def record_fields(cls, programme: Programme) -> dict:
        return {"programme": programme}

    @classmethod
    def diff_text(cls, value, key: str) -> str:
        if isinstance(value, list):
            return ", ".join(value) or "—"
        return str(value) if value not in (None, "") else str(_("— (de nieuwste)"))
