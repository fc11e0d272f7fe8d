""" "Visie en routeplan" as a decision document: every section in the PDF and in the
.docx, editable texts, status and version on the cover, made in the background and
reused until its data change."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn

from roadmap import services
from roadmap.models import DocumentExport, DocumentStatus, ExportStatus, ItemStatus
from roadmap.reports import vision_roadmap_docx_bytes, vision_roadmap_pdf_bytes
from roadmap.selectors import roadmap_document, roadmap_items
from tests.pdf_text import pdf_text
from tests.roadmap.factories import roadmap_for
from tests.world import build_world

pytestmark = pytest.mark.django_db

SECTION_TITLES = [
    "Samenvatting",
    "Voorstel",
    "Aanleiding",
    "De visie",
    "Ambitie per onderdeel",
    "Organisatie en rollen",
    "Middelen",
    "Risico's en privacy",
    "Uitvoering en planning",
    "Bijlage A. Uitkomsten van de enquête",
    "Bijlage D. Werkwijze",
]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_a_new_municipality_gets_every_section_in_the_pdf_with_status_and_version():
    world = build_world()
    roadmap = roadmap_for(world.engagement)
    text = _flat(pdf_text(vision_roadmap_pdf_bytes(roadmap=roadmap)))
    for title in SECTION_TITLES:
        assert title in text, title
    assert "Concept · versie 0.1" in text
    assert "Het college wordt gevraagd" in text
    assert "Algoritmeregister" in text and "DPIA" in text and "BIO" in text
    # Levels by name, not bare digits.
    assert "2 – Verkennend" in text and "3 – Lerend" in text


def test_the_word_version_holds_the_same_sections_as_word_headings_and_tables():
    world = build_world()
    roadmap = roadmap_for(world.engagement)
    services.roadmap_document_update(
        roadmap=roadmap,
        document_status=DocumentStatus.FINAL,
        document_version="1.0",
        texts={"text_occasion": "Onze eigen aanleiding."},
        drafts={},
    )
    document = Document(io.BytesIO(vision_roadmap_docx_bytes(roadmap=roadmap)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for title in SECTION_TITLES:
        if title.startswith("Bijlage A"):
            continue  # the survey's charts stay in the PDF appendix
        assert any(title in heading for heading in headings), title
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Definitief · versie 1.0" in body
    assert "Onze eigen aanleiding." in body
    assert "Het college wordt gevraagd:" in body
    assert len(document.tables) >= 3  # ambition, years, baseline


def test_word_checks_the_spelling_of_the_word_version_as_dutch():
    """python-docx's template says en-US: Word would mark every Dutch word as an error."""
    world = build_world()
    roadmap = roadmap_for(world.engagement)
    document = Document(io.BytesIO(vision_roadmap_docx_bytes(roadmap=roadmap)))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    language = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert language.get(qn("w:val")) == "nl-NL"
    assert document.core_properties.language == "nl-NL"


def test_an_edited_text_is_kept_and_an_unedited_one_keeps_following_the_data(client):
    world = build_world()
    roadmap = roadmap_for(world.engagement)
    client.force_login(world.users["consultant_on"])
    url = reverse("roadmap:document_edit", kwargs={"engagement_pk": world.engagement.pk})
    page = client.get(url)
    assert page.status_code == 200
    document = roadmap_document(roadmap=roadmap)
    data = {s.field: s.draft for s in document.sections}
    data.update(
        document_status="final",
        document_version="0.3",
        text_decision="Het college wordt gevraagd het plan vast te stellen.",
    )
    response = client.post(url, data)
    assert response.status_code == 302
    roadmap.refresh_from_db()
    assert roadmap.text_decision == "Het college wordt gevraagd het plan vast te stellen."
    assert roadmap.text_summary == ""  # left as drafted: still follows the data
    assert roadmap.document_status == "final" and roadmap.document_version == "0.3"
    text = _flat(pdf_text(vision_roadmap_pdf_bytes(roadmap=roadmap)))
    assert "Het college wordt gevraagd het plan vast te stellen." in text
    assert "Definitief · versie 0.3" in text


def test_costs_and_fte_per_action_are_summed_per_year():
    world = build_world()
    roadmap = roadmap_for(world.engagement)
    first, second = roadmap_items(roadmap=roadmap)[:2]
    for item, cost, fte in ((first, 12500, "0.5"), (second, 2500, "0.2")):
        services.roadmap_item_update(
            item=item,
            start_year=2027,
            start_quarter=item.start_quarter,
            duration_quarters=item.duration_quarters,
            owner=item.owner,
            status=item.status,
            cost_euros=cost,
            fte=fte,
        )
    document = roadmap_document(roadmap=roadmap)
    year = next(b for b in document.facts.budgets if b.year == 2027)
    assert (year.cost_euros, year.estimated) == (15000, 2)
    assert year.fte == pytest.approx(0.7)
    text = _flat(pdf_text(vision_roadmap_pdf_bytes(roadmap=roadmap)))
    assert "€ 15.000" in text and "0,7" in text


def _worker():
    """The real worker (``manage.py db_worker``) runs the queued jobs and stops."""
    call_command("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", "--no-reload")


