"""Template tags of the results app."""

from django import template

from duiding.accounts.permissions import can_see_municipality_overview

register = template.Library()


@register.simple_tag
def may_see_results_overview(user) -> bool:
    """Whether the header shows the link to the municipality's results overview."""
    return can_see_municipality_overview(user)
