"""The roadmap in a real browser: consultant generates and edits, staff follow up and
download the "Visie en routeplan" PDF; axe-core on every page visited."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from roadmap.models import ItemStatus, RoadmapItem
from roadmap.selectors import roadmap_items
from tests.browser.conftest import axe_check, login
from tests.roadmap.factories import roadmap_for
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_cold_report_shows_its_progress_then_downloads_itself_and_staff_update_a_status(
    page,
):
    world = build_world()
    roadmap = roadmap_for(world.engagement)
    item = roadmap_items(roadmap=roadmap)[0]
    login(page, world.users["staff_a"])
    page.goto(world.engagement.get_absolute_url())
    axe_check(page)
    page.get_by_role("link", name="Visie en routeplan downloaden (PDF)").click()
    # Nothing was made yet: the page says so and shows the progress.
    page.get_by_text("Het document wordt gemaakt …").wait_for()
    assert page.get_by_role("progressbar").is_visible()
    axe_check(page)
    # The background worker makes it; the page then downloads it by itself.
    with page.expect_download(timeout=120_000) as download_info:
        call_command(
            "db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", "--no-reload"
        )
    download = download_info.value
    day = timezone.localdate().isoformat()
    assert download.suggested_filename == f"visie-en-routeplan-gemeente-alfa-{day}.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"

    page.goto(world.engagement.get_absolute_url())
    page.get_by_role("link", name="Routeplan openen").click()
    assert page.get_by_role("heading", name="Routeplan", exact=True).is_visible()
    page.wait_for_selector("#chart-roadmap-timeline .main-svg")
    axe_check(page)
    assert page.get_by_role("link", name="Opnieuw genereren").count() == 0
    page.get_by_label(f"Status van “{item.title}”").select_option("in_progress")
    page.get_by_role("button", name=f"Bijwerken {item.title}").click()
    page.get_by_text(f"“{item.title}” is nu: Bezig.").wait_for()
    assert RoadmapItem.objects.get(pk=item.pk).status == ItemStatus.IN_PROGRESS
    axe_check(page)


def test_consultant_generates_pins_retargets_and_regenerates(page):
    world = build_world()
    login(page, world.users["consultant_on"])
    page.goto(f"/routeplan/traject/{world.engagement.pk}/")
    axe_check(page)
    page.get_by_role("button", name="Routeplan genereren").click()
    page.get_by_text("Het routeplan is gegenereerd.").wait_for()
    axe_check(page)

    item = roadmap_items(roadmap=world.engagement.roadmap)[2]
    page.goto(f"/routeplan/acties/{item.pk}/bewerken/")
    axe_check(page)
    page.get_by_label("Eigenaar").fill("Teamleider informatievoorziening")
    page.locator("#id_start_year").fill("2029")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De actie is opgeslagen.").wait_for()

    page.get_by_role("link", name="Doelen en instellingen").click()
    axe_check(page)
    page.locator("#id_target_use").select_option("5")
    page.get_by_role("button", name="Opslaan en opnieuw genereren").click()
    page.get_by_text("vastgezette acties zijn gebleven").wait_for()
    item.refresh_from_db()
    assert item.start_year == 2029 and item.is_pinned
    assert item.owner == "Teamleider informatievoorziening"
    assert RoadmapItem.objects.filter(action_key="gebruik-45-breed").exists()
    assert page.get_by_text("Teamleider informatievoorziening").first.is_visible()


def test_consultant_browses_and_edits_the_catalogue(page):
    world = build_world()
    login(page, world.users["consultant_on"])
    page.goto("/routeplan/catalogi/")
    axe_check(page)
    page.get_by_role("link", name="Standaardcatalogus datagedreven werken (gemeenten)").click()
    axe_check(page)
    page.get_by_role("link", name="Eerste voorspellend model in een pilot").click()
    axe_check(page)
    assert page.get_by_label("Verantwoord gebruik").input_value() == "3"


def test_staff_follow_up_the_roadmap_on_a_phone(new_page, phone_viewport):
    world = build_world()
    roadmap = roadmap_for(world.engagement)
    item = roadmap_items(roadmap=roadmap)[1]
    phone = new_page(viewport=phone_viewport)
    login(phone, world.users["staff_a"])
    phone.goto(f"/routeplan/traject/{world.engagement.pk}/")
    phone.wait_for_selector("#chart-roadmap-timeline .main-svg")
    axe_check(phone)
    phone.get_by_label(f"Status van “{item.title}”").select_option("done")
    phone.get_by_role("button", name=f"Bijwerken {item.title}").click()
    phone.get_by_text(f"“{item.title}” is nu: Afgerond.").wait_for()
    assert RoadmapItem.objects.get(pk=item.pk).status == ItemStatus.DONE
