"""Reminders: before and after the due date of an action and of a measurement plan's window,
once per moment and due date (a second run sends nothing), a moved date gets new ones; the owner
person, or the working members of the owner organisation; `duiding send-reminders` runs them."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from duiding.__main__ import DASHED
from duiding.accounts.models import Membership, User
from duiding.outcomes.models import MeasurementPlan, Questionnaire
from duiding.reflections.actions import reminders, services
from duiding.reflections.models import ReminderSent
from duiding.reflections.tasks import next_run, send_reminders_task
from tests.reflections.action_fixtures import *  # noqa: F403 (fixtures)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 1)
DUE = datetime.date(2026, 3, 20)


def days(n):
    return DUE + datetime.timedelta(days=n)


@pytest.fixture
def action(reflection, activity_item, adviseur, partner_org, partner):
    return services.action_create(
        reflection=reflection,
        item=activity_item,
        user=adviseur,
        description="Afspraken met kinderdagverblijven over de speeltuin",
        owner_organisation=partner_org,
        owner_user=partner,
        due_date=DUE,
        today=DAY,
    )


def test_before_then_after_each_once(action, partner):
    assert reminders.send_reminders(days(-8)).sent == 0  # too early
    assert len(mail.outbox) == 0
    assert reminders.send_reminders(days(-7)).sent == 1
    assert mail.outbox[0].to == [partner.email]
    assert "20 maart 2026" in mail.outbox[0].subject
    assert "kinderdagverblijven" in mail.outbox[0].body
    again = reminders.send_reminders(days(-3))
    assert again.sent == 0 and again.already == 1
    assert reminders.send_reminders(days(1)).sent == 1
    assert "over de datum" in mail.outbox[1].subject
    assert reminders.send_reminders(days(5)).sent == 0
    assert len(mail.outbox) == 2
    assert ReminderSent.objects.count() == 2


def test_moved_due_date_gets_new_reminders(action, partner):
    reminders.send_reminders(days(1))
    assert len(mail.outbox) == 1
    services.action_update(
        action,
        user=partner,
        expected_version=action.version,
        status="bezig",
        due_date=days(10),
        today=days(1),
    )
    assert reminders.send_reminders(days(4)).sent == 1  # "voor" about the new date
    assert reminders.send_reminders(days(11)).sent == 1  # "na" about the new date
    assert reminders.send_reminders(days(12)).sent == 0


def test_finished_actions_get_nothing(action, partner):
    services.action_update(
        action, user=partner, expected_version=1, status="klaar", due_date=DUE, today=DAY
    )
    assert reminders.send_reminders(days(1)).sent == 0
    assert mail.outbox == []


def test_without_person_the_working_members_of_the_organisation(
    reflection, activity_item, adviseur, partner_org, partner
):
    colleague = User.objects.create_user(username="collega", email="collega@example.nl")
    Membership.objects.create(user=colleague, organisation=partner_org, role="partner")
    reader = User.objects.create_user(username="lezer", email="lezer@example.nl")
    Membership.objects.create(user=reader, organisation=partner_org, role="lezer")
    services.action_create(
        reflection=reflection,
        item=activity_item,
        user=adviseur,
        description="Toezicht door ouders uit de wijk",
        owner_organisation=partner_org,
        due_date=DUE,
        today=DAY,
    )
    assert reminders.send_reminders(days(-1)).sent == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["collega@example.nl", "partner@example.nl"]


def test_measurement_plan_before_and_after_a_short_window(speeltuin, partner):
    plan = MeasurementPlan.objects.create(
        activity=speeltuin, measure="uitval", how="Bij afsluiting"
    )
    questionnaire = Questionnaire.objects.create(
        activity=speeltuin,
        title="Tevredenheid ouders speeltuin",
        moment="eindmeting",
        opens_on=days(-30),
        closes_on=DUE,
        target_responses=20,
    )
    questionnaire.measurement_plans.add(plan)
    assert reminders.send_reminders(days(-2)).sent == 1
    assert "sluit op 20 maart 2026" in mail.outbox[0].subject
    assert reminders.send_reminders(days(-1)).sent == 0
    assert reminders.send_reminders(days(2)).sent == 1
    assert "0 van de 20" in mail.outbox[1].body
    assert reminders.send_reminders(days(3)).sent == 0
    assert {r.kind for r in ReminderSent.objects.all()} == {"meetplan"}


def test_command_and_dashed_name(action, capsys):
    assert DASHED["send-reminders"] == "send_reminders"
    call_command("send_reminders", "--today", days(-1).isoformat())
    call_command("send_reminders", "--today", days(-1).isoformat())
    out = capsys.readouterr().out
    assert "sent 1, already sent 0" in out and "sent 0, already sent 1" in out
    assert len(mail.outbox) == 1


def test_task_runs_and_next_run_is_tomorrow_morning():
    result = send_reminders_task.enqueue()
    assert result.return_value == {"sent": 0, "already": 0}
    run = next_run(datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC))
    assert run.hour == reminders_hour() and run.date() == datetime.date(2026, 3, 2)


def reminders_hour():
    from duiding.reflections.tasks import HOUR

    return HOUR


def test_schedule_queues_one_chain_on_a_deferring_backend(settings, capsys):
    from django_tasks_db.models import DBTaskResult

    from duiding.reflections.tasks import schedule_daily

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert schedule_daily() is True
    assert schedule_daily() is False  # one chain only
    call_command("send_reminders", "--schedule")
    assert "already queued" in capsys.readouterr().out
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "duiding.reflections.tasks.send_reminders_task"
    assert queued.run_after > timezone.now()
