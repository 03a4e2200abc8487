"""Template tags of the activities app."""

from django import template

from duiding.programmes.permissions import can_see_municipality_overview

register = template.Library()


@register.simple_tag
def may_see_municipality_matrix(user) -> bool:
    """Whether the header shows the link to the municipality's prevention matrix."""
    return can_see_municipality_overview(user)
