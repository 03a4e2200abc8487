"""The rekenhulp form (GET, bookmarkable): up to four indicators, an optional combination figure,
the target and the two periods; plus the three worked examples of seed 003 as query strings.

The target is entered as an improvement (5 = five points better); for an indicator where lower is
better it counts as a fall. The form turns the input into `calculation` inputs; figures are
validated with `Figure.percentage`, so the messages are those of the calculation module, put at
the field they concern.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duiding.results.calculation import (
    HIGHER,
    LOWER,
    CalculationError,
    Figure,
    SeriesInput,
    Target,
)

MAX_INDICATORS = 4
PARTS = (
    ("base_num", gettext_lazy("teller"), "base"),
    ("base_den", gettext_lazy("noemer"), "base"),
    ("base_pct", gettext_lazy("of percentage"), "base"),
    ("later_num", gettext_lazy("teller"), "later"),
    ("later_den", gettext_lazy("noemer"), "later"),
    ("later_pct", gettext_lazy("of percentage"), "later"),
)
DIRECTION_CHOICES = [
    (HIGHER, gettext_lazy("Hoger is beter")),
    (LOWER, gettext_lazy("Lager is beter")),
]
TARGET_CHOICES = [
    ("pp", gettext_lazy("Procentpunten verbetering")),
    ("relative", gettext_lazy("Relatieve verbetering (%)")),
    ("absolute", gettext_lazy("Te bereiken percentage")),
]


def _number_field(label, **kwargs) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=14,
        decimal_places=4,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 7}),
        error_messages={"invalid": gettext_lazy("Vul een getal in.")},
        **kwargs,
    )


class RekenhulpForm(forms.Form):
    baseline_period = forms.CharField(label=gettext_lazy("Basisperiode"), max_length=20)
    period = forms.CharField(label=gettext_lazy("Latere periode"), max_length=20)
    target_kind = forms.ChoiceField(label=gettext_lazy("Soort doel"), choices=TARGET_CHOICES)
    target_value = _number_field(
        gettext_lazy("Doel"),
        help_text=gettext_lazy(
            "Hoeveel beter: bij procentpunten en relatief een verbetering (bij ‘lager is beter’ "
            "een daling); bij een te bereiken percentage de waarde zelf."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_value"].required = True
        self.fields["target_value"].error_messages["required"] = _("Vul het doel in.")
        for i in range(1, MAX_INDICATORS + 1):
            self.fields[f"ind{i}_name"] = forms.CharField(
                label=_("Naam"), max_length=100, required=False
            )
            self.fields[f"ind{i}_direction"] = forms.ChoiceField(
                label=_("Richting"), choices=DIRECTION_CHOICES, required=False
            )
            for part, label, _when in PARTS:
                self.fields[f"ind{i}_{part}"] = _number_field(label)
        for part, label, _when in PARTS:
            self.fields[f"comb_{part}"] = _number_field(label)

    # --- structure for the template ---------------------------------------------------------

    def indicator_rows(self) -> list[dict]:
        rows = []
        for i in range(1, MAX_INDICATORS + 1):
            rows.append(
                {
                    "number": i,
                    "name": self[f"ind{i}_name"],
                    "direction": self[f"ind{i}_direction"],
                    "base": [self[f"ind{i}_{p}"] for p, _l, w in PARTS if w == "base"],
                    "later": [self[f"ind{i}_{p}"] for p, _l, w in PARTS if w == "later"],
                }
            )
        return rows

    def combination_row(self) -> dict:
        return {
            "base": [self[f"comb_{p}"] for p, _l, w in PARTS if w == "base"],
            "later": [self[f"comb_{p}"] for p, _l, w in PARTS if w == "later"],
        }

    # --- validation ---------------------------------------------------------------------------

    def _figure(self, prefix: str, when: str, label: str) -> Figure | None:
        data = self.cleaned_data
        num, den, pct = (data.get(f"{prefix}_{when}_{p}") for p in ("num", "den", "pct"))
        if num is None and den is None and pct is None:
            return None
        if pct is not None and (num is not None or den is not None):
            self.add_error(
                f"{prefix}_{when}_pct",
                _("Vul óf teller en noemer óf een percentage in, niet allebei."),
            )
            return None
        figure = Figure(
            value=None if pct is None else float(pct),
            numerator=None if num is None else float(num),
            denominator=None if den is None else float(den),
        )
        try:
            figure.percentage(when, label)
        except CalculationError as error:
            part = {"numerator": "num", "denominator": "den"}.get(
                error.field.rsplit(".", 1)[-1], "pct" if pct is not None else "num"
            )
            self.add_error(f"{prefix}_{when}_{part}", error.message)
            return None
        return figure

    @staticmethod
    def _series(before, after, base_period: str, later_period: str) -> dict[str, Figure]:
        """The figures that were filled in, by period."""
        series = {}
        if before is not None:
            series[base_period] = before
        if after is not None:
            series[later_period] = after
        return series

    def _indicator(self, i: int, data: dict, base_period: str, later_period: str):
        """Indicator row `i` as a SeriesInput; None when it is empty or has no name."""
        prefix = f"ind{i}"
        name = (data.get(f"{prefix}_name") or "").strip()
        label = _("Indicator %(number)s") % {"number": i}
        before = self._figure(prefix, "base", _("%(label)s, basisperiode") % {"label": label})
        after = self._figure(prefix, "later", _("%(label)s, latere periode") % {"label": label})
        if not name and before is None and after is None:
            return None
        if not name:
            self.add_error(
                f"{prefix}_name", _("Geef indicator %(number)s een naam.") % {"number": i}
            )
            return None
        series = self._series(before, after, base_period, later_period)
        return SeriesInput(name, data.get(f"{prefix}_direction") or HIGHER, series)

    def clean(self):
        data = super().clean()
        self.indicators: list[SeriesInput] = []
        self.combination: dict[str, Figure] | None = None
        base_period = data.get("baseline_period", "")
        later_period = data.get("period", "")
        if base_period and later_period and base_period == later_period:
            self.add_error(
                "period", _("De latere periode moet een andere zijn dan de basisperiode.")
            )
        for i in range(1, MAX_INDICATORS + 1):
            indicator = self._indicator(i, data, base_period, later_period)
            if indicator is not None:
                self.indicators.append(indicator)
        if not self.indicators and not self.errors:
            self.add_error("ind1_name", _("Vul minstens één indicator in."))
        before = self._figure("comb", "base", _("Combinatie, basisperiode"))
        after = self._figure("comb", "later", _("Combinatie, latere periode"))
        if before is not None or after is not None:
            self.combination = self._series(before, after, base_period, later_period)
        value = data.get("target_value")
        if value is not None and data.get("target_kind") in ("pp", "relative") and value < 0:
            self.add_error(
                "target_value",
                _(
                    "Vul de verbetering in als positief getal; bij ‘lager is beter’ telt die "
                    "vanzelf als daling."
                ),
            )
        return data

    def target_for(self, direction: str) -> Target:
        """The target as the calculation module takes it: an improvement signed by direction."""
        kind = self.cleaned_data["target_kind"]
        value = float(self.cleaned_data["target_value"])
        if kind != "absolute" and direction == LOWER:
            value = -value
        return Target(kind, value)


# --- the worked examples of seed 003 (Deel 2 step 2) ----------------------------------------------

_EX_INDICATORS_1 = [
    ("Sport", 600, 715),
    ("Rookt niet", 800, 935),
    ("Matig alcoholgebruik", 650, 770),
]
_EX_INDICATORS_3 = [
    ("Sport", 600, 759),
    ("Rookt niet", 800, 924),
    ("Matig alcoholgebruik", 650, 737),
]


def _example(indicators, combination=None) -> dict:
    data = {"baseline_period": "2014", "period": "2018", "target_kind": "pp", "target_value": "5"}
    for i, (name, before, after) in enumerate(indicators, start=1):
        data |= {
            f"ind{i}_name": name,
            f"ind{i}_direction": HIGHER,
            f"ind{i}_base_num": before,
            f"ind{i}_base_den": 1000,
            f"ind{i}_later_num": after,
            f"ind{i}_later_den": 1100,
        }
    if combination:
        data |= {
            "comb_base_num": combination[0],
            "comb_base_den": 1000,
            "comb_later_num": combination[1],
            "comb_later_den": 1100,
        }
    return data


EXAMPLES = {
    # 1: every indicator +5 pp (60/80/65 % -> 65/85/70 %).
    1: _example(_EX_INDICATORS_1),
    # 2: 400 of 1000 (40 %) -> 495 of 1100 (45 %) meet all three at once. The seed gives only the
    # combination here; the separate figures are those of example 1 (the same youths).
    2: _example(_EX_INDICATORS_1, combination=(400, 495)),
    # 3: 60/80/65 % -> 69/84/67 % (759/924/737 of 1100); mean 68.3 % -> 73.3 %.
    3: _example(_EX_INDICATORS_3),
}


def example_query(number: int) -> str:
    return urlencode(EXAMPLES[number] | {"voorbeeld": number})
