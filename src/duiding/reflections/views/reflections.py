"""Pages of a programme's duidingssessies: the list, create, edit, the detail page with the agenda
(which the other parts of the app extend with their partials) and the rebuild of the agenda.
Who sees the programme or the reflection reads; who may steer it edits (permissions.py): an
outsider gets 404, who sees but may not steer 403."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duiding.activities.forms import apply_errors
from duiding.core.versioning import StaleEdit, version_moved_on
from duiding.programmes.permissions import programme_or_404
from duiding.reflections import selectors, services
from duiding.reflections.forms import NewItemForm, ReflectionForm
from duiding.reflections.permissions import can_add_reflection, can_steer, reflection_or_404

TAB = "reflections"


def frame_context(request, reflection=None, programme=None, **extra) -> dict:
    """What every page of a reflection needs: the programme frame (or the organisation's frame
    for a reflection without programme), the tab and whether the user steers."""
    programme = programme or (reflection.programme if reflection else None)
    return {
        "programme": programme,
        "reflection": reflection,
        "frame": "programmes/base_programme.html" if programme else "reflections/base_org.html",
        "tab": TAB,
        "nav": "programmes",
        "can_steer": bool(reflection and can_steer(request.user, reflection)),
        **extra,
    }


def _status(request, form) -> int:
    return 400 if request.method == "POST" and form.errors else 200


@login_required
def programme_list(request, programme_pk: int):
    programme = programme_or_404(request.user, programme_pk)
    reflections = list(selectors.reflections_of(programme, request.user))
    return render(
        request,
        "reflections/list.html",
        frame_context(
            request,
            programme=programme,
            reflections=reflections,
            can_add=can_add_reflection(request.user, programme),
        ),
    )


@login_required
def create(request, programme_pk: int):
    programme = programme_or_404(request.user, programme_pk)
    if not can_add_reflection(request.user, programme):
        raise PermissionDenied
    if request.method != "POST":
        form = ReflectionForm(
            programme=programme,
            user=request.user,
            initial={
                "facilitator": request.user.pk,
                "title": _("Duidingssessie %(name)s") % {"name": programme.area.name},
            },
        )
    else:
        form = ReflectionForm(request.POST, programme=programme, user=request.user)
        if form.is_valid():
            try:
                reflection = services.create_reflection(
                    request.user, programme, form.service_data()
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                added = services.fill_agenda(request.user, reflection)
                messages.success(
                    request,
                    _(
                        "De duidingssessie is aangemaakt; de cijfers zetten %(n)s punten op de agenda."
                    )
                    % {"n": len(added)},
                )
                return redirect("reflections:detail", pk=reflection.pk)
    return render(
        request,
        "reflections/form.html",
        frame_context(request, programme=programme, form=form),
        status=_status(request, form),
    )


@login_required
def edit(request, pk: int):
    reflection = reflection_or_404(request.user, pk, edit=True)
    programme = reflection.programme
    stale = None
    kwargs = {"programme": programme, "user": request.user, "reflection": reflection}
    if request.method != "POST":
        form = ReflectionForm(initial=ReflectionForm.initial_for(reflection), **kwargs)
    else:
        form = ReflectionForm(request.POST, **kwargs)
        if form.is_valid():
            try:
                services.update_reflection(
                    request.user, reflection, form.service_data(), form.cleaned_data.get("version")
                )
            except ValidationError as error:
                apply_errors(form, error)
            except StaleEdit as error:
                version_moved_on(form, error)
                stale = error
            else:
                messages.success(request, _("De duidingssessie is opgeslagen."))
                return redirect("reflections:detail", pk=reflection.pk)
    return render(
        request,
        "reflections/form.html",
        frame_context(request, reflection, form=form, stale=stale),
        status=409 if stale else _status(request, form),
    )


@login_required
def detail(request, pk: int):
    reflection = reflection_or_404(request.user, pk)
    all_items = list(selectors.agenda_items(reflection))
    items = [i for i in all_items if i.included]
    context = frame_context(
        request,
        reflection,
        items=items,
        set_aside=[i for i in all_items if not i.included],
        invited=list(reflection.invited_organisations.order_by("name")),
        participants_lines=[p for p in reflection.participants.splitlines() if p.strip()],
        new_item_form=NewItemForm(),
        user=request.user,
    )
    return render(request, "reflections/detail.html", context)


@login_required
@require_POST
def rebuild(request, pk: int):
    reflection = reflection_or_404(request.user, pk, edit=True)
    added = services.fill_agenda(request.user, reflection)
    if added:
        messages.success(
            request,
            _("De agenda is opnieuw gevuld: %(n)s nieuwe punten toegevoegd.") % {"n": len(added)},
        )
    else:
        messages.info(request, _("De agenda is opnieuw gevuld: er kwamen geen nieuwe punten bij."))
    return redirect("reflections:detail", pk=reflection.pk)
