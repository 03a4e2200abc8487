"""Pages of one agenda item: the cold and warm data side by side with the group's answers to the
four key questions (the item page, which the other parts extend with their partials), the
facilitator's edit of the item, adding an item of one's own and moving an item up or down."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duiding.activities.forms import apply_errors
from duiding.core.versioning import StaleEdit, version_moved_on
from duiding.reflections import selectors, services
from duiding.reflections.forms import ItemForm, KeyQuestionsForm, NewItemForm
from duiding.reflections.models import AgendaItem
from duiding.reflections.permissions import reflection_or_404
from duiding.reflections.views.reflections import frame_context


def _item(reflection, item_pk: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related(
            "reflection", "indicator", "result", "activity", "measurement_plan", "action"
        ),
        reflection=reflection,
        pk=item_pk,
    )


def _neighbours(reflection, item):
    items = [i for i in selectors.agenda_items(reflection) if i.included]
    index = next((n for n, i in enumerate(items) if i.pk == item.pk), None)
    if index is None:
        return None, None, None
    before = items[index - 1] if index > 0 else None
    after = items[index + 1] if index + 1 < len(items) else None
    return before, after, index + 1


@login_required
def item(request, pk: int, item_pk: int):
    reflection = reflection_or_404(request.user, pk)
    agenda_item = _item(reflection, item_pk)
    context = frame_context(request, reflection, item=agenda_item, user=request.user)
    stale = None
    status = 200
    if request.method == "POST":
        if not context["can_steer"]:
            raise PermissionDenied
        form = KeyQuestionsForm(request.POST)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            try:
                services.update_item(
                    request.user, agenda_item, data, form.cleaned_data.get("version")
                )
            except StaleEdit as error:
                version_moved_on(form, error)
                stale = error
                status = 409
            else:
                messages.success(request, _("De antwoorden van de groep zijn opgeslagen."))
                return redirect("reflections:item", pk=reflection.pk, item_pk=agenda_item.pk)
        else:
            status = 400
    else:
        form = KeyQuestionsForm(initial=KeyQuestionsForm.initial_for(agenda_item))
    outcome = selectors.cold_outcome(agenda_item, request.user)
    before, after, number = _neighbours(reflection, agenda_item)
    context.update(
        form=form,
        stale=stale,
        outcome=outcome,
        outcome_blocks=selectors.outcome_blocks(agenda_item, outcome),
        curves=selectors.result_curves(agenda_item, request.user),
        warm=selectors.warm_data(agenda_item, request.user, outcome),
        snapshot=agenda_item.snapshot or {},
        before=before,
        after=after,
        number=number,
    )
    return render(request, "reflections/item.html", context, status=status)


@login_required
def item_edit(request, pk: int, item_pk: int):
    reflection = reflection_or_404(request.user, pk, edit=True)
    agenda_item = _item(reflection, item_pk)
    stale = None
    if request.method != "POST":
        form = ItemForm(initial=ItemForm.initial_for(agenda_item))
    else:
        form = ItemForm(request.POST)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            try:
                services.update_item(
                    request.user, agenda_item, data, form.cleaned_data.get("version")
                )
            except ValidationError as error:
                apply_errors(form, error)
            except StaleEdit as error:
                version_moved_on(form, error)
                stale = error
            else:
                messages.success(request, _("Het agendapunt is opgeslagen."))
                return redirect("reflections:detail", pk=reflection.pk)
    status = 409 if stale else (400 if request.method == "POST" and form.errors else 200)
    return render(
        request,
        "reflections/item_form.html",
        frame_context(request, reflection, item=agenda_item, form=form, stale=stale),
        status=status,
    )


@login_required
@require_POST
def item_add(request, pk: int):
    reflection = reflection_or_404(request.user, pk, edit=True)
    form = NewItemForm(request.POST)
    if form.is_valid():
        try:
            added = services.add_item(request.user, reflection, form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Het agendapunt is toegevoegd."))
            return redirect("reflections:item", pk=reflection.pk, item_pk=added.pk)
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect("reflections:detail", pk=reflection.pk)


@login_required
@require_POST
def item_move(request, pk: int, item_pk: int):
    reflection = reflection_or_404(request.user, pk, edit=True)
    agenda_item = _item(reflection, item_pk)
    try:
        services.move_item(request.user, agenda_item, request.POST.get("direction", ""))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    # htmx follows the redirect and swaps in the agenda of the detail page (hx-select).
    return redirect(f"{reflection_url(reflection)}#punt-{agenda_item.pk}")


def reflection_url(reflection) -> str:
    from django.urls import reverse

    return reverse("reflections:detail", kwargs={"pk": reflection.pk})
