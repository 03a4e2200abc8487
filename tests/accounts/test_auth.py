import pytest
from django.core import mail
from django.urls import reverse

from duiding.accounts.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_login_page_shows_dutch_form(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert "Gebruikersnaam" in response.content.decode()


def test_login_with_correct_password_redirects_home(client, adviseur):
    response = client.post(
        reverse("accounts:login"), {"username": "adviseur", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("home:home")


def test_wrong_password_gives_dutch_message(client, adviseur):
    response = client.post(reverse("accounts:login"), {"username": "adviseur", "password": "fout"})
    assert response.status_code == 200
    assert "kennen we niet" in response.content.decode()


def test_five_failures_lock_the_account_even_with_the_right_password(client, adviseur):
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "adviseur", "password": "fout"})
    response = client.post(
        reverse("accounts:login"), {"username": "adviseur", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "geblokkeerd" in response.content.decode()


def test_password_reset_sends_mail_with_link(client, adviseur):
    response = client.post(reverse("accounts:password_reset"), {"email": "adviseur@example.nl"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/account/wachtwoord-herstellen/" in mail.outbox[0].body


def test_logout_requires_post_and_logs_out(client, adviseur):
    client.force_login(adviseur)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert client.get(reverse("home:home")).status_code == 302


def test_passwords_are_hashed_with_argon2_outside_tests(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user = User.objects.create_user(username="a", password=PASSWORD)
    assert user.password.startswith("argon2")
