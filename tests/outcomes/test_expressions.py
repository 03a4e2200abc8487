"""The XLSForm expression subset (outcomes/expressions.py): what it accepts, what it refuses by
name, and how it evaluates answers the way ODK does."""

from __future__ import annotations

from decimal import Decimal

import pytest

from duiding.outcomes.expressions import ExpressionError, check, evaluate, parse, references


@pytest.mark.parametrize(
    ("expression", "answers", "own", "expected"),
    [
        ("${a} = '1'", {"a": "1"}, None, True),
        ("${a} = 1", {"a": "1"}, None, True),
        ("${a} != 1", {"a": Decimal("2")}, None, True),
        ("${a} > 5 and ${a} <= 10", {"a": 7}, None, True),
        ("${a} > 5 and ${a} <= 10", {"a": 11}, None, False),
        ("${a} < 3 or ${b} = 'ja'", {"a": 4, "b": "ja"}, None, True),
        ("not(${a} = 'ja')", {"a": "nee"}, None, True),
        ("(${a} = 1 or ${a} = 2) and ${b} = 'x'", {"a": 2, "b": "x"}, None, True),
        ("selected(${m}, 'b')", {"m": ["a", "b"]}, None, True),
        ("selected(${m}, 'c')", {"m": ["a", "b"]}, None, False),
        ("selected(${m}, 'b')", {"m": "a b"}, None, True),  # ODK stores "a b"
        ("selected(${s}, 'a')", {"s": "a"}, None, True),
        ("count-selected(${m}) >= 2", {"m": ["a", "b"]}, None, True),
        ("count-selected(${m}) = 2", {"m": "a b"}, None, True),
        ("count-selected(${m}) = 0", {}, None, True),
        ("string-length(.) <= 3", {}, "abc", True),
        ("string-length(.) <= 3", {}, "abcd", False),
        (". >= -1 and . <= 2", {}, Decimal("-1"), True),
        (". >= -1", {}, Decimal("-2"), False),
        (". > .5", {}, Decimal("0.75"), True),
        (". >= 0", {}, None, False),  # unanswered: not ordered
        ("${a} = ''", {}, None, True),  # unanswered is ""
        ("${a} != ''", {"a": 3}, None, True),
        ("${a} > 'abc'", {"a": 3}, None, False),  # text is not ordered
        ('${a} = "ja"', {"a": "ja"}, None, True),
    ],
)
def test_evaluate_follows_odk(expression, answers, own, expected):
    assert evaluate(expression, answers, own) is expected


@pytest.mark.parametrize(
    ("expression", "part"),
    [
        ("regex(${a}, '[a-z]')", "regex"),
        ("${a} + 1 > 2", "+"),
        ("${a} = true()", "true"),
        ("${a} = 1 = 2", "= 2"),
        ("if(${a} = 1, 2, 3)", "if"),
        ("${a} div 2", "div"),
    ],
)
def test_unsupported_parts_are_refused_by_name(expression, part):
    with pytest.raises(ExpressionError) as refused:
        parse(expression)
    assert part in str(refused.value)


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("", "De expressie is leeg."),
        ("(${a} = 1", "onvolledig of klopt niet"),
        ("${a} =", "onvolledig of klopt niet"),
        ("selected(${a})", "selected() verwacht 2 argument(en)."),
        ("count-selected(${a}, 'x')", "count-selected() verwacht 1 argument(en)."),
    ],
)
def test_incomplete_expressions_are_refused(expression, message):
    with pytest.raises(ExpressionError) as refused:
        parse(expression)
    assert message in str(refused.value)


def test_check_refuses_unknown_questions_and_self_in_relevant():
    check("${a} = 1 and selected(${b}, 'x')", ["a", "b"])
    with pytest.raises(ExpressionError, match="onbekende vraag: c, d"):
        check("${d} = 1 or ${c} = 2 or ${a} = 3", ["a"])
    with pytest.raises(ExpressionError, match="alleen in een constraint"):
        check(". > 3", ["a"])
    check(". > 3", ["a"], allow_self=True)
    with pytest.raises(ExpressionError, match="alleen in een constraint"):
        check("not(string-length(.) > 3)", [])


def test_references_are_every_question_named():
    tree = parse("(${a} = 1 or not(selected(${b}, 'x'))) and count-selected(${c}) > ${d}")
    assert references(tree) == {"a", "b", "c", "d"}
