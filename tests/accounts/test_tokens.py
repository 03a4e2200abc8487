import pytest
from django.core.management import call_command

from duiding.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def _token_for(username: str, capsys) -> str:
    call_command("create-token", "--user", username)
    return capsys.readouterr().out.strip()


def test_create_token_prints_a_token_and_stores_only_its_hash(adviseur, capsys):
    raw = _token_for("adviseur", capsys)
    assert raw.startswith("dui_")
    stored = ApiToken.objects.get(user=adviseur)
    assert stored.key_hash != raw
    assert stored.key_hash == ApiToken.hash_key(raw)


def test_api_accepts_bearer_token(client, adviseur, capsys, rotterdam):
    raw = _token_for("adviseur", capsys)
    response = client.get("/api/v1/areas/GM0599", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200
    assert response.json()["name"] == "Rotterdam"


def test_api_refuses_anonymous_and_wrong_token(client, rotterdam):
    assert client.get("/api/v1/areas/GM0599").status_code == 401
    assert (
        client.get("/api/v1/areas/GM0599", headers={"Authorization": "Bearer dui_nope"}).status_code
        == 401
    )


def test_revoked_token_is_refused(client, adviseur, capsys, rotterdam):
    raw = _token_for("adviseur", capsys)
    ApiToken.objects.update(revoked=True)
    assert (
        client.get("/api/v1/areas/GM0599", headers={"Authorization": f"Bearer {raw}"}).status_code
        == 401
    )


def test_token_page_creates_and_shows_token_once(client_as, adviseur):
    client = client_as(adviseur)
    response = client.post("/account/api-sleutels/", {"name": "script"})
    raw = response.context["new_token"]
    assert raw in response.content.decode()
    assert raw not in client.get("/account/api-sleutels/").content.decode()
