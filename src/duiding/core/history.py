"""The one history mechanism: who changed what, when, with a snapshot, a diff and a restore.

Every history of the house (the plan, the factor model, a section's versions, the partner
conversations, a programme's details, a result) is a concrete subclass of `Change`:

    class ThingChange(Change):              # or DiffedChange / RestorableChange
        thing = models.ForeignKey(Thing, null=True, on_delete=models.SET_NULL, ...)
        diff_labels = {"name": _("naam"), ...}   # snapshot key -> label, for diff()

The base holds the common fields (`user`, `at`, `summary`, `snapshot`) and the mechanics; the
app keeps what only it knows, as hooks: what a snapshot of its object holds (`snapshot_of`,
or a `snapshot=` argument), which links a row carries (`record_fields`, or keyword
arguments), how a value reads in a diff (`diff_text`) and how a deleted object is built again
(the `rebuild` callable of `restore`).

- `Thing.record(obj, user=..., summary=...)` writes one row (call it inside the write's
  transaction: after a create or update, before a delete). A subclass with `number_within`
  set numbers its rows 1, 2, 3 ... per value of that field (the versions of one section).
- `Thing.diff(before, after)` gives `[[label, before, after], ...]` as text for the snapshot
  keys in `diff_labels` that differ; `DiffedChange.record_diff` stores that diff and keeps
  nothing when nothing changed.
- `change.restore(user=..., rebuild=..., after=...)` (a `RestorableChange`, whose `deletion`
  names the field values of a deletion row) brings a deleted object back from the row's
  snapshot in one transaction, marks the row restored and refuses, with a `RestoreError`, a
  row that is no deletion or was restored already. `Thing.deletions()` lists the rows still
  to restore.

Existing histories keep their tables: a subclass may point a base field at its older column
(`db_column`) with the field helpers below, so no stored row is touched, and `alias` keeps an
older attribute name readable.

`core` imports no other duiding app; the user model is named through settings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.conf import settings
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

EMPTY = (None, "", [], False)


class RestoreError(ValueError):
    """A restore refused for a reason the user can read; nothing changed."""


# --- The common fields (also for subclasses that keep an older column name) -------------------


def user_field(**kwargs) -> models.ForeignKey:
    """Who made the change (kept as NULL when the account goes)."""
    options = {
        "null": True,
        "blank": True,
        "on_delete": models.SET_NULL,
        "related_name": "+",
        "verbose_name": _lazy("door"),
    }
    return models.ForeignKey(settings.AUTH_USER_MODEL, **{**options, **kwargs})


def at_field(**kwargs) -> models.DateTimeField:
    """When the change was made."""
    return models.DateTimeField(
        **{"verbose_name": _lazy("tijdstip"), "default": timezone.now, **kwargs}
    )


def summary_field(**kwargs) -> models.CharField:
    """What changed, in one line."""
    return models.CharField(
        **{"verbose_name": _lazy("wat veranderde"), "max_length": 300, "blank": True, **kwargs}
    )


def snapshot_field(**kwargs) -> models.JSONField:
    """The object as plain data after the change (just before it, for a delete)."""
    return models.JSONField(
        **{"verbose_name": _lazy("inhoud"), "default": dict, "blank": True, **kwargs}
    )


def acting_user(user):
    """The user to store: an anonymous or missing user is kept as NULL."""
    return user if getattr(user, "is_authenticated", False) else None


# --- The base ---------------------------------------------------------------------------------


class Change(models.Model):
    """One line of a history: who, when, what (a summary) and a snapshot of the object."""

    user = user_field()
    at = at_field()
    summary = summary_field()
    snapshot = snapshot_field()

    # Hooks (class attributes) -------------------------------------------------------------
    # snapshot key -> label (lazy text) of the keys `diff` compares, in the order shown.
    diff_labels: ClassVar[dict[str, Any]] = {}
    # Number the rows per value of this field (e.g. "section"); the number goes in `number`.
    number_within: ClassVar[str | None] = None

    class Meta:
        abstract = True
        ordering = ["-at", "-pk"]

    # Hooks (methods) ---------------------------------------------------------------------

    @classmethod
    def snapshot_of(cls, obj) -> dict:
        """The object as plain data (override, or pass `snapshot=` to `record`)."""
        raise NotImplementedError(f"{cls.__name__} needs snapshot_of() or a snapshot= argument")

    @classmethod
    def record_fields(cls, obj) -> dict:
        """The links and app fields of a row for `obj` (the programme, the section, ...)."""
        return {}

    @classmethod
    def diff_text(cls, value, key: str) -> str:
        """How a snapshot value reads in a diff."""
        if value is None or value == []:
            return "—"
        if isinstance(value, bool):
            return str(_("ja") if value else _("nee"))
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)

    # Mechanics ---------------------------------------------------------------------------

    @classmethod
    def record(cls, obj=None, *, user, summary: str = "", snapshot: dict | None = None, **fields):
        """Write one line of the history for `obj` and return it."""
        values = cls.record_fields(obj) if obj is not None else {}
        values.update(fields)
        values["user"] = acting_user(user)
        values["summary"] = str(summary)[:300]
        values["snapshot"] = cls.snapshot_of(obj) if snapshot is None else snapshot
        if cls.number_within:
            scope = {cls.number_within: values[cls.number_within]}
            last = cls.objects.filter(**scope).aggregate(last=Max("number"))["last"] or 0
            values["number"] = last + 1
        return cls.objects.create(**values)

    @classmethod
    def diff(cls, before: dict | None, after: dict) -> list[list[str]]:
        """[[label, before, after], ...] for the labelled keys that differ; for a new object
        (`before` None) the filled ones, with an empty before."""
        rows = []
        for key, label in cls.diff_labels.items():
            old = (before or {}).get(key)
            new = after.get(key)
            if before is None and new in EMPTY:
                continue
            if old != new:
                old_text = cls.diff_text(old, key) if before is not None else ""
                rows.append([str(label), old_text, cls.diff_text(new, key)])
        return rows

    @classmethod
    def changed_labels(cls, before: dict, after: dict) -> list[str]:
        """The labels of the keys that differ (for a summary such as 'Gewijzigd: tekst')."""
        return [row[0] for row in cls.diff(before, after)]


class DiffedChange(Change):
    """A change that also stores what changed: `changes` = [[label, before, after], ...]."""

    changes = models.JSONField(default=list)

    class Meta(Change.Meta):
        abstract = True

    @classmethod
    def record_diff(cls, obj=None, *, user, before: dict | None, after: dict | None = None, **kw):
        """Record `obj` with the diff from `before` (None: a new object). An edit that changed
        nothing keeps nothing (returns None)."""
        after = cls.snapshot_of(obj) if after is None else after
        changes = cls.diff(before, after)
        if before is not None and not changes:
            return None
        return cls.record(obj, user=user, snapshot=after, changes=changes, **kw)


class RestorableChange(Change):
    """A change whose deletion rows can bring the object back (`restored_at` set then)."""

    restored_at = models.DateTimeField(_lazy("hersteld op"), null=True, blank=True)

    # The field values that mark a row as a deletion, e.g. {"action": "verwijderd"}.
    deletion: ClassVar[dict[str, Any]] = {}
    # The message of the RestoreError for a row that is no deletion or was restored already.
    not_restorable: ClassVar[Any] = _lazy("Dit onderdeel is al hersteld of niet verwijderd.")

    class Meta(Change.Meta):
        abstract = True

    def is_deletion(self) -> bool:
        """Whether this row records a deletion (the values of `deletion`)."""
        return bool(self.deletion) and all(
            getattr(self, name) == value for name, value in self.deletion.items()
        )

    @classmethod
    def deletions(cls):
        """The rows of deletions that were not restored (filter further per app)."""
        return cls.objects.filter(restored_at__isnull=True, **cls.deletion)

    def restore(
        self,
        *,
        user,
        rebuild: Callable[[RestorableChange, Any], Any],
        after: Callable[[RestorableChange, Any, Any], None] | None = None,
    ):
        """Bring the deleted object back: `rebuild(change, user)` creates it from the snapshot
        (raising RestoreError to refuse), then the row is marked restored and `after(change,
        obj, user)` may record the restore. One transaction; returns the object."""
        with transaction.atomic():
            change = type(self).objects.select_for_update().get(pk=self.pk)
            if not change.is_deletion() or change.restored_at is not None:
                raise RestoreError(str(self.not_restorable))
            obj = rebuild(change, user)
            change.restored_at = timezone.now()
            type(self).objects.filter(pk=change.pk).update(restored_at=change.restored_at)
            self.restored_at = change.restored_at
            if after is not None:
                after(change, obj, user)
            return obj


def alias(name: str) -> property:
    """A read-only older name of a field (`content` for `snapshot`, `edited_by` for `user`),
    so code written before the base still reads; new code uses the base's names."""
    return property(lambda self: getattr(self, name), doc=f"Older name of `{name}`.")
