"""Forms of the plan van aanpak: steps, purchase agreements and quality agreements (with the
seed's quality questions as a checklist). Labels and messages in Dutch; the rules that belong to
the data live in `activities.plan` (the forms only parse input). `style_fields` styles the
measurement plan's form of `outcomes` too."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from duiding.accounts.models import Organisation, User
from duiding.activities.models import (
    Activity,
    EvidenceLevel,
    StepStatus,
)
from duiding.activities.plan import services as rules
from duiding.activities.plan.handover import KEEP, TRANSFER
from duiding.activities.plan.reference import QUALITY_QUESTIONS
from duiding.core.forms import DutchDateField
from duiding.core.versioning import VersionField


def style_fields(form: forms.Form) -> None:
    """Utrecht classes on the widgets; the help text is announced with the field."""
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(widget, forms.RadioSelect | forms.CheckboxInput):
            pass
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "utrecht-select")
        elif isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("class", "utrecht-textarea")
        else:
            widget.attrs.setdefault("class", "utrecht-textbox")
        if field.help_text and not isinstance(widget, forms.RadioSelect):
            widget.attrs.setdefault("aria-describedby", f"id_{form.add_prefix(name)}_helptext")


def _date_field(label, **kwargs) -> forms.DateField:
    return DutchDateField(
        label=label,
        error_messages={
            "required": _("Vul een datum in."),
            "invalid": _("Vul een geldige datum in (dd-mm-jjjj)."),
        },
        **kwargs,
    )


class _ActivityChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.organisation.name})"


class _PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        orgs = ", ".join(m.organisation.name for m in obj.memberships.all())
        return f"{obj.display_name} ({orgs})" if orgs else obj.display_name


class StepForm(forms.Form):
    description = forms.CharField(
        label=_("Stap"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Zo concreet mogelijk: wat wordt er gedaan, door wie?"),
        error_messages={"required": _("Beschrijf de stap.")},
    )
    activity = _ActivityChoice(
        label=_("Bij activiteit"),
        queryset=Activity.objects.none(),
        required=False,
        empty_label=_("Geen (stap voor het hele plan)"),
        error_messages={"invalid_choice": _("Kies een activiteit van dit programma.")},
    )
    owner_organisation = forms.ModelChoiceField(
        label=_("Wie zet de stap (organisatie)"),
        queryset=Organisation.objects.none(),
        empty_label=_("Kies een organisatie"),
        error_messages={
            "required": _("Kies de organisatie die de stap zet."),
            "invalid_choice": _("Kies een organisatie uit de lijst."),
        },
    )
    owner_user = _PersonChoice(
        label=_("Wie zet de stap (persoon)"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Geen bepaalde persoon"),
        help_text=_("Iemand van de organisatie die de stap zet."),
        error_messages={"invalid_choice": _("Kies een persoon uit de lijst.")},
    )
    due_date = _date_field(_("Wanneer klaar"))
    status = forms.ChoiceField(label=_("Status"), choices=StepStatus.choices)
    version = VersionField()

    def __init__(self, *args, activities, organisations, previous_due_date=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous_due_date = previous_due_date
        self.fields["activity"].queryset = activities
        self.fields["owner_organisation"].queryset = organisations
        self.fields["owner_user"].queryset = (
            User.objects.filter(
                is_active=True, memberships__organisation__in=organisations.values("pk")
            )
            .distinct()
            .prefetch_related("memberships__organisation")
            .order_by("first_name", "last_name", "username")
        )
        style_fields(self)

    def clean_due_date(self):
        return _checked_date(self.cleaned_data.get("due_date"), self.previous_due_date)


def _checked_date(due_date, previous):
    """The service's date rule already in the form, so that all errors show at once."""
    try:
        rules.check_due_date(due_date, previous)
    except rules.PlanError as error:
        raise forms.ValidationError(str(error)) from error
    return due_date


class StepDoneForm(forms.Form):
    """The 'Klaar' button of a step: only the version the page showed."""

    version = VersionField()


