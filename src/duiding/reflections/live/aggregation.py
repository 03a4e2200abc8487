"""The answers of one live question, counted (pure: plain values in, plain values out).

`aggregate(question, answers)` takes the question's settings (`QuestionSpec`) and its answers as
`AnswerRow`s and returns what the projector and, once revealed, the phones show:

- closed questions (herkennen, schaal, keuze): one bar per possible value, in the question's
  order, with its count and its share of the answers (a whole percentage, 0 with no answers);
- open questions: the visible answers (hidden ones left out), by group label (answers without a
  label last), and the words of the short answers (1-3 words, stop words left out) by count.

Nothing here reads the database; the services pass the rows.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

RECOGNISE_VALUES = ("ja", "deels", "nee")
CLOSED_KINDS = ("herkennen", "schaal", "keuze")

STOP_WORDS = frozenset(
    """de het een en van in op te dat die is voor met aan er om niet ook als bij of dan maar
    zijn naar wat door over uit nog wel meer al geen zo heel veel wordt worden we wij ze zij
    hij ik je jij u ons onze hun deze dit daar hier toe tot dus want""".split()
)
WORD = re.compile(r"[\wÀ-ÿ'-]+", re.UNICODE)


@dataclass(frozen=True)
class QuestionSpec:
    kind: str  # herkennen / schaal / keuze / open
    choices: tuple[str, ...] = ()
    scale_min: int = 1
    scale_max: int = 5
    labels: dict[str, str] = field(default_factory=dict)  # value -> shown label (herkennen)


@dataclass(frozen=True)
class AnswerRow:
    choice: str = ""
    number: int | None = None
    text: str = ""
    hidden: bool = False
    group: str = ""
    promoted: bool = False
    name: str = ""  # the participant's own name, only when they gave one
    pk: int | None = None


@dataclass
class Bar:
    value: str
    label: str
    count: int
    percent: int


@dataclass
class Summary:
    kind: str
    total: int  # answers counted (for open questions: the visible ones)
    bars: list[Bar] = field(default_factory=list)
    groups: list[tuple[str, list[AnswerRow]]] = field(default_factory=list)
    words: list[tuple[str, int]] = field(default_factory=list)
    hidden: int = 0

    @property
    def closed(self) -> bool:
        return self.kind in CLOSED_KINDS


def possible_values(spec: QuestionSpec) -> list[tuple[str, str]]:
    """(value, label) of every bar of a closed question, in order."""
    if spec.kind == "herkennen":
        return [(v, spec.labels.get(v, v)) for v in RECOGNISE_VALUES]
    if spec.kind == "schaal":
        return [(str(n), str(n)) for n in range(spec.scale_min, spec.scale_max + 1)]
    if spec.kind == "keuze":
        return [(c, c) for c in spec.choices]
    return []


def _value(spec: QuestionSpec, row: AnswerRow) -> str:
    return str(row.number) if spec.kind == "schaal" else row.choice


def percent(count: int, total: int) -> int:
    return round(100 * count / total) if total else 0


def words(texts: list[str], limit: int = 30) -> list[tuple[str, int]]:
    """The words of the short answers (1-3 words), lower case, stop words left out, by count
    (then alphabetically)."""
    counted: Counter[str] = Counter()
    for text in texts:
        found = [w.lower() for w in WORD.findall(text)]
        if not 1 <= len(found) <= 3:
            continue
        counted.update(w for w in found if w not in STOP_WORDS and len(w) > 1)
    return sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def aggregate(spec: QuestionSpec, answers: list[AnswerRow]) -> Summary:
    if spec.kind in CLOSED_KINDS:
        counts = Counter(_value(spec, row) for row in answers)
        values = possible_values(spec)
        total = sum(counts[v] for v, _label in values)
        bars = [Bar(v, label, counts[v], percent(counts[v], total)) for v, label in values]
        return Summary(kind=spec.kind, total=total, bars=bars)
    visible = [row for row in answers if not row.hidden and row.text.strip()]
    by_group: dict[str, list[AnswerRow]] = {}
    for row in visible:
        by_group.setdefault(row.group.strip(), []).append(row)
    groups = sorted(by_group.items(), key=lambda kv: (kv[0] == "", kv[0].lower()))
    return Summary(
        kind=spec.kind,
        total=len(visible),
        groups=groups,
        words=words([row.text for row in visible]),
        hidden=len(answers) - len(visible),
    )
