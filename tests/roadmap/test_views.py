"""Pages, downloads and forms of the roadmap, as the people who use them."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from roadmap.models import DocumentExport, ItemStatus, Roadmap, RoadmapItem
from roadmap.reports import vision_roadmap_context
from roadmap.selectors import roadmap_items
from roadmap.services import default_catalogue_ensure, roadmap_item_add
from roadmap.tasks import document_build
from tests.roadmap.factories import followed_up_roadmap, roadmap_for

pytestmark = pytest.mark.django_db


def _detail(world):
    return reverse("roadmap:roadmap_detail", kwargs={"engagement_pk": world.engagement.pk})


def test_consultant_generates_a_roadmap_from_the_empty_page(client, world):
    client.force_login(world.users["consultant_on"])
    page = client.get(_detail(world))
    assert "Routeplan genereren" in page.content.decode()
    response = client.post(
        reverse("roadmap:roadmap_create", kwargs={"engagement_pk": world.engagement.pk}),
        {"start_year": 2027, "start_quarter": 1, "horizon_years": 3, "capacity": 3},
    )
    assert response.status_code == 302
    roadmap = Roadmap.objects.get(engagement=world.engagement)
    assert roadmap.items.exists()


def test_create_with_bad_input_shows_dutch_errors_not_a_500(client, world):
    client.force_login(world.users["consultant_on"])
    response = client.post(
        reverse("roadmap:roadmap_create", kwargs={"engagement_pk": world.engagement.pk}),
        {"start_year": "volgend jaar", "start_quarter": 9, "horizon_years": 0, "capacity": ""},
    )
    assert response.status_code == 400
    assert "geheel getal" in response.content.decode()
    assert not Roadmap.objects.exists()


def test_staff_see_an_explanation_before_there_is_a_roadmap(client, world):
    client.force_login(world.users["staff_a"])
    response = client.get(_detail(world))
    assert "nog niet opgesteld" in response.content.decode()
    assert "Routeplan genereren" not in response.content.decode()


def test_roadmap_page_query_count_does_not_grow_with_the_actions(
    client, world, django_assert_max_num_queries
):
    roadmap = roadmap_for(world.engagement)
    client.force_login(world.users["staff_a"])
    with django_assert_max_num_queries(14):
        small = client.get(_detail(world))
    for number in range(30):
        roadmap_item_add(
            roadmap=roadmap,
            dimension_key="use",
            title=f"Extra actie {number}",
            start_year=2028,
            start_quarter=1 + number % 4,
        )
    with django_assert_max_num_queries(14):
        large = client.get(_detail(world))
    assert small.status_code == large.status_code == 200
    assert "Extra actie 29" in large.content.decode()


def test_roadmap_page_shows_timeline_years_reasons_and_pins(client, world):
    followed_up_roadmap(world.engagement, world.users["staff_a"])
    client.force_login(world.users["consultant_on"])
    html = client.get(_detail(world)).content.decode()
    assert 'id="chart-roadmap-timeline"' in html
    assert "Jaar 1: 2027" in html
    assert "staat op niveau" in html
    assert "Vastgezet" in html
    assert "Met de hand toegevoegd" in html
    assert "Opnieuw genereren" in html


def test_a_new_plan_shows_no_empty_progress_chart_until_an_action_is_under_way(client, world):
    roadmap = roadmap_for(world.engagement)
    client.force_login(world.users["consultant_on"])
    html = client.get(_detail(world)).content.decode()
    assert 'id="chart-roadmap-progress"' not in html
    assert "Er is nog geen actie gestart" in html
    assert vision_roadmap_context(roadmap=roadmap)["progress"] is None

    item = roadmap_items(roadmap=roadmap)[0]
    RoadmapItem.objects.filter(pk=item.pk).update(status=ItemStatus.IN_PROGRESS)
    html = client.get(_detail(world)).content.decode()
    assert 'id="chart-roadmap-progress"' in html
    assert "Er is nog geen actie gestart" not in html


def test_consultant_pins_changes_a_target_and_regenerates_through_the_pages(client, world):
    roadmap = roadmap_for(world.engagement)
    item = roadmap_items(roadmap=roadmap)[3]
    client.force_login(world.users["consultant_on"])
    response = client.post(
        reverse("roadmap:item_update", kwargs={"pk": item.pk}),
        {
            "title": item.title,
            "description": item.description,
            "owner": "Teamleider data",
            "start_year": 2029,
            "start_quarter": 3,
            "duration_quarters": 1,
            "status": "planned",
            "pinned": "on",
        },
    )
    assert response.status_code == 302
    settings_url = reverse(
        "roadmap:roadmap_settings", kwargs={"engagement_pk": world.engagement.pk}
    )
    data = {"start_year": 2027, "start_quarter": 1, "horizon_years": 3, "capacity": 3}
    for dimension in roadmap.dimensions.all():
        data[f"current_{dimension.key}"] = dimension.current_level
        data[f"target_{dimension.key}"] = dimension.target_level
    data["target_use"] = 5
    data["generate"] = "1"
    assert client.post(settings_url, data).status_code == 302
    item.refresh_from_db()
    assert (item.start_year, item.start_quarter, item.owner) == (2029, 3, "Teamleider data")
    assert roadmap.dimensions.get(key="use").target_level == 5
    assert RoadmapItem.objects.filter(roadmap=roadmap, action_key="gebruik-45-breed").exists()


def test_settings_reject_a_target_below_the_current_level(client, world):
    roadmap = roadmap_for(world.engagement)
    client.force_login(world.users["consultant_on"])
    data = {"start_year": 2027, "start_quarter": 1, "horizon_years": 3, "capacity": 3}
    for dimension in roadmap.dimensions.all():
        data[f"current_{dimension.key}"] = 3
        data[f"target_{dimension.key}"] = 2
    response = client.post(
        reverse("roadmap:roadmap_settings", kwargs={"engagement_pk": world.engagement.pk}), data
    )
    assert response.status_code == 400
    assert "onder het huidige niveau" in response.content.decode()


def _settings_data(roadmap, **changes):
    data = {"start_year": 2027, "start_quarter": 1, "horizon_years": 3, "capacity": 3}
    for dimension in roadmap.dimensions.all():
        data[f"current_{dimension.key}"] = dimension.current_level
        data[f"target_{dimension.key}"] = dimension.target_level
    return {**data, **changes}


def test_a_refusal_of_the_service_shows_in_the_form_with_what_was_typed(client, world, monkeypatch):
    """A rule only the service knows (a race, a constraint) is said in the form's error
    summary, status 400, with the values as typed; never a 500, nothing typed lost."""
    from django.core.exceptions import ValidationError

    def refuse(**kwargs):
        raise ValidationError("Het routeplan is intussen door iemand anders gewijzigd.")

    monkeypatch.setattr("roadmap.services.roadmap_settings_update", refuse)
    roadmap = roadmap_for(world.engagement)
    client.force_login(world.users["consultant_on"])
    response = client.post(
        reverse("roadmap:roadmap_settings", kwargs={"engagement_pk": world.engagement.pk}),
        _settings_data(roadmap, capacity=4, horizon_years=5),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Het routeplan is intussen door iemand anders gewijzigd." in page
    assert 'name="capacity" value="4"' in page
    assert 'name="horizon_years" value="5"' in page


def test_saving_the_settings_skips_the_sources_the_redirect_does_not_show(
    client, world, monkeypatch
):
    roadmap = roadmap_for(world.engagement)
    read = []
    monkeypatch.setattr(
        "roadmap.views.roadmap_sources", lambda engagement: read.append(engagement) or None
    )
    client.force_login(world.users["consultant_on"])
    url = reverse("roadmap:roadmap_settings", kwargs={"engagement_pk": world.engagement.pk})
    assert client.post(url, _settings_data(roadmap)).status_code == 302
    assert read == []
    assert client.get(url).status_code == 200
    assert len(read) == 1


def test_staff_update_an_action_status_with_and_without_htmx(client, world):
    roadmap = roadmap_for(world.engagement)
    item = roadmap_items(roadmap=roadmap)[0]
    client.force_login(world.users["staff_a"])
    url = reverse("roadmap:item_status", kwargs={"pk": item.pk})
    response = client.post(url, {"status": "done"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == ItemStatus.DONE
    fragment = client.post(url, {"status": "in_progress"}, headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert 'aria-live="polite"' in fragment.content.decode()
    assert "is nu: Bezig" in fragment.content.decode()
    bad = client.post(url, {"status": "gestolen"})
    assert bad.status_code == 302
    item.refresh_from_db()
    assert item.status == ItemStatus.IN_PROGRESS


def test_xlsx_lists_owner_quarter_status_and_why(client, world):
    followed_up_roadmap(world.engagement, world.users["staff_a"])
    client.force_login(world.users["staff_a"])
    response = client.get(
        reverse("roadmap:roadmap_xlsx", kwargs={"engagement_pk": world.engagement.pk})
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:4] == ("Jaar", "Kwartaal", "Tot en met kwartaal", "Dimensie")
    assert "Waarom" in rows[0] and "Eigenaar" in rows[0] and "Status" in rows[0]
    assert any(row[6] == "Informatiemanager" for row in rows[1:])
    assert any(row[8] == "Afgerond" for row in rows[1:]), [row[8] for row in rows]
    assert all(row[9] for row in rows[1:])


def test_report_context_says_plainly_which_sources_are_missing(world):
    roadmap = roadmap_for(world.engagement)
    context = vision_roadmap_context(roadmap=roadmap)
    from django.template.loader import render_to_string

    html = render_to_string("roadmap/report_pdf.html", context)
    for heading in (
        "Samenvatting",
        "De visie",
        "Uitkomsten van de enquête",
        "Inspiratie- en visiesessie",
        "Nulmeting",
        "Uitvoering en planning",
        "Jaar 1: 2027",
        "Werkwijze",
        'class="toc"',
    ):
        assert heading in html, heading
    assert "nog geen visie op datagedreven werken vastgesteld" in html
    assert "geen resultaten van een enquête" in html
    assert "nog niet gehouden" in html
    assert "nog geen afgeronde nulmeting" in html


def test_pdf_download_made_before_is_a_pdf(client, world):
    """A document the worker made before is downloaded at once (the job flow itself:
    tests/roadmap/test_document.py)."""
    roadmap_for(world.engagement)
    client.force_login(world.users["staff_a"])
    url = reverse("roadmap:report_pdf", kwargs={"engagement_pk": world.engagement.pk})
    assert "Het document wordt gemaakt" in client.get(url).content.decode()
    export = DocumentExport.objects.get()
    document_build.call(export.pk)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content[:5] == b"%PDF-"
    assert "visie-en-routeplan-gemeente-alfa-" in response["Content-Disposition"]


def test_engagement_page_links_staff_to_the_pdf(client, world):
    roadmap_for(world.engagement)
    client.force_login(world.users["staff_a"])
    html = client.get(world.engagement.get_absolute_url()).content.decode()
    assert reverse("roadmap:report_pdf", kwargs={"engagement_pk": world.engagement.pk}) in html
    assert "acties afgerond" in html


def test_catalogue_pages_edit_and_import(client, world, django_assert_max_num_queries):
    catalogue = default_catalogue_ensure()
    client.force_login(world.users["consultant_off"])
    with django_assert_max_num_queries(10):
        assert (
            client.get(reverse("roadmap:catalogue_detail", kwargs={"pk": catalogue.pk})).status_code
            == 200
        )
    response = client.post(
        reverse("roadmap:catalogue_action_create", kwargs={"pk": catalogue.pk}),
        {
            "key": "gebruik-12-kaart",
            "dimension_key": "use",
            "from_level": 1,
            "title": "Kaart van meldingen",
            "effort": "S",
            "duration_quarters": 1,
            "rule_governance": 2,
        },
    )
    assert response.status_code == 302
    action = catalogue.actions.get(key="gebruik-12-kaart")
    assert [(r.dimension_key, r.level) for r in action.level_rules.all()] == [("governance", 2)]
    duplicate = client.post(
        reverse("roadmap:catalogue_action_create", kwargs={"pk": catalogue.pk}),
        {
            "key": "gebruik-12-kaart",
            "dimension_key": "use",
            "from_level": 1,
            "title": "X",
            "effort": "S",
            "duration_quarters": 1,
        },
    )
    assert duplicate.status_code == 400
    exported = client.get(reverse("roadmap:catalogue_export", kwargs={"pk": catalogue.pk}))
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("catalogus.json", exported.content, "application/json")
    imported = client.post(
        reverse("roadmap:catalogue_import", kwargs={"pk": catalogue.pk}), {"file": upload}
    )
    assert imported.status_code == 302
    assert catalogue.actions.filter(key="gebruik-12-kaart").exists()
    broken = SimpleUploadedFile("kapot.json", b"{kapot", "application/json")
    refused = client.post(
        reverse("roadmap:catalogue_import", kwargs={"pk": catalogue.pk}), {"file": broken}
    )
    assert refused.status_code == 400
    assert "geen geldige JSON" in refused.content.decode()
