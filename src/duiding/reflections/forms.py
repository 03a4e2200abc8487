"""Forms of the reflection and its agenda (Dutch messages that name the field)."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from duiding.accounts.models import Organisation, User
from duiding.core.forms import DutchDateField
from duiding.core.versioning import VersionField
from duiding.reflections.models import KEY_QUESTIONS, AgendaItem, SharingLevel


class _UserChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class ReflectionForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"), max_length=200, error_messages={"required": _("Vul een titel in.")}
    )
    date = DutchDateField(
        label=_("Datum"),
        error_messages={
            "required": _("Vul de datum van de duidingssessie in."),
            "invalid": _("Vul een geldige datum in, bijvoorbeeld 12-03-2027."),
        },
    )
    start_time = forms.TimeField(
        label=_("Aanvang"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Vul een geldige tijd in, bijvoorbeeld 19:30.")},
    )
    place = forms.CharField(label=_("Plaats"), max_length=200, required=False)
    facilitator = _UserChoice(
        label=_("Gespreksleider"),
        queryset=User.objects.none(),
        error_messages={
            "required": _("Kies wie het gesprek leidt."),
            "invalid_choice": _("Kies de gespreksleider uit de lijst."),
        },
    )
    invited_organisations = forms.ModelMultipleChoiceField(
        label=_("Uitgenodigde organisaties"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies de organisaties uit de lijst.")},
    )
    participants = forms.CharField(
        label=_("Deelnemers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wie is uitgenodigd (namen of rollen), één per regel."),
    )
    sharing = forms.ChoiceField(
        label=_("Wie mag de antwoorden lezen"),
        choices=SharingLevel.choices,
        initial=SharingLevel.PARTNERS,
        error_messages={
            "required": _("Kies wie de antwoorden mag lezen."),
            "invalid_choice": _("Kies een van de mogelijkheden."),
        },
    )
    version = VersionField()

    def __init__(self, *args, programme, user, reflection=None, **kwargs):
        """programme None: a reflection of an organisation (a team, the association)."""
        super().__init__(*args, **kwargs)
        if programme is not None:
            orgs = [programme.organisation_id, *programme.partners.values_list("pk", flat=True)]
            invited = Q(pk__in=programme.partners.values("pk")) | Q(pk=programme.organisation_id)
        else:
            orgs = [reflection.organisation_id]
            invited = Q(pk=reflection.organisation_id)
        people = Q(memberships__organisation_id__in=orgs) | Q(pk=user.pk)
        if reflection is not None:
            people |= Q(pk=reflection.facilitator_id)
            invited |= Q(pk__in=reflection.invited_organisations.values("pk"))
        self.fields["facilitator"].queryset = (
            User.objects.filter(people, is_active=True).distinct().order_by("username")
        )
        self.fields["invited_organisations"].queryset = Organisation.objects.filter(
            invited
        ).order_by("name")

    @staticmethod
    def initial_for(reflection) -> dict:
        return {
            "title": reflection.title,
            "date": reflection.date,
            "start_time": reflection.start_time,
            "place": reflection.place,
            "facilitator": reflection.facilitator_id,
            "invited_organisations": list(reflection.invited_organisations.all()),
            "participants": reflection.participants,
            "sharing": reflection.sharing,
            "version": reflection.version,
        }

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class ItemForm(forms.Form):
    """The facilitator's edit of an agenda item: subject, why, on the agenda or set aside."""

    title = forms.CharField(
        label=_("Onderwerp"),
        max_length=300,
        error_messages={"required": _("Vul het onderwerp in.")},
    )
    reason = forms.CharField(
        label=_("Waarom op de agenda"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    included = forms.BooleanField(label=_("Bespreken op de agenda"), required=False)
    version = VersionField()

    @staticmethod
    def initial_for(item: AgendaItem) -> dict:
        return {
            "title": item.title,
            "reason": item.reason,
            "included": item.included,
            "version": item.version,
        }


class NewItemForm(forms.Form):
    title = forms.CharField(
        label=_("Onderwerp"),
        max_length=300,
        error_messages={"required": _("Vul het onderwerp in.")},
    )
    reason = forms.CharField(label=_("Waarom op de agenda"), max_length=500, required=False)


class KeyQuestionsForm(forms.Form):
    """The group's summary per key question (seed 003, step 6)."""

    recognise = forms.CharField(
        label=_("Herkennen we dit?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    explain = forms.CharField(
        label=_("Hoe verklaren we het?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    judge = forms.CharField(
        label=_("Wat vinden we ervan?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    change = forms.CharField(
        label=_("Wat gaan we anders doen?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    version = VersionField()

    @staticmethod
    def initial_for(item: AgendaItem) -> dict:
        return {**{q: getattr(item, q) for q in KEY_QUESTIONS}, "version": item.version}
