"""Writes of the programmes app. Every write is one transaction; every section save keeps history.

Callers check permissions first (programmes.permissions.can_edit_programme / can_comment_programme).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from duiding.core.versioning import lock_and_check
from duiding.frameworks.models import Factor
from duiding.programmes.diffing import diff_counts
from duiding.programmes.models import (
    AnalysisSection,
    MissingFigure,
    Programme,
    ProgrammeChange,
    SectionFactor,
    SectionStatus,
    SectionVersion,
    StrikingIndicator,
)


class EditConflict(Exception):
    """Somebody saved the section after the editor opened it.

    `current` is the section as stored now, `mine` the content the editor tried to save; the
    page shows the difference and lets the editor merge and save again.
    """

    def __init__(self, current: AnalysisSection, mine: dict):
        super().__init__("edit conflict")
        self.current = current
        self.mine = mine


def sections_ensure(programme: Programme) -> None:
    """Create the sections the framework asks for: one per domain, one per pillar, the whole
    picture and the qualitative analysis. Idempotent; a domain added later gets its section."""
    existing = set(programme.sections.values_list("kind", "pillar_id", "domain_id"))
    new = []
    for pillar in programme.framework.pillars.prefetch_related("domains"):
        key = (AnalysisSection.Kind.PILLAR, pillar.pk, None)
        if key not in existing:
            new.append(AnalysisSection(programme=programme, kind=key[0], pillar=pillar))
        for domain in pillar.domains.all():
            key = (AnalysisSection.Kind.DOMAIN, pillar.pk, domain.pk)
            if key not in existing:
                new.append(
                    AnalysisSection(programme=programme, kind=key[0], pillar=pillar, domain=domain)
                )
    for kind in (AnalysisSection.Kind.OVERALL, AnalysisSection.Kind.QUALITATIVE):
        if (kind, None, None) not in existing:
            new.append(AnalysisSection(programme=programme, kind=kind))
    AnalysisSection.objects.bulk_create(new)


@transaction.atomic
def programme_create(*, user, partners=(), **fields) -> Programme:
    programme = Programme.objects.create(**fields)
    if partners:
        programme.partners.set(partners)
    sections_ensure(programme)
    return programme


def framework_locked_reason(programme: Programme) -> str:
    """Why the programme's framework can no longer change ('' while it can): the sections,
    results and activities hang on the framework's pillars, domains and factors."""
    sections = programme.sections
    if (
        sections.exclude(version=0).exists()
        or SectionFactor.objects.filter(section__programme=programme).exists()
        or StrikingIndicator.objects.filter(section__programme=programme).exists()
    ):
        return _("er is al analyse geschreven")
    if programme.results.exists():
        return _("er zijn al maatschappelijke resultaten")
    if programme.activities.exists():
        return _("er zijn al activiteiten")
    return ""


def _framework_switch(programme: Programme, framework) -> None:
    """Another framework while nothing hangs on the old one: its (empty) sections go, the new
    framework's come."""
    reason = framework_locked_reason(programme)
    if reason:
        raise ValueError(reason)
    programme.sections.all().delete()
    programme.framework = framework
    programme.save(update_fields=["framework"])
    sections_ensure(programme)


@transaction.atomic
def programme_update(
    programme: Programme,
    *,
    user,
    name: str,
    start_year: int,
    end_year: int,
    figures_period: str,
    partners=(),
    framework=None,
    based_on_version: int | None,
) -> Programme:
    """The programme's own details (not its area or owner); the framework only while
    `framework_locked_reason` is empty. A change keeps a ProgrammeChange (who, when, what).
    Raises StaleEdit (core.versioning) when `based_on_version` is missing or old."""
    stored = lock_and_check(
        programme,
        based_on_version,
        {
            "name": (_("Naam"), name),
            "start_year": (_("Beginjaar"), str(start_year)),
            "end_year": (_("Eindjaar"), str(end_year)),
            "figures_period": (_("Periode van de cijfers"), figures_period),
        },
    )
    before = ProgrammeChange.snapshot_of(stored)
    if framework is not None and framework.pk != programme.framework_id:
        _framework_switch(programme, framework)
    programme.name = name
    programme.start_year = start_year
    programme.end_year = end_year
    programme.figures_period = figures_period
    programme.updated_by = user
    programme.full_clean()
    programme.save()
    programme.partners.set([p for p in partners if p.pk != programme.organisation_id])
    ProgrammeChange.record_diff(programme, user=user, before=before)
    return programme


