"""The facilitator's form for a live question (per agenda item). Dutch messages naming the field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from duiding.reflections.models import LiveQuestion

MAX_CHOICES = 10


class LiveQuestionForm(forms.Form):
    # Prefixed: the item page holds other parts' forms too (unique ids, field names).
    prefix = "live"

    kind = forms.ChoiceField(
        label=_("Soort vraag"),
        choices=LiveQuestion.Kind.choices,
        initial=LiveQuestion.Kind.RECOGNISE,
        error_messages={
            "required": _("Kies de soort vraag."),
            "invalid_choice": _("Kies de soort vraag."),
        },
    )
    text = forms.CharField(
        label=_("Vraag"),
        max_length=300,
        error_messages={
            "required": _("Typ de vraag."),
            "max_length": _("Hoogstens %(limit_value)d tekens (nu %(show_value)d)."),
        },
    )
    choices = forms.CharField(
        label=_("Keuzes (bij een keuzevraag)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén keuze per regel, 2 tot 10 keuzes."),
    )
    scale_min = forms.IntegerField(
        label=_("Schaal van"),
        required=False,
        initial=1,
        min_value=0,
        max_value=10,
        error_messages={
            "invalid": _("Typ een heel getal."),
            "min_value": _("Niet lager dan %(limit_value)s."),
            "max_value": _("Niet hoger dan %(limit_value)s."),
        },
    )
    scale_max = forms.IntegerField(
        label=_("Schaal tot"),
        required=False,
        initial=5,
        min_value=1,
        max_value=10,
        error_messages={
            "invalid": _("Typ een heel getal."),
            "min_value": _("Niet lager dan %(limit_value)s."),
            "max_value": _("Niet hoger dan %(limit_value)s."),
        },
    )
    scale_low_label = forms.CharField(
        label=_("Betekenis van het laagste punt"),
        required=False,
        max_length=60,
        help_text=_("Bijvoorbeeld: niet zorgelijk"),
    )
    scale_high_label = forms.CharField(
        label=_("Betekenis van het hoogste punt"),
        required=False,
        max_length=60,
        help_text=_("Bijvoorbeeld: heel zorgelijk"),
    )

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == LiveQuestion.Kind.CHOICE:
            options = []
            for line in (data.get("choices") or "").splitlines():
                line = line.strip()[:200]
                if line and line not in options:
                    options.append(line)
            if not 2 <= len(options) <= MAX_CHOICES:
                self.add_error(
                    "choices", _("Keuzes: geef 2 tot 10 verschillende keuzes, één per regel.")
                )
            data["choices_list"] = options
        else:
            data["choices_list"] = []
        if kind == LiveQuestion.Kind.SCALE:
            low = data.get("scale_min") if data.get("scale_min") is not None else 1
            high = data.get("scale_max") if data.get("scale_max") is not None else 5
            if "scale_min" not in self.errors and "scale_max" not in self.errors and high <= low:
                self.add_error("scale_max", _("Schaal tot: moet hoger zijn dan ‘schaal van’."))
            data["scale_min"], data["scale_max"] = low, high
        return data

    def question_settings(self) -> dict:
        d = self.cleaned_data
        return {
            "kind": d["kind"],
            "text": d["text"].strip(),
            "choices": d["choices_list"],
            "scale_min": 1 if d.get("scale_min") is None else d["scale_min"],
            "scale_max": 5 if d.get("scale_max") is None else d["scale_max"],
            "scale_low_label": d.get("scale_low_label", "") if d["kind"] == "schaal" else "",
            "scale_high_label": d.get("scale_high_label", "") if d["kind"] == "schaal" else "",
        }
