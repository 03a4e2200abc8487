"""The upload form of the XLSForm import."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from duiding.core.forms import DutchDateField
from duiding.outcomes.models import Moment


class XLSFormImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("XLSForm (.xlsx)"),
        help_text=gettext_lazy(
            "Een XLSForm uit KoboToolbox of ODK, met de bladen survey en choices. Bij een fout "
            "wordt er niets opgeslagen."
        ),
    )
    moment = forms.ChoiceField(label=gettext_lazy("Moment"), choices=Moment.choices)
    opens_on = DutchDateField(label=gettext_lazy("Open vanaf"))
    closes_on = DutchDateField(label=gettext_lazy("Open tot en met"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs.update({"accept": ".xlsx"})
        for name, field in self.fields.items():
            widget = field.widget
            css = "utrecht-select" if isinstance(widget, forms.Select) else "utrecht-textbox"
            widget.attrs.setdefault("class", css)
            if field.help_text:
                widget.attrs.setdefault("aria-describedby", f"id_{name}_helptext")

    def clean_file(self):
        file = self.cleaned_data["file"]
        if not file.name.lower().endswith((".xlsx", ".xlsm")):
            raise forms.ValidationError(
                gettext_lazy("Kies een .xlsx-bestand (een XLSForm opgeslagen als Excel).")
            )
        return file

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", gettext_lazy("De einddatum ligt voor de begindatum."))
        return data
