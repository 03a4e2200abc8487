"""The header of a CBS StatLine table: which column is what, and what each measure is called.

A CBS open-data table (TypedDataSet joined with its dimension labels) has:
- `ID`;
- dimensions without a numeric suffix: `Perioden`, a region dimension (`RegioS`, `Wijken`,
  `WijkenEnBuurten`, ...) and category dimensions (`VormenVanJeugdzorg`, `Marges`, ...);
- topics with a numeric suffix (`AantalInwoners_5`): region attributes (`Gemeentenaam_1`,
  `SoortRegio_2`, `Codering_3`, `Indelingswijziging..._4`) and measures.

Indicator code = the measure key without its suffix. When a table repeats a key (CBS repeats a
block of measures per form of care, or per survey question group), the first occurrence keeps the
plain key and each later one is qualified: by its topic group (with DataProperties), by the
"Totaal..." column that heads its block, or else by its ordinal (`RommelOpStraat.2`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from duiding.indicators.importing.types import ImportMessage, ParseResult

SUFFIX = re.compile(r"_(\d+)$")
TABLE_ID = re.compile(r"(\d{5}[A-Z]{3})")

REGION_DIMENSIONS = {"regios", "regio", "wijken", "buurten", "wijkenenbuurten", "gemeenten"}
PERIOD_DIMENSIONS = {"perioden", "periode"}
REGION_ATTRIBUTES = {"gemeentenaam", "soortregio", "codering", "gemeentecode"}
# Topics CBS publishes as text (DataProperties Datatype "String"), known without the metadata file.
KNOWN_TEXT_TOPICS = {"meestvoorkomendepostcode"}

# Tables without a period dimension: the period they describe (KWB releases are per year).
KNOWN_TABLE_PERIODS = {
    "85984NED": "2024",  # Kerncijfers wijken en buurten 2024
    "85618NED": "2023",  # Kerncijfers wijken en buurten 2023
    "85318NED": "2022",  # Kerncijfers wijken en buurten 2022
    "85039NED": "2021",  # Kerncijfers wijken en buurten 2021
    "84799NED": "2020",  # Kerncijfers wijken en buurten 2020
}

KNOWN_TABLE_TITLES = {
    "82964NED": "Jeugdzorg; wijken 2015",
    "83563NED": "Jeugdzorg; wijken 2016",
    "83782NED": "Jeugdzorg; wijken 2017",
    "84316NED": "Jeugdzorg; wijken 2018",
    "84615NED": "Jeugdzorg; wijken 2019",
    "84856NED": "Jeugdzorg; wijken 2020",
    "85075NED": "Jeugdzorg; wijken 2021",
    "85335NED": "Jeugdzorg; wijken 2022",
    "85685NED": "Jeugdzorg; wijken 2023",
    "82968NED": "Jeugdzorgtrajecten in natura per regio, 2015–2020",
    "85094NED": "Jeugdzorgtrajecten in natura per regio, 2021–2024",
    "82972NED": "Jongeren met jeugdzorg in natura (%), regio, 2015–2020",
    "85098NED": "Jongeren met jeugdzorg in natura (%), regio, 2021–2024",
    "82970NED": "Jeugdhulptrajecten naar verwijzer en beëindiging, 2015–2020",
    "85096NED": "Jeugdhulptrajecten naar verwijzer en beëindiging, 2021–2024",
    "81924NED": "Veiligheidsmonitor; leefbaarheid woonbuurt, regio",
    "85146NED": "Veiligheidsmonitor; leefbaarheid, overlast, veiligheid, regio",
    "85984NED": "Kerncijfers wijken en buurten 2024",
}

DIMENSION_TYPES = {"Dimension", "GeoDimension", "GeoDetail", "TimeDimension"}

UNIT_KINDS = [
    ("%", "percentage"),
    ("procent", "percentage"),
    ("per 1 000", "rate_1000"),
    ("per 1000", "rate_1000"),
    ("euro", "amount"),
    ("rapportcijfer", "index"),
    ("schaalscore", "index"),
    ("code", "index"),
    ("per ", "mean"),  # per km², per huishouden: densities and averages compare across areas
]


def strip_suffix(key: str) -> str:
    return SUFFIX.sub("", key)


def table_id(path: str | Path) -> str:
    match = TABLE_ID.search(Path(path).name)
    return match.group(1) if match else ""


def humanise(key: str) -> str:
    """`TotaalJongerenMetJeugdzorgInNatura` -> "Totaal jongeren met jeugdzorg in natura"."""
    key = strip_suffix(key)
    if key.startswith("k_"):
        key = key[2:]
    words = re.findall(r"[A-Z]{2,}(?=[A-Z][a-z]|\d|$)|[A-Z]?[a-z]+|\d+|[A-Z]", key)
    if not words:
        return key
    text = " ".join(w if (w.isupper() and len(w) > 1) else w.lower() for w in words)
    return text[0].upper() + text[1:]


@dataclass
class Topic:
    key: str
    title: str = ""
    unit: str = ""
    decimals: int | None = None
    datatype: str = ""
    description: str = ""
    groups: list[str] = field(default_factory=list)  # nearest group title first


@dataclass
class Properties:
    """What a CBS DataProperties JSON says about a table's columns."""

    topics: dict[str, Topic] = field(default_factory=dict)
    dimensions: dict[str, str] = field(default_factory=dict)  # key -> Type


