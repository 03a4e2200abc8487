"""Benchmark rules: flags, the seed's comparison suggestion and difference helpers.

Pure functions: no ORM, no request. The rules are stated in plain words in README.md next to
this file; keep the two in step. Texts are Dutch (gettext msgids, translated through the message
cache of texts.py); numbers in texts use the Dutch format (1.234,5).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_noop

# Texts, current_texts and nl_number are part of this module's API (used by its callers).
from duiding.indicators.benchmark.texts import Texts, current_texts, nl_number


def _(msgid: str) -> str:
    return current_texts()[msgid]


def _getter(texts: Texts | None):
    """The `_` to use inside a function: the passed cache, else the active language's."""
    return (texts if texts is not None else current_texts()).__getitem__


# Flag results. `different` is the neutral-direction state: the value deviates, but higher or
# lower is not better or worse.
BETTER = "better"
SIMILAR = "similar"
WORSE = "worse"
DIFFERENT = "different"
NONE = "none"

HIGHER_IS_BETTER = "higher_is_better"
LOWER_IS_BETTER = "lower_is_better"
NEUTRAL = "neutral"

# Unit kinds (the values of indicators.models.UnitKind, repeated here to keep this module pure).
COUNT_KINDS = {"count", "amount"}
PROPORTION_SCALE = {"percentage": 100.0, "rate_1000": 1000.0}

SIGNIFICANCE_ALPHA = 0.05  # two-sided, 95%


def difference(value: float | None, comparison: float | None) -> float | None:
    """Absolute difference value − comparison (same unit as the indicator)."""
    if value is None or comparison is None:
        return None
    return value - comparison


def relative_difference_pct(value: float | None, comparison: float | None) -> float | None:
    """Relative difference in % of the comparison value: (value − comparison) × 100 / |comparison|.

    None when either is missing or the comparison is 0 (no relative difference exists).
    """
    if value is None or comparison is None or comparison == 0:
        return None
    return (value - comparison) * 100.0 / abs(comparison)


# Floating-point slack for threshold comparisons: 11 against 10 is +10.000000000000002 % in
# binary floating point, and must count as exactly on the ±10 % threshold.
EPSILON_PCT = 1e-9


@functools.lru_cache(maxsize=256)
def threshold_label(threshold_pct: float) -> str:
    """The margin in a text: "10" or "7,5" (an indicator's constant: formatted once, not per flag)."""
    return nl_number(threshold_pct, 0 if float(threshold_pct).is_integer() else 1)


def outside_threshold(relative_pct: float, threshold_pct: float) -> bool:
    """True when |relative_pct| is more than threshold_pct (exactly on it counts as within)."""
    return abs(relative_pct) > threshold_pct + EPSILON_PCT


@dataclass(slots=True)
class ZTest:
    z: float
    p_value: float

    @property
    def significant(self) -> bool:
        return self.p_value < SIGNIFICANCE_ALPHA


def two_proportion_z_test(x1: float, n1: float, x2: float, n2: float) -> ZTest | None:
    """Pooled two-proportion z-test (two-sided). None when it cannot be computed.

    x = numerator (e.g. young people with youth care), n = denominator (all young people).
    """
    if not n1 or not n2 or n1 <= 0 or n2 <= 0 or x1 < 0 or x2 < 0 or x1 > n1 or x2 > n2:
        return None
    p1, p2 = x1 / n1, x2 / n2
    pooled = (x1 + x2) / (n1 + n2)
    variance = pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)
    if variance <= 0:
        # Both shares are 0 % or both 100 %: no difference to test.
        return ZTest(z=0.0, p_value=1.0)
    z = (p1 - p2) / math.sqrt(variance)
    return ZTest(z=z, p_value=math.erfc(abs(z) / math.sqrt(2.0)))


