"""Dutch first: every message of every .po file is translated, none is fuzzy."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
PO_FILES = sorted(
    path
    for path in ROOT.glob("**/locale/nl/LC_MESSAGES/django.po")
    if ".venv" not in path.parts and "var" not in path.parts
)


def test_there_are_dutch_translation_files():
    assert ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po" in PO_FILES


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_message_is_translated_to_dutch(po_path):
    po = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [], f"Untranslated in {po_path}: {untranslated}"
    assert fuzzy == [], f"Fuzzy in {po_path}: {fuzzy}"


def test_the_portal_answers_in_dutch_by_default(client, db):
    response = client.get("/account/inloggen/")
    assert response.status_code == 200
    assert '<html lang="nl">' in response.content.decode()
    assert "Aanmelden" in response.content.decode()


def test_an_english_browser_still_gets_dutch_until_english_is_chosen(client, db):
    response = client.get("/account/inloggen/", headers={"accept-language": "en-US,en;q=0.9"})
    assert '<html lang="nl">' in response.content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/account/inloggen/"})
    response = client.get("/account/inloggen/", headers={"accept-language": "nl"})
    assert '<html lang="en">' in response.content.decode()
    assert "Log in" in response.content.decode()
