"""Regions in CBS tables that name them without a code ("Rotterdam", "Rotterdam (GM)").

Such a label is matched on name against the gemeenten Duiding knows (and "Nederland" = NL01).
Labels with another region-type suffix — "(LD)" landsdeel, "(PV)" provincie, "(JZ)" jeugdregio,
"(PD)"/"(RE)" politie, "(CR)" COROP … — are not gemeenten: they are reported and skipped, as are
names no gemeente in Duiding has. A wijk literally called "Nederland" exists (WK170835), so only
gemeenten and the country take part in the matching.
"""

from __future__ import annotations

import re

from duiding.areas.codes import CANONICAL_COUNTRY
from duiding.areas.models import Area, Level

_PROVINCE_QUALIFIER = re.compile(
    r"^(?P<name>.*?)\s*\((?:[A-Z][A-Za-z]{0,2})\.\)$"
)  # "Middelburg (Z.)"
_TYPE_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<kind>[A-Z]{2,4}|gemeente|gem\.)\)$")

REGION_KINDS = {
    "LD": "landsdeel",
    "PV": "provincie",
    "JZ": "jeugdzorgregio",
    "PD": "politiedistrict",
    "BT": "basisteam (politie)",
    "RE": "regionale eenheid (politie)",
    "CR": "COROP-gebied",
    "GG": "GGD-regio",
    "RB": "regio",
    "ZW": "zorgkantoorregio",
}


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


class RegionMatcher:
    """Label -> (code or None, reason). Built once per file from the Area table."""

    def __init__(self) -> None:
        self.by_name: dict[str, str | None] = {}
        for code, name in Area.objects.filter(level=Level.MUNICIPALITY).values_list("code", "name"):
            key = _key(name)
            # Two gemeenten with one name (old and new after a merger): ambiguous, not matched.
            self.by_name[key] = None if key in self.by_name else code
        self.cache: dict[str, tuple[str | None, str]] = {}

    def match(self, label: str) -> tuple[str | None, str]:
        hit = self.cache.get(label)
        if hit is None:
            hit = self.cache[label] = self._match(label)
        return hit

    def _match(self, label: str) -> tuple[str | None, str]:
        text = label.strip()
        if _key(text) in {"nederland", "nederland (land)"}:
            return CANONICAL_COUNTRY, ""
        suffix = _TYPE_SUFFIX.match(text)
        if suffix and suffix["kind"] not in {"GM", "gemeente", "gem."}:
            kind = REGION_KINDS.get(suffix["kind"], f"regiosoort ({suffix['kind']})")
            return None, f"is een {kind}, geen gemeente; Duiding leest deze regio’s (nog) niet in"
        name = suffix["name"] if suffix else text
        key = _key(name)
        qualified = _PROVINCE_QUALIFIER.match(name)
        if key not in self.by_name and qualified:
            # CBS writes "Middelburg (Z.)" in one table and "Middelburg" in another; only when the
            # plain name is one gemeente ("Bergen" alone is two: (L.) and (NH.)).
            key = _key(qualified["name"])
        if key in self.by_name:
            code = self.by_name[key]
            if code is None:
                return None, "komt als naam bij meer dan één gemeente voor; niet te koppelen"
            return code, ""
        return None, (
            "is niet gevonden als gemeente in Duiding; lees eerst een tabel met gemeentecodes in "
            "(bijvoorbeeld Jeugdzorg; wijken of Kerncijfers wijken en buurten)"
        )
