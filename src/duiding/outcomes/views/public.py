"""The public answer pages (no account), mounted at /v/: the questionnaire on a phone, its
thank-you page, and the landing page of a paired card's QR code.

- One short page that works without JavaScript; Dutch first, `?lang=en` for English (the
  partner's English texts where entered, else Dutch).
- One answer per device per questionnaire: a signed cookie set after a stored answer.
- A rate limit per questionnaire (`answer_services.rate_limit_exceeded`): a polite 429 page.
- No client address or user agent reaches these views (`core.middleware`).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core import signing
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from duiding.outcomes.answer_services import (
    AnswersInvalid,
    CardUsed,
    Replayed,
    WindowClosed,
    normalise_card_code,
    rate_limit_exceeded,
    submit,
    window_state,
)
from duiding.outcomes.answering import ALL
from duiding.outcomes.definition import text
from duiding.outcomes.models import PairCard, Questionnaire, Response

LANGUAGES = ("nl", "en")
FORM_SALT = "duiding.outcomes.submission"
DEVICE_SALT = "duiding.outcomes.answered"
TOKEN_MAX_AGE = 60 * 60 * 24  # a form may be open for a day


def _language(request) -> str:
    lang = request.POST.get("lang") or request.GET.get("lang") or "nl"
    return lang if lang in LANGUAGES else "nl"


def _device_cookie(code: str) -> str:
    return f"duiding_v_{code}"


def answered_on_this_device(request, questionnaire) -> bool:
    value = request.get_signed_cookie(
        _device_cookie(questionnaire.code), default=None, salt=DEVICE_SALT
    )
    return value == "1"


def new_form_token() -> str:
    """The one-time token of one form, signed so only forms of this site carry one."""
    return signing.TimestampSigner(salt=FORM_SALT).sign(secrets.token_urlsafe(24))


def form_token_value(signed: str) -> str:
    """The raw token of a signed form token ("" when it is not one of ours or too old)."""
    try:
        return signing.TimestampSigner(salt=FORM_SALT).unsign(
            str(signed or ""), max_age=TOKEN_MAX_AGE
        )
    except signing.BadSignature:
        return ""


def _page(request, template: str, context: dict, status: int = 200, lang: str = "nl"):
    with translation.override(lang):
        return render(
            request,
            f"outcomes/public/{template}",
            {"lang": lang, "other_lang": "en" if lang == "nl" else "nl", **context},
            status=status,
        )


def _message(request, lang: str, title: str, lines: list[str], status: int = 200, **extra):
    return _page(request, "message.html", {"title": title, "lines": lines, **extra}, status, lang)


def _questionnaire(code: str) -> Questionnaire | None:
    return (
        Questionnaire.objects.filter(code=code.upper())
        .select_related("activity", "activity__organisation")
        .first()
    )


def _not_found(request, lang: str):
    with translation.override(lang):
        return _message(
            request,
            lang,
            _("Deze vragenlijst bestaat niet"),
            [
                _(
                    "We kunnen geen vragenlijst vinden bij deze link. Misschien is er een "
                    "letter verkeerd overgenomen, of is de vragenlijst verwijderd."
                ),
                _("Vraag de organisatie die u de link gaf om een nieuwe."),
            ],
            status=404,
        )


def _closed(request, lang: str, questionnaire: Questionnaire, state: str):
    with translation.override(lang):
        title = _title(questionnaire, lang)
        if state == "not_yet":
            line = _("Deze vragenlijst is nog niet open. U kunt hem invullen vanaf %(date)s.") % {
                "date": format_date(questionnaire.opens_on)
            }
        else:
            line = _(
                "Deze vragenlijst is gesloten: hij kon worden ingevuld tot en met %(date)s. Er "
                "kunnen geen antwoorden meer bij. Dank u wel voor uw moeite."
            ) % {"date": format_date(questionnaire.closes_on)}
        return _message(
            request,
            lang,
            title,
            [line],
            status=403 if state == "not_yet" else 410,
            organisation=questionnaire.activity.organisation,
        )


def format_date(value) -> str:
    """23 november 2026 (in the active language)."""
    return date_format(value, "j F Y")


def _title(questionnaire: Questionnaire, lang: str) -> str:
    return (questionnaire.title_en if lang == "en" else "") or questionnaire.title


def _already(request, lang: str, questionnaire: Questionnaire, *, card: PairCard | None = None):
    with translation.override(lang):
        if card is not None:
            line = _("Met kaart %(code)s is deze vragenlijst al ingevuld. Dank u wel!") % {
                "code": card.code
            }
        else:
            line = _("U heeft deze vragenlijst al ingevuld, dank u wel.")
        return _message(
            request,
            lang,
            _title(questionnaire, lang),
            [line],
            organisation=questionnaire.activity.organisation,
        )


def _too_many(request, lang: str):
    with translation.override(lang):
        response = _message(
            request,
            lang,
            _("Even geduld"),
            [
                _(
                    "Er worden op dit moment heel veel antwoorden tegelijk verstuurd. Wacht een "
                    "minuut en druk dan opnieuw op Versturen. Uw antwoorden staan nog in het "
                    "formulier als u teruggaat."
                )
            ],
            status=429,
        )
        response["Retry-After"] = "60"
        return response


def _question_view(question: dict, lang: str, data, error: str) -> dict:
    """What the template needs for one question (texts in `lang`, the sent value kept)."""
    kind = question["kind"]
    key = question["key"]
    if kind == "multiple":
        kept = [str(v) for v in data.getlist(key)] if data else []
    else:
        kept = str(data.get(key, "")) if data else ""
    view = {
        "key": key,
        "kind": kind,
        "label": text(question.get("label"), lang),
        "hint": text(question.get("hint"), lang),
        "required": question.get("required", False),
        "conditional": bool(question.get("relevant")),
        "error": error,
        "value": kept,
        "id": f"v-{key}",
    }
    if kind == "scale":
        labels = {c["value"]: text(c["label"], lang) for c in question.get("choices") or []}
        points = range(int(question["min"]), int(question["max"]) + 1)
        view["labelled"] = all(labels.get(str(p)) for p in points)
        # Tiles per row on a phone: all in one row up to 6 points, else two rows.
        view["cols"] = len(points) if len(points) <= 6 else (len(points) + 1) // 2
        view["options"] = [
            {"value": str(p), "label": labels.get(str(p), ""), "checked": kept == str(p)}
            for p in points
        ]
        anchors = question.get("anchors") or {}
        view["anchor_min"] = text(anchors.get("min"), lang)
        view["anchor_max"] = text(anchors.get("max"), lang)
    elif kind in ("single", "multiple"):
        chosen = kept if isinstance(kept, list) else [kept]
        view["options"] = [
            {
                "value": c["value"],
                "label": text(c["label"], lang),
                "checked": c["value"] in chosen,
            }
            for c in question.get("choices") or []
        ]
    elif kind == "number":
        view["min"], view["max"] = question.get("min"), question.get("max")
        view["decimals"] = int(question.get("decimals") or 0)
    elif kind == "text":
        view["max_length"] = int(question.get("max_length") or 1000)
    return view


def _form_page(request, questionnaire, version, lang, *, data=None, errors=None, card_code=""):
    errors = errors or {}
    questions = [_question_view(q, lang, data, errors.get(q["key"], "")) for q in version.questions]
    has_cards = PairCard.objects.filter(activity_id=questionnaire.activity_id).exists()
    intro = (questionnaire.intro_en if lang == "en" else "") or questionnaire.intro
    summary = [
        {"anchor": q["id"], "label": q["label"], "message": q["error"]}
        for q in questions
        if q["error"]
    ]
    if errors.get("card"):
        summary.append(
            {"anchor": "v-card", "label": _("Code van uw kaart"), "message": errors["card"]}
        )
    return _page(
        request,
        "questionnaire.html",
        {
            "questionnaire": questionnaire,
            "title": _title(questionnaire, lang),
            "intro": intro,
            "organisation": questionnaire.activity.organisation,
            "questions": questions,
            "summary": summary,
            "general_error": errors.get(ALL) or errors.get("submission", ""),
            "card_code": card_code,
            "card_error": errors.get("card", ""),
            "card_fixed": bool(card_code) and not errors.get("card") and data is None,
            "has_cards": has_cards or bool(card_code),
            "token": new_form_token(),
            "action": request.path,
        },
        lang=lang,
    )


def answer(request, code: str):
    """GET: the questionnaire; POST: store the answers and go to the thank-you page."""
    lang = _language(request)
    questionnaire = _questionnaire(code)
    version = questionnaire.current if questionnaire else None
    if version is None:
        return _not_found(request, lang)
    state = window_state(questionnaire)
    if state != "open":
        return _closed(request, lang, questionnaire, state)
    if answered_on_this_device(request, questionnaire):
        return _already(request, lang, questionnaire)
    if request.method != "POST":
        return _answer_get(request, questionnaire, version, lang)
    if rate_limit_exceeded(questionnaire.code):
        return _too_many(request, lang)
    card_code = normalise_card_code(request.POST.get("card", ""))
    with translation.override(lang):
        try:
            submit(
                questionnaire,
                request.POST,
                card=card_code or None,
                source=Response.Source.PHONE,
                language=lang,
                submission_token=form_token_value(request.POST.get("token", "")),
                version=version,
            )
        except AnswersInvalid as invalid:
            return _form_page(
                request,
                questionnaire,
                version,
                lang,
                data=request.POST,
                errors=invalid.errors,
                card_code=card_code,
            )
        except Replayed:
            return _thanks_redirect(questionnaire, lang)
        except CardUsed:
            card = PairCard.objects.get(code=card_code)
            return _already(request, lang, questionnaire, card=card)
        except WindowClosed:  # closed between the checks above and now (midnight)
            return _closed(request, lang, questionnaire, window_state(questionnaire))
    response = _thanks_redirect(questionnaire, lang)
    response.set_signed_cookie(
        _device_cookie(questionnaire.code),
        "1",
        salt=DEVICE_SALT,
        max_age=60 * 60 * 24 * 400,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        path=reverse("outcomes_public:answer", kwargs={"code": questionnaire.code}),
    )
    return response


def _answer_get(request, questionnaire, version, lang):
    card_code = normalise_card_code(request.GET.get("kaart", ""))
    if card_code:
        card = PairCard.objects.filter(
            code=card_code, activity_id=questionnaire.activity_id
        ).first()
        if card is None:
            card_code = ""
        elif Response.objects.filter(questionnaire=questionnaire, card=card).exists():
            return _already(request, lang, questionnaire, card=card)
    return _form_page(request, questionnaire, version, lang, card_code=card_code)


def _thanks_redirect(questionnaire, lang):
    url = reverse("outcomes_public:thanks", kwargs={"code": questionnaire.code})
    return redirect(url + ("?" + urlencode({"lang": lang}) if lang != "nl" else ""))


def thanks(request, code: str):
    lang = _language(request)
    questionnaire = _questionnaire(code)
    if questionnaire is None:
        return _not_found(request, lang)
    return _page(
        request,
        "thanks.html",
        {
            "questionnaire": questionnaire,
            "title": _title(questionnaire, lang),
            "organisation": questionnaire.activity.organisation,
        },
        lang=lang,
    )


def card(request, code: str):
    """A paired card's QR code: to the questionnaire of the card's activity open today."""
    lang = _language(request)
    found = PairCard.objects.filter(code=normalise_card_code(code)).first()
    with translation.override(lang):
        if found is None:
            return _message(
                request,
                lang,
                _("Deze kaart kennen we niet"),
                [
                    _(
                        "De code van deze kaart staat niet bij ons. Vraag de organisatie die u "
                        "de kaart gaf om hulp."
                    )
                ],
                status=404,
            )
        today = timezone.localdate()
        open_now = [
            q
            for q in Questionnaire.objects.filter(
                activity_id=found.activity_id,
                opens_on__lte=today,
                closes_on__gte=today,
                versions__isnull=False,
            )
            .distinct()
            .order_by("opens_on", "pk")
        ]
        if len(open_now) == 1:
            return redirect(_card_link(open_now[0], found, lang))
        if not open_now:
            return _message(
                request,
                lang,
                _("Er is nu geen vragenlijst open"),
                [
                    _(
                        "Bij deze kaart is op dit moment geen vragenlijst om in te vullen. "
                        "Bewaar uw kaart: u heeft hem later nog nodig."
                    )
                ],
            )
        choices = [{"title": _title(q, lang), "url": _card_link(q, found, lang)} for q in open_now]
        return _message(
            request,
            lang,
            _("Kies de vragenlijst"),
            [_("Bij deze kaart zijn nu meer vragenlijsten open. Welke wilt u invullen?")],
            choices=choices,
        )


def _card_link(questionnaire, card_obj, lang) -> str:
    query = {"kaart": card_obj.code}
    if lang != "nl":
        query["lang"] = lang
    url = reverse("outcomes_public:answer", kwargs={"code": questionnaire.code})
    return f"{url}?{urlencode(query)}"


urlpatterns = [
    path("kaart/<str:code>/", card, name="card"),
    path("<str:code>/", answer, name="answer"),
    path("<str:code>/bedankt/", thanks, name="thanks"),
]
