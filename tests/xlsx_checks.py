"""Checks on Excel exports: every number carries a number format (no General with six
decimals), and the number of decimals a format shows."""

from __future__ import annotations

from io import BytesIO

from openpyxl import load_workbook


def workbook_of(content: bytes):
    return load_workbook(BytesIO(content))


def numbers_without_format(content: bytes) -> list[str]:
    """'Sheet!B7 = 18.0934' for every numeric cell whose format is General."""
    problems = []
    for ws in workbook_of(content).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    continue
                if cell.number_format == "General":
                    problems.append(f"{ws.title}!{cell.coordinate} = {value}")
    return problems


def format_decimals(number_format: str) -> int:
    """'#,##0.0' -> 1, '0' -> 0 (the first section of the format)."""
    section = number_format.split(";")[0]
    return len(section.split(".", 1)[1]) if "." in section else 0


def numeric_cells(content: bytes):
    for ws in workbook_of(content).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    yield ws.title, cell
