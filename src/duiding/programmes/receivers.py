"""What the programmes app does when the reference data upstream changes (connected in
apps.ProgrammesConfig.ready): the signals of `duiding.frameworks.signals`."""

from __future__ import annotations

from django.utils.translation import gettext as _

from duiding.frameworks.signals import FactorUses
from duiding.programmes.models import SectionFactor
from duiding.programmes.permissions import visible_programmes
from duiding.programmes.services import section_touch


def factor_uses(sender, *, factor, user=None, **kwargs) -> FactorUses:
    """The analysis sections that chose the factor, programme first (with `user`, only those of
    programmes the user may see; the rest are counted)."""
    choices = SectionFactor.objects.filter(factor=factor)
    shown = choices.select_related("section__programme", "section__domain", "section__pillar")
    hidden = 0
    if user is not None:
        visible = visible_programmes(user)
        shown = shown.filter(section__programme__in=visible)
        hidden = choices.exclude(section__programme__in=visible).count()
    sections = [c.section for c in shown.order_by("section__programme__name", "section__pk")]
    return FactorUses(shown=sections, hidden=hidden)


def factor_deleting(sender, *, factor, user=None, **kwargs) -> int:
    """Before a factor is deleted (inside the delete's transaction): the analyses that chose it
    lose that choice, and each affected section keeps a version saying so. Returns the number of
    sections that lost the choice."""
    choices = list(
        SectionFactor.objects.select_for_update()
        .filter(factor=factor)
        .select_related("section")
        .order_by("pk")
    )
    summary = _("Factor '%(name)s' verwijderd uit het factorenmodel") % {"name": factor.name}
    for choice in choices:
        section = choice.section
        choice.delete()
        section_touch(section, user, summary)
    return len(choices)
