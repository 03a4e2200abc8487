"""Resolve what a ParseResult names to database ids: dataset, periods, areas, indicators, aliases.

Part of the store (see store.py): everything here runs inside the store's one transaction and
creates what is missing — areas from the table's own description (parents and municipality from
the code rules), indicators from the curated catalogue first — without ever overwriting the
metadata of an indicator that exists.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

from django.db import connection
from django.db.models import Q

from duiding.areas import codes as area_codes
from duiding.areas.models import Area, Level
from duiding.indicators import catalogue
from duiding.indicators.importing.types import ImportMessage, IndicatorSpec, ParseResult
from duiding.indicators.models import (
    Dataset,
    Direction,
    Indicator,
    Period,
    Rhythm,
    SeriesAlias,
    UnitKind,
)
from duiding.indicators.periods import label_for_code, parse_period
from duiding.jobs.models import ImportRun

MAX_KEY_MESSAGES = 200  # unknown-code lines reported before summarising


def dataset_ensure(run: ImportRun, result: ParseResult, source_file: str) -> Dataset:
    code = (result.dataset_code or source_file or "onbekend")[:60]
    owner = run.organisation if run.kind == ImportRun.Kind.OBSERVATIONS else None
    dataset, created = Dataset.objects.get_or_create(
        code=code,
        defaults={
            "title": (result.dataset_title or "")[:300],
            "organisation": owner,
            **({"publisher": owner.name[:100]} if owner else {}),
        },
    )
    if not created and result.dataset_title and not dataset.title:
        dataset.title = result.dataset_title[:300]
        dataset.save(update_fields=["title"])
    return dataset


def periods_ensure(period_codes: set[str], labels: dict[str, str], messages) -> dict[str, int]:
    existing = dict(Period.objects.values_list("code", "id"))
    missing = []
    for code in sorted(period_codes - existing.keys()):
        parsed = parse_period(code)
        if parsed is None:
            messages.append(
                ImportMessage(f"Periode ‘{code}’ is geen periode die Duiding kent.", column="")
            )
            continue
        label = (labels.get(code) or label_for_code(parsed.code)).strip()[:60]
        missing.append(
            Period(
                code=parsed.code,
                kind=parsed.kind,
                year=parsed.year,
                start=parsed.start,
                end=parsed.end,
                label=label,
            )
        )
    if missing:
        Period.objects.bulk_create(missing)
        existing = dict(Period.objects.values_list("code", "id"))
    return existing


def areas_ensure(
    run: ImportRun, result: ParseResult, area_codes_used: set[str], messages, first_row
) -> dict[str, int]:
    """Create the areas the table names and the database lacks; link parents; update flags."""
    rows = {
        code: (pk, flag)
        for code, pk, flag in Area.objects.values_list("code", "id", "indelingswijziging")
    }
    to_create = []
    for code in sorted(area_codes_used - rows.keys()):
        spec = result.areas.get(code)
        if spec is None:
            if len(messages) < MAX_KEY_MESSAGES:
                messages.append(
                    ImportMessage(
                        f"Gebiedscode ‘{code}’ bestaat niet in Duiding en het bestand zegt niet "
                        "welk gebied het is.",
                        row=first_row.get(("area", code)),
                    )
                )
            continue
        level = spec.level or area_codes.level_for_code(code) or Level.OTHER
        to_create.append(
            Area(
                code=code,
                name=(spec.name or code).strip()[:200],
                level=level if level in Level.values else Level.OTHER,
                indelingswijziging=(spec.indelingswijziging or "")[:10],
            )
        )
    if messages:
        return {}
    if to_create:
        Area.objects.bulk_create(to_create, batch_size=500)
        run.areas_created = len(to_create)
    # Flags as last published; only for areas this table names with a flag.
    changed_flags = [
        (rows[code][0], spec.indelingswijziging)
        for code, spec in result.areas.items()
        if code in rows and spec.indelingswijziging and spec.indelingswijziging != rows[code][1]
    ]
    if changed_flags:
        table = connection.ops.quote_name(Area._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET indelingswijziging = %s WHERE id = %s",
                [(flag[:10], pk) for pk, flag in changed_flags],
            )
    ids = dict(Area.objects.values_list("code", "id"))
    if to_create:
        _areas_link(ids)
    return ids


def _areas_link(ids: dict[str, int]) -> None:
    """Parent and municipality from the code rules, for every area that lacks them."""
    table = connection.ops.quote_name(Area._meta.db_table)
    updates = []
    orphans = Area.objects.filter(
        Q(parent__isnull=True) | Q(municipality__isnull=True)
    ).values_list("id", "code", "parent_id", "municipality_id")
    for pk, code, parent_id, municipality_id in orphans:
        parent = area_codes.parent_code(code)
        municipality = area_codes.municipality_code(code)
        new_parent = parent_id or ids.get(parent) if parent else parent_id
        new_municipality = (
            municipality_id or ids.get(municipality) if municipality else municipality_id
        )
        if (new_parent, new_municipality) != (parent_id, municipality_id):
            updates.append((new_parent, new_municipality, pk))
    if updates:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET parent_id = %s, municipality_id = %s WHERE id = %s", updates
            )


def _valid(value: str, choices, default: str) -> str:
    return value if value in choices else default


def _indicator_from_spec(spec: IndicatorSpec, code: str, organisation) -> Indicator:
    return Indicator(
        code=code[:120],
        name=(spec.name or code).strip()[:300],
        definition=spec.definition or "",
        unit_kind=_valid(spec.unit_kind, UnitKind.values, UnitKind.COUNT),
        unit_label=(spec.unit_label or "")[:60],
        decimals=max(0, int(spec.decimals or 0)),
        direction=_valid(spec.direction, Direction.values, Direction.NEUTRAL),
        source=(spec.source or "")[:300],
        rhythm=_valid(spec.rhythm, Rhythm.values, Rhythm.YEARLY),
        organisation=organisation,
    )


def _catalogue_lookup(dataset_code: str) -> Callable[[str], IndicatorSpec | None]:
    """`catalogue.spec_for`, told the dataset when it wants to know (same key, other meaning)."""
    spec_for = getattr(catalogue, "spec_for", None)
    if spec_for is None:
        return lambda code: None
    if "dataset" in inspect.signature(spec_for).parameters:
        return lambda code: spec_for(code, dataset=dataset_code)
    return spec_for


def indicators_ensure(
    run: ImportRun, result: ParseResult, raw_codes: set[str], measure_alias: dict[str, str]
) -> dict[str, int]:
    """Map every published indicator code to an Indicator id (after aliasing); create missing ones.

    Metadata of an existing indicator is never overwritten. For a new one the curated catalogue wins
    over what the parser read from the table.
    """
    catalogue_spec = _catalogue_lookup(result.dataset_code)
    canonical = {raw: measure_alias.get(raw, raw) for raw in raw_codes}
    existing = dict(Indicator.objects.values_list("code", "id"))
    organisation = run.organisation if run.kind == ImportRun.Kind.OBSERVATIONS else None
    to_create = []
    for code in sorted(set(canonical.values()) - existing.keys()):
        spec = catalogue_spec(code) or result.indicators.get(code)
        if spec is None:  # known only under an alias in this table
            raw = next(
                (r for r, c in canonical.items() if c == code and r in result.indicators), None
            )
            spec = result.indicators.get(raw) if raw else None
        to_create.append(
            _indicator_from_spec(spec or IndicatorSpec(code=code, name=code), code, organisation)
        )
    if to_create:
        Indicator.objects.bulk_create(to_create)
        existing = dict(Indicator.objects.values_list("code", "id"))
    return {raw: existing[c] for raw, c in canonical.items()}


def aliases_for_file(raw: set[str], aliases: dict[str, str]) -> tuple[dict[str, str], dict]:
    """(raw -> canonical for the aliases that apply to this file, {alias: canonical} that do not).

    An alias joins two names of one series, so it holds only while the names never occur together:
    when a file holds both (or two aliases of one series), they are different things in that
    table and each keeps its own name.
    """
    applied = {r: aliases[r] for r in raw if r in aliases and aliases[r] != r}
    not_applied: dict[str, str] = {}
    while True:
        targets: dict[str, list[str]] = {}
        for r in raw:
            targets.setdefault(applied.get(r, r), []).append(r)
        clash = {r for group in targets.values() if len(group) > 1 for r in group if r in applied}
        if not clash:
            return {r: applied.get(r, r) for r in raw}, not_applied
        for r in clash:
            not_applied[r] = applied.pop(r)


def _category_canonical(label: str) -> str:
    """A category alias names its target as published; a "Totaal ..." part is the total ("")."""
    parts = [p.strip() for p in label.split(" · ")]
    return " · ".join(p for p in parts if p and not p.lower().startswith("totaal"))


def aliases_load() -> tuple[dict[str, str], dict[str, str]]:
    """(measure aliases, category aliases) as raw -> canonical, in the parsers' terms."""
    measure: dict[str, str] = {}
    category: dict[str, str] = {}
    for kind, alias, canonical in SeriesAlias.objects.values_list("kind", "alias", "canonical"):
        if kind == SeriesAlias.Kind.MEASURE:
            measure[alias] = canonical
        else:
            category[alias] = _category_canonical(canonical)
    return measure, category
