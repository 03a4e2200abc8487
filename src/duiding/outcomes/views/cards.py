"""Paired cards of an activity (staff, who may manage its outcome): make a set of N cards and
download a set as a printable PDF (A4, 8 cards per page, each with its QR code to
/v/kaart/<code>/ and its code in large letters)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duiding.outcomes.cards import MAX_CARDS, card_batches, cards_create, group_code
from duiding.outcomes.models import PairCard
from duiding.outcomes.permissions import outcome_activity_or_404
from duiding.outcomes.printing import pdf, qr_data_uri, short_link

PER_PAGE = 8


class CardSetForm(forms.Form):
    count = forms.IntegerField(
        label=gettext_lazy("Aantal kaarten"),
        min_value=1,
        max_value=MAX_CARDS,
        initial=24,
        widget=forms.NumberInput(
            attrs={"class": "utrecht-textbox utrecht-textbox--html-input", "size": "4"}
        ),
        help_text=gettext_lazy("1 tot en met 200; er passen 8 kaarten op een A4."),
        error_messages={
            "required": gettext_lazy("Vul het aantal kaarten in."),
            "invalid": gettext_lazy("Vul een heel getal in."),
            "min_value": gettext_lazy("Maak minstens 1 kaart."),
            "max_value": gettext_lazy("Maak hoogstens 200 kaarten per keer."),
        },
    )


@login_required
def cards(request, pk: int):
    activity = outcome_activity_or_404(request.user, pk, edit=True)
    form = CardSetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        batch = cards_create(activity=activity, count=form.cleaned_data["count"])
        messages.success(
            request,
            _("Set %(batch)s met %(n)s kaarten is gemaakt. Download hem als PDF om te printen.")
            % {"batch": batch, "n": form.cleaned_data["count"]},
        )
        return redirect("outcomes:cards", pk=activity.pk)
    return render(
        request,
        "outcomes/cards.html",
        {
            "nav": "programmes",
            "activity": activity,
            "programme": activity.programme,
            "form": form,
            "batches": card_batches(activity),
        },
        status=400 if form.errors else 200,
    )


@login_required
def cards_pdf(request, pk: int, batch: int):
    activity = outcome_activity_or_404(request.user, pk, edit=True)
    codes = list(
        PairCard.objects.filter(activity=activity, batch=batch)
        .order_by("pk")
        .values_list("code", flat=True)
    )
    if not codes:
        raise Http404
    items = []
    for code in codes:
        link = request.build_absolute_uri(reverse("outcomes_public:card", kwargs={"code": code}))
        items.append({"code": group_code(code), "qr": qr_data_uri(link), "link": short_link(link)})
    pages = [items[i : i + PER_PAGE] for i in range(0, len(items), PER_PAGE)]
    content = pdf(
        "outcomes/print/cards.html",
        {"activity": activity, "pages": pages, "batch": batch},
        base_url=request.build_absolute_uri("/"),
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="kaarten-set-{batch}.pdf"'
    return response


urlpatterns = [
    path("activiteit/<int:pk>/kaarten/", cards, name="cards"),
    path("activiteit/<int:pk>/kaarten/<int:batch>.pdf", cards_pdf, name="cards_pdf"),
]
