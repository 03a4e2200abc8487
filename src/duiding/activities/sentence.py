"""The "zodatje" of an activity (seed 003 step 3, tip "Zodatjes"): one sentence that says what an
activity is for, e.g. "We zetten Home-Start in voor ouders met jonge kinderen, zodat
opvoedingsvaardigheden worden versterkt, taalachterstand afneemt en „…” dichterbij komt."

One source of the grammar: `sentence_templates()` holds every translated piece (with its singular
and plural form); `compose()` here and the form's script (static/activities/sentence.js, which
receives the same templates as JSON) only fill them in, in the same order:
  sentence  = "We zetten {activity} in voor {target group}, zodat {effects}."
  effects   = readable list ("A, B en C") of: strengthened factors, reduced factors, results
Singular or plural follows the number of factors or results in a part; an activity name with a
colon is quoted („…”); a result text loses its own final full stop inside the quotes."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

PLACEHOLDER = "…"


def _lower_first(name: str) -> str:
    """'Opvoedingsvaardigheden' -> 'opvoedingsvaardigheden' (but 'GGZ' stays 'GGZ')."""
    if len(name) > 1 and name[0].isupper() and not name[1].isupper():
        return name[0].lower() + name[1:]
    return name


def _plural_pair(singular: str, plural: str) -> list[str]:
    return [ngettext(singular, plural, 1), ngettext(singular, plural, 2)]


def sentence_templates() -> dict:
    """The translated pieces of the sentence; [singular, plural] where the verb follows the
    number. The browser gets this dict as JSON (json_script) and fills it like `compose`."""
    return {
        "sentence": _("We zetten %(activity)s in voor %(target_group)s, zodat %(effects)s."),
        "versterkt": _plural_pair("%(factors)s wordt versterkt", "%(factors)s worden versterkt"),
        "vermindert": _plural_pair("%(factors)s afneemt", "%(factors)s afnemen"),
        "results": _plural_pair("%(results)s dichterbij komt", "%(results)s dichterbij komen"),
        "and": _("%(first)s en %(last)s"),
        "quote": _("„%(text)s”"),
        "placeholder": PLACEHOLDER,
    }


def join_words(parts: list[str], t: dict | None = None) -> str:
    """'a', 'a en b', 'a, b en c'."""
    t = t or sentence_templates()
    if not parts:
        return t["placeholder"]
    if len(parts) == 1:
        return parts[0]
    return t["and"] % {"first": ", ".join(parts[:-1]), "last": parts[-1]}


def _activity_name(name: str, t: dict) -> str:
    name = name.strip()
    if not name:
        return t["placeholder"]
    return t["quote"] % {"text": name} if ":" in name else name


def _part(template: list[str], key: str, items: list[str], t: dict) -> str:
    return template[0 if len(items) <= 1 else 1] % {key: join_words(items, t)}


def compose(
    *, name: str, target_group: str, factors: list[tuple[str, str]], results: list[str]
) -> str:
    """The sentence for an activity; missing parts read "…".

    `factors` are (factor name, effect "versterkt"/"vermindert"), `results` the result texts."""
    t = sentence_templates()
    effects = []
    for effect in ("versterkt", "vermindert"):
        names = [_lower_first(n.strip()) for n, e in factors if e == effect]
        if names:
            effects.append(_part(t[effect], "factors", names, t))
    if not effects:
        effects.append(t["placeholder"])
    quoted = [t["quote"] % {"text": text.strip().rstrip(".").strip()} for text in results]
    effects.append(_part(t["results"], "results", quoted, t))
    return t["sentence"] % {
        "activity": _activity_name(name, t),
        "target_group": _lower_first(target_group.strip()) or t["placeholder"],
        "effects": join_words(effects, t),
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
