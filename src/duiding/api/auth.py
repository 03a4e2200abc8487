"""API authentication: a personal token (`Authorization: Bearer <token>`) or the browser session."""

from ninja.security import HttpBearer, django_auth

from duiding.accounts.services import token_authenticate


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = token_authenticate(token)
        if user is None:
            return None
        request.user = user
        return user


AUTH = [TokenAuth(), django_auth]
