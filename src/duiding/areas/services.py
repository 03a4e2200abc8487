"""Writes for areas: create areas from CBS codes, set a municipality's level names, import boundaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from duiding.areas.boundaries import read_boundary_file
from duiding.areas.codes import level_for_code, municipality_code, normalise_code, parent_code
from duiding.areas.geometry import DEFAULT_DECIMALS
from duiding.areas.models import LEVEL_RANK, Area, Level, LevelName
from duiding.jobs.models import ImportRun

# Rotterdam's own words: a CBS wijk is a "gebied", a CBS buurt a "wijk" (seed 003, step 1).
ROTTERDAM_LEVEL_NAMES = {
    Level.DISTRICT: ("gebied", "gebieden"),
    Level.NEIGHBOURHOOD: ("wijk", "wijken"),
}

UNMATCHED_LISTED = 20


def level_names_set(*, municipality: Area, names: dict[str, tuple[str, str]]) -> None:
    """Set (or replace) a municipality's own singular/plural names for CBS levels."""
    with transaction.atomic():
        for level, (singular, plural) in names.items():
            LevelName.objects.update_or_create(
                municipality=municipality,
                level=level,
                defaults={"singular": singular, "plural": plural},
            )


def area_create_from_code(*, code: str, name: str, known: dict[str, Area]) -> Area:
    """Create an area whose level, parent and municipality follow from its CBS code.

    ``known`` maps codes to areas already loaded (updated in place); a missing parent stays empty.
    """
    code = normalise_code(code)
    level = level_for_code(code) or Level.OTHER
    parent = known.get(parent_code(code) or "")
    area = Area(code=code, name=name or code, level=level, parent=parent)
    mun_code = municipality_code(code)
    if mun_code == code:
        area.save()
        area.municipality = area
        area.save(update_fields=["municipality"])
    else:
        area.municipality = known.get(mun_code or "")
        area.save()
    known[code] = area
    return area


@dataclass
class BoundaryImportReport:
    file_name: str
    format: str = ""
    features_read: int = 0
    matched: int = 0
    updated: int = 0
    unchanged: int = 0
    created: list[str] = field(default_factory=list)
    unmatched: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)  # created without a parent in the database

    def lines(self) -> list[str]:
        """The report in Dutch, one line per finding."""
        out = [
            _("Bestand %(file)s (%(format)s): %(n)s gebieden met grens gelezen.")
            % {"file": self.file_name, "format": self.format, "n": self.features_read},
            _("Grens opgeslagen voor %(updated)s gebieden, %(unchanged)s ongewijzigd.")
            % {"updated": self.updated, "unchanged": self.unchanged},
        ]
        if self.created:
            out.append(
                ngettext(
                    "%(n)s gebied aangemaakt uit het bestand.",
                    "%(n)s gebieden aangemaakt uit het bestand.",
                    len(self.created),
                )
                % {"n": len(self.created)}
            )
        if self.orphans:
            out.append(
                _("Zonder bovenliggend gebied in de database aangemaakt: %(codes)s.")
                % {"codes": ", ".join(self.orphans[:UNMATCHED_LISTED])}
            )
        if self.unmatched:
            listed = ", ".join(f"{c} {n}".strip() for c, n in self.unmatched[:UNMATCHED_LISTED])
            more = len(self.unmatched) - UNMATCHED_LISTED
            line = ngettext(
                "%(n)s gebied uit het bestand staat niet in de database: %(list)s",
                "%(n)s gebieden uit het bestand staan niet in de database: %(list)s",
                len(self.unmatched),
            ) % {"n": len(self.unmatched), "list": listed}
            if more > 0:
                line += " " + _("en %(more)s andere") % {"more": more}
            line += ". " + _("Gebruik --create-missing om ze aan te maken.")
            out.append(line)
        out.extend(self.skipped)
        return out


def boundaries_import(
    *,
    path: Path | str,
    create_missing: bool = False,
    decimals: int = DEFAULT_DECIMALS,
    min_hectare: float = 0.0,
    municipality: str | None = None,
) -> BoundaryImportReport:
    """Store simplified boundaries from a TopoJSON/GeoJSON file on the matching areas.

    All-or-nothing (one transaction) and idempotent: a second run reports every area unchanged.
    Raises BoundaryFileError (Dutch message) when the file cannot be read; nothing is stored then.
    """
    path = Path(path)
    parsed = read_boundary_file(
        path, decimals=decimals, min_hectare=min_hectare, municipality_code=municipality
    )
    report = BoundaryImportReport(
        file_name=path.name,
        format=parsed.format,
        features_read=len(parsed.features),
        skipped=list(parsed.skipped),
    )
    # Parents before children, so created wijken find the gemeente created from the same file.
    features = sorted(
        parsed.features, key=lambda f: (LEVEL_RANK.get(level_for_code(f.code), 9), f.code)
    )
    codes = {f.code for f in features}
    wanted = codes | {
        c for f in features for c in (parent_code(f.code), municipality_code(f.code)) if c
    }
    source = path.name[:200]
    with transaction.atomic():
        known = {a.code: a for a in Area.objects.filter(code__in=wanted)}
        to_update: list[Area] = []
        for feature in features:
            area = known.get(feature.code)
            if area is None:
                if not create_missing:
                    report.unmatched.append((feature.code, feature.name))
                    continue
                area = area_create_from_code(code=feature.code, name=feature.name, known=known)
                report.created.append(feature.code)
                if area.level != Level.COUNTRY and area.parent_id is None:
                    report.orphans.append(feature.code)
            report.matched += 1
            if area.boundary == feature.geometry and area.boundary_source == source:
                report.unchanged += 1
                continue
            area.boundary = feature.geometry
            area.boundary_source = source
            to_update.append(area)
        Area.objects.bulk_update(to_update, ["boundary", "boundary_source"], batch_size=500)
        report.updated = len(to_update)
        _record_run(report)
    return report


def _record_run(report: BoundaryImportReport) -> None:
    """Keep the import in the list of imports (kind 'boundaries'), like every other import."""

    now = timezone.now()
    ImportRun.objects.create(
        kind=ImportRun.Kind.BOUNDARIES,
        status=ImportRun.Status.DONE
        if report.updated or report.created
        else ImportRun.Status.UNCHANGED,
        file_name=report.file_name[:300],
        progress=100,
        rows_read=report.features_read,
        values_stored=report.updated,
        values_unchanged=report.unchanged,
        areas_created=len(report.created),
        messages=[{"row": None, "column": "", "message": line} for line in report.lines()],
        started_at=now,
        finished_at=now,
    )