def properties_load(path: str | Path) -> Properties:
    """Read a DataProperties JSON (the OData list, or {"value": [...]}). Raises ValueError."""
    with open(path, encoding="utf-8-sig") as fh:
        data = json.load(fh)
    items = data.get("value") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ValueError("geen lijst met eigenschappen")
    by_id = {item.get("ID"): item for item in items if isinstance(item, dict)}
    props = Properties()
    for item in by_id.values():
        kind, key = item.get("Type", ""), (item.get("Key") or "").strip()
        if not key:
            continue
        if kind in DIMENSION_TYPES:
            props.dimensions[key] = kind
        elif kind == "Topic":
            groups, parent, seen = [], item.get("ParentID"), set()
            while parent is not None and parent in by_id and parent not in seen:
                seen.add(parent)
                groups.append((by_id[parent].get("Title") or "").strip())
                parent = by_id[parent].get("ParentID")
            props.topics[key] = Topic(
                key=key,
                title=(item.get("Title") or "").strip(),
                unit=(item.get("Unit") or "").strip(),
                decimals=item.get("Decimals"),
                datatype=item.get("Datatype") or "",
                description=(item.get("Description") or "").strip(),
                groups=groups,
            )
    return props


@dataclass
class Measure:
    index: int  # position in the row
    column: str  # header as published
    code: str  # indicator code
    name: str
    topic: Topic | None = None


@dataclass
class Layout:
    """Where things are in a row."""

    period: int | None = None
    region: int | None = None
    region_code: int | None = None
    region_flag: int | None = None
    municipality_name: int | None = None
    categories: list[tuple[int, str]] = field(default_factory=list)  # (index, dimension key)
    measures: list[Measure] = field(default_factory=list)
    # Text by the table's metadata (DataProperties or KNOWN_TEXT_TOPICS): (column, source).
    text_topics: list[tuple[str, str]] = field(default_factory=list)


def _camel(title: str) -> str:
    words = re.findall(r"[A-Za-zÀ-ÿ0-9]+", title)
    return "".join(w[:1].upper() + w[1:] for w in words)


def _qualify_by_groups(occurrences: list[tuple[int, str]], props: Properties) -> dict[int, str]:
    """Group title that tells repeated topics apart: the nearest group where they differ."""
    paths = {i: props.topics[key].groups for i, key in occurrences}
    depth = max((len(p) for p in paths.values()), default=0)
    for level in range(depth):
        titles = [p[level] if level < len(p) else "" for p in paths.values()]
        if len(set(titles)) == len(titles) and all(titles):
            return {i: paths[i][level] for i, _ in occurrences}
    return {}


