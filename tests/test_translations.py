"""The English catalogue: complete, placeholders intact, and used when the user chooses English."""

import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse

LOCALE = Path(__file__).resolve().parents[1] / "src" / "duiding" / "locale"
EN_PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"
NAMED = re.compile(r"%\((\w+)\)")


@pytest.fixture(scope="module")
def en_catalogue() -> polib.POFile:
    return polib.pofile(str(EN_PO))


def _live(catalogue: polib.POFile) -> list[polib.POEntry]:
    return [e for e in catalogue if not e.obsolete]


def test_en_catalogue_has_every_entry_translated_and_none_fuzzy(en_catalogue):
    entries = _live(en_catalogue)
    assert len(entries) > 100, "the English catalogue is nearly empty: run makemessages"
    open_entries = [e.msgid for e in entries if not e.translated() or "fuzzy" in e.flags]
    assert open_entries == [], f"{len(open_entries)} entries untranslated or fuzzy"


def test_en_catalogue_placeholders_match_the_dutch_text(en_catalogue):
    wrong = []
    for entry in _live(en_catalogue):
        if entry.msgid_plural:
            pairs = [
                (entry.msgid, entry.msgstr_plural[0]),
                (entry.msgid_plural, entry.msgstr_plural[1]),
            ]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, text in pairs:
            if set(NAMED.findall(source)) != set(NAMED.findall(text)):
                wrong.append((source, text))
            elif "python-format" in entry.flags and source.count("%%") != text.count("%%"):
                wrong.append((source, text))
    assert wrong == []


def _choose_english(client) -> None:
    mo = EN_PO.with_suffix(".mo")
    assert mo.exists(), "the English .mo is missing: run `make messages`"
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo)) if e.msgid}
    source = {
        (e.msgctxt, e.msgid): e.msgstr
        for e in _live(polib.pofile(str(EN_PO)))
        if not e.msgid_plural
    }
    assert all(compiled.get(key) == text for key, text in source.items()), (
        "the English .mo is older than the .po: run `make messages`"
    )
    client.post(reverse("set_language"), {"language": "en", "next": "/"})


@pytest.mark.django_db
def test_login_page_is_english_after_choosing_english(client):
    _choose_english(client)
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Log in" in page
    assert "Forgotten your password?" in page
    assert "Skip to content" in page
    assert "Inloggen" not in page
    assert "Wachtwoord vergeten" not in page


@pytest.mark.django_db
def test_login_page_stays_dutch_without_a_choice(client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Inloggen" in page
    assert "Forgotten your password?" not in page


@pytest.mark.django_db
def test_area_search_pages_are_english_after_choosing_english(client_as, adviseur):
    client = client_as(adviseur)
    _choose_english(client)
    index = client.get(reverse("areaprofile:index")).content.decode()
    assert "State of the neighbourhood" in index
    assert "Search for an area by name or code" in index
    assert "Log out" in index
    assert "Staat van de wijk" not in index

    search = client.get(reverse("areas:search"), {"q": "Nergensdorp"}).content.decode()
    assert "Find an area" in search
    assert "No area found for “Nergensdorp”" in search
    assert "Geen gebied gevonden" not in search
