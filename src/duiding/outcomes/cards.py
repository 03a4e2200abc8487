"""Paired cards: a set of cards with random codes for one activity, that participants use for
the voormeting and the eindmeting (the two answers are linked by the card's code only).

`cards_create(activity=..., count=...)` makes the set in one transaction and returns its batch
number; the codes are random (`models.new_code`, 8 characters without 0/O, 1/I/L).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Max, Min, Q

from duiding.outcomes.models import PairCard, new_code

MAX_CARDS = 200


def cards_create(*, activity, count: int) -> int:
    if not 1 <= count <= MAX_CARDS:
        raise ValueError(count)
    with transaction.atomic():
        # One set at a time per activity: the activity row is the lock.
        type(activity).objects.select_for_update().filter(pk=activity.pk).first()
        batch = (PairCard.objects.filter(activity=activity).aggregate(n=Max("batch"))["n"] or 0) + 1
        codes: set[str] = set()
        while len(codes) < count:
            wanted = {new_code() for _ in range(count - len(codes))}
            taken = set(PairCard.objects.filter(code__in=wanted).values_list("code", flat=True))
            codes |= wanted - taken
        PairCard.objects.bulk_create(
            [PairCard(activity=activity, code=code, batch=batch) for code in sorted(codes)]
        )
    return batch


def card_batches(activity) -> list[dict]:
    """Per set: its number, size, when it was made and how many cards answered at least once."""
    return list(
        PairCard.objects.filter(activity=activity)
        .values("batch")
        .annotate(
            size=Count("pk", distinct=True),
            created=Min("created_at"),
            used=Count("pk", filter=Q(responses__isnull=False), distinct=True),
        )
        .order_by("batch")
    )


def group_code(code: str) -> str:
    """K7PX3M2A -> K7PX 3M2A (easier to read and type over)."""
    return f"{code[:4]} {code[4:]}" if len(code) > 4 else code
