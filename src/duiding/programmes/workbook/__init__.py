"""The wijkanalyse as an Excel workbook in the format gebiedsadviseurs know (seed 003, appendix 5).

Sheets, in order: Inhoudsopgave (a link to every sheet), Toelichting, one sheet per pillar,
Samenvatting alle pijlers, Indicatoren overzicht, one "Factorenmodel <domain>" sheet per domain and
Ranking. Everything comes from `selectors.programme_analysis` (the same data as the pages and the
API). The pillar sheets, the overview and the factor-model sheets are written by
`sheets.py`, the frame and the shared cell helpers are in `cells.py`; this module holds the short
sheets.

Rules (stated in plain words in the Toelichting sheet as well):
- numbers are numbers with a number format; text a person typed is never a formula: text that
  starts with = + - @ (or tab / carriage return) is stored with a leading ' (core.exports'
  `safe_text`), characters Excel refuses are dropped and long texts are cut at Excel's cell limit;
- a wijk value is marked orange by conditional formatting when it differs more than the
  indicator's threshold (10 % by default) from the city value, so the mark follows a typed value;
- sheet names are at most 31 characters, unique, without []:*?/\\.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from duiding.programmes.workbook import sheets
from duiding.programmes.workbook.cells import (
    Layout,
    header,
    location,
    long_text,
    plan_layout,
    put,
    toc_link,
    widths,
)


def programme_workbook(analysis, *, ranking_factors, made_on: date | None = None) -> bytes:
    """The workbook of one programme's analysis as .xlsx bytes.

    ranking_factors: the framework's factors with a rank (reference data, for the Ranking sheet).
    """

    layout = plan_layout(analysis)
    made_on = made_on or date.today()
    wb = Workbook()
    toc_ws = wb.active
    toc_ws.title = layout.toc
    notes_ws = wb.create_sheet(layout.notes)
    pillar_ws = {pk: wb.create_sheet(title) for pk, title in layout.pillars.items()}
    summary_ws = wb.create_sheet(layout.summary)
    overview_ws = wb.create_sheet(layout.overview)
    factor_ws = {pk: wb.create_sheet(title) for pk, title in layout.factor_sheets.items()}
    ranking_ws = wb.create_sheet(layout.ranking)

    # The overview first: the pillar sheets link to its rows.
    sheets.write_overview(overview_ws, analysis, layout)
    for p in analysis.pillars:
        sheets.write_pillar(pillar_ws[p.pillar.pk], p, analysis, layout)
        for d in p.domains:
            sheets.write_factor_model(factor_ws[d.domain.pk], d, analysis, layout)
    write_toc(toc_ws, wb, analysis, layout)
    write_notes(notes_ws, analysis, layout, made_on)
    write_summary(summary_ws, analysis, layout)
    write_ranking(ranking_ws, ranking_factors, layout)
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def write_toc(ws, wb, analysis, layout: Layout) -> None:
    programme = analysis.programme
    put(ws, 1, 1, _("Werkboek wijkprogrammering"), bold=True).font = Font(bold=True, size=14)
    put(ws, 2, 1, f"{programme.name} · {programme.area.name} ({programme.area.code})")
    header(ws, 4, [_("Tabblad"), _("Wat staat erin")])
    descriptions = {
        layout.notes: _("Wat dit werkboek is, de bronnen en hoe de oranje markering werkt"),
        layout.summary: _("Conclusies per domein, factoren in meer domeinen, totaalbeeld"),
        layout.overview: _(
            "Alle cijfers van het gebied en de vergelijkingsgebieden, alle perioden"
        ),
        layout.ranking: _("De ranking van factoren"),
    }
    for title in layout.pillars.values():
        descriptions[title] = _("Cijfers, factoren en analyse per domein van de pijler")
    for title in layout.factor_sheets.values():
        descriptions[title] = _("De factoren van het domein met leefgebied en leeftijdsfase")
    row = 5
    for sheet in wb.worksheets[1:]:
        put(ws, row, 1, layout.full_names.get(sheet.title, sheet.title), link=location(sheet.title))
        put(ws, row, 2, descriptions.get(sheet.title, ""))
        row += 1
    widths(ws, {"A": 40, "B": 80})


def write_notes(ws, analysis, layout: Layout, made_on: date) -> None:
    programme = analysis.programme
    benchmark = analysis.benchmark
    toc_link(ws, 1, layout)
    put(ws, 2, 1, _("Toelichting")).font = Font(bold=True, size=14)
    city = next(
        (c.area.name for c in benchmark.comparison_areas if c.role == "municipality"),
        benchmark.comparison_areas[0].area.name if benchmark.comparison_areas else _("de stad"),
    )
    comparisons = ", ".join(c.area.name for c in benchmark.comparison_areas) or "–"
    datasets = sorted(
        {
            (r.value.provenance.dataset_code, r.value.provenance.dataset_title)
            for r in benchmark.rows
            if r.value.provenance.dataset_code
        }
    )
    lines = [
        (_("Programma"), programme.name),
        (_("Gebied"), f"{programme.area.name} ({programme.area.code})"),
        (_("Periode van het programma"), programme.period_label),
        (
            _("Periode van de cijfers"),
            programme.figures_period or _("per indicator de laatst beschikbare periode"),
        ),
        (_("Gemaakt op"), date_format(made_on, "j F Y")),
        (
            _("Wat is dit werkboek?"),
            _(
                "Het werkboek volgt het Excel-format Wijkprogrammering (bijlage 5 van de "
                "handleiding): per pijler de cijfers per domein, de risico- en beschermende "
                "factoren uit het factorenmodel en de analyse zoals die in Duiding is geschreven. "
                "Het is een momentopname; de actuele analyse staat in Duiding."
            ),
        ),
        (
            _("Vergelijking"),
            _(
                "Kolom E op de pijlertabbladen is de waarde van %(area)s; daarnaast staan de "
                "vergelijkingsgebieden (%(comparisons)s)."
            )
            % {"area": programme.area.name, "comparisons": comparisons},
        ),
        (
            _("Oranje markering"),
            _(
                "Een waarde in kolom E kleurt oranje als zij meer dan de drempel (standaard "
                "10 %%) afwijkt van %(city)s: (wijk − stad) / |stad| × 100. Donkeroranje: slechter "
                "gezien de richting van de indicator; lichtoranje: beter, of afwijkend bij een "
                "indicator zonder richting. Het is voorwaardelijke opmaak: typt u een ander cijfer "
                "in, dan past de kleur zich aan. Aantallen krijgen geen kleur: die zijn niet "
                "vergelijkbaar tussen gebieden van verschillende grootte."
            )
            % {"city": city},
        ),
        (
            _("Oordeel in Duiding"),
            _(
                "De kolom 'Oordeel in Duiding' geeft het oordeel van Duiding. Als de noemers "
                "bekend zijn, toetst Duiding ook of het verschil significant is (95 %); de oranje "
                "markering kijkt alleen naar de drempel."
            ),
        ),
        (
            _("Bronnen"),
            _(
                "Per cijfer in de kolom Bron en in het tabblad %(sheet)s (gegevensbron, bestand, "
                "rij en kolom). Gebruikte gegevensbronnen: %(datasets)s."
            )
            % {
                "sheet": layout.overview,
                "datasets": "; ".join(f"{code} ({title})" for code, title in datasets) or "–",
            },
        ),
        (
            _("Bronvermelding CBS"),
            _(
                "Bron: CBS (Centraal Bureau voor de Statistiek), open data onder licentie CC BY 4.0."
            ),
        ),
        (
            _("Factoren"),
            _(
                "De factoren komen uit het factorenmodel van het raamwerk %(framework)s. "
                "Standaardfactoren zijn 'standaard — te bevestigen door de gemeente'; een "
                "onbekende ranking blijft leeg."
            )
            % {"framework": programme.framework.name},
        ),
        (
            _("Tekst en formules"),
            _(
                "Tekst die met =, +, - of @ begint, staat als tekst in het werkboek (met een ' "
                "ervoor) en wordt nooit als formule uitgevoerd."
            ),
        ),
    ]
    row = 4
    for label, text in lines:
        row = long_text(ws, row, label, text, 2)
    widths(ws, {"A": 28, "B": 110})


def _section_status(section) -> str:
    return str(section.get_status_display())


def write_summary(ws, analysis, layout: Layout) -> None:
    toc_link(ws, 1, layout)
    put(ws, 2, 1, _("Samenvatting alle pijlers")).font = Font(bold=True, size=14)
    row = 4
    put(ws, row, 1, _("Factoren die in meer domeinen voorkomen"), bold=True)
    row += 1
    header(ws, row, [_("Factor"), _("Ranking"), _("Aantal domeinen"), _("Domeinen")])
    row += 1
    if not analysis.cross_factors:
        put(ws, row, 1, _("Nog geen factoren gekozen."))
        row += 1
    for cross in analysis.cross_factors:
        put(ws, row, 1, cross.factor.name, bold=cross.domain_count > 1)
        put(ws, row, 2, cross.factor.rank)
        put(ws, row, 3, cross.domain_count)
        put(ws, row, 4, ", ".join(d.name for d in cross.domains), wrap=True)
        row += 1
    row += 1
    put(ws, row, 1, _("Conclusies per domein"), bold=True)
    row += 1
    header(ws, row, [_("Pijler"), _("Domein"), _("Conclusie"), _("Gekozen factoren"), _("Status")])
    row += 1
    for item in analysis.summary:
        put(ws, row, 1, item.pillar.name, link=location(layout.pillars[item.pillar.pk]))
        put(ws, row, 2, item.domain.name)
        put(ws, row, 3, item.section.conclusion, wrap=True)
        put(ws, row, 4, ", ".join(item.factor_names), wrap=True)
        put(ws, row, 5, _section_status(item.section))
        row += 1
    row += 1
    row = long_text(ws, row, _("Conclusie totaalbeeld"), analysis.overall.analysis, 5)
    put(ws, row, 1, _("Status"), bold=True)
    put(ws, row, 2, _section_status(analysis.overall))
    row += 2
    row = long_text(ws, row, _("Kwalitatieve analyse"), analysis.qualitative.analysis, 5)
    row += 1
    put(ws, row, 1, _("Stedelijke ambities"), bold=True)
    row += 1
    header(ws, row, [_("Pijler"), _("Domein"), _("Ambitie")])
    row += 1
    for ambition in analysis.ambitions:
        put(ws, row, 1, ambition.pillar.name)
        put(ws, row, 2, ambition.domain.name if ambition.domain_id else "")
        put(ws, row, 3, ambition.text, wrap=True)
        row += 1
    widths(ws, {"A": 30, "B": 30, "C": 70, "D": 40, "E": 22})


def write_ranking(ws, factors, layout: Layout) -> None:
    toc_link(ws, 1, layout)
    put(ws, 2, 1, _("Ranking van factoren")).font = Font(bold=True, size=14)
    put(
        ws,
        3,
        1,
        _(
            "Gerangschikt op relevantie, impact en prevalentie; 1 hangt het meest samen met "
            "andere factoren (bijlage 4)."
        ),
    )
    header(ws, 5, [_("Ranking"), _("Factor"), _("Soort"), _("Domeinen")])
    row = 6
    for factor in factors:
        put(ws, row, 1, factor.rank)
        put(ws, row, 2, factor.name)
        put(ws, row, 3, str(factor.get_kind_display()))
        put(ws, row, 4, ", ".join(d.name for d in factor.domains.all()), wrap=True)
        row += 1
    widths(ws, {"A": 10, "B": 50, "C": 30, "D": 60})


def workbook_filename(programme) -> str:
    from django.utils.text import slugify

    # "2025–2026" keeps a dash between the years (slugify drops the en dash).
    name = programme.name.replace("–", "-").replace("—", "-")
    return f"werkboek_{programme.area.code}_{slugify(name)[:60]}.xlsx"