def section_version_record(section: AnalysisSection, user, summary: str = "") -> SectionVersion:
    """Store the section's current content as its next version. Call inside the write's
    transaction, after the change."""
    return SectionVersion.record(section, user=user, summary=summary)


@dataclass
class SectionText:
    analysis: str
    conclusion: str
    status: str


@transaction.atomic
def section_save(
    section: AnalysisSection, *, user, based_on_version: int, text: SectionText, summary: str = ""
) -> AnalysisSection:
    """Save the texts and status of a section if nobody saved it since `based_on_version`.

    The check and the write are one UPDATE ... WHERE version = based_on_version, so two saves
    at the same moment cannot both win. Raises EditConflict otherwise (nothing is written).
    """
    version = based_on_version
    current = AnalysisSection.objects.select_for_update().get(pk=section.pk)
    if current.version != based_on_version:
        # Only the lists changed in between (a factor ticked, a missing figure added)? Then the
        # texts do not clash: save on top of the current version.
        if not _texts_unchanged_since(current, based_on_version):
            raise EditConflict(
                current,
                {"analysis": text.analysis, "conclusion": text.conclusion, "status": text.status},
            )
        version = current.version
    summary = summary or _automatic_summary(current, text)
    updated = AnalysisSection.objects.filter(pk=section.pk, version=version).update(
        analysis=text.analysis,
        conclusion=text.conclusion,
        status=text.status,
        version=F("version") + 1,
        updated_by=user,
        updated_at=timezone.now(),
    )
    if not updated:  # pragma: no cover - the row is locked above (PostgreSQL); SQLite serialises
        current = AnalysisSection.objects.get(pk=section.pk)
        raise EditConflict(
            current,
            {"analysis": text.analysis, "conclusion": text.conclusion, "status": text.status},
        )
    section.refresh_from_db()
    section_version_record(section, user, summary)
    return section


def _automatic_summary(before: AnalysisSection, text: SectionText) -> str:
    """'Analyse: +12 −3 woorden; status: Vastgesteld' when the editor wrote no summary."""

    parts = []
    for label, old, new in (
        (_("analyse"), before.analysis, text.analysis),
        (_("conclusie"), before.conclusion, text.conclusion),
    ):
        if old != new:
            added, removed = diff_counts(old, new)
            parts.append(
                _("%(what)s: +%(added)s −%(removed)s woorden")
                % {"what": label, "added": added, "removed": removed}
            )
    if before.status != text.status:
        parts.append(_("status: %(status)s") % {"status": SectionStatus(text.status).label})
    summary = "; ".join(parts) or _("opgeslagen zonder wijziging")
    return summary[:1].upper() + summary[1:]


def _texts_unchanged_since(current: AnalysisSection, number: int) -> bool:
    """True when the section's texts and status are what they were at version `number` (so
    only its lists changed since). Unknown versions count as changed."""
    if number > current.version or number < 0:
        return False
    if number == 0:
        before = {"analysis": "", "conclusion": "", "status": SectionStatus.CONCEPT}
    else:
        version = current.versions.filter(number=number).first()
        if version is None:
            return False
        before = version.snapshot
    return (
        before.get("analysis", "") == current.analysis
        and before.get("conclusion", "") == current.conclusion
        and before.get("status", SectionStatus.CONCEPT) == current.status
    )


def section_touch(section: AnalysisSection, user, summary: str) -> None:
    """After a change to a section's lists (factors, striking figures, missing figures): bump
    its version (so an open editor learns of it) and keep a version in the history."""
    AnalysisSection.objects.filter(pk=section.pk).update(
        version=F("version") + 1, updated_by=user, updated_at=timezone.now()
    )
    section.refresh_from_db()
    section_version_record(section, user, summary)


# --- List changes of a section (each keeps a version through section_touch) -------------------


