"""Small CBS StatLine files for the importer tests, written like the CBS open-data API does."""

from pathlib import Path

from duiding.indicators.importing.runner import import_run_execute
from duiding.jobs.models import ImportRun
from duiding.jobs.services import import_run_create

WIJKEN_HEADER = [
    "ID",
    "VormenVanJeugdzorg",
    "Wijken",
    "Perioden",
    "TotaalJongerenMetJeugdzorgInNatura_1",
    "TotaalTrajectenInNatura_2",
    "GemeentelijkeToegang_3",
    "Gemeentenaam_4",
    "SoortRegio_5",
    "Codering_6",
    "IndelingswijzigingWijken_7",
]


def pad(text: str, width: int = 10) -> str:
    return text.ljust(width)


def wijken_row(i, label, period, values, code, flag="1.0", muni="Rotterdam", kind="Wijk"):
    return [
        str(i),
        "Totaal alle jeugdzorg in natura",
        label,
        period,
        *values,
        pad(muni, 40),
        pad(kind, 9),
        pad(code),
        flag,
    ]


def write_cbs(
    directory: Path,
    name: str,
    header: list[str],
    rows: list[list[str]],
    *,
    bom: bool = True,
    encoding: str = "utf-8",
    sep: str = ";",
) -> Path:
    lines = [sep.join(header)] + [sep.join(row) for row in rows]
    text = ("\ufeff" if bom else "") + "\r\n".join(lines) + "\r\n"
    path = directory / name
    path.write_bytes(text.encode(encoding))
    return path


def run_cbs(path: Path, **options) -> ImportRun:
    run = import_run_create(kind=ImportRun.Kind.CBS, path=path, options=options)
    return import_run_execute(run)


def errors(run_or_result) -> list[str]:
    messages = run_or_result.messages
    return [
        (m["message"] if isinstance(m, dict) else m.message)
        for m in messages
        if (m["level"] if isinstance(m, dict) else m.level) == "error"
    ]
