"""One shape for what every app tells its user: service refusals and autosave answers."""

import json

from django.core.exceptions import ValidationError

from engagements.feedback import autosave_response, error_text


def test_a_refusal_with_several_sentences_is_one_message():
    error = ValidationError(["Eerste zin.", "Tweede zin."])
    assert error_text(error) == "Eerste zin. Tweede zin."


def test_every_autosave_answer_has_the_same_two_keys_and_its_own_status():
    saved = autosave_response()
    refused = autosave_response(refusal="Kies een van de antwoorden.")
    closed = autosave_response(refusal="Gesloten.", closed=True)
    assert [saved.status_code, refused.status_code, closed.status_code] == [200, 422, 409]
    bodies = [json.loads(r.content) for r in (saved, refused, closed)]
    assert bodies == [
        {"saved": True, "message": "Uw antwoord is opgeslagen."},
        {"saved": False, "message": "Kies een van de antwoorden."},
        {"saved": False, "message": "Gesloten."},
    ]