@transaction.atomic
def factors_choose(
    section: AnalysisSection, *, user, choices: dict[int, str], shown: set[int] | None = None
) -> bool:
    """Make the section's chosen factors `choices` (factor id -> note) among the factors the
    form showed (`shown`; None = all): a factor somebody else chose meanwhile, which this form
    did not show, stays. Returns False (and keeps no version) when nothing changed."""
    existing = {c.factor_id: c for c in section.chosen_factors.select_related("factor")}
    removed = [
        c for fid, c in existing.items() if fid not in choices and (shown is None or fid in shown)
    ]
    added = [fid for fid in choices if fid not in existing]
    renoted = [
        existing[fid]
        for fid, note in choices.items()
        if fid in existing and existing[fid].note != note
    ]
    if not (removed or added or renoted):
        return False
    for choice in removed:
        choice.delete()
    created = SectionFactor.objects.bulk_create(
        [SectionFactor(section=section, factor_id=fid, note=choices[fid]) for fid in added]
    )
    for choice in renoted:
        choice.note = choices[choice.factor_id]
        choice.save(update_fields=["note"])
    names = {c.factor_id: c.factor.name for c in removed + renoted}
    if added:
        names.update(Factor.objects.filter(pk__in=added).values_list("pk", "name"))
    parts = []
    if created:
        parts.append(
            _("gekozen: %(names)s") % {"names": ", ".join(names[c.factor_id] for c in created)}
        )
    if removed:
        parts.append(
            _("niet meer gekozen: %(names)s")
            % {"names": ", ".join(names[c.factor_id] for c in removed)}
        )
    if renoted:
        parts.append(
            _("toelichting aangepast: %(names)s")
            % {"names": ", ".join(names[c.factor_id] for c in renoted)}
        )
    section_touch(section, user, _("Factoren") + " — " + "; ".join(parts))
    return True


@transaction.atomic
def factor_add(section: AnalysisSection, *, user, factor, note: str = "") -> SectionFactor:
    """Choose one factor (also one not linked to the domain); an existing choice gets the note."""
    choice, created = SectionFactor.objects.get_or_create(
        section=section, factor=factor, defaults={"note": note}
    )
    if not created and note and choice.note != note:
        choice.note = note
        choice.save(update_fields=["note"])
    section_touch(section, user, _("Factor gekozen: %(name)s") % {"name": factor.name})
    return choice


@transaction.atomic
def striking_mark(section: AnalysisSection, *, user, indicator, note: str) -> StrikingIndicator:
    """Mark a figure as striking for another reason than its flag (a second mark updates the note)."""
    mark, created = StrikingIndicator.objects.update_or_create(
        section=section, indicator=indicator, defaults={"note": note}
    )
    message = (
        _("Opvallend cijfer: %(name)s") if created else _("Opvallend cijfer aangepast: %(name)s")
    )
    section_touch(section, user, message % {"name": indicator.name})
    return mark


@transaction.atomic
def striking_unmark(mark: StrikingIndicator, *, user) -> None:
    section, name = mark.section, mark.indicator.name
    mark.delete()
    section_touch(section, user, _("Niet meer opvallend: %(name)s") % {"name": name})


@transaction.atomic
def missing_figure_add(
    section: AnalysisSection,
    *,
    user,
    description: str,
    reason: str = "",
    possible_source: str = "",
    status: str = MissingFigure.Status.OPEN,
) -> MissingFigure:
    missing = MissingFigure(
        section=section,
        description=description,
        reason=reason,
        possible_source=possible_source,
        status=status,
        created_by=user,
    )
    missing.full_clean()
    missing.save()
    section_touch(
        section, user, _("Ontbrekend cijfer toegevoegd: %(what)s") % {"what": description}
    )
    return missing


MISSING_LABELS = {
    "description": _lazy("Welk cijfer ontbreekt?"),
    "reason": _lazy("Waarvoor is het nodig?"),
    "possible_source": _lazy("Waar zou het vandaan kunnen komen?"),
    "status": _lazy("Status"),
}


@transaction.atomic
def missing_figure_update(
    missing: MissingFigure, *, user, based_on_version: int | None, **fields
) -> MissingFigure:
    """Raises StaleEdit (core.versioning) when `based_on_version` is missing or old."""

    names = [n for n in MISSING_LABELS if n in fields]
    lock_and_check(
        missing,
        based_on_version,
        {n: (str(MISSING_LABELS[n]), str(fields[n] or "")) for n in names},
    )
    for name in names:
        setattr(missing, name, fields[name])
    missing.updated_by = user
    missing.updated_at = timezone.now()
    missing.full_clean()
    missing.save()
    section_touch(
        missing.section,
        user,
        _("Ontbrekend cijfer aangepast: %(what)s (%(status)s)")
        % {"what": missing.description, "status": missing.get_status_display()},
    )
    return missing


@transaction.atomic
def missing_figure_remove(missing: MissingFigure, *, user) -> None:
    section, description = missing.section, missing.description
    missing.delete()
    section_touch(
        section, user, _("Ontbrekend cijfer verwijderd: %(what)s") % {"what": description}
    )
