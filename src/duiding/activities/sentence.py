"""The "zodatje" of an activity (seed 003 step 3, tip "Zodatjes"): one sentence that says what an
activity is for. "We zetten {activiteit} in voor {doelgroep}, zodat {factor} versterkt/vermindert
en {resultaat} dichterbij komt". The form composes the same sentence live in the browser
(static/activities/sentence.js) from the templates in `sentence_templates()`."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

PLACEHOLDER = "…"


def _lower_first(name: str) -> str:
    """'Opvoedingsvaardigheden' -> 'opvoedingsvaardigheden' (but 'GGZ' stays 'GGZ')."""
    if len(name) > 1 and name[0].isupper() and not name[1].isupper():
        return name[0].lower() + name[1:]
    return name


def join_words(parts: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if not parts:
        return PLACEHOLDER
    if len(parts) == 1:
        return parts[0]
    return _("%(first)s en %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}


def factor_phrase(name: str, effect: str) -> str:
    if effect == "vermindert":
        return _("%(factor)s vermindert") % {"factor": _lower_first(name)}
    return _("%(factor)s versterkt") % {"factor": _lower_first(name)}


def compose(
    *, name: str, target_group: str, factors: list[tuple[str, str]], results: list[str]
) -> str:
    """The sentence for an activity; missing parts read "…".

    `factors` are (factor name, effect "versterkt"/"vermindert"), `results` the result texts."""
    results_text = join_words([f"„{text.strip().rstrip('.')}”" for text in results])
    return ngettext(
        "We zetten %(activity)s in voor %(target_group)s, zodat %(factors)s en %(results)s "
        "dichterbij komt.",
        "We zetten %(activity)s in voor %(target_group)s, zodat %(factors)s en %(results)s "
        "dichterbij komen.",
        max(len(results), 1),
    ) % {
        "activity": name.strip() or PLACEHOLDER,
        "target_group": _lower_first(target_group.strip()) or PLACEHOLDER,
        "factors": join_words([factor_phrase(n, e) for n, e in factors]),
        "results": results_text,
    }


def activity_sentence(activity) -> str:
    """The sentence of a saved activity (uses prefetched factor_links and results when there)."""
    links = activity.factor_links.all()
    return compose(
        name=activity.name,
        target_group=activity.target_group,
        factors=[(link.factor.name, link.effect) for link in links],
        results=[r.text for r in activity.results.all()],
    )


def sentence_templates() -> dict:
    """The translated pieces the browser needs to compose the same sentence."""
    return {
        "one": ngettext(
            "We zetten %(activity)s in voor %(target_group)s, zodat %(factors)s en %(results)s "
            "dichterbij komt.",
            "We zetten %(activity)s in voor %(target_group)s, zodat %(factors)s en %(results)s "
            "dichterbij komen.",
            1,
        ),
        "many": ngettext(
            "We zetten %(activity)s in voor %(target_group)s, zodat %(factors)s en %(results)s "
            "dichterbij komt.",
            "We zetten %(activity)s in voor %(target_group)s, zodat %(factors)s en %(results)s "
            "dichterbij komen.",
            2,
        ),
        "versterkt": _("%(factor)s versterkt"),
        "vermindert": _("%(factor)s vermindert"),
        "and": _("%(first)s en %(last)s"),
        "placeholder": PLACEHOLDER,
    }