@dataclass(slots=True)
class Flag:
    """The verdict of one value against one comparison value.

    result: better / similar / worse / different (neutral indicators) / none (no verdict).
    label: short Dutch label ("beter", "vergelijkbaar", "slechter", "afwijkend", "geen oordeel").
    side: "higher" / "lower" / "" — where the value lies relative to the comparison.
    reason: a Dutch sentence that says why.
    difference / relative_pct: set when there is a verdict (better ... similar); a flag without
    verdict ("none") carries no numbers — the comparison has the differences.
    """

    result: str
    label: str
    reason: str
    side: str = ""
    difference: float | None = None
    relative_pct: float | None = None
    tested: bool = False  # a significance test was done
    significant: bool | None = None
    p_value: float | None = None

    @property
    def side_label(self) -> str:
        return {"higher": _("hoger"), "lower": _("lager")}.get(self.side, "")

    @property
    def is_flagged(self) -> bool:
        return self.result in {BETTER, WORSE, DIFFERENT}


# The labels' msgids, translated through the texts cache (gettext_noop marks them for
# extraction).
LABELS = {
    BETTER: gettext_noop("beter"),
    SIMILAR: gettext_noop("vergelijkbaar"),
    WORSE: gettext_noop("slechter"),
    DIFFERENT: gettext_noop("afwijkend"),
    NONE: gettext_noop("geen oordeel"),
}


_NONE_FLAGS: dict[tuple[str, str], Flag] = {}


def _none(reason: str, _=_) -> Flag:
    """A flag without verdict. Shared per (label, reason): a page has hundreds of them, and they
    carry no numbers (the differences are on the comparison). Treat flags as read-only."""
    label = _("geen oordeel")
    found = _NONE_FLAGS.get((label, reason))
    if found is None:
        found = _NONE_FLAGS[(label, reason)] = Flag(NONE, label, reason)
    return found


def flag_count(*, texts: Texts | None = None) -> Flag:
    """No verdict for a count or an amount: not comparable between areas of different size."""
    _ = _getter(texts)
    return _none(
        _("Aantallen zijn niet vergelijkbaar tussen gebieden van verschillende grootte."), _
    )


def flag_missing(status: str, *, texts: Texts | None = None) -> Flag:
    """No verdict because the area itself has no figure: why, by observation status."""
    _ = _getter(texts)
    if status == "suppressed":
        return _none(_("Het cijfer is geheim (te kleine aantallen); er is geen oordeel."), _)
    if status == "not_available":
        return _none(_("Het cijfer is niet beschikbaar; er is geen oordeel."), _)
    return _none(_("Geen waarde voor dit gebied."), _)


def _numerators(
    value: float,
    comparison: float,
    unit_kind: str,
    n: float | None,
    comparison_n: float | None,
    numerator: float | None,
    comparison_numerator: float | None,
) -> tuple[float, float, float, float] | None:
    """(x1, n1, x2, n2) for the z-test, or None when the denominators are not both known.

    A missing numerator is derived from the value: x = value / scale × n (scale 100 for a
    percentage, 1,000 for a rate per 1,000).
    """
    scale = PROPORTION_SCALE.get(unit_kind)
    if scale is None or not n or not comparison_n:
        return None
    x1 = numerator if numerator is not None else value / scale * n
    x2 = (
        comparison_numerator
        if comparison_numerator is not None
        else comparison / scale * comparison_n
    )
    return x1, n, x2, comparison_n


def _significance_test(
    value, comparison, unit_kind, n, comparison_n, numerator, comparison_numerator
):
    """The two-proportion z-test of the difference; None when the counts are not known."""
    parts = _numerators(
        value, comparison, unit_kind, n, comparison_n, numerator, comparison_numerator
    )
    return two_proportion_z_test(*parts) if parts is not None else None


