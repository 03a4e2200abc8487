"""A token's last use is recorded to the minute, without a write on every request."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from duiding.accounts.models import ApiToken
from duiding.accounts.services import token_authenticate, token_create


def test_token_last_used_is_set_on_first_use_and_not_rewritten_within_a_minute(adviseur):
    token, raw = token_create(user=adviseur)
    assert token_authenticate(raw) == adviseur
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    with CaptureQueriesContext(connection) as ctx:
        assert token_authenticate(raw) == adviseur
    assert not any(q["sql"].startswith("UPDATE") for q in ctx.captured_queries)
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first


def test_token_last_used_moves_on_after_a_minute(adviseur):
    token, raw = token_create(user=adviseur)
    earlier = timezone.now() - timedelta(minutes=5)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=earlier)
    token_authenticate(raw)
    assert ApiToken.objects.get(pk=token.pk).last_used_at > earlier


def test_a_recently_used_token_costs_one_query_and_gives_the_whole_user(adviseur):
    token, raw = token_create(user=adviseur)
    token_authenticate(raw)
    with CaptureQueriesContext(connection) as ctx:
        user = token_authenticate(raw)
    assert len(ctx.captured_queries) == 1
    assert (user.pk, user.username, user.is_active) == (adviseur.pk, "adviseur", True)
    assert user.memberships.get().organisation == adviseur.memberships.get().organisation


def test_revoked_tokens_and_inactive_users_authenticate_no_one(adviseur):
    token, raw = token_create(user=adviseur)
    ApiToken.objects.filter(pk=token.pk).update(revoked=True)
    assert token_authenticate(raw) is None
    _other, raw2 = token_create(user=adviseur)
    adviseur.is_active = False
    adviseur.save(update_fields=["is_active"])
    assert token_authenticate(raw2) is None
    assert token_authenticate(raw2[:-1] + "x") is None
    assert ApiToken.objects.filter(last_used_at__isnull=False).count() == 0  # nothing recorded
