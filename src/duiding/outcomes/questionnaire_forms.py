"""Forms of the questionnaire pages (labels and messages in Dutch): the details of a questionnaire,
the create form with the standard measures, and one question of the question editor. The forms
type the input and build question dicts; `outcomes.services` checks and stores them."""

from __future__ import annotations

import calendar
import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from duiding.activities.forms import style
from duiding.core.forms import DutchDateField
from duiding.core.versioning import VersionField
from duiding.outcomes import standard
from duiding.outcomes.definition import CHOICE_VALUE, KINDS, TEXT_MAX_LENGTH, kind_labels
from duiding.outcomes.models import Moment

MAX_GOALS = 5

MEASURE_LABELS = {
    "tevredenheid": _("Tevredenheid: rapportcijfer 1–10 voor het nut van de hulp"),
    "doelrealisatie": _("Doelrealisatie: per doel −1 / 0 / 1 / 2"),
    "verder_zonder_hulp": _("Verder zonder hulp: vier uitspraken (1–4)"),
    "afname_problematiek": _("Afname problematiek: vijf stappen, bepaald door de professional"),
    "uitval": _("Reden beëindiging: codes 1–5"),
    "bereik": _("Bereik: ‘Kent u …?’ en ‘Heeft u deelgenomen aan …?’"),
}


def _checkboxes(form: forms.Form) -> None:
    """`style` gives every input the text box class; a single checkbox gets its own."""
    for field in form.fields.values():
        if isinstance(field.widget, forms.CheckboxInput):
            field.widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"


