"""Differences between two texts, word by word (for the history and the edit conflict).

`diff_segments(old, new)` splits both texts into words and the white space between them and
returns ("equal" | "delete" | "insert", text) pieces in reading order; `diff_html` renders them
with <del> and <ins>, each with a hidden word ("verwijderd:", "ingevoegd:") for screen readers
and marked in text by the stylesheet ([−…−], [+…+]), so a difference never rests on colour alone.
"""

from __future__ import annotations

import difflib
import re

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

_TOKENS = re.compile(r"\s+|\S+\s*")


def tokens(text: str) -> list[str]:
    """Words with the white space after them (a leading space is a token of its own)."""
    return _TOKENS.findall(text or "")


def diff_segments(old: str, new: str) -> list[tuple[str, str]]:
    """Words are matched on their letters (a word followed by a space or by a line break is the
    same word); equal stretches are given as the new text writes them."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(
        a=[t.strip() for t in a], b=[t.strip() for t in b], autojunk=False
    )
    segments: list[tuple[str, str]] = []

    def add(kind: str, text: str) -> None:
        if not text:
            return
        if segments and segments[-1][0] == kind:
            segments[-1] = (kind, segments[-1][1] + text)
        else:
            segments.append((kind, text))

    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            add("equal", "".join(b[j1:j2]))
        else:
            if op in ("delete", "replace"):
                add("delete", "".join(a[i1:i2]))
            if op in ("insert", "replace"):
                add("insert", "".join(b[j1:j2]))
    return segments


def diff_counts(old: str, new: str) -> tuple[int, int]:
    """(words inserted, words deleted)."""
    inserted = deleted = 0
    for kind, text in diff_segments(old, new):
        words = len(text.split())
        if kind == "insert":
            inserted += words
        elif kind == "delete":
            deleted += words
    return inserted, deleted


def diff_html(old: str, new: str) -> SafeString:
    if old == new:
        return format_html('<span class="muted">{}</span>', _("Geen verschil."))
    deleted, inserted = _("verwijderd:"), _("ingevoegd:")
    parts = []
    for kind, text in diff_segments(old, new):
        if kind == "equal":
            parts.append(format_html("{}", text))
        elif kind == "delete":
            parts.append(
                format_html('<del><span class="visually-hidden">{} </span>{}</del>', deleted, text)
            )
        else:
            parts.append(
                format_html('<ins><span class="visually-hidden">{} </span>{}</ins>', inserted, text)
            )
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


def list_diff(old: list[str], new: list[str]) -> SafeString:
    """Items removed and added between two lists (factors, striking figures, missing figures)."""
    removed = [x for x in old if x not in new]
    added = [x for x in new if x not in old]
    if not removed and not added:
        return format_html('<span class="muted">{}</span>', _("Geen verschil."))
    items = [("delete", x) for x in removed] + [("insert", x) for x in added]
    deleted, inserted = _("verwijderd:"), _("ingevoegd:")
    return format_html(
        '<ul class="utrecht-unordered-list">{}</ul>',
        format_html_join(
            "",
            '<li><{0}><span class="visually-hidden">{1} </span>{2}</{0}></li>',
            (
                (tag, deleted if tag == "del" else inserted, text)
                for tag, text in (("del" if k == "delete" else "ins", t) for k, t in items)
            ),
        ),
    )
