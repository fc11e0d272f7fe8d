"""Every report is a tagged PDF (PDF/UA-1) a screen reader can read.

The demo engagement fills every stage, so each of the five reports has its headings, tables
and charts. For each: ``pdfinfo`` says "Tagged: yes"; the structure tree holds headings,
tables with header cells and a figure per chart whose alternative text gives the chart's
title and its numbers; the document language is Dutch; the title is set and shown by the
viewer (DisplayDocTitle); and hyphenation leaves whole words in the text layer.
"""

import io
import re
import shutil
import subprocess

import pytest
from django.core.management import call_command
from pypdf import PdfReader
from pypdf.generic import IndirectObject

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def reports(django_db_setup, django_db_blocker):
    """The five reports of the demo engagement, as bytes, by name."""
    from baseline.models import Assessment
    from baseline.reports import baseline_report_pdf
    from engagements.models import Engagement
    from engagements.reports import engagement_summary_pdf_bytes
    from roadmap.models import Roadmap
    from roadmap.reports import vision_roadmap_pdf_bytes
    from surveys.models import Survey
    from surveys.reports import survey_report_pdf_bytes
    from workshops.models import Session
    from workshops.reports import session_report_pdf_bytes

    with django_db_blocker.unblock():
        call_command("seed_demo", verbosity=0)
        engagement = Engagement.objects.get(organisation__name="Gemeente Rucphen")
        consultant = engagement.consultants.first()
        survey = Survey.objects.filter(engagement=engagement).order_by("pk").first()
        session = (
            Session.objects.filter(engagement=engagement, vision_adopted_at__isnull=False)
            .order_by("pk")
            .first()
        )
        assessment = Assessment.objects.filter(engagement=engagement).order_by("pk").first()
        roadmap = Roadmap.objects.get(engagement=engagement)
        made = {
            "survey": survey_report_pdf_bytes(survey=survey),
            "session": session_report_pdf_bytes(session=session),
            "baseline": baseline_report_pdf(assessment=assessment),
            "roadmap": vision_roadmap_pdf_bytes(roadmap=roadmap),
            "summary": engagement_summary_pdf_bytes(engagement=engagement, user=consultant),
        }
        yield made
        call_command("flush", interactive=False, verbosity=0)


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _structure(reader: PdfReader) -> list[dict]:
    """Every structure element of the tree, depth first: its type and its /Alt."""
    root = _resolve(reader.trailer["/Root"]["/StructTreeRoot"])
    found, stack = [], [root]
    while stack:
        node = _resolve(stack.pop())
        if isinstance(node, dict) or hasattr(node, "get"):
            if node.get("/S") is not None:
                found.append({"type": str(node["/S"]), "alt": str(node.get("/Alt", ""))})
            kids = node.get("/K")
            kids = _resolve(kids) if kids is not None else None
            if isinstance(kids, list):
                stack.extend(reversed(kids))
            elif kids is not None and not isinstance(kids, int):
                stack.append(kids)
    return found


REPORTS = ["survey", "session", "baseline", "roadmap", "summary"]


@pytest.mark.parametrize("name", REPORTS)
def test_every_report_is_tagged_with_language_title_and_structure(reports, name, tmp_path):
    pdf = reports[name]
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert str(catalog["/Lang"]) == "nl"
    assert bool(_resolve(catalog["/MarkInfo"])["/Marked"])
    assert bool(_resolve(catalog["/ViewerPreferences"])["/DisplayDocTitle"])
    title = reader.metadata.title
    assert title and "Gemeente Rucphen" in title

    elements = _structure(reader)
    types = [element["type"] for element in elements]
    assert "/H1" in types, types[:40]
    assert "/H2" in types
    assert "/Table" in types and "/TH" in types and "/TD" in types

    if shutil.which("pdfinfo"):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
        assert "Tagged:          yes" in info.stdout


@pytest.mark.parametrize("name", ["survey", "session", "baseline", "roadmap", "summary"])
def test_every_chart_has_its_title_and_numbers_as_alternative_text(reports, name):
    from reporting.charts import chromium_path

    if chromium_path() is None:
        pytest.skip("Without Chromium the PDFs show charts as tables.")
    figures = [
        e for e in _structure(PdfReader(io.BytesIO(reports[name]))) if e["type"] == "/Figure"
    ]
    charts = [f for f in figures if ":" in f["alt"]]
    assert charts, f"No chart with alternative text in the {name} report: {figures}"
    for figure in figures:
        assert len(figure["alt"]) > 10, figure


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_hyphenation_leaves_whole_words_in_the_text_layer(reports, tmp_path):
    """A word broken at the end of a line reads back whole (poppler's text extraction joins
    a line-final hyphen-minus with the next line; WeasyPrint's default U+2010 it keeps)."""
    for name in REPORTS:
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(reports[name])
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "\u2010\n" not in text, name
        assert "-\n" not in text.replace("\u2013", ""), name


# A word broken over two lines as pypdf reads it back: a word piece, a hyphen at the end of
# the line (or WeasyPrint's U+2010, or a soft hyphen), and the word going on in lower case on
# the next line. A line may still end after a hyphen of the text itself: in a compound that
# has another hyphen ("planning-en-" + "controlcyclus") or before "en"/"of" ("inspiratie- en
# visiesessie"); those are the words as written and are left out.
BROKEN_WORD = re.compile(
    r"(?P<before>[\w-]+)[-\u2010\u00ad][ \t]*\n[ \t]*(?P<after>[a-z\u00e0-\u00ff]\w*)"
)


def _hyphenation_splits(text: str) -> list[str]:
    return [
        f"{m['before']}- {m['after']}"
        for m in BROKEN_WORD.finditer(text)
        if "-" not in m["before"]
        and m["after"] not in {"en", "of"}
        and not _vowel_clash(m["before"], m["after"])
    ]


def _vowel_clash(before: str, after: str) -> bool:
    """Dutch writes a hyphen where two vowels would merge ("data-eigenaren"): a line may
    break after it, and that is the text's own hyphen, not hyphenation."""
    return before[-1:].lower() in "aeiou" and after[:1].lower() in "aeiou"


def test_the_split_finder_tells_hyphenation_from_hyphens_of_the_text():
    text = (
        "met hoogstens 3 te-\ngelijk. De planning-en-\ncontrolcyclus, inspiratie-\nen visie, "
        "data-\neigenaren"
    )
    assert _hyphenation_splits(text) == ["te- gelijk"]


@pytest.mark.parametrize("name", REPORTS)
def test_pypdf_reads_whole_words_without_hyphenation_splits(reports, name):
    """pypdf does not join a hyphen at the end of a line with the next line as poppler does
    ("lei-" + "derschap"), so the reports are not hyphenated at all: every extractor reads
    whole words."""
    reader = PdfReader(io.BytesIO(reports[name]))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    broken = _hyphenation_splits(text)
    assert broken == [], f"Words split over two lines in the {name} report: {broken[:10]}"
