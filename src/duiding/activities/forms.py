"""Forms of the activities app (labels and messages in Dutch). The forms collect and type the
input; the checks that need the database (results and factors of this programme, reach versus
target group, ...) live in services.py, whose messages the views put back on the form."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from duiding.accounts.models import Organisation
from duiding.activities.models import (
    Continuity,
    Databank,
    EvidenceLevel,
    Form,
    Intervention,
    OfferKind,
    PreventionLevel,
    RecognitionLevel,
)
from duiding.activities.permissions import activity_organisations
from duiding.activities.services import activity_problems
from duiding.core.versioning import VersionField
from duiding.frameworks.models import AgePhase, Factor, LifeArea


def style(form: forms.Form) -> None:
    """Utrecht classes on the widgets; the help text is announced with the field."""
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple | forms.HiddenInput):
            continue
        if isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "utrecht-select")
        elif isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("class", "utrecht-textarea")
            widget.attrs.setdefault("rows", 3)
        else:
            widget.attrs.setdefault("class", "utrecht-textbox")
        if field.help_text:
            widget.attrs.setdefault("aria-describedby", f"id_{form.add_prefix(name)}_helptext")


def apply_errors(form: forms.Form, error: ValidationError, aliases: dict | None = None) -> None:
    """Put a service's ValidationError on the form: per field where the form has it."""
    aliases = aliases or {}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        target = aliases.get(field, field)
        form.add_error(target if target in form.fields else None, messages)


class _ResultChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.text