def flag(
    value: float | None,
    comparison: float | None,
    *,
    direction: str,
    unit_kind: str,
    threshold_pct: float = 10.0,
    requires_significance: bool = True,
    n: float | None = None,
    comparison_n: float | None = None,
    numerator: float | None = None,
    comparison_numerator: float | None = None,
    texts: Texts | None = None,
) -> Flag:
    """Flag `value` against `comparison` (see benchmark/README.md for the rules in plain words).

    n / comparison_n are the denominators (e.g. all young people), numerator / comparison_numerator
    the counts behind a percentage or rate; a numerator may be left out when n is known.
    texts: the message cache of `current_texts()`, passed by callers that flag many values.
    """
    _ = _getter(texts)
    if value is None:
        return _none(_("Geen waarde voor dit gebied."), _)
    if comparison is None:
        return _none(_("Geen vergelijkingswaarde."), _)
    diff = value - comparison
    if unit_kind in COUNT_KINDS:
        return flag_count(texts=texts)
    if comparison == 0:
        return _none(
            _("De vergelijkingswaarde is 0; een relatief verschil is niet te berekenen."),
            _,
        )
    rel = relative_difference_pct(value, comparison)
    side = "higher" if diff > 0 else "lower" if diff < 0 else ""
    threshold_text = threshold_label(threshold_pct)
    rel_text = nl_number(abs(rel), 1)

    if not outside_threshold(rel, threshold_pct):
        reason = _("Het verschil van %(rel)s%% valt binnen de marge van ±%(threshold)s%%.") % {
            "rel": rel_text,
            "threshold": threshold_text,
        }
        return Flag(SIMILAR, _(LABELS[SIMILAR]), reason, side, diff, rel)

    test = None
    if requires_significance:
        test = _significance_test(
            value, comparison, unit_kind, n, comparison_n, numerator, comparison_numerator
        )
    if test is not None and not test.significant:
        reason = _(
            "Het verschil van %(rel)s%% is groter dan ±%(threshold)s%%, maar niet "
            "significant (p = %(p)s, 95%%-betrouwbaarheid)."
        ) % {"rel": rel_text, "threshold": threshold_text, "p": nl_number(test.p_value, 3)}
        return Flag(SIMILAR, _(LABELS[SIMILAR]), reason, side, diff, rel, True, False, test.p_value)

    result = _outcome(direction, diff)
    side_word = _("hoger") if diff > 0 else _("lager")
    reason = _outside_reason(rel_text, side_word, threshold_text, test, _)
    if test is None and requires_significance and unit_kind in PROPORTION_SCALE:
        reason += " " + _("Geen significantietoets: teller en noemer zijn niet bekend.")
    reason += _neutral_note(result, _)
    if test is None:
        return Flag(result, _(LABELS[result]), reason, side, diff, rel)
    return Flag(result, _(LABELS[result]), reason, side, diff, rel, True, True, test.p_value)


def _outcome(direction: str, diff: float) -> str:
    """Better or worse by the indicator's direction; "different" when neither is better."""
    if direction == HIGHER_IS_BETTER:
        return BETTER if diff > 0 else WORSE
    if direction == LOWER_IS_BETTER:
        return WORSE if diff > 0 else BETTER
    return DIFFERENT


def _neutral_note(result: str, _) -> str:
    """For an indicator without a better direction: higher or lower is neither better nor worse."""
    if result != DIFFERENT:
        return ""
    return " " + _("Bij deze indicator is hoger of lager niet beter of slechter.")


def _outside_reason(rel_text: str, side_word: str, threshold_text: str, test, _) -> str:
    """The reason of a difference outside the margin, with the p-value when it was tested."""
    if test is not None:
        return _(
            "%(rel)s%% %(side)s dan de vergelijkingswaarde: buiten ±%(threshold)s%% en "
            "significant (p = %(p)s)."
        ) % {
            "rel": rel_text,
            "side": side_word,
            "threshold": threshold_text,
            "p": nl_number(test.p_value, 3),
        }
    return _("%(rel)s%% %(side)s dan de vergelijkingswaarde: buiten ±%(threshold)s%%.") % {
        "rel": rel_text,
        "side": side_word,
        "threshold": threshold_text,
    }


# --- The seed's comparison rule ---------------------------------------------------------------

COMPARE_WIJK_CITY = "wijk_city"
COMPARE_GEBIED_CITY = "gebied_city"
COMPARE_NONE = "none"


