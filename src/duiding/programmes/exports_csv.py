"""The tables of a programme's analysis as CSV (one click per table on the downloads page).

Each table is (header, rows) built from `selectors.programme_analysis`; the views stream them
with `core.exports.csv_lines` (UTF-8 with BOM, `;`, decimal comma, formula-safe text, figures
with the indicator's decimals), so the CSV reads the same way as the Staat van de wijk download.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duiding.core.exports import figure, status_text
from duiding.programmes.consultation.exports import comments_table, conversations_table
from duiding.programmes.workbook.cells import unit_text


@dataclass(frozen=True)
class CsvTable:
    slug: str
    title: object  # lazy Dutch title for the downloads page
    build: Callable  # analysis -> (header, rows)


def _comparisons(analysis):
    return analysis.benchmark.comparison_areas


def indicator_table(analysis) -> tuple[list[str], Iterator[list]]:
    area = analysis.programme.area
    comps = _comparisons(analysis)
    head = [
        _("Pijler"),
        _("Domein"),
        _("Indicatorcode"),
        _("Indicator"),
        _("Eenheid"),
        _("Periode"),
        _("Waarde %(area)s") % {"area": area.name},
        _("Status"),
    ]
    for comp in comps:
        name = comp.area.name
        head += [
            _("Waarde %(area)s") % {"area": name},
            _("Verschil met %(area)s") % {"area": name},
            _("Oordeel t.o.v. %(area)s") % {"area": name},
        ]
    head += [
        _("Oordeel"),
        _("Opvallend"),
        _("Gegevensbron"),
        _("Bestand"),
        _("Rij"),
        _("Kolom"),
    ]

    def rows():
        for pa in analysis.pillars:
            for da in pa.domains:
                striking = {s.indicator.code: s.note for s in da.striking}
                for item in da.rows:
                    ind = item.indicator
                    out = [
                        pa.pillar.name,
                        da.domain.name,
                        ind.code,
                        ind.name,
                        unit_text(ind),
                        item.value.period.label,
                        figure(item.value.value, ind.decimals),
                        status_text(item.value.status),
                    ]
                    by_code = {c.area.code: c for c in item.comparisons}
                    for comp in comps:
                        c = by_code.get(comp.area.code)
                        if c is None:
                            out += [None, None, ""]
                        else:
                            out += [
                                figure(c.value.value if c.value else None, ind.decimals),
                                figure(c.difference, ind.decimals),
                                c.flag.label,
                            ]
                    note = striking.get(ind.code)
                    prov = item.value.provenance
                    out += [
                        item.flag.label,
                        (_("ja") + (f": {note}" if note else "")) if note is not None else "",
                        prov.dataset_code,
                        prov.file,
                        prov.row,
                        prov.column,
                    ]
                    yield out

    return head, rows()


def summary_table(analysis):
    head = [
        _("Pijler"),
        _("Domein"),
        _("Conclusie"),
        _("Gekozen factoren"),
        _("Status"),
        _("Deelanalyse"),
    ]
    rows = (
        [
            item.pillar.name,
            item.domain.name,
            item.section.conclusion,
            ", ".join(item.factor_names),
            str(item.section.get_status_display()),
            item.section.analysis,
        ]
        for item in analysis.summary
    )
    return head, rows


def factor_table(analysis):
    head = [_("Factor"), _("Ranking"), _("Soort"), _("Aantal domeinen"), _("Domeinen")]
    rows = (
        [
            cross.factor.name,
            cross.factor.rank,
            str(cross.factor.get_kind_display()),
            cross.domain_count,
            ", ".join(d.name for d in cross.domains),
        ]
        for cross in analysis.cross_factors
    )
    return head, rows


def missing_table(analysis):
    head = [
        _("Pijler"),
        _("Domein"),
        _("Welk cijfer"),
        _("Waarvoor nodig"),
        _("Mogelijke bron"),
        _("Status"),
    ]
    rows = (
        [
            pa.pillar.name,
            da.domain.name,
            m.description,
            m.reason,
            m.possible_source,
            str(m.get_status_display()),
        ]
        for pa in analysis.pillars
        for da in pa.domains
        for m in da.missing
    )
    return head, rows


def striking_table(analysis):
    head = [
        _("Pijler"),
        _("Domein"),
        _("Indicatorcode"),
        _("Indicator"),
        _("Waarom opvallend"),
        _("Waarde"),
        _("Periode"),
    ]

    def rows():
        for pa in analysis.pillars:
            for da in pa.domains:
                figures = {r.indicator.code: r for r in da.rows}
                for mark in da.striking:
                    item = figures.get(mark.indicator.code)
                    yield [
                        pa.pillar.name,
                        da.domain.name,
                        mark.indicator.code,
                        mark.indicator.name,
                        mark.note,
                        figure(item.value.value, item.indicator.decimals) if item else None,
                        item.value.period.label if item else "",
                    ]

    return head, rows()


TABLES: dict[str, CsvTable] = {
    t.slug: t
    for t in (
        CsvTable(
            "indicatoren", gettext_lazy("Indicatoren per domein met oordeel"), indicator_table
        ),
        CsvTable(
            "samenvatting", gettext_lazy("Samenvatting: conclusies per domein"), summary_table
        ),
        CsvTable("factoren", gettext_lazy("Factoren over de domeinen heen"), factor_table),
        CsvTable("ontbrekende-cijfers", gettext_lazy("Ontbrekende cijfers"), missing_table),
        CsvTable("opvallende-cijfers", gettext_lazy("Opvallende cijfers"), striking_table),
        CsvTable(
            "gesprekken",
            gettext_lazy("Gesprekken met partners en hun bevindingen"),
            conversations_table,
        ),
        CsvTable("opmerkingen", gettext_lazy("Opmerkingen van collega's"), comments_table),
    )
}


def csv_credit(analysis) -> str:
    return _(
        "%(programme)s · %(area)s · Bron cijfers: zie de kolom Gegevensbron (CBS: CC BY 4.0)"
    ) % {
        "programme": analysis.programme.name,
        "area": analysis.programme.area.name,
    }


def csv_filename(programme, slug: str) -> str:
    return f"{slug}_{programme.area.code}_{programme.pk}.csv"
