"""The outcome as CSV and Excel (core/exports.py: Dutch formats, formula-safe text): one row per
questionnaire, question, moment and answer value with its count, then the summary figures (n,
mean, median, share voldoende), the change per pair, dropout per reason code and reach. The rows
come from the disclosed outcome (`selectors.activity_outcomes`), so a reader across the
boundary gets exactly the suppressed figures of the page: "minder dan 5" instead of a number.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from duiding.core.exports import Figure, figure

HEADER_KEYS = [
    "activity",
    "questionnaire",
    "moment",
    "question",
    "measure",
    "kind",
    "value",
    "label",
    "count",
]


def header() -> list[str]:
    return [
        _("Activiteit"),
        _("Vragenlijst"),
        _("Moment"),
        _("Vraag"),
        _("Maat"),
        _("Soort"),
        _("Waarde"),
        _("Omschrijving"),
        _("Aantal of cijfer"),
    ]


def _count(count):
    """A shown count as a number; a suppressed one as its text ("minder dan 5")."""
    if count is None:
        return None
    return count.value if count.shown else count.text


def _summary_rows(base: list, shown) -> list[list]:
    s = shown.summary
    rows = [[*base, _("aantal antwoorden (n)"), "", "", _count(shown.n)]]
    if shown.mean is not None:
        rows.append([*base, _("gemiddelde"), "", "", Figure(s.mean, 1)])
        rows.append([*base, _("mediaan"), "", "", Figure(s.median, 1)])
    elif s.mean is not None:
        rows.append([*base, _("gemiddelde"), "", "", _("niet getoond")])
    if shown.sufficient is not None:
        rows.append([*base, _("aantal voldoende"), "", "", _count(shown.sufficient)])
        share = Figure(s.sufficient_share, 0) if shown.sufficient_share is not None else None
        rows.append([*base, _("aandeel voldoende (%)"), "", "", share or _("niet getoond")])
    return rows


def _block_rows(outcome) -> list[list]:
    rows = []
    name = outcome.activity.name
    for block in outcome.blocks:
        for column in block.columns:
            base = [name, column.title, column.moment, block.label, block.measure]
            for row in column.shown.rows:
                rows.append([*base, _("verdeling"), row.value, row.label, _count(row.count)])
            rows += _summary_rows(base, column.shown)
            for text in column.shown.texts:
                rows.append([*base, _("open antwoord"), "", text, None])
    return rows


def _other_rows(outcome) -> list[list]:
    rows = []
    name = outcome.activity.name
    for change in outcome.pairs:
        base = [name, _("Voor- en eindmeting per deelnemer"), "", change.change.label, ""]
        for key, label, count in change.counts:
            rows.append([*base, _("verandering per deelnemer"), key, label, _count(count)])
        rows.append([*base, _("aantal paren"), "", "", _count(change.n)])
    for group in outcome.group_changes:
        base = [name, _("Voor- en eindmeting (groep)"), "", group.change.label, ""]
        for kind, value, shown in (
            (_("gemiddelde voormeting"), group.change.pre_mean, group.pre_mean),
            (_("gemiddelde eindmeting"), group.change.post_mean, group.post_mean),
        ):
            rows.append([*base, kind, "", "", figure(value, 1) if shown else _("niet getoond")])
    if outcome.dropout:
        base = [name, _("Uitval (alle bronnen)"), "", _("Reden beëindiging"), "uitval"]
        for row in outcome.dropout.rows:
            rows.append([*base, _("reden beëindiging"), row.value, row.label, _count(row.count)])
        rows.append([*base, _("totaal"), "", "", _count(outcome.dropout.total)])
    reach = outcome.reach
    if reach is not None:
        base = [name, _("Bereik"), "", _("Bereik"), "bereik"]
        rows.append(
            [*base, _("beoogd bereik"), "", reach.reach.planned_source, reach.reach.planned]
        )
        for p in reach.periods:
            period = f"{p.start:%d-%m-%Y} – {p.end:%d-%m-%Y}"
            rows.append([*base, _("bereikt"), period, "", _count(p.reached)])
            rows.append([*base, _("niet verschenen"), period, "", _count(p.no_shows)])
    return rows


def outcome_rows(outcomes) -> list[list]:
    rows = []
    for outcome in outcomes:
        rows += _block_rows(outcome) + _other_rows(outcome)
    return rows


def filename(stem: str, fmt: str) -> str:
    return f"outcome-{slugify(stem)[:60]}-{timezone.localdate():%Y-%m-%d}.{fmt}"


def credit(raw: bool) -> str:
    if raw:
        return _("Bron: Duiding, outcome van de eigen organisatie (ruwe aantallen).")
    return _(
        "Bron: Duiding. Aantallen onder 5 staan er als ‘minder dan 5’; een aantal waaruit zo’n "
        "klein aantal uit te rekenen is, staat er als ‘niet getoond’."
    )