@pytest.mark.django_db(transaction=True)
def test_a_cold_report_shows_progress_then_downloads_and_is_reused_until_the_data_change(
    client,
):
    world = build_world()
    roadmap = roadmap_for(world.engagement)
    client.force_login(world.users["staff_a"])
    url = reverse("roadmap:report_pdf", kwargs={"engagement_pk": world.engagement.pk})
    status_url = reverse(
        "roadmap:document_status", kwargs={"engagement_pk": world.engagement.pk, "kind": "pdf"}
    )
    first = client.get(url)
    assert first.status_code == 200
    assert "Het document wordt gemaakt" in first.content.decode()
    assert client.get(status_url).json()["status"] == ExportStatus.QUEUED
    _worker()
    assert client.get(status_url).json() == {
        "status": "done",
        "progress": 100,
        "label": "Klaar",
    }
    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    day = timezone.localdate().isoformat()
    assert download["Content-Disposition"] == (
        f'attachment; filename="visie-en-routeplan-gemeente-alfa-{day}.pdf"'
    )
    assert download.content.startswith(b"%PDF-")
    # Unchanged data: the same document, no new job.
    assert client.get(url).content == download.content
    assert DocumentExport.objects.filter(roadmap=roadmap).count() == 1
    # Changed data: a new document is made, the old one is gone.
    item = roadmap_items(roadmap=roadmap)[0]
    services.roadmap_item_status_set(item=item, status=ItemStatus.DONE, user=world.users["staff_a"])
    assert "Het document wordt gemaakt" in client.get(url).content.decode()
    assert DocumentExport.objects.filter(roadmap=roadmap).count() == 1
    assert DocumentExport.objects.get(roadmap=roadmap).status == ExportStatus.QUEUED


@pytest.mark.django_db(transaction=True)
def test_the_word_download_is_named_and_typed_for_word(client):
    world = build_world()
    roadmap_for(world.engagement)
    client.force_login(world.users["staff_a"])
    url = reverse("roadmap:report_docx", kwargs={"engagement_pk": world.engagement.pk})
    client.get(url)
    _worker()
    download = client.get(url)
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    assert download["Content-Disposition"].endswith('.docx"')
    assert "visie-en-routeplan-gemeente-alfa-" in download["Content-Disposition"]


def test_the_text_layer_holds_whole_words_and_headings_are_never_hyphenated():
    """Screen readers and search read the PDF's text: a word broken at the end of a line ends
    it with a soft hyphen, which the reader drops ("lei-" + "derschap" reads "leiderschap"),
    never with WeasyPrint's U+2010; a soft hyphen is nowhere else; headings stay whole."""
    world = build_world()
    roadmap = roadmap_for(world.engagement)
    text = pdf_text(vision_roadmap_pdf_bytes(roadmap=roadmap))
    assert "\u2010" not in text  # WeasyPrint's automatic hyphen
    assert "\u00ad" not in text
    assert "Governance en eigenaarschap" in _flat(text)
    # Hyphenated as "ef-fect" somewhere, an "ff" ligature would read "e ect" everywhere.
    assert "(gegevensbeschermingseffectbeoordeling)" in _flat(text)


def test_the_demo_document_holds_every_section_and_the_session_date():
    call_command("seed_demo", stdout=io.StringIO())
    from roadmap.models import Roadmap

    roadmap = Roadmap.objects.select_related("engagement__organisation").get(
        engagement__organisation__name="Gemeente Rucphen"
    )
    text = _flat(pdf_text(vision_roadmap_pdf_bytes(roadmap=roadmap)))
    for title in SECTION_TITLES:
        assert title in text, title
    # Adopted in the session of 8 October 2026, not on the day the PDF was made.
    assert "8 oktober 2026" in text
    assert "Visie op datagedreven werken vaststellen" not in text
    assert "Bijlage B. Inspiratie- en visiesessie" in text
    document = Document(io.BytesIO(vision_roadmap_docx_bytes(roadmap=roadmap)))
    headings = " ".join(p.text for p in document.paragraphs if p.style.name.startswith("Head"))
    for title in SECTION_TITLES[:9]:
        assert title in headings, title
    assert len(document.inline_shapes) >= 2  # charts as images


def _blank_pages(pdf: bytes, header: str) -> list[int]:
    from pypdf import PdfReader

    blank = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        body = (page.extract_text() or "").replace(header, "").replace("Datagedreven werken", "")
        if not re.sub(r"Pagina \d+ / \d+", "", body).strip():
            blank.append(number)
    return blank


def test_no_page_is_blank_in_the_roadmap_and_the_survey_report():
    """An empty line between the cover and a section that starts a page opened an empty
    page of its own: the survey and session reports had a blank second page."""
    from surveys.reports import survey_report_pdf_bytes
    from tests.surveys.factories import completed_responses, small_survey

    world = build_world()
    roadmap = roadmap_for(world.engagement)
    pdf = vision_roadmap_pdf_bytes(roadmap=roadmap)
    assert "Concept" in pdf_text(pdf).split("Samenvatting")[0]  # the cover comes first
    assert _blank_pages(pdf, "Visie en routeplan · Gemeente Alfa") == []
    survey = small_survey(engagement=world.engagement)
    completed_responses(survey=survey, count=5)
    report = survey_report_pdf_bytes(survey=survey)
    assert _blank_pages(report, "Resultaten van de enquête · Gemeente Alfa") == []
