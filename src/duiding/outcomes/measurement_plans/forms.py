"""The form of one row of an activity's measurement plan. Labels and messages in Dutch; the rules
that belong to the data live in `services.py` (the form only parses input and shows the rules that
depend on the chosen outcome together with the other errors)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from duiding.activities.plan.forms import style_fields
from duiding.core.versioning import VersionField
from duiding.outcomes.measures import FromWhom, Measure


class MeasurementForm(forms.Form):
    measure = forms.ChoiceField(
        label=_("Welke outcome meten?"),
        choices=[("", _("Kies een outcome")), *Measure.choices],
        error_messages={"required": _("Kies een outcome uit de lijst of een eigen maat.")},
    )
    custom_name = forms.CharField(
        label=_("Naam van de eigen maat"),
        max_length=200,
        required=False,
        help_text=_("Alleen bij een eigen maat."),
    )
    years = forms.IntegerField(
        label=_("Binnen hoeveel jaar geen nieuwe start van hulp"),
        min_value=1,
        max_value=20,
        required=False,
        help_text=_("Alleen bij ‘geen nieuwe start hulp binnen X jaar’."),
        error_messages={"min_value": _("Vul 1 jaar of meer in.")},
    )
    how = forms.CharField(
        label=_("Hoe meten?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_("Bijvoorbeeld: korte vragenlijst na afloop, registratie bij aanmelding."),
        error_messages={"required": _("Beschrijf hoe u meet.")},
    )
    how_often = forms.CharField(
        label=_("Hoe vaak?"),
        max_length=200,
        help_text=_("Bijvoorbeeld: continu, per kwartaal, een ‘maand van het meten’ per jaar."),
        error_messages={"required": _("Vul in hoe vaak u meet.")},
    )
    from_whom = forms.ChoiceField(
        label=_("Bij wie meten?"),
        choices=FromWhom.choices,
        widget=forms.RadioSelect,
        initial=FromWhom.ALL,
        error_messages={"required": _("Kies bij wie u meet: een steekproef of alle deelnemers.")},
    )
    attention_points = forms.CharField(
        label=_("Aandachtspunten"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
        help_text=_("Bijvoorbeeld: kijk ook naar wie uitvalt en waarom; privacy gecheckt."),
    )
    version = VersionField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)

    def clean(self):
        """The service's rules that depend on the chosen outcome, shown with the other errors."""
        data = super().clean()
        measure = data.get("measure")
        if measure == Measure.CUSTOM and not (data.get("custom_name") or "").strip():
            self.add_error("custom_name", _("Geef de eigen maat een naam."))
        if measure == Measure.NO_NEW_START and not data.get("years") and "years" not in self.errors:
            self.add_error(
                "years",
                _("Vul in binnen hoeveel jaar er geen nieuwe start van hulp mag zijn (1 of meer)."),
            )
        return data

    def service_fields(self) -> dict:
        """The cleaned values as `services.measurement_save` takes them (without the version)."""
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}

    @staticmethod
    def initial_for(plan) -> dict:
        return {
            "measure": plan.measure,
            "custom_name": plan.custom_name,
            "years": plan.years,
            "how": plan.how,
            "how_often": plan.how_often,
            "from_whom": plan.from_whom,
            "attention_points": plan.attention_points,
            "version": plan.version,
        }
