"""Plan van aanpak of a programme (seed 003 appendix 6): the page, its Excel export, the steps and
the purchase agreements. Quality agreements: views/quality.py; the partner page and the overdue
list: views/partner.py (their routes are added here). The parts that downstream apps own (step 5,
the measurement plans of `outcomes`) come from `activities.extensions.plan_sections`.

Everybody who sees the programme reads the plan (`programme_or_404`, else 404); who writes what is
decided by `activities.plan.can_edit_*` (403 for a reader of the programme)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duiding.accounts.models import Organisation
from duiding.activities.export import XLSX_CONTENT_TYPE, plan_workbook
from duiding.activities.extensions import plan_sections
from duiding.activities.models import Activity, PlanStep, PurchaseAgreement
from duiding.activities.plan import permissions, selectors, services
from duiding.activities.plan.forms import PurchaseForm, StepDoneForm, StepForm
from duiding.activities.plan.reference import ACTIVITY_COLUMNS
from duiding.activities.plan.views import handover as plan_handover
from duiding.activities.plan.views import history as plan_history
from duiding.activities.plan.views import partner as plan_partner
from duiding.activities.plan.views import quality as plan_quality
from duiding.activities.plan.views.common import apply_error, form_status, plan_context, safe_next
from duiding.core.versioning import StaleEdit, version_moved_on
from duiding.programmes.permissions import programme_or_404

TAB = "plan"


def plan_url(programme, anchor: str = "") -> str:
    url = reverse("activities:plan", args=[programme.pk])
    return f"{url}#{anchor}" if anchor else url


@login_required
def plan(request, pk: int):
    programme = programme_or_404(request.user, pk)
    data = selectors.programme_plan(programme, request.user)
    return render(
        request,
        "activities/plan.html",
        plan_context(
            request,
            programme,
            plan=data,
            activity_columns=ACTIVITY_COLUMNS,
            sections=plan_sections(request),
        ),
    )


@login_required
def plan_export(request, pk: int):
    programme = programme_or_404(request.user, pk)
    data = selectors.programme_plan(programme, request.user)
    response = HttpResponse(plan_workbook(data), content_type=XLSX_CONTENT_TYPE)
    name = slugify(programme.name) or "programma"
    response["Content-Disposition"] = f'attachment; filename="plan-van-aanpak-{name}.xlsx"'
    return response


# --- Steps ------------------------------------------------------------------------------------


def _step_choices(user, programme, *, step=None):
    """(activities, organisations) the user may choose for a step."""
    activities = Activity.objects.filter(programme=programme).select_related("organisation")
    if permissions.can_edit_item(user, programme, None):  # the programme's editors
        org_ids = [programme.organisation_id, *programme.partners.values_list("pk", flat=True)]
    else:
        org_ids = sorted(permissions.partner_organisation_ids(user, programme))
        activities = activities.filter(organisation_id__in=org_ids)
    if step is not None:  # keep what the step has, also when a partner sees it
        org_ids = [*org_ids, step.owner_organisation_id]
        if step.activity_id:
            activities = Activity.objects.filter(
                Q(pk__in=activities.values("pk")) | Q(pk=step.activity_id)
            ).select_related("organisation")
    return activities, Organisation.objects.filter(pk__in=org_ids).order_by("name")


def _step_form_page(request, programme, form, *, step=None, stale=None):
    return render(
        request,
        "activities/plan_step_form.html",
        plan_context(request, programme, form=form, step=step, stale=stale),
        status=409 if stale else form_status(request, form),
    )


def _step_fields(form) -> dict:
    data = form.cleaned_data
    return {
        "description": data["description"],
        "activity": data.get("activity"),
        "owner_organisation": data["owner_organisation"],
        "owner_user": data.get("owner_user"),
        "due_date": data["due_date"],
        "status": data["status"],
    }


@login_required
def step_create(request, pk: int):
    programme = programme_or_404(request.user, pk)
    activities, organisations = _step_choices(request.user, programme)
    if not organisations.exists():  # neither an editor nor a partner of this programme
        raise PermissionDenied
    initial = {"status": "open"}
    chosen = request.GET.get("activiteit", "")
    if chosen.isdigit():
        activity = activities.filter(pk=int(chosen)).first()
        if activity is not None:
            initial.update(activity=activity.pk, owner_organisation=activity.organisation_id)
    if organisations.count() == 1:
        initial["owner_organisation"] = organisations.first().pk
    form = StepForm(
        request.POST or None,
        activities=activities,
        organisations=organisations,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        fields = _step_fields(form)
        if not _may_write_step(request.user, programme, fields):
            raise PermissionDenied
        try:
            step = services.step_create(programme=programme, user=request.user, **fields)
        except services.PlanError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("De stap is toegevoegd aan het plan van aanpak."))
            return redirect(plan_url(programme, f"stap-{step.pk}"))
    return _step_form_page(request, programme, form)


def _may_write_step(user, programme, fields) -> bool:
    """A partner writes steps of its own organisation or of its own activities."""
    if permissions.can_edit_item(user, programme, fields["owner_organisation"].pk):
        return True
    activity = fields.get("activity")
    return activity is not None and permissions.can_edit_item(
        user, programme, activity.organisation_id
    )


def _step_or_404(request, programme, step_id: int, *, edit: bool = True) -> PlanStep:
    step = get_object_or_404(
        PlanStep.objects.select_related("programme", "activity", "owner_organisation"),
        pk=step_id,
        programme=programme,
    )
    if edit and not permissions.can_edit_step(request.user, step):
        raise PermissionDenied
    return step


@login_required
def step_edit(request, pk: int, step_id: int):
    programme = programme_or_404(request.user, pk)
    step = _step_or_404(request, programme, step_id)
    activities, organisations = _step_choices(request.user, programme, step=step)
    initial = {
        "description": step.description,
        "activity": step.activity_id,
        "owner_organisation": step.owner_organisation_id,
        "owner_user": step.owner_user_id,
        "due_date": step.due_date,
        "status": step.status,
        "version": step.version,
    }
    form = StepForm(
        request.POST or None,
        activities=activities,
        organisations=organisations,
        initial=initial,
        previous_due_date=step.due_date,
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        fields = _step_fields(form)
        if not _may_write_step(request.user, programme, fields):
            raise PermissionDenied
        try:
            services.step_update(
                step=step,
                user=request.user,
                expected_version=form.cleaned_data.get("version"),
                **fields,
            )
        except services.PlanError as error:
            apply_error(form, error)
        except StaleEdit as error:
            stale = error
            version_moved_on(form, error)
        else:
            messages.success(request, _("De stap is opgeslagen."))
            return redirect(plan_url(programme, f"stap-{step.pk}"))
    return _step_form_page(request, programme, form, step=step, stale=stale)


@require_POST
@login_required
def step_done(request, pk: int, step_id: int):
    programme = programme_or_404(request.user, pk)
    step = _step_or_404(request, programme, step_id)
    form = StepDoneForm(request.POST)
    version = form.cleaned_data.get("version") if form.is_valid() else None
    back = safe_next(request, plan_url(programme, f"stap-{step.pk}"))
    try:
        services.step_mark_done(step=step, user=request.user, expected_version=version)
    except StaleEdit as error:
        # Nothing was written: the page shows the step as stored now, with a button that marks
        # that version done (a conscious second click).
        return render(
            request,
            "activities/step_done_stale.html",
            plan_context(
                request,
                programme,
                step=error.current,
                stale=error,
                title=_("Stap afvinken als klaar"),
                next_url=safe_next(request, ""),
                cancel_url=back,
            ),
            status=409,
        )
    messages.success(request, _("De stap is afgevinkt als klaar."))
    return redirect(back)


@login_required
def step_delete(request, pk: int, step_id: int):
    programme = programme_or_404(request.user, pk)
    step = _step_or_404(request, programme, step_id)
    if request.method == "POST":
        services.step_delete(step=step, user=request.user)
        messages.success(request, _("De stap is verwijderd."))
        return redirect(plan_url(programme, "stappen"))
    return render(
        request,
        "activities/plan_confirm_delete.html",
        plan_context(
            request,
            programme,
            title=_("Stap verwijderen"),
            question=_("Weet u zeker dat u de stap ‘%(step)s’ wilt verwijderen?")
            % {"step": step.description[:120]},
            cancel_url=plan_url(programme, f"stap-{step.pk}"),
        ),
    )


# --- Purchase agreements (only the programme's editors) -----------------------------------------


def _purchase_page(request, programme, form, agreement=None, stale=None):
    return render(
        request,
        "activities/plan_purchase_form.html",
        plan_context(request, programme, form=form, agreement=agreement, stale=stale),
        status=409 if stale else form_status(request, form),
    )


@login_required
def purchase_create(request, pk: int):
    programme = programme_or_404(request.user, pk, edit=True)
    activities = Activity.objects.filter(programme=programme).select_related("organisation")
    form = PurchaseForm(request.POST or None, activities=activities)
    if request.method == "POST" and form.is_valid():
        try:
            fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            agreement = services.purchase_save(programme=programme, user=request.user, **fields)
        except services.PlanError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("De inkoopafspraak is vastgelegd."))
            return redirect(plan_url(programme, f"inkoop-{agreement.pk}"))
    return _purchase_page(request, programme, form)


@login_required
def purchase_edit(request, pk: int, agreement_id: int):
    programme = programme_or_404(request.user, pk, edit=True)
    agreement = get_object_or_404(PurchaseAgreement, pk=agreement_id, programme=programme)
    activities = Activity.objects.filter(programme=programme).select_related("organisation")
    initial = {
        "reference": agreement.reference,
        "date": agreement.date,
        "activity": agreement.activity_id,
        "note": agreement.note,
        "version": agreement.version,
    }
    form = PurchaseForm(request.POST or None, activities=activities, initial=initial)
    stale = None
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        version = fields.pop("version")
        try:
            services.purchase_save(
                programme=programme,
                user=request.user,
                agreement=agreement,
                expected_version=version,
                **fields,
            )
        except services.PlanError as error:
            apply_error(form, error)
        except StaleEdit as error:
            stale = error
            version_moved_on(form, error)
        else:
            messages.success(request, _("De inkoopafspraak is opgeslagen."))
            return redirect(plan_url(programme, f"inkoop-{agreement.pk}"))
    return _purchase_page(request, programme, form, agreement, stale)


@login_required
def purchase_delete(request, pk: int, agreement_id: int):
    programme = programme_or_404(request.user, pk, edit=True)
    agreement = get_object_or_404(PurchaseAgreement, pk=agreement_id, programme=programme)
    if request.method == "POST":
        services.purchase_delete(agreement=agreement, user=request.user)
        messages.success(request, _("De inkoopafspraak is verwijderd."))
        return redirect(plan_url(programme, "inkoop"))
    return render(
        request,
        "activities/plan_confirm_delete.html",
        plan_context(
            request,
            programme,
            title=_("Inkoopafspraak verwijderen"),
            question=_("Weet u zeker dat u de inkoopafspraak ‘%(ref)s’ wilt verwijderen?")
            % {"ref": agreement.reference},
            cancel_url=plan_url(programme, f"inkoop-{agreement.pk}"),
        ),
    )


P = "programma/<int:pk>/plan/"
urlpatterns = [
    path(P, plan, name="plan"),
    path("programma/<int:pk>/plan.xlsx", plan_export, name="plan_export"),
    path(f"{P}stappen/nieuw/", step_create, name="step_create"),
    path(f"{P}stappen/<int:step_id>/bewerken/", step_edit, name="step_edit"),
    path(f"{P}stappen/<int:step_id>/klaar/", step_done, name="step_done"),
    path(f"{P}stappen/<int:step_id>/verwijderen/", step_delete, name="step_delete"),
    path(f"{P}inkoop/nieuw/", purchase_create, name="purchase_create"),
    path(f"{P}inkoop/<int:agreement_id>/bewerken/", purchase_edit, name="purchase_edit"),
    path(f"{P}inkoop/<int:agreement_id>/verwijderen/", purchase_delete, name="purchase_delete"),
    *plan_quality.urlpatterns,
    *plan_partner.urlpatterns,
    *plan_history.urlpatterns,
    *plan_handover.urlpatterns,
]
