"""The daily reminders as a django-tasks task. The project has no scheduler of its own, so the
task queues its own next run (tomorrow at `HOUR`) when the backend can defer (the database
backend of the worker, `duiding db_worker`); `duiding send-reminders --schedule` starts the
chain, and a second call does not queue a second chain."""

from __future__ import annotations

import datetime
import logging

from django.utils import timezone
from django_tasks import default_task_backend, task

from duiding.reflections.actions.reminders import send_reminders

logger = logging.getLogger(__name__)

HOUR = 7  # local time of the daily run


def next_run(now: datetime.datetime | None = None) -> datetime.datetime:
    now = timezone.localtime(now or timezone.now())
    run = now.replace(hour=HOUR, minute=0, second=0, microsecond=0)
    return run if run > now else run + datetime.timedelta(days=1)


def _already_queued() -> bool:
    try:
        from django_tasks_db.models import DBTaskResult
    except Exception:  # another backend: it keeps no rows to look at
        return False
    return DBTaskResult.objects.filter(
        task_path=send_reminders_task.module_path, status="READY"
    ).exists()


def schedule_daily(now: datetime.datetime | None = None) -> bool:
    """Queue the next daily run; False when the backend cannot defer or one is queued."""
    if not getattr(default_task_backend, "supports_defer", False) or _already_queued():
        return False
    send_reminders_task.using(run_after=next_run(now)).enqueue()
    return True


@task()
def send_reminders_task() -> dict:
    """Send today's reminders, then queue tomorrow's run."""
    report = send_reminders()
    logger.info("reminders: sent %s, already sent %s", report.sent, report.already)
    try:
        schedule_daily()
    except Exception:  # the mails went out; a failing re-queue must not undo that
        logger.exception("could not queue the next reminders run")
    return {"sent": report.sent, "already": report.already}
