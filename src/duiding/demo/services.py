"""Load the demo: run every step of `steps.STEPS` in order and report what changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from duiding.demo.steps import DATA_DIR, STEPS, USERS, DemoContext, demo_password


@dataclass
class DemoReport:
    changes: dict[str, int] = field(default_factory=dict)  # step key -> things changed
    errors: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(self.changes.values())


def demo_load(
    *,
    password: str | None = None,
    data_dir: Path | None = None,
    only: list[str] | None = None,
    log: Callable[[str], None] = print,
) -> DemoReport:
    """Run the demo steps (all, or the keys in `only`). Idempotent: a second run changes nothing.

    A failing CBS import does not stop the other steps; it is listed in `report.errors`.
    """
    ctx = DemoContext(
        data_dir=data_dir or DATA_DIR,
        password=password or demo_password(),
        log=log,
    )
    report = DemoReport()
    for step in STEPS:
        if only and step.key not in only:
            continue
        log(f"{step.title} …")
        report.changes[step.key] = step.run(ctx)
    report.errors = ctx.errors
    return report


def demo_logins(password: str | None = None) -> list[tuple[str, str, str]]:
    """(username, password, description) of the demo users, for the console."""
    password = password or demo_password()
    return [(username, password, label) for username, *_rest, label in USERS]
