"""`duiding send-reminders` (or `send_reminders`): mail the owners of improvement actions and
measurement plans whose due date is near or past; idempotent (reflections.actions.reminders).
`--today 2026-12-04` runs as of another day; `--schedule` queues the daily task instead."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from duiding.reflections.actions.reminders import send_reminders
from duiding.reflections.tasks import schedule_daily


class Command(BaseCommand):
    help = "Stuur herinneringen over verbeteracties en meetplannen (voor en na de datum)."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="run as of this date (YYYY-MM-DD)")
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="queue the daily reminders task for the task worker instead of sending now",
        )

    def handle(self, *args, **options):
        if options["schedule"]:
            if schedule_daily():
                self.stdout.write("Daily reminders queued for the task worker.")
            else:
                self.stdout.write(
                    "Daily reminders already queued (or the task backend cannot defer)."
                )
            return
        today = None
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError(f"--today: not a date: {options['today']}") from error
        report = send_reminders(today)
        for line in report.lines:
            self.stdout.write(line)
        self.stdout.write(f"sent {report.sent}, already sent {report.already}")
