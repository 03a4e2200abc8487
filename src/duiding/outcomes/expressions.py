"""The part of the XLSForm expression language Duiding understands, for `relevant` (skip logic)
and `constraint` (an answer's own check), evaluated on the server (the phone page works without
JavaScript).

Supported, as Kobo/ODK users write them::

    ${key}  .  12  -1  3.5  .5  'tekst'  "tekst"
    =  !=  <  <=  >  >=  and  or  not(...)  ( ... )
    selected(${key}, 'waarde')  count-selected(${key})  string-length(.)

Anything else is refused with `ExpressionError` naming what is not supported, so a form is never
imported with logic Duiding would silently ignore.

Values: a scale or number answer is a number, a single choice its value (text), a multiple choice
a list of values (or, as ODK stores it, one text of values separated by spaces), open text a
string; an unanswered question is "" (as in ODK: a comparison of "" with a number is false,
"" = '' is true).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _


class ExpressionError(ValueError):
    """An expression Duiding cannot represent (the message is Dutch and names the part)."""


_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<ref>\$\{[A-Za-z_][A-Za-z0-9_.-]*\})"
    r"|(?P<number>-?(?:\d+(?:\.\d+)?|\.\d+))"
    r"|(?P<string>'[^']*'|\"[^\"]*\")"
    r"|(?P<op><=|>=|!=|=|<|>)"
    r"|(?P<punct>[(),])"
    r"|(?P<name>[A-Za-z][A-Za-z0-9_-]*)"
    r"|(?P<dot>\.)"
    r")"
)

FUNCTIONS = {"selected", "count-selected", "string-length", "not"}


@dataclass
class _Tok:
    kind: str
    text: str


def _tokens(expression: str) -> list[_Tok]:
    pos, out = 0, []
    text = expression.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ExpressionError(
                _("‘%(part)s’ in de expressie wordt niet ondersteund.") % {"part": text[pos:]}
            )
        kind = m.lastgroup
        out.append(_Tok(kind, m.group(kind)))
        pos = m.end()
    return out


class _Parser:
    """Recursive descent into a small tuple tree: ("or", a, b), ("cmp", op, a, b), ("ref", key),
    ("self",), ("lit", value), ("call", name, [args])."""

    def __init__(self, expression: str):
        self.expression = expression
        self.toks = _tokens(expression)
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, kind: str | None = None, text: str | None = None) -> _Tok:
        tok = self.peek()
        if tok is None or (kind and tok.kind != kind) or (text and tok.text != text):
            raise ExpressionError(
                _("De expressie ‘%(expr)s’ is onvolledig of klopt niet (verwacht: %(want)s).")
                % {"expr": self.expression, "want": text or kind or "?"}
            )
        self.i += 1
        return tok

    def parse(self):
        if not self.toks:
            raise ExpressionError(_("De expressie is leeg."))
        tree = self.or_expr()
        if self.peek() is not None:
            raise ExpressionError(
                _("‘%(part)s’ in de expressie wordt niet ondersteund.")
                % {"part": " ".join(t.text for t in self.toks[self.i :])}
            )
        return tree

    def or_expr(self):
        left = self.and_expr()
        while (t := self.peek()) and t.kind == "name" and t.text == "or":
            self.take()
            left = ("or", left, self.and_expr())
        return left

    def and_expr(self):
        left = self.comparison()
        while (t := self.peek()) and t.kind == "name" and t.text == "and":
            self.take()
            left = ("and", left, self.comparison())
        return left

    def comparison(self):
        left = self.operand()
        if (t := self.peek()) and t.kind == "op":
            self.take()
            return ("cmp", t.text, left, self.operand())
        return left

    def operand(self):
        tok = self.peek()
        if tok is None:
            self.take("operand")
        if tok.kind == "ref":
            self.take()
            return ("ref", tok.text[2:-1])
        if tok.kind == "dot":
            self.take()
            return ("self",)
        if tok.kind == "number":
            self.take()
            return ("lit", Decimal(tok.text))
        if tok.kind == "string":
            self.take()
            return ("lit", tok.text[1:-1])
        if tok.kind == "punct" and tok.text == "(":
            self.take()
            inner = self.or_expr()
            self.take("punct", ")")
            return inner
        if tok.kind == "name" and tok.text in FUNCTIONS:
            self.take()
            self.take("punct", "(")
            args = [self.or_expr()]
            while (t := self.peek()) and t.text == ",":
                self.take()
                args.append(self.or_expr())
            self.take("punct", ")")
            wanted = 2 if tok.text == "selected" else 1
            if len(args) != wanted:
                raise ExpressionError(
                    _("%(name)s() verwacht %(n)s argument(en).") % {"name": tok.text, "n": wanted}
                )
            return ("call", tok.text, args)
        raise ExpressionError(
            _("‘%(part)s’ in de expressie wordt niet ondersteund.") % {"part": tok.text}
        )


def parse(expression: str):
    return _Parser(expression).parse()


def references(tree) -> set[str]:
    if tree[0] == "ref":
        return {tree[1]}
    if tree[0] in ("or", "and"):
        return references(tree[1]) | references(tree[2])
    if tree[0] == "cmp":
        return references(tree[2]) | references(tree[3])
    if tree[0] == "call":
        return set().union(*(references(a) for a in tree[2]))
    return set()


def check(expression: str, keys, *, allow_self: bool = False) -> None:
    """Refuse (ExpressionError) an expression outside the supported part, one that names a
    question not in `keys`, or (allow_self=False, for `relevant`) one that uses `.`."""
    tree = parse(expression)
    unknown = sorted(references(tree) - set(keys))
    if unknown:
        raise ExpressionError(
            _("De expressie verwijst naar een onbekende vraag: %(keys)s.")
            % {"keys": ", ".join(unknown)}
        )
    if not allow_self and _uses_self(tree):
        raise ExpressionError(_("‘.’ (het eigen antwoord) kan alleen in een constraint."))


def _uses_self(tree) -> bool:
    if tree[0] == "self":
        return True
    if tree[0] in ("or", "and"):
        return _uses_self(tree[1]) or _uses_self(tree[2])
    if tree[0] == "cmp":
        return _uses_self(tree[2]) or _uses_self(tree[3])
    if tree[0] == "call":
        return any(_uses_self(a) for a in tree[2])
    return False


def _number(value) -> Decimal | None:
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    if isinstance(value, str) and value.strip():
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            return None
    return None


def _value(tree, answers: dict[str, Any], own):
    kind = tree[0]
    if kind == "lit":
        return tree[1]
    if kind == "ref":
        return answers.get(tree[1], "")
    if kind == "self":
        return own if own is not None else ""
    if kind == "call":
        name, args = tree[1], tree[2]
        if name == "not":
            return not _truth(_value(args[0], answers, own))
        if name == "selected":
            wanted = str(_value(args[1], answers, own))
            return wanted in _chosen(_value(args[0], answers, own))
        if name == "count-selected":
            return Decimal(len(_chosen(_value(args[0], answers, own))))
        if name == "string-length":
            return Decimal(len(str(_value(args[0], answers, own) or "")))
    if kind == "or":
        return _truth(_value(tree[1], answers, own)) or _truth(_value(tree[2], answers, own))
    if kind == "and":
        return _truth(_value(tree[1], answers, own)) and _truth(_value(tree[2], answers, own))
    if kind == "cmp":
        return _compare(tree[1], _value(tree[2], answers, own), _value(tree[3], answers, own))
    raise ExpressionError(kind)  # pragma: no cover - the parser builds nothing else


def _chosen(value) -> list[str]:
    """The chosen values of a (multiple) choice answer: a list, or ODK's space-separated text."""
    if isinstance(value, list | tuple | set):
        return [str(v) for v in value]
    if isinstance(value, bool):
        return []
    return str(value or "").split()


def _compare(op: str, left, right) -> bool:
    if isinstance(left, list):
        left = " ".join(map(str, left))
    if isinstance(right, list):
        right = " ".join(map(str, right))
    a, b = _number(left), _number(right)
    if a is not None and b is not None:
        pair = (a, b)
    elif op in ("=", "!="):
        pair = (str(left), str(right))
    else:
        return False  # ODK: an empty or textual value is not ordered
    x, y = pair
    return {
        "=": x == y,
        "!=": x != y,
        "<": x < y,
        "<=": x <= y,
        ">": x > y,
        ">=": x >= y,
    }[op]


def _truth(value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return value != 0
    return bool(value)


def evaluate(expression: str, answers: dict[str, Any], own=None) -> bool:
    """True when the expression holds for these answers (`own`: the value checked by `.`)."""
    return _truth(_value(parse(expression), answers, own))