class _InterventionChoice(forms.ModelChoiceField):
    """An intervention from the list. A value that is not in the list is passed on as it is, so
    the service refuses it with its own Dutch message ("Onbekende interventie ...") instead of
    Django's generic choice error."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return super().to_python(value)
        except ValidationError:
            return str(value)

    def validate(self, value):
        if isinstance(value, str):  # unknown: the service reports it
            return
        super().validate(value)


def default_organisation(user, programme, organisations):
    """The organisation a new activity is proposed for: the user's own organisation when it is a
    partner of the programme, else the first partner organisation (not the programme owner)."""
    partners = organisations.filter(pk__in=programme.partners.values("pk")).order_by("name")
    own = partners.filter(memberships__user=user).first()
    return own or partners.first() or organisations.first()


class ActivityForm(forms.Form):
    name = forms.CharField(
        label=_("Activiteit"),
        max_length=200,
        help_text=_("Wat zetten we in? Bijvoorbeeld: Home-Start, jongerenwerk op het schoolplein."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Uitvoerende partner"), queryset=None, empty_label=None
    )
    target_group = forms.CharField(
        label=_("Doelgroep"),
        max_length=300,
        help_text=_("Voor wie? Bijvoorbeeld: ouders die (beginnende) opvoedproblemen ervaren."),
    )
    results = _ResultChoice(
        label=_("Maatschappelijke resultaten waar de activiteit aan bijdraagt"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    strengthens = forms.ModelMultipleChoiceField(
        label=_("Beschermende factoren die de activiteit versterkt"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reduces = forms.ModelMultipleChoiceField(
        label=_("Risicofactoren die de activiteit vermindert"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(label=_("Beschrijving"), required=False, widget=forms.Textarea)
    intervention = _InterventionChoice(
        label=_("Interventie (uit de lijst met databank en erkenning)"),
        queryset=Intervention.objects.select_related("databank"),
        required=False,
        empty_label=_("— geen interventie uit de lijst —"),
    )
    offer_kind = forms.ChoiceField(
        label=_("Soort aanbod"), choices=OfferKind.choices, initial=OfferKind.DESIRED_NEW
    )
    prevention_level = forms.ChoiceField(
        label=_("Preventieniveau"), choices=PreventionLevel.choices, widget=forms.RadioSelect
    )
    age_phases = forms.ModelMultipleChoiceField(
        label=_("Leeftijdsfasen"),
        queryset=AgePhase.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    life_areas = forms.ModelMultipleChoiceField(
        label=_("Leefgebieden"),
        queryset=LifeArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    form = forms.ChoiceField(
        label=_("Individueel of groep"),
        choices=Form.choices,
        initial=Form.GROUP,
        widget=forms.RadioSelect,
    )
    continuity = forms.ChoiceField(
        label=_("Structureel of incidenteel"),
        choices=Continuity.choices,
        initial=Continuity.STRUCTURAL,
        widget=forms.RadioSelect,
    )
    frequency = forms.CharField(
        label=_("Hoe vaak"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: wekelijks, 10 bijeenkomsten per jaar."),
    )
    target_group_size = forms.IntegerField(
        label=_("Omvang doelgroep (aantal)"), min_value=0, required=False
    )
    reach = forms.IntegerField(label=_("Beoogd bereik (aantal)"), min_value=0, required=False)
    volume = forms.IntegerField(
        label=_("Volume (aantal keer of trajecten)"), min_value=0, required=False
    )
    evidence_level = forms.TypedChoiceField(
        label=_("Trede op de effectladder"),
        choices=EvidenceLevel.choices,
        coerce=int,
        initial=EvidenceLevel.IMPLICIT,
        help_text=_(
            "Hoe hoger de trede, hoe meer bewijs dat de interventie werkt. Vanaf trede 2 "
            "(goed onderbouwd) kan een interventie in een databank staan."
        ),
    )
    version = VersionField()

    ERROR_ALIASES = {"factors": "strengthens"}

    def __init__(self, *args, programme, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.user = user
        organisations = activity_organisations(user, programme).order_by("name")
        self.fields["organisation"].queryset = organisations
        if not self.is_bound and not self.initial.get("organisation"):
            chosen = default_organisation(user, programme, organisations)
            if chosen is not None:
                self.initial["organisation"] = chosen.pk
        self.fields["results"].queryset = programme.results.all()
        factors = Factor.objects.filter(framework=programme.framework_id)
        self.fields["strengthens"].queryset = factors.exclude(kind=Factor.Kind.RISK)
        self.fields["reduces"].queryset = factors.exclude(kind=Factor.Kind.PROTECTIVE)
        style(self)

    @staticmethod
    def initial_for(activity) -> dict:
        links = list(activity.factor_links.all())
        return {
            **{
                name: getattr(activity, name)
                for name in (
                    "name",
                    "target_group",
                    "description",
                    "offer_kind",
                    "prevention_level",
                    "form",
                    "continuity",
                    "frequency",
                    "target_group_size",
                    "reach",
                    "volume",
                    "evidence_level",
                    "version",
                )
            },
            "organisation": activity.organisation_id,
            "intervention": activity.intervention_id,
            "results": list(activity.results.values_list("pk", flat=True)),
            "strengthens": [link.factor_id for link in links if link.effect == "versterkt"],
            "reduces": [link.factor_id for link in links if link.effect == "vermindert"],
            "age_phases": list(activity.age_phases.values_list("pk", flat=True)),
            "life_areas": list(activity.life_areas.values_list("pk", flat=True)),
        }

    def clean(self):
        """When some fields are refused, also show what the service would refuse in the others,
        so that the user sees all errors at once (the service checks again when saving)."""
        data = super().clean()
        if self.errors:
            problems = activity_problems(
                programme=self.programme, user=self.user, **self.service_data()
            )
            for field, messages in problems.items():
                target = self.ERROR_ALIASES.get(field, field)
                if target in self.fields and target not in self.errors:
                    self.add_error(target, messages)
        return data

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data["factors"] = [(f, "versterkt") for f in data.pop("strengthens", [])] + [
            (f, "vermindert") for f in data.pop("reduces", [])
        ]
        return data

    def sentence_parts(self) -> dict:
        """What the sentence needs, from the bound or initial data (for the server-side
        sentence shown with the form)."""
        source = self.data if self.is_bound else self.initial

        def ids(name):
            if self.is_bound:
                return [v for v in source.getlist(self.add_prefix(name)) if str(v).isdigit()]
            return source.get(name) or []

        factors = {
            f.pk: f.name for f in Factor.objects.filter(pk__in=ids("strengthens") + ids("reduces"))
        }
        return {
            "name": source.get("name") or "",
            "target_group": source.get("target_group") or "",
            "factors": [
                (factors[int(pk)], "versterkt") for pk in ids("strengthens") if int(pk) in factors
            ]
            + [(factors[int(pk)], "vermindert") for pk in ids("reduces") if int(pk) in factors],
            "results": list(
                self.programme.results.filter(pk__in=ids("results")).values_list("text", flat=True)
            ),
        }


class ActivityFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Partner"), queryset=None, required=False, empty_label=_("Alle partners")
    )
    prevention_level = forms.ChoiceField(
        label=_("Preventieniveau"),
        choices=[("", _("Alle niveaus")), *PreventionLevel.choices],
        required=False,
    )
    offer = forms.ChoiceField(
        label=_("Aanbod"),
        choices=[
            ("", _("Alle aanbod")),
            ("gewenst", _("Gewenst aanbod")),
            ("huidig", _("Huidig aanbod")),
            *OfferKind.choices,
        ],
        required=False,
    )
    result = forms.ModelChoiceField(
        label=_("Resultaat"), queryset=None, required=False, empty_label=_("Alle resultaten")
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)

        self.fields["organisation"].queryset = Organisation.objects.filter(
            activities__programme=programme
        ).distinct()
        self.fields["result"].queryset = programme.results.all()
        self.fields["result"].label_from_instance = lambda r: r.text[:80]
        style(self)

    def params(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "organisation": data["organisation"].pk if data.get("organisation") else None,
            "prevention_level": data.get("prevention_level"),
            "offer": data.get("offer"),
            "result": data["result"].pk if data.get("result") else None,
        }


class InterventionForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    databank = forms.ModelChoiceField(
        label=_("Databank"),
        queryset=Databank.objects.all(),
        required=False,
        empty_label=_("— niet in een databank —"),
    )
    recognition_level = forms.ChoiceField(
        label=_("Erkenningsniveau"), choices=RecognitionLevel.choices, required=False
    )
    description = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea)
    url = forms.URLField(label=_("Website"), required=False, max_length=400, assume_scheme="https")
    version = VersionField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)
