"""How figures read on the page: Dutch number format, units, the three kinds of 'no value', flags.

Suppressed (CBS: too few to publish), not available and zero are three different things and look
different, with words, not colour alone: "geheim (klein aantal)", "geen cijfer", "0".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from django.utils import formats
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

OK = "ok"
SUPPRESSED = "suppressed"
NOT_AVAILABLE = "not_available"
ABSENT = "absent"  # no observation at all

MINUS = "\u2212"

# Flag result -> (css modifier, icon). The icon is decoration (aria-hidden); the label says it.
FLAG_ICONS = {
    "better": ("better", "\u25b2"),  # ▲
    "worse": ("worse", "\u25bc"),  # ▼
    "similar": ("similar", "\u25cf"),  # ●
    "different": ("different", "\u25c6"),  # ◆
    "none": ("none", "\u2013"),  # –
}


def number(value: float, decimals: int = 0) -> str:
    """1.234,5 in Dutch (the active language's format, grouping always on), rounded half up.

    Django's number_format cuts decimals off, so the value is rounded here first.
    """
    rounded = Decimal(repr(float(value))).quantize(_QUANTUM[decimals], ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0"
    return f"{rounded:,.{decimals}f}".translate(_separators(get_language() or "nl"))


_QUANTUM = {d: Decimal(1).scaleb(-d) for d in range(10)}


@lru_cache(maxsize=8)
def _separators(language: str) -> dict[int, str]:
    """str.translate table from Python's 1,234.5 to the language's format (nl: 1.234,5)."""
    decimal = formats.get_format("DECIMAL_SEPARATOR", lang=language)
    thousands = formats.get_format("THOUSAND_SEPARATOR", lang=language)
    return str.maketrans({",": thousands, ".": decimal})


def unit_suffix(unit_kind: str, unit_label: str = "") -> str:
    if unit_kind == "percentage":
        return "%"
    if unit_kind == "rate_1000":
        return " " + _("per 1.000")
    if unit_label and unit_kind != "amount":
        return " " + unit_label
    return ""


def with_unit(value: float, unit_kind: str, decimals: int, unit_label: str = "") -> str:
    text = number(value, decimals)
    if unit_kind == "amount":
        return f"€ {text}" if not unit_label or unit_label == "€" else f"{text} {unit_label}"
    return text + unit_suffix(unit_kind, unit_label)


@dataclass(frozen=True, slots=True)
class ValueText:
    """A value as shown: `text` plus the state that decides how it looks (css class)."""

    text: str
    state: str  # ok / suppressed / not_available / absent

    @property
    def css(self) -> str:
        return {
            OK: "value",
            SUPPRESSED: "value value--suppressed",
            NOT_AVAILABLE: "value value--na",
            ABSENT: "value value--na",
        }[self.state]


def value_text(
    value: float | None, status: str | None, unit_kind: str, decimals: int, unit_label: str = ""
) -> ValueText:
    if status is None:
        return ValueText(_("geen cijfer"), ABSENT)
    if status == SUPPRESSED:
        return ValueText(_("geheim (klein aantal)"), SUPPRESSED)
    if status != OK or value is None:
        return ValueText(_("geen cijfer"), NOT_AVAILABLE)
    return ValueText(with_unit(value, unit_kind, decimals, unit_label), OK)


def difference_text(diff: float | None, unit_kind: str, decimals: int, unit_label: str = "") -> str:
    """'+1,2 %-punt', '−35', '0' — an explicit sign, percentage differences in %-points."""
    if diff is None:
        return ""
    text = number(abs(diff), decimals)
    if set(text) <= set("0,."):
        sign = ""
    elif diff > 0:
        sign = "+"
    else:
        sign = MINUS
    text = sign + text
    if unit_kind == "percentage":
        return text + " " + pgettext("difference of percentages", "%-punt")
    return text + unit_suffix(unit_kind, unit_label)


def flag_css(result: str) -> str:
    return FLAG_ICONS.get(result, FLAG_ICONS["none"])[0]


def flag_icon(result: str) -> str:
    return FLAG_ICONS.get(result, FLAG_ICONS["none"])[1]