def measure_names(
    header: list[str], measure_idx: list[int], props: Properties | None
) -> list[Measure]:
    """Codes and names for measure columns, qualified where a key repeats (see module doc)."""
    bases = {i: strip_suffix(header[i]) for i in measure_idx}
    counts = Counter(bases.values())
    measures = []
    occurrences: dict[str, list[tuple[int, str]]] = {}
    for i in measure_idx:
        occurrences.setdefault(bases[i], []).append((i, header[i]))
    qualifiers: dict[int, tuple[str, str]] = {}  # index -> (code part, name part)
    for occ in occurrences.values():
        if len(occ) < 2:
            continue
        by_group = {}
        if props and all(key in props.topics for _, key in occ):
            by_group = _qualify_by_groups(occ, props)
        for n, (i, _key) in enumerate(occ, start=1):
            if by_group:
                qualifiers[i] = (_camel(by_group[i]), by_group[i])
                continue
            head = _block_head(header, i, measure_idx, bases, counts)
            if head is not None:
                qualifiers[i] = (bases[head], humanise(header[head]).lower())
            else:
                qualifiers[i] = (str(n), f"{n}e blok in de tabel")
        first = occ[0][0]
        if not by_group:  # the first block keeps the plain key (CBS lists the totals first)
            qualifiers.pop(first, None)
    for i in measure_idx:
        topic = props.topics.get(header[i]) if props else None
        name = (topic.title if topic and topic.title else humanise(header[i])).strip()
        code = bases[i]
        if i in qualifiers:
            part, label = qualifiers[i]
            code = f"{code}.{part}"
            name = f"{name} ({label})"
        measures.append(Measure(index=i, column=header[i], code=code[:120], name=name, topic=topic))
    return measures


def _block_head(header, i, measure_idx, bases, counts) -> int | None:
    """The nearest earlier "Totaal..." column whose key occurs once: the head of i's block."""
    for j in reversed([m for m in measure_idx if m < i]):
        if counts[bases[j]] == 1 and bases[j].lower().startswith("totaal"):
            return j
    return None


def unit_kind(topic: Topic | None, code: str, decimals_seen: bool) -> tuple[str, str, int]:
    """(unit_kind, unit_label, decimals) from DataProperties, else from the key and the values."""
    if topic is not None and topic.unit:
        unit = topic.unit.lower()
        kind = next((k for marker, k in UNIT_KINDS if marker in unit), None)
        if kind is None:
            averaged = (topic.decimals or 0) > 0 or "gemiddeld" in code.lower()
            kind = "mean" if averaged else "count"
        return kind, topic.unit[:60], int(topic.decimals or 0)
    lower = code.lower()
    if "percentage" in lower or lower.endswith("relatief"):
        return "percentage", "%", 1
    if "rapportcijfer" in lower or "schaalscore" in lower:
        return "index", "", 1
    if "gemiddeld" in lower:
        return "mean", "", 1
    if decimals_seen:
        return "percentage", "%", 1
    return "count", "", 0


def flag_of(text: str) -> str:
    text = text.strip()
    if text.endswith(".0"):
        text = text[:-2]
    return text[:10]


