"""Form fields shared by every app: the Dutch date (typed and shown as dd-mm-jjjj).

The other shared form parts: the version of an edit (`core/versioning.py`), the rendering
(templates/includes/form_errors.html, form_fields.html, field.html, choice_fieldset.html) and the
Dutch placeholder of every select box (templates/django/forms/widgets/select_option.html, through
FORM_RENDERER in the settings)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

DATE_FORMAT = "%d-%m-%Y"
# dd-mm-jjjj first; also 1-3-2026, 01/03/2026, 01.03.2026 and the ISO date older links carry.
DATE_INPUT_FORMATS = [DATE_FORMAT, "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATE_HINT = gettext_lazy("dd-mm-jjjj")


class DutchDateInput(forms.DateInput):
    """A text box showing the date as dd-mm-jjjj (a browser's date picker shows the date in the
    browser's language and is hard to type in; this one reads the same everywhere)."""

    input_type = "text"

    def __init__(self, attrs=None):
        attrs = {"inputmode": "numeric", "autocomplete": "off", "size": "10", **(attrs or {})}
        super().__init__(attrs=attrs, format=DATE_FORMAT)


class DutchDateField(forms.DateField):
    """A date typed as dd-mm-jjjj, with that hint under the label."""

    widget = DutchDateInput

    def __init__(self, *, help_text="", error_messages=None, **kwargs):
        hint = f"{help_text} ({DATE_HINT})" if help_text else DATE_HINT
        messages = {
            "invalid": gettext_lazy(
                "Vul een geldige datum in als dd-mm-jjjj, bijvoorbeeld 31-12-2026."
            ),
            **(error_messages or {}),
        }
        super().__init__(
            input_formats=DATE_INPUT_FORMATS, help_text=hint, error_messages=messages, **kwargs
        )
