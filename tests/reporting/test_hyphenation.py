"""Dutch hyphenation of the running text of reports, and its soft hyphens in the PDF."""

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from reporting.hyphenation import (
    hyphenate_running_text,
    hyphenate_word,
    soft_hyphens_in_text_layer,
)
from reporting.pdf import html_to_pdf


def _shown(text: str) -> str:
    return text.replace("\u00ad", "-")


@pytest.mark.parametrize(
    ("word", "hyphenated"),
    [
        ("leiderschap", "lei-der-schap"),
        ("informatiebeveiliging", "in-for-ma-tie-be-vei-li-ging"),
        # Pyphen alone: "da-t-aca-ta-lo-gus", "ma-na-ge-men-to-ver-leg",
        # "in-for-ma-tiema-na-ger", "be-leid-s-eva-lu-a-ties".
        ("datacatalogus", "da-ta-ca-ta-lo-gus"),
        ("managementoverleg", "ma-nage-ment-over-leg"),
        ("datamanagement", "da-ta-ma-nage-ment"),
        ("informatiemanager", "in-for-ma-tie-ma-na-ger"),
        ("beleidsevaluaties", "be-leids-eva-lu-a-ties"),
        ("Benchmarks", "Bench-marks"),
        ("Governance", "Governance"),
    ],
)
def test_a_word_breaks_where_dutch_breaks_it(word, hyphenated):
    assert _shown(hyphenate_word(word)) == hyphenated


@pytest.mark.parametrize("word", ["Oneens", "Rucphen", "ICTBELEID", "WhatsApp"])
def test_short_words_and_acronyms_stay_whole(word):
    """Fewer than eight letters, or a capital inside the word: no break ("On-eens")."""
    assert hyphenate_word(word) == word


def test_a_break_leaves_two_letters_before_it_and_three_after_it():
    assert _shown(hyphenate_word("gemeente")) == "ge-meente"  # not "ge-meen-te"
    assert _shown(hyphenate_word("gemeentelijke")) == "ge-meen-te-lijke"  # not "-ke"


def test_only_the_dutch_running_text_is_hyphenated():
    html = (
        '<html lang="nl"><body>'
        "<h2>Informatiebeveiliging</h2>"
        '<section class="cover"><p>Gemeentesecretaris</p></section>'
        "<p>Het leiderschap &amp; de datacatalogus.</p>"
        "<ul><li>gemeenteraad<li>managementoverleg</ul>"
        "<table><tr><th>Verantwoordelijke</th><td><p>informatiebeveiliging</p></td></tr></table>"
        '<figure><img alt="Staafdiagram datakwaliteit" src="x.svg">'
        "<figcaption>Datakwaliteit</figcaption></figure>"
        '<p lang="en">accountability</p>'
        "<!-- opmerking: gemeentesecretaris --></body></html>"
    )
    out = _shown(hyphenate_running_text(html))
    assert "<p>Het lei-der-schap &amp; de da-ta-ca-ta-lo-gus.</p>" in out
    assert "<li>ge-meen-te-raad<li>ma-nage-ment-over-leg</ul>" in out
    for whole in [
        "<h2>Informatiebeveiliging</h2>",
        "<p>Gemeentesecretaris</p>",
        "<th>Verantwoordelijke</th>",
        "<p>informatiebeveiliging</p>",
        'alt="Staafdiagram datakwaliteit"',
        "<figcaption>Datakwaliteit</figcaption>",
        '<p lang="en">accountability</p>',
        "<!-- opmerking: gemeentesecretaris -->",
    ]:
        assert whole in out, whole
    # Nothing else changes: without the soft hyphens it is the page as written.
    assert hyphenate_running_text(html).replace("\u00ad", "") == html


def test_addresses_stay_whole_and_a_typed_u2010_becomes_a_hyphen():
    html = (
        '<html lang="nl"><p>Zie https://www.waarstaatjegemeente.nl/dashboard of mail '
        "informatiebeheer@rucphen.nl over het DPIA\u2010rapport.</p></html>"
    )
    out = hyphenate_running_text(html)
    assert "https://www.waarstaatjegemeente.nl/dashboard" in out
    assert "informatiebeheer@rucphen.nl" in out
    assert "DPIA-rapport" in out and "\u2010" not in out


def test_hyphenating_twice_changes_nothing():
    html = '<html lang="nl"><p>De datacatalogus en het managementoverleg.</p></html>'
    once = hyphenate_running_text(html)
    assert hyphenate_running_text(once) == once


# The reports' own stylesheet, in a narrow column.
NARROW = (
    '<html lang="nl"><head><link rel="stylesheet" href="/static/css/print.css">'
    "<style>p { width: 45mm }</style></head><body>"
    "<p>Het managementoverleg bespreekt de informatiebeveiliging en de "
    "gegevensbeschermingseffectbeoordeling officieel.</p></body></html>"
)


def test_a_narrow_paragraph_breaks_inside_words_and_reads_back_whole():
    """On the page a word breaks with a hyphen; in the text layer that hyphen is U+00AD at
    the end of the line, and words with "ff" keep their letters (print.css turns ligatures
    off: an "ff" ligature across a soft hyphen reads "e ect" in every word that has it)."""
    pdf = html_to_pdf(hyphenate_running_text(NARROW))
    raw = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "\u00ad\n" in raw
    assert "\u2010" not in raw
    whole = raw.replace("\u00ad\n", "").replace("\n", " ")
    assert "managementoverleg" in whole
    assert "gegevensbeschermingseffectbeoordeling officieel" in whole


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_without_the_finisher_the_break_reads_as_u2010(tmp_path):
    """What the finisher is for: WeasyPrint alone writes U+2010 at the break."""
    from weasyprint import HTML

    path = tmp_path / "plain.pdf"
    html = hyphenate_running_text(NARROW.replace("/static/css/print.css", "data:,"))
    path.write_bytes(HTML(string=html).write_pdf())
    plain = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert "\u2010\n" in plain.stdout
    path.write_bytes(HTML(string=html).write_pdf(finisher=soft_hyphens_in_text_layer))
    finished = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert "\u2010" not in finished.stdout and "\u00ad\n" in finished.stdout
