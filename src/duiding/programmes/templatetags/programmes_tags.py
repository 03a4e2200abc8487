"""Template helpers of the workspace: a section's title, its status badge, a text diff."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from duiding.programmes.diffing import diff_html

register = template.Library()


@register.filter
def section_title(section) -> str:
    """Schoolprestaties / Pijler Kansrijk / Totaalbeeld / Kwalitatieve analyse."""
    if section.kind == "domain" and section.domain_id:
        return section.domain.name
    if section.kind == "pillar" and section.pillar_id:
        return _("Pijler %(name)s") % {"name": section.pillar.name}
    return str(section.get_kind_display())


@register.simple_tag
def status_badge(section):
    """The status in words (never colour alone)."""
    return format_html(
        '<span class="status-badge status-badge--{}">{}</span>',
        section.status,
        section.get_status_display(),
    )


@register.simple_tag
def text_diff(old: str, new: str):
    """Word-level difference of two texts with <del>/<ins> (and their names for screen readers)."""
    return diff_html(old or "", new or "")
