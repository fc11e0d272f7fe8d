import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from engagements.models import Engagement, Organisation
from tests.engagements.factories import EngagementFactory
from tests.pdf_text import pdf_page_count, pdf_text


def _png_bytes(size=(40, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#1f3b57").save(buffer, format="PNG")
    return buffer.getvalue()


def test_home_query_count_does_not_grow_with_engagements(
    client, world, django_assert_max_num_queries
):
    consultant = world.users["consultant_on"]
    client.force_login(consultant)
    with django_assert_max_num_queries(8) as few:
        client.get("/")
    for _ in range(15):
        EngagementFactory(consultants=[consultant])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/")
    assert response.content.decode().count("<tr>") == 1 + 16  # header + engagements


def test_empty_home_explains_what_to_do(client, db):
    from tests.accounts.factories import UserFactory

    client.force_login(UserFactory())
    response = client.get("/")
    assert "Nog geen trajecten" in response.content.decode()
    assert "Zodra een adviseur een traject met uw organisatie start" in response.content.decode()


def test_engagement_page_shows_the_four_stages_in_order(client, world):
    client.force_login(world.users["staff_a"])
    content = client.get(world.engagement.get_absolute_url()).content.decode()
    positions = [
        content.index(title)
        for title in ("Enquête", "Inspiratie- en visiesessie", "Nulmeting", "Routeplan")
    ]
    assert positions == sorted(positions)


def test_consultant_creates_an_engagement_and_is_assigned_to_it(client, world):
    consultant = world.users["consultant_off"]
    client.force_login(consultant)
    response = client.post(
        "/trajecten/nieuw/",
        {
            "organisation": world.org_a.pk,
            "title": "Tweede traject",
            "starts_on": "2027-01-10",
            "status": "planned",
            "min_group_size": 5,
        },
    )
    engagement = Engagement.objects.get(title="Tweede traject")
    assert response["Location"] == engagement.get_absolute_url()
    assert consultant in engagement.consultants.all()


def test_engagement_form_shows_dutch_errors_and_keeps_the_input(client, world):
    client.force_login(world.users["consultant_on"])
    response = client.post(
        "/trajecten/nieuw/",
        {
            "organisation": world.org_a.pk,
            "title": "Mijn zorgvuldig getypte titel",
            "starts_on": "2027-01-10",
            "ends_on": "2026-01-10",
            "status": "planned",
            "min_group_size": 1,
        },
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "De einddatum kan niet vóór de startdatum liggen." in content
    assert "Zorg ervoor dat deze waarde minstens 3 is." in content
    assert "Mijn zorgvuldig getypte titel" in content


def test_engagement_form_rejects_an_unknown_organisation_without_a_500(client, world):
    client.force_login(world.users["consultant_on"])
    response = client.post(
        "/trajecten/nieuw/",
        {"organisation": "999999", "title": "x", "starts_on": "nonsense", "status": "bogus"},
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_organisation_logo_upload_is_served_to_staff(client, world):
    client.force_login(world.users["consultant_on"])
    logo = SimpleUploadedFile("logo.png", _png_bytes(), content_type="image/png")
    response = client.post(
        f"/organisaties/{world.org_a.pk}/bewerken/",
        {"name": world.org_a.name, "cbs_code": "GM0840", "logo": logo},
    )
    assert response.status_code == 302
    client.force_login(world.users["staff_a"])
    served = client.get(f"/organisaties/{world.org_a.pk}/logo/")
    assert served.status_code == 200
    assert b"".join(served.streaming_content).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("logo.png", b"<script>alert(1)</script>", "Upload een geldige afbeelding"),
        ("logo.gif", b"GIF89a" + b"\x00" * 20, "Upload een geldige afbeelding"),
    ],
)
def test_a_logo_that_is_not_an_image_is_refused_with_a_dutch_message(
    client, world, filename, content, message
):
    client.force_login(world.users["consultant_on"])
    response = client.post(
        "/organisaties/nieuw/",
        {"name": "Gemeente Nep", "logo": SimpleUploadedFile(filename, content)},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organisation.objects.filter(name="Gemeente Nep").exists()


def test_a_logo_over_2_mb_is_refused(client, world):
    client.force_login(world.users["consultant_on"])
    big = _png_bytes() + b"\x00" * (2 * 1024 * 1024)
    response = client.post(
        "/organisaties/nieuw/",
        {"name": "Gemeente Groot", "logo": SimpleUploadedFile("logo.png", big)},
    )
    assert "Het logo is groter dan 2 MB" in response.content.decode()


def test_staff_download_the_summary_pdf_with_the_engagement_facts(client, world):
    client.force_login(world.users["staff_a"])
    response = client.get(f"/trajecten/{world.engagement.pk}/samenvatting.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "Samenvatting van het traject" in text
    assert world.org_a.name in text
    assert world.engagement.title in text
    assert "Voortgang per stap" in text
    assert pdf_page_count(response.content) == 1
