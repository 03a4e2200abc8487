"""Regions in CBS tables that name them without a code ("Rotterdam", "Rotterdam (GM)").

Such a label is matched on name against the gemeenten Duiding knows (and "Nederland" = NL01).
Labels with another region-type suffix — "(LD)" landsdeel, "(PV)" provincie, "(JZ)" jeugdregio,
"(PD)"/"(RE)" politie, "(CR)" COROP … — and groups of gemeenten by size ("20 000 tot 50 000
inwoners") are not gemeenten, and names no gemeente in Duiding has are gemeenten Duiding does not
hold: both are skipped by design, as information (`kind` says which sort and why). A name more
than one gemeente has is skipped with a warning. A wijk literally called "Nederland" exists (WK170835), so only
gemeenten and the country take part in the matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from duiding.areas.codes import CANONICAL_COUNTRY
from duiding.areas.models import Area, Level

_PROVINCE_QUALIFIER = re.compile(
    r"^(?P<name>.*?)\s*\((?:[A-Z][A-Za-z]{0,2})\.\)$"
)  # "Middelburg (Z.)"
_TYPE_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<kind>[A-Z]{2,4}|gemeente|gem\.)\)$")

# Region sorts Duiding does not show, as (singular, plural).
REGION_KINDS = {
    "LD": ("landsdeel", "Landsdelen"),
    "PV": ("provincie", "Provincies"),
    "JZ": ("jeugdzorgregio", "Jeugdzorgregio’s"),
    "PD": ("politiedistrict", "Politiedistricten"),
    "BT": ("basisteam (politie)", "Basisteams (politie)"),
    "RE": ("regionale eenheid (politie)", "Regionale eenheden (politie)"),
    "CR": ("COROP-gebied", "COROP-gebieden"),
    "GG": ("GGD-regio", "GGD-regio’s"),
    "RB": ("regio", "Regio’s"),
    "ZW": ("zorgkantoorregio", "Zorgkantoorregio’s"),
}
SIZE_CLASS = re.compile(r"\binwoners\b", re.IGNORECASE)  # "20 000 tot 50 000 inwoners"
NOT_SHOWN = "Duiding toont cijfers van Nederland, gemeenten, wijken en buurten."
SIZE_KIND = ("Groottegroepen van gemeenten", NOT_SHOWN)
UNKNOWN_KIND = (
    "Gemeenten die Duiding niet kent",
    "Duiding kent de gemeenten uit tabellen met gemeentecodes (zoals Jeugdzorg; wijken of "
    "Kerncijfers wijken en buurten); lees zo’n tabel eerst in als u ook deze gemeenten wilt zien.",
)


@dataclass(frozen=True, slots=True)
class RegionMatch:
    """A label's area code, or why it is skipped; `kind` (plural, why) when by design."""

    code: str | None
    reason: str = ""
    kind: tuple[str, str] | None = None


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
        self.cache: dict[str, RegionMatch] = {}

    def match(self, label: str) -> RegionMatch:
        hit = self.cache.get(label)
        if hit is None:
            hit = self.cache[label] = self._match(label)
        return hit

    def _match(self, label: str) -> RegionMatch:
        text = label.strip()
        if _key(text) in {"nederland", "nederland (land)"}:
            return RegionMatch(CANONICAL_COUNTRY)
        suffix = _TYPE_SUFFIX.match(text)
        if suffix and suffix["kind"] not in {"GM", "gemeente", "gem."}:
            kind = REGION_KINDS.get(
                suffix["kind"],
                (f"regiosoort {suffix['kind']}", f"Regio’s van soort {suffix['kind']}"),
            )
            return RegionMatch(None, f"is een {kind[0]}, geen gemeente", (kind[1], NOT_SHOWN))
        if SIZE_CLASS.search(text):
            return RegionMatch(None, "is een groottegroep van gemeenten", SIZE_KIND)
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
                return RegionMatch(
                    None, "komt als naam bij meer dan één gemeente voor; niet te koppelen"
                )
            return RegionMatch(code)
        return RegionMatch(None, "is niet gevonden als gemeente in Duiding", UNKNOWN_KIND)