def layout_read(header: list[str], props: Properties | None, result: ParseResult) -> Layout | None:
    layout = Layout()
    measure_idx: list[int] = []
    if len(set(header)) != len(header):
        twice = sorted({h for h in header if header.count(h) > 1})
        result.messages.append(
            ImportMessage(f"De kopregel noemt kolom(men) twee keer: {', '.join(twice)}.", row=1)
        )
        return None
    for i, name in enumerate(header):
        if i == 0 and name == "ID":
            continue
        base = strip_suffix(name).lower()
        dim_type = props.dimensions.get(name) if props else None
        if dim_type or not SUFFIX.search(name):
            if dim_type == "TimeDimension" or (not dim_type and base in PERIOD_DIMENSIONS):
                layout.period = i
            elif dim_type in {"GeoDimension", "GeoDetail"} or base in REGION_DIMENSIONS:
                layout.region = i
            else:
                layout.categories.append((i, name))
        elif base == "codering" or base == "gemeentecode":
            layout.region_code = i
        elif base.startswith("indelingswijziging"):
            layout.region_flag = i
        elif base == "gemeentenaam":
            layout.municipality_name = i
        elif base == "soortregio":
            continue
        elif (text_source := _text_by_metadata(name, base, props)) is not None:
            layout.text_topics.append((name, text_source))
        else:
            measure_idx.append(i)
    layout.measures = measure_names(header, measure_idx, props)
    return layout


def _text_by_metadata(name: str, base: str, props: Properties | None) -> str | None:
    """Where the metadata says column `name` holds text, or None: it is a measure."""
    if props and name in props.topics:
        return "de DataProperties" if props.topics[name].datatype == "String" else None
    return "de bekende CBS-tekstkolommen" if base in KNOWN_TEXT_TOPICS else None


def looks_like_cbs(header: list[str]) -> bool:
    return bool(header) and header[0] == "ID" and any(SUFFIX.search(h) for h in header[1:])


class Categories:
    """The canonical category of a row's category labels, decided the first time they are seen.

    Totals ("Totaal ...") are the category "" and the survey's Marges "Waarde" is the value, so a
    total continues one series whatever CBS calls it that year. That rule joins labels, like an
    alias, so it only holds while they never occur together: in each dimension the first
    "Totaal ..." label of the file is the total (CBS lists the overall total first), and a later,
    different one ("Totaal jeugdhulp in natura" beside "Totaal alle jeugdzorg in natura") is a
    category of its own, reported by `messages()`.
    """

    def __init__(self, dims: list[str]):
        self.dims = dims
        self.totals: dict[int, str] = {}  # dimension position -> the label that is the total
        self.own: dict[tuple[int, str], int] = {}  # (dimension, other total label) -> first row
        self.cache: dict[tuple[str, ...], tuple[str, str]] = {}

    def of(self, labels: tuple[str, ...], row_no: int) -> tuple[str, str]:
        """(canonical category, label as published)."""
        hit = self.cache.get(labels)
        if hit is None:
            hit = self.cache[labels] = self._name(labels, row_no)
        return hit

    def _name(self, labels: tuple[str, ...], row_no: int) -> tuple[str, str]:
        parts, published = [], []
        for pos, (label, dim) in enumerate(zip(labels, self.dims, strict=True)):
            label = " ".join(label.split())
            published.append(label)
            if dim.lower() == "marges" and label.lower() == "waarde":
                continue
            if label.lower().startswith("totaal"):
                total = self.totals.setdefault(pos, label)
                if total == label:
                    continue
                self.own.setdefault((pos, label), row_no)
            parts.append(label)
        return " · ".join(parts), " · ".join(p for p in published if p)

    def messages(self) -> list[ImportMessage]:
        """One info line per "Totaal ..." label that was not taken as the total."""
        return [
            ImportMessage(
                f"Kolom {self.dims[pos]}: ‘{label}’ staat in dit bestand naast "
                f"‘{self.totals[pos]}’. Alleen ‘{self.totals[pos]}’ is ingelezen als het totaal; "
                f"‘{label}’ is een eigen categorie (vanaf rij {row}). Totalen gelden alleen als "
                "dezelfde reeks zolang ze niet samen in één tabel staan.",
                row=row,
                column=self.dims[pos],
                level="info",
            )
            for (pos, label), row in sorted(self.own.items(), key=lambda kv: kv[1])
        ]