def measuring_month(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """‘Maand van het meten’: the coming calendar month, first to last day."""
    today = today or timezone.localdate()
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return datetime.date(year, month, 1), datetime.date(
        year, month, calendar.monthrange(year, month)[1]
    )


class _PlanChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        parts = [str(obj.label)]
        if obj.how_often:
            parts.append(str(obj.how_often))
        return " · ".join(parts)


class QuestionnaireForm(forms.Form):
    """The details of a questionnaire (create and edit)."""

    title = forms.CharField(label=_("Titel"), max_length=200)
    moment = forms.ChoiceField(label=_("Moment"), choices=Moment.choices, widget=forms.RadioSelect)
    opens_on = DutchDateField(label=_("Open vanaf"))
    closes_on = DutchDateField(
        label=_("Open tot en met"),
        help_text=_("Standaard de maand van het meten: de komende kalendermaand"),
    )
    target_responses = forms.IntegerField(
        label=_("Gewenst aantal antwoorden"),
        required=False,
        min_value=1,
        help_text=_("Optioneel: hoeveel ingevulde vragenlijsten u wilt ontvangen"),
    )
    intro = forms.CharField(
        label=_("Uitleg voor de deelnemer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "In eenvoudige taal (B1): waarvoor is de vragenlijst, hoe lang duurt het invullen en "
            "wat gebeurt er met de antwoorden"
        ),
    )
    title_en = forms.CharField(label=_("Titel in het Engels"), max_length=200, required=False)
    intro_en = forms.CharField(
        label=_("Uitleg in het Engels"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    measurement_plans = _PlanChoice(
        label=_("Hoort bij de meetplannen"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De meetplannen van deze activiteit die deze vragenlijst uitvoert"),
    )
    open_answers_shareable = forms.BooleanField(
        label=_("Open antwoorden mogen buiten de eigen organisatie gelezen worden"),
        required=False,
    )
    version = VersionField()

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity = activity
        self.fields["measurement_plans"].queryset = activity.measurement_plans.order_by("pk")
        style(self)
        _checkboxes(self)

    @classmethod
    def initial_for(cls, questionnaire) -> dict:
        initial = {
            name: getattr(questionnaire, name) for name in cls.base_fields if name != "version"
        }
        initial["measurement_plans"] = list(questionnaire.measurement_plans.all())
        initial["version"] = questionnaire.version
        return initial

    def details(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k in QuestionnaireForm.base_fields}
        data.pop("version", None)
        data["measurement_plans"] = list(data.get("measurement_plans") or [])
        return data


class QuestionnaireCreateForm(QuestionnaireForm):
    """The details plus the standard measures to ask (and the goals of doelrealisatie)."""

    measures = forms.MultipleChoiceField(
        label=_("Standaardvragen uit de handreiking"),
        choices=[(m, MEASURE_LABELS[m]) for m in standard.ASKABLE],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Woord voor woord uit bijlage 9; eigen vragen voegt u daarna toe"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, MAX_GOALS + 1):
            self.fields[f"goal_{n}"] = forms.CharField(
                label=_("Doel %(n)s") % {"n": n}, required=False, max_length=200
            )
        style(self)

    @classmethod
    def initial_for_activity(cls, activity) -> dict:
        opens_on, closes_on = measuring_month()
        plans = [
            p for p in activity.measurement_plans.order_by("pk") if p.measure in standard.ASKABLE
        ]
        return {
            "opens_on": opens_on,
            "closes_on": closes_on,
            "measurement_plans": plans,
            "measures": [p.measure for p in plans] or ["tevredenheid"],
        }

    def goals(self) -> list[str]:
        return [
            self.cleaned_data[f"goal_{n}"].strip()
            for n in range(1, MAX_GOALS + 1)
            if self.cleaned_data.get(f"goal_{n}", "").strip()
        ]

    def goal_fields(self):
        return [self[f"goal_{n}"] for n in range(1, MAX_GOALS + 1)]

    def clean(self):
        data = super().clean()
        if not data.get("measures") and "measures" not in self.errors:
            self.add_error(
                "measures",
                _(
                    "Kies minstens één standaardvraag. Eigen vragen voegt u toe zodra de "
                    "vragenlijst bestaat."
                ),
            )
        return data

    def questions(self) -> list[dict]:
        chosen = self.cleaned_data.get("measures") or []
        questions: list[dict] = []
        for measure in standard.ASKABLE:
            if measure in chosen:
                questions += standard.standard_questions(
                    measure, name=self.activity.name, goals=self.goals()
                )
        return questions


# --- One question of the editor ------------------------------------------------------------------


def parse_choices(nl: str, en: str = "", start: int = 1) -> list[dict]:
    """Choices typed one per line as `waarde = tekst` or just text (the value is then its line
    number, counted from `start`); the English texts one per line in the same order (`waarde =
    text` also read)."""

    def split(line: str, n: int) -> tuple[str, str]:
        if "=" in line:
            value, label = (part.strip() for part in line.split("=", 1))
            if CHOICE_VALUE.match(value):
                return value, label
        return str(n), line

    nl_lines = [line.strip() for line in (nl or "").splitlines() if line.strip()]
    en_lines = [split(line.strip(), 0)[1] for line in (en or "").splitlines() if line.strip()]
    choices = []
    for i, line in enumerate(nl_lines):
        value, label = split(line, start + i)
        english = en_lines[i] if i < len(en_lines) else ""
        choices.append({"value": value, "label": {"nl": label, "en": english}})
    return choices


def choices_text(choices: list[dict], language: str) -> str:
    if language == "nl":
        return "\n".join(f"{c['value']} = {c['label'].get('nl', '')}" for c in choices)
    return "\n".join(c["label"].get("en", "") for c in choices)


def _num_text(value) -> str:
    return "" if value is None else str(value)


class QuestionForm(forms.Form):
    """One question of one kind (the fields that kind needs)."""

    kind = forms.ChoiceField(choices=[(k, k) for k in KINDS], widget=forms.HiddenInput)
    label_nl = forms.CharField(label=_("Vraag"), widget=forms.Textarea(attrs={"rows": 2}))
    label_en = forms.CharField(
        label=_("Vraag in het Engels"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    hint_nl = forms.CharField(label=_("Toelichting onder de vraag"), required=False, max_length=500)
    hint_en = forms.CharField(label=_("Toelichting in het Engels"), required=False, max_length=500)
    required = forms.BooleanField(label=_("Antwoord verplicht"), required=False)
    key = forms.CharField(
        label=_("Sleutel"),
        required=False,
        max_length=40,
        help_text=_(
            "Optioneel: de korte naam van de vraag in exports, kleine letters, cijfers en _ "
            "(leeg: gemaakt uit de vraag)"
        ),
    )
    low = forms.IntegerField(label=_("Laagste punt"), required=False)
    high = forms.IntegerField(label=_("Hoogste punt"), required=False)
    anchor_min_nl = forms.CharField(label=_("Tekst bij het laagste punt"), required=False)
    anchor_min_en = forms.CharField(label=_("Tekst bij het laagste punt (Engels)"), required=False)
    anchor_max_nl = forms.CharField(label=_("Tekst bij het hoogste punt"), required=False)
    anchor_max_en = forms.CharField(label=_("Tekst bij het hoogste punt (Engels)"), required=False)
    choices_nl = forms.CharField(
        label=_("Keuzes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Eén keuze per regel, als ‘waarde = tekst’ of alleen de tekst"),
    )
    choices_en = forms.CharField(
        label=_("Keuzes in het Engels"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Eén per regel, in dezelfde volgorde"),
    )
    minimum = forms.DecimalField(label=_("Ondergrens"), required=False)
    maximum = forms.DecimalField(label=_("Bovengrens"), required=False)
    decimals = forms.IntegerField(
        label=_("Aantal decimalen"), required=False, min_value=0, max_value=4, initial=0
    )
    max_length = forms.IntegerField(
        label=_("Hoogstens aantal tekens"),
        required=False,
        min_value=1,
        max_value=TEXT_MAX_LENGTH,
        initial=500,
    )
    version = VersionField()

    FIELDS_OF_KIND = {
        "scale": ["low", "high", "anchor_min_nl", "anchor_min_en", "anchor_max_nl",
                  "anchor_max_en", "choices_nl", "choices_en"],
        "single": ["choices_nl", "choices_en"],
        "multiple": ["choices_nl", "choices_en"],
        "number": ["minimum", "maximum", "decimals"],
        "text": ["max_length"],
        "note": [],
    }  # fmt: skip
    COMMON = ["kind", "label_nl", "label_en", "hint_nl", "hint_en", "required", "key", "version"]

    def __init__(self, *args, kind: str, existing: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind_value = kind
        self.existing = existing
        keep = set(self.COMMON) | set(self.FIELDS_OF_KIND[kind])
        if kind == "note":
            keep.discard("required")
            self.fields["label_nl"].label = _("Tekst")
            self.fields["label_en"].label = _("Tekst in het Engels")
        if existing is not None:
            keep.discard("key")
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        if kind == "scale":
            self.fields["low"].required = self.fields["high"].required = True
            self.fields["choices_nl"].label = _("Tekst per punt (optioneel)")
            self.fields["choices_nl"].help_text = _("Eén punt per regel als ‘waarde = tekst’")
            self.fields["choices_en"].label = _("Tekst per punt in het Engels")
        if kind in ("single", "multiple"):
            self.fields["choices_nl"].required = True
        self.fields["kind"].initial = kind
        style(self)
        _checkboxes(self)

    @property
    def kind_label(self) -> str:
        return kind_labels()[self.kind_value]

    def field_groups(self):
        """(legend or "", [bound fields]) for the template."""
        specific = [self[name] for name in self.FIELDS_OF_KIND[self.kind_value]]
        text = [self[n] for n in ("label_nl", "label_en", "hint_nl", "hint_en")]
        rest = [self[n] for n in ("required", "key") if n in self.fields]
        groups = [("", text)]
        if specific:
            groups.append((_("Antwoord"), specific))
        groups.append(("", rest))
        return groups

    @classmethod
    def initial_for(cls, question: dict, version: int) -> dict:
        label, hint = question.get("label") or {}, question.get("hint") or {}
        anchors = question.get("anchors") or {}
        initial = {
            "kind": question["kind"],
            "label_nl": label.get("nl", ""),
            "label_en": label.get("en", ""),
            "hint_nl": hint.get("nl", ""),
            "hint_en": hint.get("en", ""),
            "required": question.get("required", False),
            "version": version,
            "low": question.get("min"),
            "high": question.get("max"),
            "anchor_min_nl": (anchors.get("min") or {}).get("nl", ""),
            "anchor_min_en": (anchors.get("min") or {}).get("en", ""),
            "anchor_max_nl": (anchors.get("max") or {}).get("nl", ""),
            "anchor_max_en": (anchors.get("max") or {}).get("en", ""),
            "choices_nl": choices_text(question.get("choices") or [], "nl"),
            "choices_en": choices_text(question.get("choices") or [], "en"),
            "minimum": question.get("min"),
            "maximum": question.get("max"),
            "decimals": question.get("decimals", 0),
            "max_length": question.get("max_length", 500),
        }
        return initial

    def question(self) -> dict:
        """The question dict (an edited question keeps its measure and skip logic)."""
        d = self.cleaned_data
        kind = self.kind_value
        question = dict(self.existing or {})
        question.update(
            {
                "kind": kind,
                "label": {"nl": d["label_nl"], "en": d.get("label_en", "")},
                "hint": {"nl": d.get("hint_nl", ""), "en": d.get("hint_en", "")},
                "required": bool(d.get("required")) and kind != "note",
            }
        )
        if self.existing is None:
            question["key"] = d.get("key", "").strip()
        for stale in ("min", "max", "anchors", "choices", "decimals", "max_length"):
            question.pop(stale, None)
        if kind == "scale":
            question["min"], question["max"] = d.get("low"), d.get("high")
            question["anchors"] = {
                "min": {"nl": d.get("anchor_min_nl", ""), "en": d.get("anchor_min_en", "")},
                "max": {"nl": d.get("anchor_max_nl", ""), "en": d.get("anchor_max_en", "")},
            }
            question["choices"] = parse_choices(
                d.get("choices_nl", ""), d.get("choices_en", ""), start=d.get("low") or 0
            )
        elif kind in ("single", "multiple"):
            question["choices"] = parse_choices(d.get("choices_nl", ""), d.get("choices_en", ""))
        elif kind == "number":
            question["min"] = _num_text(d.get("minimum")) or None
            question["max"] = _num_text(d.get("maximum")) or None
            question["decimals"] = d.get("decimals") or 0
        elif kind == "text":
            question["max_length"] = d.get("max_length") or 500
        return question
