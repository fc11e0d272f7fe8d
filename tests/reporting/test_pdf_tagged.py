"""Every report is a tagged PDF (PDF/UA-1) a screen reader can read.

The demo engagement fills every stage, so each of the five reports has its headings, tables
and charts. For each: ``pdfinfo`` says "Tagged: yes"; the structure tree holds headings,
tables with header cells and a figure per chart whose alternative text gives the chart's
title and its numbers; the document language is Dutch; the title is set and shown by the
viewer (DisplayDocTitle); and the hyphen of a line break inside a word is a soft hyphen
in the text layer, so that a reader reads the word whole.
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


def _soft_hyphen_breaks(text: str) -> list[str]:
    return re.findall(r"\w+\u00ad[ \t]*\n[ \t]*\w+", text)


def _read_as_tagged(text: str) -> str:
    """The text as ISO 32000-1 (14.8.2.2.3) tells a reader of a tagged PDF to read it: a
    soft hyphen at the end of a line is the word going on on the next line."""
    return re.sub(r"\u00ad[ \t]*\n[ \t]*", "", text)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_a_line_break_inside_a_word_is_a_soft_hyphen_in_the_text_layer(reports, tmp_path):
    """The Dutch running text is hyphenated, and every hyphen of a line break reads as a
    soft hyphen (U+00AD), never as WeasyPrint's U+2010 or a hyphen of the text, so that a
    reader can tell "lei-" + "derschap" from "data-" + "eigenaren"."""
    for name in REPORTS:
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(reports[name])
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "\u2010" not in text, name
        assert _hyphenation_splits(_read_as_tagged(text).replace("\u00ad", "-")) == [], name
    roadmap = subprocess.run(
        ["pdftotext", str(tmp_path / "roadmap.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert len(_soft_hyphen_breaks(roadmap)) >= 5, "The running text is not hyphenated."


def test_the_hyphen_of_a_line_break_is_drawn(reports):
    """The soft hyphen of the text layer is a visible glyph on the page: the font maps it
    from a glyph with a width, not from an invisible one."""
    reader = PdfReader(io.BytesIO(reports["roadmap"]))
    drawn = []
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            cmap = font["/ToUnicode"].get_object().get_data().decode()
            glyphs = re.findall(r"<([0-9a-f]{4})> <00ad>", cmap)
            if not glyphs:
                continue
            widths = _widths(font["/DescendantFonts"][0].get_object()["/W"])
            drawn += [widths.get(int(glyph, 16), 0) for glyph in glyphs]
    assert drawn and all(width > 100 for width in drawn), drawn


def _widths(w_array) -> dict[int, float]:
    """A CID font's /W array ([first [w1 w2 …] first last w …]) as glyph → width."""
    widths, items, i = {}, list(w_array), 0
    while i < len(items):
        first = int(items[i])
        following = items[i + 1]
        if isinstance(following, list):
            widths.update({first + k: float(w) for k, w in enumerate(following)})
            i += 2
        else:
            widths.update({g: float(items[i + 2]) for g in range(first, int(following) + 1)})
            i += 3
    return widths


# A word broken over two lines as an extractor reads it back: a word piece, a hyphen at the
# end of the line (or WeasyPrint's U+2010), and the word going on in lower case on the next
# line. A line may still end after a hyphen of the text itself: in a compound that has
# another hyphen ("planning-en-" + "controlcyclus") or before "en"/"of" ("inspiratie- en
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
        "data-\neigenaren, lei\u00ad\nderschap"
    )
    assert _hyphenation_splits(text) == ["te- gelijk", "lei- derschap"]
    assert _hyphenation_splits(_read_as_tagged(text)) == ["te- gelijk"]


@pytest.mark.parametrize("name", REPORTS)
def test_pypdf_reads_whole_words_after_the_soft_hyphens(reports, name):
    """pypdf does not join lines as poppler does, but it reads the soft hyphens: every word
    split over two lines ends its first line with U+00AD, so a reader that follows the PDF
    standard reads it whole; no line ends in a hyphen that hides a split word."""
    reader = PdfReader(io.BytesIO(reports[name]))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    broken = _hyphenation_splits(_read_as_tagged(text))
    assert broken == [], f"Words split over two lines in the {name} report: {broken[:10]}"
