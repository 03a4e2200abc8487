"""Plain data passed from parsers to the store. No Django here."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ParsedValue:
    """One cell of a source file, ready to be stored as an Observation."""

    indicator_code: str
    area_code: str  # normalised CBS code (NL01, GM0599, WK059912, BU...)
    period_code: str  # "2024", "2024H1", "2015Q1", "2015-06-30"
    value: float | None
    status: str = "ok"  # ObservationStatus: ok / suppressed / not_available
    category: str = ""  # canonical category ("" = total)
    numerator: float | None = None
    denominator: float | None = None
    source_row: int | None = (
        None  # 1-based row number in the file as a person counts (header = row 1)
    )
    source_column: str = ""  # column header as published
    source_category: str = ""  # category label as published
    published_area_code: str = ""  # the code the figure was published under
    indelingswijziging: str = ""


@dataclass(slots=True)
class ImportMessage:
    """A line of the import report, in Dutch. level=error refuses the whole import.

    Levels: error (refuses the file), warning (a row skipped that may need attention), info (a
    note), skipped (rows left out by design, e.g. provincies: information, not a refusal).
    """

    message: str
    row: int | None = None
    column: str = ""
    level: str = "error"  # error | warning | info | skipped

    def as_dict(self) -> dict:
        return {
            "row": self.row,
            "column": self.column,
            "message": self.message,
            "level": self.level,
        }


@dataclass(slots=True)
class IndicatorSpec:
    """What an importer knows about an indicator it meets (created when missing, never overwritten)."""

    code: str
    name: str
    unit_kind: str = "count"
    decimals: int = 0
    definition: str = ""
    unit_label: str = ""
    direction: str = "neutral"
    source: str = ""
    rhythm: str = "yearly"


@dataclass(slots=True)
class AreaSpec:
    """An area named by a source table; created when the database lacks it."""

    code: str
    name: str
    level: str
    indelingswijziging: str = ""


@dataclass
class ParseResult:
    values: list[ParsedValue] = field(default_factory=list)
    messages: list[ImportMessage] = field(default_factory=list)
    indicators: dict[str, IndicatorSpec] = field(default_factory=dict)
    areas: dict[str, AreaSpec] = field(default_factory=dict)
    periods: dict[str, str] = field(default_factory=dict)  # period code -> label as published
    rows_read: int = 0
    rows_refused: int = 0  # data rows refused or skipped with a warning (the messages say why)
    rows_skipped: int = 0  # data rows left out by design (regions Duiding does not show)
    dataset_code: str = ""
    dataset_title: str = ""

    @property
    def has_errors(self) -> bool:
        return any(m.level == "error" for m in self.messages)
