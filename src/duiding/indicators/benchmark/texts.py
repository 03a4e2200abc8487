"""Texts of the benchmark rules: a per-language message cache and the Dutch number format."""

from __future__ import annotations

from django.utils.translation import get_language, gettext


class Texts(dict):
    """This module's Dutch msgids translated into one language, each looked up once.

    A benchmark page formats thousands of flags; gettext (and even get_language) per message
    would cost more than the database. Get one with `current_texts()` per request and pass it on.
    """

    def __missing__(self, msgid: str) -> str:
        text = self[msgid] = gettext(msgid)
        return text


_TEXTS: dict[str | None, Texts] = {}


def current_texts() -> Texts:
    """The message cache of the active language (the catalogues do not change at run time)."""
    lang = get_language()
    found = _TEXTS.get(lang)
    if found is None:
        found = _TEXTS[lang] = Texts()
    return found


def nl_number(value: float | None, decimals: int = 1) -> str:
    """Dutch number format: 1.234,5 (thousands with a dot, decimals with a comma)."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
