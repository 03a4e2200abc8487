"""Pages of the cycle part: leerlogboek, lerend vermogen, "Volgende cyclus starten", the minutes
and their CSV/Excel exports. Thin: permissions from `programmes.permissions` and
`reflections.permissions`, reads in logbook/health/minutes, the write in next_cycle."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from duiding.core.exports import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from duiding.core.versioning import StaleEdit, VersionField, lock_and_check
from duiding.programmes.permissions import programme_or_404, visible_programmes
from duiding.reflections.cycle import exports, health, logbook, next_cycle
from duiding.reflections.cycle.minutes import minutes as minutes_of
from duiding.reflections.permissions import can_steer, reflection_or_404


@login_required
@require_GET
def logbook_page(request, programme_pk: int):
    programme = programme_or_404(request.user, programme_pk)
    entries = logbook.programme_logbook(programme, request.user)
    return render(
        request,
        "reflections/cycle/logbook.html",
        {"programme": programme, "entries": entries, "tab": "", "nav": "programmes"},
    )


@login_required
@require_GET
def learning_health_page(request):
    programmes = visible_programmes(request.user).select_related("area", "area__parent")
    today = timezone.localdate()
    groups = health.municipality_health(programmes, request.user, today)
    return render(
        request,
        "reflections/cycle/learning_health.html",
        {
            "groups": [(g, health.programmes_meeting_norm(g.programmes)) for g in groups],
            "today": today,
            "nav": "programmes",
        },
    )


class NextCycleForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Naam van het nieuwe programma"),
        max_length=200,
        error_messages={"required": gettext_lazy("Geef de naam van het nieuwe programma.")},
    )
    start_year = forms.IntegerField(
        label=gettext_lazy("Beginjaar"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": gettext_lazy("Geef het beginjaar."),
            "invalid": gettext_lazy("Geef het beginjaar als jaartal."),
            "min_value": gettext_lazy("Geef het beginjaar als jaartal."),
            "max_value": gettext_lazy("Geef het beginjaar als jaartal."),
        },
    )
    end_year = forms.IntegerField(
        label=gettext_lazy("Eindjaar"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": gettext_lazy("Geef het eindjaar."),
            "invalid": gettext_lazy("Geef het eindjaar als jaartal."),
            "min_value": gettext_lazy("Geef het eindjaar als jaartal."),
            "max_value": gettext_lazy("Geef het eindjaar als jaartal."),
        },
    )
    version = VersionField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field.widget, forms.HiddenInput):
                field.widget.attrs.setdefault("class", "utrecht-textbox")
        self.fields["start_year"].widget.attrs["inputmode"] = "numeric"
        self.fields["end_year"].widget.attrs["inputmode"] = "numeric"

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("Het eindjaar ligt voor het beginjaar."))
        return data


@login_required
@require_http_methods(["GET", "POST"])
def next_cycle_page(request, programme_pk: int):
    programme = programme_or_404(request.user, programme_pk, edit=True)
    already = programme.next_programmes.order_by("pk").first()
    proposal = next_cycle.proposal(programme)
    stale = None
    if request.method == "POST" and already is None:
        form = NextCycleForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                new = _start(programme, request.user, data)
            except StaleEdit as error:
                stale = error
                form.data = form.data.copy()
                form.data["version"] = str(error.current.version)
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, messages in error.message_dict.items():
                        for message in messages:
                            form.add_error(field if field in form.fields else None, message)
                else:
                    for message in error.messages:
                        form.add_error(None, message)
            else:
                return redirect("programmes:detail", new.pk)
    else:
        form = NextCycleForm(
            initial={
                "name": proposal.name,
                "start_year": proposal.start_year,
                "end_year": proposal.end_year,
                "version": programme.version,
            }
        )
    stopped = programme.activities.filter(pk__in=next_cycle.stopped_activity_ids(programme))
    return render(
        request,
        "reflections/cycle/next_cycle.html",
        {
            "programme": programme,
            "form": form,
            "stale": stale,
            "already": already,
            "results_count": programme.results.count(),
            "activities_count": programme.activities.count(),
            "stopped": list(stopped),
            "open_actions": list(
                next_cycle.open_actions(programme).select_related("owner_organisation")
            ),
            "tab": "",
            "nav": "programmes",
        },
        status=200 if not form.errors and not stale else 400,
    )


def _start(programme, user, data):
    with transaction.atomic():
        lock_and_check(programme, data.get("version"))
        programme.save(update_fields=["version"])
        return next_cycle.next_cycle_start(
            programme,
            user=user,
            name=data["name"],
            start_year=data["start_year"],
            end_year=data["end_year"],
        )


@login_required
@require_GET
def minutes_page(request, pk: int):
    reflection = reflection_or_404(request.user, pk)
    return render(
        request,
        "reflections/cycle/minutes.html",
        {
            "reflection": reflection,
            "m": minutes_of(reflection, request.user),
            "can_steer": can_steer(request.user, reflection),
            "nav": "programmes",
        },
    )


def _filename(reflection, ext: str) -> str:
    return f"verslag-{slugify(reflection.title) or reflection.pk}-{reflection.date:%Y%m%d}.{ext}"


@login_required
@require_GET
def minutes_csv(request, pk: int):
    reflection = reflection_or_404(request.user, pk)
    response = StreamingHttpResponse(
        exports.csv_lines(minutes_of(reflection, request.user)), content_type=CSV_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(reflection, "csv")}"'
    return response


@login_required
@require_GET
def minutes_xlsx(request, pk: int):
    reflection = reflection_or_404(request.user, pk)
    response = HttpResponse(
        exports.xlsx_bytes(minutes_of(reflection, request.user)), content_type=XLSX_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(reflection, "xlsx")}"'
    return response
