import datetime

from openpyxl import Workbook

from duiding.core.exports import (
    Figure,
    csv_cell,
    figure,
    safe_text,
    sheet_name,
    xlsx_append,
    xlsx_value,
)


def test_safe_text_prefixes_only_formula_starts():
    assert safe_text("=1+1") == "'=1+1"
    assert safe_text("-2") == "'-2"
    assert safe_text("\tx") == "'\tx"
    assert safe_text("Feijenoord") == "Feijenoord"
    assert safe_text("") == ""


def test_a_figure_reads_with_its_precision_in_csv_and_excel():
    assert csv_cell(Figure(18.093385, 1)) == "18,1"
    assert csv_cell(Figure(0.25, 1)) == "0,3"  # half up, as on the page
    assert csv_cell(Figure(1555.0, 0)) == "1555"  # no thousands separator in CSV
    assert csv_cell(Figure(-0.04, 1)) == "0,0"  # no "-0,0"
    assert csv_cell(Figure(12.0, 2)) == "12,00"
    assert csv_cell(2.5) == "2,50"  # a bare float: two decimals, as its Excel format
    assert figure(None, 1) is None
    assert xlsx_value(Figure(18.093385, 1)) == (18.093385, "#,##0.0")
    assert xlsx_value(Figure(1555.0, 0)) == (1555.0, "#,##0")
    assert xlsx_value(7) == (7, "0")
    assert xlsx_value(2.5)[1] == "#,##0.00"
    assert xlsx_value("=1+1") == ("'=1+1", None)
    assert xlsx_value(True) == (True, None)


def test_xlsx_append_formats_every_number():
    ws = Workbook().active
    xlsx_append(ws, ["tekst", Figure(3.14159, 2), 4, 1.5, datetime.date(2026, 1, 2), None])
    formats = [c.number_format for c in ws[1]]
    assert formats[1:5] == ["#,##0.00", "0", "#,##0.00", "DD-MM-YYYY"]


def test_sheet_names_are_short_unique_and_valid():
    used: set[str] = set()
    long = "Factorenmodel Meedoen aan sport, cultuur en vrijwilligerswerk"
    assert sheet_name(long, used) == "Factorenmodel Meedoen aan sport"
    assert sheet_name(long, used) == "Factorenmodel Meedoen aan s (2)"
    assert sheet_name("Werk/inkomen [jong]: *?", used) == "Werk inkomen jong"
    assert all(len(name) <= 31 for name in used)
