"""Template tags of the results app."""

from django import template

from duiding.core import formatting as fmt
from duiding.programmes.permissions import can_see_municipality_overview

register = template.Library()


@register.simple_tag
def may_see_results_overview(user) -> bool:
    """Whether the header shows the link to the municipality's results overview."""
    return can_see_municipality_overview(user)


def _decimals(ri) -> int:
    return ri.indicator.decimals if ri.indicator_id else 1


def _is_percentage(ri) -> bool:
    return ri.indicator is None or ri.indicator.unit_kind == "percentage"


def _signed(text: str, value: float) -> str:
    if value > 0:
        return f"+{text}"
    if value < 0:
        return "\u2212" + text.lstrip("-")
    return text


def _short(value: float, decimals: int) -> str:
    """The number with at most `decimals` decimals, trailing zeros dropped ("5", "2,5")."""

    for places in range(0, max(decimals, 0) + 1):
        if round(value, places) == round(value, max(decimals, 0)):
            return fmt.number(value, places)
    return fmt.number(value, decimals)


@register.filter
def target_text(ri) -> str:
    """A result indicator's target as read in Dutch: "+5 procentpunt", "−10 % (relatief)",
    "73 % (absoluut)" (a count: "1.000 (absoluut)")."""
    from django.utils.translation import gettext as _

    value = float(ri.target_value)
    if ri.target_kind == "pp":
        return _("%(value)s procentpunt") % {"value": _signed(_short(abs(value), 2), value)}
    if ri.target_kind == "relative":
        return _("%(value)s %% (relatief)") % {"value": _signed(_short(abs(value), 2), value)}
    unit = " %" if _is_percentage(ri) else ""
    return _("%(value)s (absoluut)") % {"value": _short(value, _decimals(ri)) + unit}


@register.filter
def baseline_text(ri) -> str:
    """The stored baseline with the indicator's decimals (a count without decimals)."""

    if ri.baseline_value is None:
        return "–"
    unit = " %" if _is_percentage(ri) else ""
    return fmt.number(float(ri.baseline_value), _decimals(ri)) + unit