@dataclass(slots=True)
class Suggestion:
    """Which comparison to read first, and why (seed 003, step 1).

    choice: wijk_city / gebied_city / none. subject / reference: the role of the area to look at
    and the area to compare it with ("wijk", "gebied", "stad"), "" when there is nothing to compare.
    differs_much: whether wijk and gebied differ much (None when that could not be judged).
    """

    choice: str
    subject: str
    reference: str
    text: str
    differs_much: bool | None = None
    relative_pct: float | None = None  # wijk against gebied


NEUTER_NOUNS = {"gebied", "stadsdeel", "land", "dorp", "district", "kwartier"}


def with_article(noun: str) -> str:
    """'de wijk', 'het gebied': the Dutch definite article for a level word (names stay bare)."""
    word = noun.strip()
    if not word or word[0].isupper():
        return word
    last = word.split()[-1].lower()
    if last in NEUTER_NOUNS:
        # Translators: a level word (gebied, stadsdeel) with the Dutch neuter article; English "the".
        return _("het %(level)s") % {"level": word}
    # Translators: a level word (wijk, buurt, stad) with the Dutch article "de"; English "the".
    return _("de %(level)s") % {"level": word}


def comparison_suggestion(
    wijk_value: float | None,
    gebied_value: float | None,
    city_value: float | None,
    *,
    threshold_pct: float = 10.0,
    unit_kind: str = "percentage",
    wijk_label: str = "de wijk",
    gebied_label: str = "het gebied",
    city_label: str = "de stad",
    has_gebied: bool = True,
    texts: Texts | None = None,
) -> Suggestion:
    """The seed's rule: compare the wijk with the gebied; do they differ much (outside
    ±threshold_pct relative of the gebied value), compare the wijk with the city; otherwise compare
    the gebied with the city (there are often more figures at gebied level). When the wijk lacks
    figures, fall back to the gebied.

    has_gebied=False: the area has no level between itself and the city (e.g. a CBS wijk, which
    Rotterdam calls a gebied): the advice is simply to compare it with the city.

    Labels are used inside sentences, with their article or as a name: "de wijk", "het gebied",
    "Rotterdam" (Rotterdam calls a CBS buurt a "wijk" and a CBS wijk a "gebied"; see
    `with_article`). Counts are not compared between areas of different size.
    """
    _ = _getter(texts)
    names = {"wijk": wijk_label, "gebied": gebied_label, "stad": city_label}
    if unit_kind in COUNT_KINDS:
        return Suggestion(
            COMPARE_NONE,
            "",
            "",
            _(
                "Aantallen zijn niet vergelijkbaar tussen gebieden van verschillende grootte; "
                "vergelijk een percentage of een cijfer per 1.000."
            ),
        )
    if not has_gebied:
        return _suggest_without_gebied_level(wijk_value, city_value, names, _)
    if wijk_value is None:
        return _suggest_without_wijk(gebied_value, city_value, names, _)
    if gebied_value is None:
        return _suggest_without_gebied(city_value, names, _)
    return _suggest_by_difference(wijk_value, gebied_value, city_value, threshold_pct, names, _)


def _suggest_without_gebied_level(wijk_value, city_value, names: dict, _) -> Suggestion:
    """No level between the area and the city: compare the area with the city."""
    if wijk_value is None:
        return Suggestion(COMPARE_NONE, "", "", _("Er is geen cijfer voor %(wijk)s.") % names)
    if city_value is None:
        return Suggestion(
            COMPARE_NONE,
            "wijk",
            "",
            _("Er is geen cijfer van %(stad)s om mee te vergelijken.") % names,
        )
    return Suggestion(
        COMPARE_WIJK_CITY,
        "wijk",
        "stad",
        _("Vergelijk %(wijk)s met %(stad)s.") % names,
    )


