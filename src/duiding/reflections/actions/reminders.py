"""Reminders (`duiding send-reminders`, the daily task `reflections.tasks.send_reminders_task`):
an e-mail to the owners of improvement actions and of measurement plans, before and after the
due date.

- An improvement action that is open or bezig: "voor" from `BEFORE_DAYS` days before its due date
  up to that date, "na" once the date has passed. Its owners: the owner person, or — when no
  person is named — the members of the owner organisation who work in it (beheerder,
  gebiedsadviseur, partner; not readers).
- A measurement plan: per questionnaire linked to it (its measurement window), "voor" in the
  `BEFORE_DAYS` days before the window closes, "na" when it closed with fewer answers than wanted.
  Its owners: the members of the activity's organisation who work in it.

Idempotent: one `ReminderSent` row per (kind, object, moment, due date, recipient); the row and
the mail go together (a failing mail leaves no row, so the next run tries again). A moved due
date is another due date: it gets its own reminders. Users without an e-mail address are skipped.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from duiding.accounts.models import Membership, User
from duiding.outcomes.models import Questionnaire
from duiding.reflections.models import ImprovementAction, ReminderSent

BEFORE_DAYS = 7
OWNER_ROLES = (Membership.Role.ADMIN, Membership.Role.ADVISER, Membership.Role.PARTNER)
Moment = ReminderSent.Moment
Kind = ReminderSent.Kind


@dataclass
class Report:
    sent: int = 0
    already: int = 0
    lines: list[str] = field(default_factory=list)


def moment_for(due: datetime.date, today: datetime.date) -> str | None:
    if due < today:
        return Moment.AFTER
    if due - datetime.timedelta(days=BEFORE_DAYS) <= today:
        return Moment.BEFORE
    return None


def _workers(organisation_id) -> list[User]:
    return list(
        User.objects.filter(
            memberships__organisation_id=organisation_id,
            memberships__role__in=OWNER_ROLES,
            is_active=True,
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def action_recipients(action: ImprovementAction) -> list[User]:
    if action.owner_user_id:
        user = action.owner_user
        return [user] if user.email and user.is_active else []
    return _workers(action.owner_organisation_id)


def _link(name: str, *args) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def _send(report: Report, *, kind, object_id, moment, due, recipient, subject, body) -> None:
    with transaction.atomic():
        _row, created = ReminderSent.objects.get_or_create(
            kind=kind, object_id=object_id, moment=moment, due_date=due, recipient=recipient
        )
        if not created:
            report.already += 1
            return
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email])
    report.sent += 1
    report.lines.append(f"{kind} {object_id} {moment} {due.isoformat()} -> {recipient.email}")


def _action_mail(action: ImprovementAction, moment: str) -> tuple[str, str]:
    due = date_format(action.due_date, "j F Y")
    if moment == Moment.BEFORE:
        subject = _("Verbeteractie: klaar op %(date)s") % {"date": due}
        first = _("Deze verbeteractie moet op %(date)s klaar zijn:") % {"date": due}
    else:
        subject = _("Verbeteractie over de datum (%(date)s)") % {"date": due}
        first = _("Deze verbeteractie had op %(date)s klaar moeten zijn:") % {"date": due}
    lines = [first, "", action.description, ""]
    if action.reflection_id:
        lines.append(
            _("Afgesproken in: %(title)s (%(date)s)")
            % {"title": action.reflection.title, "date": date_format(action.reflection.date)}
        )
    lines += [
        _("Werk de status bij of kies een nieuwe datum: %(url)s")
        % {"url": _link("reflections:action_edit", action.pk)},
        "",
        _("U krijgt dit bericht van Duiding omdat u of uw organisatie eigenaar van de actie is."),
    ]
    return subject, "\n".join(str(line) for line in lines)


def _plan_mail(plan, questionnaire, moment: str, responses: int) -> tuple[str, str]:
    due = date_format(questionnaire.closes_on, "j F Y")
    activity = plan.activity
    if moment == Moment.BEFORE:
        subject = _("Meetplan: de meting sluit op %(date)s") % {"date": due}
        first = _(
            "De meting ‘%(title)s’ voor het meetplan ‘%(plan)s’ van %(activity)s sluit op %(date)s."
        )
    else:
        subject = _("Meetplan: de meting is gesloten met te weinig antwoorden")
        first = _(
            "De meting ‘%(title)s’ voor het meetplan ‘%(plan)s’ van %(activity)s is op %(date)s "
            "gesloten met te weinig antwoorden."
        )
    first = first % {
        "title": questionnaire.title,
        "plan": plan.display,
        "activity": activity.name,
        "date": due,
    }
    lines = [first]
    if questionnaire.target_responses:
        lines.append(
            _("Antwoorden: %(n)s van de %(target)s gewenste.")
            % {"n": responses, "target": questionnaire.target_responses}
        )
    lines += [
        "",
        _("U krijgt dit bericht van Duiding omdat uw organisatie deze activiteit uitvoert."),
    ]
    return subject, "\n".join(str(line) for line in lines)


def remind_actions(report: Report, today: datetime.date) -> None:
    actions = ImprovementAction.objects.filter(
        status__in=(ImprovementAction.Status.OPEN, ImprovementAction.Status.BUSY),
        due_date__lte=today + datetime.timedelta(days=BEFORE_DAYS),
    ).select_related("owner_user", "owner_organisation", "reflection")
    for action in actions:
        moment = moment_for(action.due_date, today)
        if moment is None:
            continue
        subject, body = _action_mail(action, moment)
        for recipient in action_recipients(action):
            _send(
                report,
                kind=Kind.ACTION,
                object_id=action.pk,
                moment=moment,
                due=action.due_date,
                recipient=recipient,
                subject=subject,
                body=body,
            )


def remind_measurement_plans(report: Report, today: datetime.date) -> None:
    """Per measurement plan and linked questionnaire: before the window closes, and after it
    closed short of the wanted number of answers."""
    questionnaires = (
        Questionnaire.objects.filter(
            measurement_plans__isnull=False,
            closes_on__lte=today + datetime.timedelta(days=BEFORE_DAYS),
            closes_on__gte=today - datetime.timedelta(days=BEFORE_DAYS * 4),
        )
        .annotate(n_responses=Count("responses", distinct=True))
        .prefetch_related("measurement_plans__activity")
        .distinct()
    )
    for questionnaire in questionnaires:
        moment = moment_for(questionnaire.closes_on, today)
        if moment is None:
            continue
        short = (
            questionnaire.target_responses
            and questionnaire.n_responses < questionnaire.target_responses
        )
        if moment == Moment.AFTER and not short:
            continue
        for plan in questionnaire.measurement_plans.all():
            subject, body = _plan_mail(plan, questionnaire, moment, questionnaire.n_responses)
            for recipient in _workers(plan.activity.organisation_id):
                _send(
                    report,
                    kind=Kind.MEASUREMENT_PLAN,
                    object_id=plan.pk,
                    moment=moment,
                    due=questionnaire.closes_on,
                    recipient=recipient,
                    subject=subject,
                    body=body,
                )


def send_reminders(today: datetime.date | None = None) -> Report:
    """Send what is due today (Dutch mails); safe to run as often as wanted."""
    today = today or timezone.localdate()
    report = Report()
    with translation.override(settings.LANGUAGE_CODE):
        remind_actions(report, today)
        remind_measurement_plans(report, today)
    return report
