"""The ``duiding`` console script: Django's management commands with our settings."""

import os
import sys

# Commands named with a dash on the command line (`duiding send-reminders`); Django's own names
# cannot contain one.
DASHED = {"send-reminders": "send_reminders"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duiding.settings")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:]
    if args and args[0] in DASHED:
        args[0] = DASHED[args[0]]
    execute_from_command_line([sys.argv[0], *args])


if __name__ == "__main__":
    main()
