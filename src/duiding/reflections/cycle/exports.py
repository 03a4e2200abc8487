"""The minutes of a reflection as CSV and Excel (core/exports.py: `;`, decimal comma, BOM; Excel
numbers and dates with a Dutch format).

One table with four columns: onderdeel, agendapunt, wat, waarde — the details, per agenda item
its cold data, the four key questions, the live results, the promoted open answers, decisions
and actions, then the decisions and actions without an item. Dates are dates (Excel shows
DD-MM-YYYY; the CSV writes 23-10-2026), figures are `Figure`s.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils.translation import gettext as _

from duiding.core import exports as core
from duiding.reflections.cycle.minutes import Minutes, snapshot_value

__all__ = ["csv_lines", "header", "rows", "xlsx_bytes"]


def header() -> list[str]:
    return [_("Onderdeel"), _("Agendapunt"), _("Wat"), _("Waarde")]


def _value(value):
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, float):
        return core.Figure(value, 1)
    if isinstance(value, (int, datetime.date, str)) or value is None:
        return value
    return snapshot_value(value)


def _count(count):
    return count.value if count.shown else count.text


def _action_rows(part: str, item_title: str, actions) -> Iterator[list]:
    for a in actions:
        yield [part, item_title, _("Verbeteractie"), a.description]
        yield [part, item_title, _("Wie (organisatie)"), a.owner_organisation.name]
        if a.owner_user_id:
            yield [part, item_title, _("Wie (persoon)"), a.owner_user.get_full_name()]
        yield [part, item_title, _("Wanneer klaar"), a.due_date]
        yield [part, item_title, _("Status"), a.get_status_display()]


def _decision_rows(part: str, item_title: str, decisions) -> Iterator[list]:
    for d in decisions:
        subject = d.activity.name if d.activity_id else str(d.result)
        yield [part, item_title, _("Besluit"), f"{d.get_choice_display()}: {subject}"]
        yield [part, item_title, _("Reden"), d.reason]


def rows(m: Minutes) -> Iterator[list]:
    r = m.reflection
    details = _("Gegevens")
    yield [details, "", _("Titel"), r.title]
    yield [details, "", _("Datum"), r.date]
    yield [details, "", _("Plaats"), r.place]
    yield [
        details,
        "",
        _("Gespreksleider"),
        r.facilitator.get_full_name() or r.facilitator.username,
    ]
    yield [details, "", _("Status"), r.get_status_display()]
    if r.programme_id:
        yield [details, "", _("Programma"), r.programme.name]
    orgs = ", ".join(o.name for o in r.invited_organisations.order_by("name"))
    yield [details, "", _("Uitgenodigde organisaties"), orgs]
    for number, im in enumerate(m.items, start=1):
        part = _("Agendapunt %(n)s") % {"n": number}
        title = im.item.title
        yield [part, title, _("Soort"), im.item.get_kind_display()]
        yield [part, title, _("Waarom op de agenda"), im.item.reason]
        for label, value in im.cold:
            yield [part, title, label, _value(value)]
        if m.reads_answers:
            for label, text in im.answers:
                yield [part, title, label, text]
        for live in im.live:
            yield [part, title, _("Live vraag"), live.question.text]
            yield [part, title, _("Aantal antwoorden"), _count(live.answers)]
            for bar in live.bars:
                yield [part, title, bar.label, _count(bar.count)]
            if live.mean:
                yield [part, title, _("Gemiddelde"), live.mean]
        for text in im.warm:
            yield [part, title, _("Open antwoord (in het verslag)"), text]
        yield from _decision_rows(part, title, im.decisions)
        yield from _action_rows(part, title, im.actions)
    other = _("Overig")
    yield from _decision_rows(other, "", m.decisions)
    yield from _action_rows(other, "", m.actions)


def _csv_value(value):
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    return value


def credit(m: Minutes) -> str:
    return _("Verslag van %(title)s, uit Duiding") % {"title": m.reflection.title}


def csv_lines(m: Minutes) -> Iterator[str]:
    return core.csv_lines(header(), ([_csv_value(v) for v in row] for row in rows(m)), credit(m))


def xlsx_bytes(m: Minutes) -> bytes:
    r = m.reflection
    return core.xlsx_bytes(
        sheet_title=_("Verslag"),
        title=r.title,
        subtitle=_("Verslag van de duidingssessie van %(date)s") % {"date": f"{r.date:%d-%m-%Y}"},
        header=header(),
        rows=rows(m),
        credit=credit(m),
        column_width=lambda index, name: {1: 16, 2: 40, 3: 32, 4: 70}.get(index, 22),
        frozen_columns=1,
    )
