"""Period codes and CBS period labels.

Codes: `2024` (year), `2024H1` / `2024H2` (half year), `2015Q1` (quarter), `2015-06-30` (peildatum).
CBS labels understood: "2019", "1e halfjaar 2019", "2e halfjaar 2019", "1e half jaar 2024",
"1e kwartaal 2015", "30 juni 2015", "2019*" (voorlopig), "1-1-2025", and the codes themselves.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTH_NAMES = {v: k for k, v in MONTHS.items()}


@dataclass(frozen=True)
class ParsedPeriod:
    code: str
    kind: str  # year / half / quarter / date
    year: int
    start: date
    end: date
    label: str  # the label as published (or a Dutch label made from the code)


def _year(y: int, label: str) -> ParsedPeriod:
    return ParsedPeriod(str(y), "year", y, date(y, 1, 1), date(y, 12, 31), label)


def _half(y: int, h: int, label: str) -> ParsedPeriod:
    start = date(y, 1 if h == 1 else 7, 1)
    end = date(y, 6, 30) if h == 1 else date(y, 12, 31)
    return ParsedPeriod(f"{y}H{h}", "half", y, start, end, label)


def _quarter(y: int, q: int, label: str) -> ParsedPeriod:
    m = 3 * (q - 1) + 1
    end_month = m + 2
    return ParsedPeriod(
        f"{y}Q{q}",
        "quarter",
        y,
        date(y, m, 1),
        date(y, end_month, calendar.monthrange(y, end_month)[1]),
        label,
    )


def _day(d: date, label: str) -> ParsedPeriod:
    return ParsedPeriod(d.isoformat(), "date", d.year, d, d, label)


_PATTERNS: list[tuple[re.Pattern, callable]] = [
    (re.compile(r"^(\d{4})\*?$"), lambda m, lab: _year(int(m[1]), lab)),
    (re.compile(r"^(\d{4})\s*-?H([12])$", re.I), lambda m, lab: _half(int(m[1]), int(m[2]), lab)),
    (
        re.compile(r"^(\d{4})\s*-?Q([1-4])$", re.I),
        lambda m, lab: _quarter(int(m[1]), int(m[2]), lab),
    ),
    (
        re.compile(r"^([12])e\s*half\s*jaar\s+(\d{4})\*?$", re.I),
        lambda m, lab: _half(int(m[2]), int(m[1]), lab),
    ),
    (
        re.compile(r"^([1-4])e\s*kwartaal\s+(\d{4})\*?$", re.I),
        lambda m, lab: _quarter(int(m[2]), int(m[1]), lab),
    ),
    (
        re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"),
        lambda m, lab: _day(date(int(m[1]), int(m[2]), int(m[3])), lab),
    ),
    (
        re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$"),
        lambda m, lab: _day(date(int(m[3]), int(m[2]), int(m[1])), lab),
    ),
    (
        re.compile(r"^(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\*?$", re.I),
        lambda m, lab: _day(date(int(m[3]), MONTHS[m[2].lower()], int(m[1])), lab),
    ),
    # CBS OData period keys: 2019JJ00, 2019HJ01, 2015KW01, 2019MM06
    (re.compile(r"^(\d{4})JJ00$"), lambda m, lab: _year(int(m[1]), lab)),
    (re.compile(r"^(\d{4})HJ0([12])$"), lambda m, lab: _half(int(m[1]), int(m[2]), lab)),
    (re.compile(r"^(\d{4})KW0([1-4])$"), lambda m, lab: _quarter(int(m[1]), int(m[2]), lab)),
]


def parse_period(label: str) -> ParsedPeriod | None:
    """Parse a CBS period label or a period code; None when it is not a period we know."""
    raw = (label or "").strip()
    text = re.sub(r"\s+", " ", raw)
    for pattern, build in _PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return build(match, raw)
            except ValueError:  # e.g. 31 februari
                return None
    return None


def label_for_code(code: str) -> str:
    """A Dutch label for a period code, used when no published label is known."""
    p = parse_period(code)
    if p is None:
        return code
    if p.kind == "year":
        return str(p.year)
    if p.kind == "half":
        return f"{code[-1]}e halfjaar {p.year}"
    if p.kind == "quarter":
        return f"{code[-1]}e kwartaal {p.year}"
    return f"{p.start.day} {MONTH_NAMES[p.start.month]} {p.year}"
