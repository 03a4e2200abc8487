"""Optimistic locking of every edit form and write endpoint (one mechanism for the whole house).

An edit form carries the `version` of the object it was opened from (`VersionField`, hidden). The
service that writes the change calls `lock_and_check` inside its transaction: it locks the row and
refuses the write with `StaleEdit` when the version is missing or is not the stored one (somebody
saved in between). `StaleEdit` names who saved, when, and what is stored now next to what the
editor typed; the page shows that (`includes/stale_edit.html`) and keeps the editor's input, with
the form's version moved on (`form_with_version`), so saving again is a conscious choice.

The sections (`programmes.services.section_save`) and results (`results.services.result_update`)
follow the same rule with their own richer comparison (text differences, indicator rows).
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.db.models import Model
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MISSING_MESSAGE = gettext_lazy(
    "Uw wijziging is niet opgeslagen: het formulier zegt niet van welke versie het uitgaat, en "
    "het kan intussen gewijzigd zijn. Open het opnieuw en breng uw wijziging nog eens aan."
)


@dataclass
class Change:
    label: str
    stored: str
    mine: str


class StaleEdit(Exception):
    """Somebody saved the object after the editor opened the form, or the form did not say which
    version it started from (nothing was written)."""

    def __init__(self, current: Model, changes: list[Change] | None = None, *, missing=False):
        self.current = current
        self.changes = changes or []
        self.compared = changes is not None
        self.missing = missing
        super().__init__(self.message)

    @property
    def message(self) -> str:
        if self.missing:
            return str(MISSING_MESSAGE)
        return _(
            "Iemand anders heeft dit intussen gewijzigd (nu versie %(version)s). Uw wijziging "
            "is niet opgeslagen; bekijk wat er veranderde en sla opnieuw op."
        ) % {"version": self.current.version}

    @property
    def who(self) -> str:
        """Who saved last ("?" when not known; "" for reference data that keeps no editor)."""
        if not hasattr(self.current, "updated_by"):
            return ""
        user = self.current.updated_by
        return user.display_name if user is not None else "?"

    @property
    def when(self):
        return getattr(self.current, "updated_at", None)


def lock_and_check(
    obj: Model, based_on_version: int | None, mine: dict[str, tuple[str, str]] | None = None
) -> Model:
    """Lock the row of `obj`; if `based_on_version` is missing or not the stored version, raise
    StaleEdit (with `mine`: field -> (label, the editor's value as text), the fields whose
    stored text differs from the editor's). Otherwise set `obj.version` to the next version (the
    caller's save writes it) and return the locked row as stored. Call inside the write's
    transaction, before changing `obj`."""
    current = type(obj).objects.select_for_update().get(pk=obj.pk)
    if based_on_version is None or based_on_version != current.version:
        changes = None
        if mine is not None:
            changes = [
                Change(label, _text(getattr(current, name)), value)
                for name, (label, value) in mine.items()
                if _text(getattr(current, name)) != value
            ]
        raise StaleEdit(current, changes, missing=based_on_version is None)
    obj.version = current.version + 1
    return current


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
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


class VersionField(forms.IntegerField):
    """The hidden version an edit form was opened from. Optional in the form (the same form
    creates new objects); an edit without it is refused by `lock_and_check`."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 0)
        unreadable = gettext_lazy(
            "Uw wijziging is niet opgeslagen: de versie van het formulier is onleesbaar, en het "
            "kan intussen gewijzigd zijn. Open het opnieuw en breng uw wijziging nog eens aan."
        )
        kwargs.setdefault(
            "error_messages",
            {"required": MISSING_MESSAGE, "invalid": unreadable, "min_value": unreadable},
        )
        super().__init__(**kwargs)


def version_moved_on(form: forms.BaseForm, error: StaleEdit) -> forms.BaseForm:
    """After a StaleEdit: the same bound form (the editor's input stays) naming the stored
    version, so that saving again is a conscious choice that goes through."""
    data = form.data.copy()
    data[form.add_prefix("version")] = str(error.current.version)
    form.data = data
    return form


def save_or_stale(form: forms.BaseForm, save) -> StaleEdit | None:
    """Run `save()` (a service call that checks the version); None when it went through. On a
    StaleEdit nothing was written: the form moves on to the stored version and the error is
    returned, for the page to show."""
    try:
        save()
    except StaleEdit as error:
        version_moved_on(form, error)
        return error
    return None
