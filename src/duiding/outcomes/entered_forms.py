"""Forms of the entered figures: one period (reach, no-shows, then a count per answer value of
every measure) and the Excel upload."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from duiding.core.forms import DutchDateField
from duiding.core.versioning import VersionField
from duiding.outcomes.entered_services import FIELD_LABELS, Figures, count_label, counted_measures

MAX_UPLOAD_BYTES = 5 * 1024 * 1024

COUNT_ERRORS = {
    "invalid": _("Vul een heel getal in (0 of meer), of laat het vak leeg."),
    "min_value": _("Een aantal is 0 of meer."),
}


def _count_field(label) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=10_000_000,
        required=False,
        error_messages={**COUNT_ERRORS, "max_value": _("Dit aantal is te groot.")},
        widget=forms.NumberInput(attrs={"class": "utrecht-textbox count-input", "min": "0"}),
    )


def count_field_name(measure_key: str, index: int) -> str:
    return f"n_{measure_key}_{index}"


class EnteredFiguresForm(forms.Form):
    period_start = DutchDateField(
        label=FIELD_LABELS["period_start"],
        error_messages={"required": _("Vul de eerste dag van de periode in.")},
    )
    period_end = DutchDateField(
        label=FIELD_LABELS["period_end"],
        error_messages={"required": _("Vul de laatste dag van de periode in.")},
    )
    reached = _count_field(_("Bereikt (aantal deelnemers)"))
    target = _count_field(_("Beoogd bereik of omvang doelgroep"))
    no_shows = _count_field(_("Niet verschenen (no-shows)"))
    note = forms.CharField(
        label=FIELD_LABELS["note"],
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "utrecht-textarea"}),
        help_text=_("Geen namen of andere gegevens van deelnemers."),
    )
    version = VersionField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.measures = counted_measures()
        for name in ("period_start", "period_end"):
            self.fields[name].widget.attrs.setdefault("class", "utrecht-textbox")
            self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}_helptext"
        self.fields["note"].widget.attrs["aria-describedby"] = "id_note_helptext"
        self.fields["target"].help_text = _("Leeg: het geplande bereik van de activiteit.")
        self.fields["target"].widget.attrs["aria-describedby"] = "id_target_helptext"
        for measure in self.measures:
            for index, (value, meaning) in enumerate(measure.values):
                self.fields[count_field_name(measure.key, index)] = _count_field(
                    count_label(measure, value, meaning)
                )

    def count_rows(self, measure) -> list[dict]:
        """The rows of one measure's table: value, meaning and the bound field."""
        return [
            {"value": value, "meaning": meaning, "field": self[count_field_name(measure.key, i)]}
            for i, (value, meaning) in enumerate(measure.values)
        ]

    def figures(self) -> Figures:
        data = self.cleaned_data
        counts: dict[str, dict[str, int]] = {}
        for measure in self.measures:
            for index, (value, _meaning) in enumerate(measure.values):
                count = data.get(count_field_name(measure.key, index))
                if count is not None:
                    counts.setdefault(measure.key, {})[value] = count
        return Figures(
            data["period_start"],
            data["period_end"],
            data.get("reached"),
            data.get("target"),
            data.get("no_shows"),
            data.get("note") or "",
            counts,
        )

    @classmethod
    def initial_for(cls, data: Figures, version: int | None = None) -> dict:
        initial = {
            "period_start": data.period_start,
            "period_end": data.period_end,
            "reached": data.reached,
            "target": data.target,
            "no_shows": data.no_shows,
            "note": data.note,
            "version": version,
        }
        for measure in counted_measures():
            for index, (value, _meaning) in enumerate(measure.values):
                count = data.counts.get(measure.key, {}).get(value)
                if count is not None:
                    initial[count_field_name(measure.key, index)] = count
        return initial


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Ingevuld sjabloon (.xlsx)"),
        error_messages={
            "required": _("Kies het ingevulde Excel-bestand."),
            "empty": _("Het gekozen bestand is leeg."),
        },
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 5 MB."))
        return upload
