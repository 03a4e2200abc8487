"""Template helpers of the consultation: the number of open feedback requests asked of a user
(the user menu in base.html and the home page)."""

from __future__ import annotations

from django import template

from duiding.programmes.consultation.selectors import open_feedback_count

register = template.Library()


@register.simple_tag
def feedback_open_count(user) -> int:
    return open_feedback_count(user)