def _suggest_without_wijk(gebied_value, city_value, names: dict, _) -> Suggestion:
    """The wijk lacks figures: fall back to the gebied."""
    if gebied_value is None:
        return Suggestion(
            COMPARE_NONE,
            "",
            "",
            _("Er zijn geen cijfers voor %(wijk)s en %(gebied)s.") % names,
        )
    if city_value is None:
        return Suggestion(
            COMPARE_NONE,
            "gebied",
            "",
            _(
                "Voor %(wijk)s is er geen cijfer en voor %(stad)s ook niet; bekijk het cijfer "
                "van %(gebied)s."
            )
            % names,
        )
    return Suggestion(
        COMPARE_GEBIED_CITY,
        "gebied",
        "stad",
        _(
            "Voor %(wijk)s zijn er hier geen (of te weinig) cijfers. Kies de hogere schaal: "
            "vergelijk %(gebied)s met %(stad)s."
        )
        % names,
    )


def _suggest_without_gebied(city_value, names: dict, _) -> Suggestion:
    """The gebied lacks a figure: compare the wijk with the city."""
    if city_value is None:
        return Suggestion(
            COMPARE_NONE,
            "wijk",
            "",
            _("Er is geen cijfer van %(gebied)s of %(stad)s om mee te vergelijken.") % names,
        )
    return Suggestion(
        COMPARE_WIJK_CITY,
        "wijk",
        "stad",
        _("Voor %(gebied)s is er geen cijfer; vergelijk %(wijk)s met %(stad)s.") % names,
    )


def _suggest_by_difference(
    wijk_value: float, gebied_value: float, city_value, threshold_pct: float, names: dict, _
) -> Suggestion:
    """Wijk and gebied both have a figure: do they differ much, compare the wijk with the city,
    else the gebied with the city."""
    rel = relative_difference_pct(wijk_value, gebied_value)
    if rel is None:  # gebied value 0: any other wijk value differs much
        differs = wijk_value != gebied_value
    else:
        differs = outside_threshold(rel, threshold_pct)
    names["rel"] = nl_number(abs(rel), 1) if rel is not None else "–"
    names["threshold"] = threshold_label(threshold_pct)
    if differs:
        text = _(
            "De cijfers van %(wijk)s wijken veel af van die van %(gebied)s (%(rel)s%%, meer dan "
            "±%(threshold)s%%). Vergelijk daarom %(wijk)s met %(stad)s."
        )
        choice, subject = COMPARE_WIJK_CITY, "wijk"
    else:
        text = _(
            "De cijfers van %(wijk)s wijken niet veel af van die van %(gebied)s (%(rel)s%%, "
            "binnen ±%(threshold)s%%). Vergelijk daarom %(gebied)s met %(stad)s: op dat niveau "
            "zijn vaak meer cijfers beschikbaar."
        )
        choice, subject = COMPARE_GEBIED_CITY, "gebied"
    text = text % names
    if city_value is None:
        text += " " + _("Let op: voor %(stad)s is er in deze periode geen cijfer.") % names
    return Suggestion(choice, subject, "stad", text, differs_much=differs, relative_pct=rel)


# --- Which figure is shown (the period rule) --------------------------------------------------

_YEAR_RE = re.compile(r"^\d{4}$")


def period_sort_key(start: date, end: date) -> tuple[date, int]:
    """For max(): the later end wins; at the same end the longer period, i.e. the earlier start
    (the year 2023 before "2e halfjaar 2023")."""
    return (end, -start.toordinal())


def pick_period(items: list, period: str | None, *, code, kind, year, is_ok, key):
    """The item that represents `period` among one indicator's observations for one area.

    period None: the latest period with a figure (is_ok), else the latest item at all.
    "2021" (a year): the year itself, else the latest half year / quarter / peildatum in 2021,
    again preferring one with a figure. Any other code ("2021H1"): exactly that period.
    code / kind / year / is_ok / key are accessor functions on an item (key: `period_sort_key`).
    """
    if period is None:
        candidates = items
    elif _YEAR_RE.match(period):
        wanted = int(period)
        candidates = [i for i in items if year(i) == wanted]
        exact = [i for i in candidates if kind(i) == "year"]
        if exact:
            candidates = exact
    else:
        candidates = [i for i in items if code(i) == period]
    if not candidates:
        return None
    with_value = [i for i in candidates if is_ok(i)]
    return max(with_value or candidates, key=key)
