"""Sharing a questionnaire (staff): the public link, its QR code on the page, the QR code as SVG
and PNG, and a printable poster (PDF, A4 or A5) with the activity's name, the questionnaire's
title, the QR code, the short link and "Duurt minder dan een minuut". Who may see the
questionnaire may share it (`questionnaire_or_404`)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from duiding.outcomes.answer_services import window_state
from duiding.outcomes.permissions import can_manage_outcome, questionnaire_or_404
from duiding.outcomes.printing import (
    POSTER_SIZES,
    pdf,
    qr_data_uri,
    qr_png,
    qr_svg,
    qr_svg_inline,
    short_link,
)


def public_link(request, questionnaire) -> str:
    return request.build_absolute_uri(
        reverse("outcomes_public:answer", kwargs={"code": questionnaire.code})
    )


def _filename(questionnaire, suffix: str) -> str:
    return f"vragenlijst-{slugify(questionnaire.title)[:40] or questionnaire.code}-{suffix}"


@login_required
def share(request, pk: int):
    questionnaire = questionnaire_or_404(request.user, pk)
    link = public_link(request, questionnaire)
    return render(
        request,
        "outcomes/share.html",
        {
            "nav": "programmes",
            "questionnaire": questionnaire,
            "activity": questionnaire.activity,
            "programme": questionnaire.activity.programme,
            "link": link,
            "short_link": short_link(link),
            "qr": qr_svg_inline(link, scale=6),
            "state": window_state(questionnaire),
            "has_questions": questionnaire.current is not None,
            "can_manage": can_manage_outcome(request.user, questionnaire.activity),
            "sizes": POSTER_SIZES,
        },
    )


@login_required
def qr_download(request, pk: int, fmt: str):
    questionnaire = questionnaire_or_404(request.user, pk)
    link = public_link(request, questionnaire)
    if fmt == "svg":
        response = HttpResponse(
            qr_svg(link, title=questionnaire.title), content_type="image/svg+xml"
        )
    elif fmt == "png":
        response = HttpResponse(qr_png(link), content_type="image/png")
    else:
        raise Http404
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(questionnaire, "qr")}.{fmt}"'
    )
    return response


@login_required
def poster(request, pk: int, size: str):
    questionnaire = questionnaire_or_404(request.user, pk)
    if size not in POSTER_SIZES:
        raise Http404
    link = public_link(request, questionnaire)
    content = pdf(
        "outcomes/print/poster.html",
        {
            "size": size,
            "questionnaire": questionnaire,
            "activity": questionnaire.activity,
            "qr": qr_data_uri(link),
            "short_link": short_link(link),
            "lead": _("Vul de vragenlijst in op uw telefoon"),
        },
        base_url=request.build_absolute_uri("/"),
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(questionnaire, "poster-" + size)}.pdf"'
    )
    return response


urlpatterns = [
    path("vragenlijst/<int:pk>/delen/", share, name="questionnaire_share"),
    path("vragenlijst/<int:pk>/qr.<str:fmt>", qr_download, name="questionnaire_qr"),
    path("vragenlijst/<int:pk>/poster-<str:size>.pdf", poster, name="questionnaire_poster"),
]
