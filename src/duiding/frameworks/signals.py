"""Signals of the frameworks app: how a change of the reference data reaches the apps that use
it, without the frameworks app importing them (DESIGN.md, "Architecture": upstream sends,
downstream listens).

`factor_deleting(sender=Factor, factor=factor, user=user)` is sent by
`factors.services.factor_delete` inside its transaction, just before the factor is deleted.
A receiver removes or rewrites what its app keeps of the factor (and keeps its own history of
that); it returns the number of its objects that lost the factor. An exception rolls the whole
delete back.

`factor_uses_requested(sender=Factor, factor=factor, user=user)` is sent by the delete page to
learn where the factor is used. A receiver returns a `FactorUses`: the objects the user may see
(with `user` None: all of them) and how many more there are that the user may not see.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.dispatch import Signal

factor_deleting = Signal()
factor_uses_requested = Signal()


@dataclass
class FactorUses:
    """Where a factor is used: `shown` (objects the user may see), `hidden` (a count)."""

    shown: list = field(default_factory=list)
    hidden: int = 0
