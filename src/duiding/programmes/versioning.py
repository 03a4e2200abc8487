"""Optimistic locking of the small edit forms (missing figures, partner conversations, findings).

The same idea as the sections (`services.section_save`): the form carries the `version` it
started from; a save from an older version is refused with `StaleEdit`, which names who saved in
between, when, and what is stored now next to what the editor typed. The page shows that and
keeps the editor's input; the form's version is moved on, so saving again is a conscious choice.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Model


@dataclass
class Change:
    label: str
    stored: str
    mine: str


class StaleEdit(Exception):
    """Somebody saved the object after the editor opened the form (nothing was written)."""

    def __init__(self, current: Model, changes: list[Change]):
        super().__init__("stale edit")
        self.current = current
        self.changes = changes

    @property
    def who(self) -> str:
        user = getattr(self.current, "updated_by", None)
        return user.display_name if user is not None else "?"

    @property
    def when(self):
        return getattr(self.current, "updated_at", None)


def lock_and_check(obj: Model, based_on_version: int | None, mine: dict[str, tuple[str, str]]):
    """Lock the row of `obj`; if `based_on_version` is given and not the stored version, raise
    StaleEdit with the fields whose stored text differs from the editor's (`mine`: field ->
    (label, the editor's value as text)). Otherwise set `obj.version` to the next version (the
    caller's save writes it). Call inside the write's transaction, before changing `obj`."""
    current = type(obj).objects.select_for_update().get(pk=obj.pk)
    if based_on_version is not None and based_on_version != current.version:
        changes = [
            Change(label, _text(getattr(current, name)), value)
            for name, (label, value) in mine.items()
            if _text(getattr(current, name)) != value
        ]
        raise StaleEdit(current, changes)
    obj.version = current.version + 1


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        from django.utils.formats import date_format

        return date_format(value)
    return str(value)


def form_with_version(form_class, request, current_version: int, prefix: str = "", **kwargs):
    """A bound form with the editor's input and the stored version (after a StaleEdit)."""
    data = request.POST.copy()
    data[f"{prefix}-version" if prefix else "version"] = str(current_version)
    if prefix:
        kwargs["prefix"] = prefix
    form = form_class(data, **kwargs)
    form.is_valid()
    return form
