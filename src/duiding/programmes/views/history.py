"""Programmes views: the history of a section (versions, one version, two compared)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from duiding.programmes.diffing import diff_html, list_diff
from duiding.programmes.models import SectionStatus, SectionVersion
from duiding.programmes.views.shared import programme_context, section_or_404


def _status_label(value: str) -> str:
    try:
        return str(SectionStatus(value).label)
    except ValueError:
        return value or "–"


def content_lines(content: dict) -> dict[str, list[str]]:
    """A version's lists as readable lines (the history shows and compares these)."""
    factors = [
        f"{name} — {note}" if note else name for _pk, name, note in content.get("factors", [])
    ]
    striking = [
        f"{name} — {note}" if note else name for _pk, name, note in content.get("striking", [])
    ]
    missing = []
    for description, reason, source, status in content.get("missing", []):
        extra = "; ".join(x for x in (reason, source) if x)
        line = description + (f" ({extra})" if extra else "")
        missing.append(f"{line} [{_status_label(status)}]")
    return {"factors": factors, "striking": striking, "missing": missing}


@dataclass
class VersionView:
    version: SectionVersion
    status_label: str
    lines: dict[str, list[str]]


@dataclass
class Comparison:
    old: SectionVersion
    new: SectionVersion
    analysis: str
    conclusion: str
    status_changed: bool
    old_status: str
    new_status: str
    factors: str
    striking: str
    missing: str


def _number(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() else None


def compare_versions(old: SectionVersion, new: SectionVersion) -> Comparison:
    if old.number > new.number:
        old, new = new, old
    a, b = old.snapshot, new.snapshot
    la, lb = content_lines(a), content_lines(b)
    return Comparison(
        old=old,
        new=new,
        analysis=diff_html(a.get("analysis", ""), b.get("analysis", "")),
        conclusion=diff_html(a.get("conclusion", ""), b.get("conclusion", "")),
        status_changed=a.get("status") != b.get("status"),
        old_status=_status_label(a.get("status", "")),
        new_status=_status_label(b.get("status", "")),
        factors=list_diff(la["factors"], lb["factors"]),
        striking=list_diff(la["striking"], lb["striking"]),
        missing=list_diff(la["missing"], lb["missing"]),
    )


@login_required
@require_GET
def section_history(request, pk: int, section_id: int):
    """?bekijk=N shows one version; ?a=N&b=M compares two (any order)."""
    programme, section = section_or_404(request, pk, section_id)
    versions = list(section.versions.select_related("user").order_by("-number"))
    by_number = {v.number: v for v in versions}
    shown = comparison = None
    error = ""
    number = _number(request.GET.get("bekijk"))
    if "bekijk" in request.GET:
        if number not in by_number:
            raise Http404
        v = by_number[number]
        shown = VersionView(
            v, _status_label(v.snapshot.get("status", "")), content_lines(v.snapshot)
        )
    a, b = _number(request.GET.get("a")), _number(request.GET.get("b"))
    if "a" in request.GET or "b" in request.GET:
        if a not in by_number or b not in by_number:
            error = _("Kies twee bestaande versies om te vergelijken.")
        elif a == b:
            error = _("Kies twee verschillende versies om te vergelijken.")
        else:
            comparison = compare_versions(by_number[a], by_number[b])
    default_a = a if a in by_number else (versions[1].number if len(versions) > 1 else None)
    default_b = b if b in by_number else (versions[0].number if versions else None)
    context = programme_context(
        request,
        programme,
        "summary" if section.kind == "overall" else "analysis",
        section=section,
        versions=versions,
        shown=shown,
        comparison=comparison,
        compare_error=error,
        default_a=default_a,
        default_b=default_b,
    )
    return render(request, "programmes/section_history.html", context, status=400 if error else 200)


urlpatterns: list = [
    path(
        "<int:pk>/analyse/<int:section_id>/geschiedenis/",
        section_history,
        name="section_history",
    ),
]
