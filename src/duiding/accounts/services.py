"""Writes for accounts: users, memberships, API tokens."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from duiding.accounts.models import ApiToken, Membership, Organisation, User


def token_create(*, user: User, name: str = "") -> tuple[ApiToken, str]:
    """Create a personal API token; returns the row and the raw token (shown once, never stored)."""
    raw = ApiToken.generate()
    token = ApiToken.objects.create(
        user=user, name=name, key_hash=ApiToken.hash_key(raw), hint=raw[:8]
    )
    return token, raw


LAST_USED_RESOLUTION = timedelta(minutes=1)


def token_authenticate(raw: str) -> User | None:
    if not raw or not raw.startswith(ApiToken.PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(raw), revoked=False, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    # Shown to the minute; writing it on every request would make every API read a write.
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def token_revoke(*, user: User, token_id: int) -> bool:
    return ApiToken.objects.filter(user=user, pk=token_id).update(revoked=True) > 0


@transaction.atomic
def user_with_membership_ensure(
    *,
    username: str,
    password: str,
    organisation: Organisation,
    role: str,
    email: str = "",
    first_name: str = "",
) -> User:
    """Create or update a user and its membership (idempotent; used by the demo loader)."""
    user, _ = User.objects.get_or_create(
        username=username, defaults={"email": email, "first_name": first_name}
    )
    user.email = email or user.email
    user.first_name = first_name or user.first_name
    user.set_password(password)
    user.save()
    Membership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    return user
