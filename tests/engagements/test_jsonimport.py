"""Every JSON import reads through one function with limits; bad files get a Dutch message."""

import pytest
from django.core.exceptions import ValidationError

from engagements.jsonimport import parse_json_import


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("[" * 10_000 + "]" * 10_000, "te diep"),
        ('{"a": ' * 30 + "1" + "}" * 30, "te diep"),
        ('{"n": ' + "9" * 5_000 + "}", "te lang"),
        ('{"n": 1' + "0" * 400 + ".5}", "te lang"),
        ('{"n": NaN}', "geen getal"),
        ('{"n": -Infinity}', "geen getal"),
        ('{"t": "a\\u0000b"}', "NUL"),
        ('{"a\\u0000": 1}', "NUL"),
        ("[1, 2]", "niet wat"),
        ('"tekst"', "niet wat"),
        ("{", "geen geldige JSON (regel 1"),
        (b"\xff\xfe{}", "UTF-8"),
        ("x" * 1_000_001, "groter dan 1 MB"),
    ],
)
def test_bad_documents_are_refused_with_a_dutch_message(raw, message):
    with pytest.raises(ValidationError) as refused:
        parse_json_import(raw)
    assert message in " ".join(refused.value.messages)


def test_a_normal_document_is_read():
    assert parse_json_import(b'\xef\xbb\xbf{"a": [1, 2.5, "\xc3\xa9\xc3\xa9n"]}') == {
        "a": [1, 2.5, "één"]
    }
