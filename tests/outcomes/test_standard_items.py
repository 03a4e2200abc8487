"""The standard items (outcomes/standard.py) word for word against appendix 9 of seed 003
("Bijlage 9. Voorbeelden meten outcome"): every Dutch question text, anchor and scale point appears
in the seed, after normalising whitespace, quotes, dashes and the OCR's "é" for "ë". Skips with
a clear message when the shared seeds are not present."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from duiding.outcomes import standard
from duiding.outcomes.definition import clean_questions

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# Texts of the question dicts that are Duiding's own frame, not seed items: the goal label
# ("Doel 1: …", "Uw doel"), yes/no, and the bereik questions (the seed's OCR reads "Kgnt u
# de.z v.oorlichtir.wg X?" for "Kent u deze voorlichting X?"; the issue words them "kent u …",
# "heeft u deelgenomen aan …"); checked separately below.
OWN = {"Uw doel", "Ja", "Nee", "Doel 1: Meer rust thuis"}


def _normalise(text: str) -> str:
    # The OCR of the seed reads ë as é (once as é&: "Beé&indigd volgens plan").
    text = text.replace("é&", "é").replace("é", "ë").replace("É", "Ë")
    text = re.sub(r"[‘’'`´]", "'", text)
    text = re.sub(r"[“”„\"]", '"', text)
    text = re.sub(r"[—–-]", "-", text)
    text = re.sub(r"-\s+", "-", text)  # a word broken over a line ("omstandig- heden")
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture(scope="module")
def appendix_9() -> str:
    files = sorted(SEEDS.glob("003_*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip(f"seed 003 is not present in {SEEDS} (../shared/seeds); cannot compare")
    text = files[0].read_text(encoding="utf-8")
    start = text.index("Bijlage 9.")
    return _normalise(text[start:])


def _dutch_texts(question: dict) -> list[str]:
    texts = [question["label"]["nl"], question["hint"]["nl"]]
    for end in (question.get("anchors") or {}).values():
        texts.append(end["nl"])
    texts += [c["label"]["nl"] for c in question.get("choices") or []]
    return [t for t in texts if t and t not in OWN]


def _all_questions() -> list[dict]:
    questions = []
    for measure in standard.ASKABLE:
        if measure == "bereik":
            continue
        goals = ["Meer rust thuis"] if measure == "doelrealisatie" else None
        questions += clean_questions(standard.standard_questions(measure, goals=goals))
    return questions


@pytest.mark.parametrize("question", _all_questions(), ids=lambda q: f"{q['measure']}:{q['key']}")
def test_each_dutch_text_and_scale_point_is_in_the_seed(appendix_9, question):
    missing = [t for t in _dutch_texts(question) if _normalise(t) not in appendix_9]
    assert not missing, f"not word for word in Bijlage 9: {missing}"


def test_scales_have_the_seed_points():
    by_key = {q["key"]: q for q in _all_questions()}
    assert (by_key["nut"]["min"], by_key["nut"]["max"]) == (1, 10)
    assert [c["value"] for c in by_key["doel_1"]["choices"]] == ["-1", "0", "1", "2"]
    assert [c["value"] for c in by_key["zonder_hulp"]["choices"]] == ["1", "2", "3", "4"]
    assert [c["value"] for c in by_key["reden"]["choices"]] == ["1", "2", "3", "4", "5"]
    assert len(by_key["afname"]["choices"]) == 5


def test_the_seed_items_are_quoted_with_their_scale_in_one_piece(appendix_9):
    """The school mark with both anchors and the four 'zonder hulp' statements as one item."""
    nut = standard.usefulness()
    item = (
        f"{nut['label']['nl']}: 1 = {nut['anchors']['min']['nl']}; "
        f"10 = {nut['anchors']['max']['nl']}"
    )
    assert _normalise(item) in appendix_9
    help_ = standard.without_help()
    statements = "; ".join(f"({c['value']}) {c['label']['nl']}" for c in help_["choices"])
    assert _normalise(f"{help_['label']['nl']}: {statements}") in appendix_9


def test_bereik_asks_kent_u_and_heeft_u_deelgenomen(appendix_9):
    kent, took_part = clean_questions(standard.reach("Home-Start"))
    assert kent["label"]["nl"] == "Kent u Home-Start?"
    assert took_part["label"]["nl"] == "Heeft u deelgenomen aan Home-Start?"
    assert took_part["relevant"] == "${kent} = 'ja'"
    assert "bereik: % bevraagden in doelgroep dat de informatie / voorlichting kent" in appendix_9