class PurchaseForm(forms.Form):
    reference = forms.CharField(
        label=_("Kenmerk"),
        max_length=200,
        help_text=_("Het kenmerk van de beschikking of het contractoverleg."),
        error_messages={"required": _("Vul het kenmerk in (bijvoorbeeld van de beschikking).")},
    )
    date = _date_field(_("Datum van de afspraak"))
    activity = _ActivityChoice(
        label=_("Voor activiteit"),
        queryset=Activity.objects.none(),
        required=False,
        empty_label=_("Geen bepaalde activiteit"),
        error_messages={"invalid_choice": _("Kies een activiteit van dit programma.")},
    )
    note = forms.CharField(
        label=_("Afspraak met de accounthouder"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )
    version = VersionField()

    def __init__(self, *args, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities
        style_fields(self)


# The quality questions are topics of the conversation with the partner: each is "besproken"
# (stored answer True) or not yet (None). An answer False stored by the earlier Ja/Nee checklist
# also means it was discussed, so old data reads as "Besproken" (with its note).
ANSWER_CHOICES = [("", _("Nog niet besproken")), ("besproken", _("Besproken"))]
ANSWERS = {"": None, "besproken": True}


class QualityForm(forms.Form):
    next_step = forms.CharField(
        label=_("Eerstvolgende stap in de goede richting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_(
            "Bijvoorbeeld ‘beschrijf de interventie’ om van trede 0 naar trede 1 te komen."
        ),
        error_messages={
            "required": _(
                "Beschrijf de eerstvolgende stap, bijvoorbeeld ‘beschrijf de interventie’."
            )
        },
    )
    target_level = forms.TypedChoiceField(
        label=_("Naar trede"),
        choices=[("", _("Geen andere trede (kwaliteit behouden)")), *EvidenceLevel.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    due_date = _date_field(_("Tijdspad: klaar op"))
    status = forms.ChoiceField(label=_("Status"), choices=StepStatus.choices)
    version = VersionField()

    def __init__(self, *args, activity=None, previous_due_date=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity = activity
        self.previous_due_date = previous_due_date
        for key, question in QUALITY_QUESTIONS:
            self.fields[f"q_{key}"] = forms.ChoiceField(
                label=question,
                choices=ANSWER_CHOICES,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"n_{key}"] = forms.CharField(
                label=_("Toelichting"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        style_fields(self)

    def clean_due_date(self):
        return _checked_date(self.cleaned_data.get("due_date"), self.previous_due_date)

    def clean_target_level(self):
        level = self.cleaned_data.get("target_level")
        if self.activity is not None:
            try:
                rules.check_target_level(self.activity, level)
            except rules.PlanError as error:
                raise forms.ValidationError(str(error)) from error
        return level

    def questions(self):
        """(answer field, note field) per quality question, in the seed's order."""
        return [(self[f"q_{key}"], self[f"n_{key}"]) for key, _q in QUALITY_QUESTIONS]

    def checklist(self) -> dict:
        data = self.cleaned_data
        return {
            key: {"answer": ANSWERS[data.get(f"q_{key}") or ""], "note": data.get(f"n_{key}", "")}
            for key, _q in QUALITY_QUESTIONS
        }

    @staticmethod
    def initial_for(agreement) -> dict:
        initial = {
            "next_step": agreement.next_step,
            "target_level": agreement.target_level,
            "due_date": agreement.due_date,
            "status": agreement.status,
            "version": agreement.version,
        }
        for key, value in (agreement.checklist or {}).items():
            initial[f"q_{key}"] = "" if value.get("answer") is None else "besproken"
            initial[f"n_{key}"] = value.get("note", "")
        return initial


class HandOverForm(forms.Form):
    """Hand an activity over to another partner; per open quality agreement: keep or transfer
    (`activities.plan.handover`)."""

    organisation = forms.ModelChoiceField(
        label=_("Nieuwe partner"),
        queryset=Organisation.objects.none(),
        empty_label=_("Kies een partner"),
        error_messages={"required": _("Kies de partner die de activiteit gaat uitvoeren.")},
    )
    version = VersionField()

    def __init__(self, *args, organisations, agreements, old_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations.order_by("name")
        self.agreements = list(agreements)
        choices = [
            (KEEP, _("Blijft bij %(old)s (gesloten, alleen te lezen)") % {"old": old_name}),
            (TRANSFER, _("Gaat mee naar de nieuwe partner")),
        ]
        for agreement in self.agreements:
            self.fields[f"agreement_{agreement.pk}"] = forms.ChoiceField(
                label=agreement.next_step[:200],
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Kies of deze afspraak bij de oude partner blijft of meegaat.")
                },
            )
        style_fields(self)

    def agreement_fields(self):
        return [self[f"agreement_{a.pk}"] for a in self.agreements]

    def decisions(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data.get(f"agreement_{a.pk}") for a in self.agreements}
