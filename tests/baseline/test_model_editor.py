"""The maturity-model editor: forms instead of JSON; every save is a new version."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from baseline import services
from baseline.models import ModelVersion
from baseline.selectors import model_version_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def version():
    return services.default_model_ensure()


def _dimension_data(version, key: str) -> dict:
    dimensions = model_version_export(version=version)["dimensions"]
    [dimension] = [item for item in dimensions if item["key"] == key]
    return dimension


# --- Services -------------------------------------------------------------------------------


def test_editing_the_levels_makes_a_new_version_and_leaves_the_old_one(version):
    levels = [{"name": f"Niveau {n}", "description": ""} for n in range(1, 6)]
    new = services.model_levels_edit(
        version=version, name="Eigen model", description="", levels=levels, changelog="Namen"
    )
    assert (new.model_id, new.number, new.changelog) == (version.model_id, 2, "Namen")
    assert new.levels.get(number=1).name == "Niveau 1"
    assert version.levels.get(number=1).name != "Niveau 1"
    assert new.dimensions.count() == version.dimensions.count()
    new.model.refresh_from_db()
    assert new.model.name == "Eigen model"


def test_the_number_of_levels_cannot_change_in_the_editor(version):
    with pytest.raises(ValidationError):
        services.model_levels_edit(
            version=version, name="M", description="", levels=[{"name": "Een"}] * 4
        )
    assert ModelVersion.objects.count() == 1


def test_a_dimension_edit_keeps_question_keys_and_gives_a_new_question_a_key(version):
    data = _dimension_data(version, "quality")
    data["name"] = "Datakwaliteit en standaarden"
    data["questions"][0]["text"] = "Hoe meet u de kwaliteit?"
    data["questions"].append(
        {"key": "", "text": "Gebruikt u IMBOR?", "options": [f"Optie {n}" for n in range(1, 6)]}
    )
    new = services.model_dimension_edit(version=version, dimension_key="quality", dimension=data)
    dimension = new.dimensions.get(key="quality")
    keys = list(dimension.questions.order_by("order").values_list("key", flat=True))
    assert keys[:-1] == [q["key"] for q in _dimension_data(version, "quality")["questions"]]
    assert keys[-1] == "gebruikt-u-imbor"
    assert dimension.name == "Datakwaliteit en standaarden"
    assert version.dimensions.get(key="quality").name != dimension.name


def test_a_question_without_an_option_per_level_is_refused(version):
    data = _dimension_data(version, "quality")
    data["questions"][0]["options"] = data["questions"][0]["options"][:-1]
    with pytest.raises(ValidationError, match="per niveau"):
        services.model_dimension_edit(version=version, dimension_key="quality", dimension=data)
    assert ModelVersion.objects.count() == 1


def test_a_new_dimension_gets_a_key_and_a_removed_one_is_gone_in_the_next_version(version):
    data = _dimension_data(version, "quality") | {"name": "Samenwerking in de regio"}
    added = services.model_dimension_edit(version=version, dimension_key=None, dimension=data)
    assert added.dimensions.order_by("order").last().key == "samenwerking-in-de-regio"
    removed = services.model_dimension_remove(version=added, dimension_key="quality")
    assert not removed.dimensions.filter(key="quality").exists()
    assert removed.number == 3 and added.dimensions.filter(key="quality").exists()


# --- Views ----------------------------------------------------------------------------------


def _levels_post(version, **changes) -> dict:
    levels = list(version.levels.order_by("number"))
    data = {
        "name": version.model.name,
        "description": version.model.description,
        "changelog": "Niveau 1 anders beschreven",
        "levels-TOTAL_FORMS": len(levels),
        "levels-INITIAL_FORMS": len(levels),
    }
    for index, level in enumerate(levels):
        data[f"levels-{index}-name"] = level.name
        data[f"levels-{index}-description"] = level.description
    return data | changes


def _dimension_post(version, key: str, **changes) -> dict:
    dimension = _dimension_data(version, key)
    questions = dimension["questions"]
    data = {
        "name": dimension["name"],
        "description": dimension["description"],
        "sources": dimension["sources"],
        "changelog": "",
        "questions-TOTAL_FORMS": len(questions) + 1,
        "questions-INITIAL_FORMS": len(questions),
    }
    for number, text in enumerate(dimension["descriptors"], start=1):
        data[f"descriptor_{number}"] = text
    for index, question in enumerate(questions):
        data[f"questions-{index}-key"] = question["key"]
        data[f"questions-{index}-text"] = question["text"]
        data[f"questions-{index}-help_text"] = question["help_text"]
        for number, option in enumerate(question["options"], start=1):
            data[f"questions-{index}-option_{number}"] = option
    return data | changes


def test_the_editor_pages_load_in_a_fixed_number_of_queries(
    client, world, version, django_assert_max_num_queries
):
    client.force_login(world.users["consultant_off"])
    with django_assert_max_num_queries(12):
        levels = client.get(reverse("baseline:version_levels_edit", args=[version.pk]))
    with django_assert_max_num_queries(12):
        dimension = client.get(reverse("baseline:dimension_edit", args=[version.pk, "use"]))
    with django_assert_max_num_queries(12):
        new = client.get(reverse("baseline:dimension_create", args=[version.pk]))
    assert levels.status_code == dimension.status_code == new.status_code == 200
    content = dimension.content.decode()
    assert "Antwoord bij niveau 1, " in content
    assert "Deze vraag verwijderen" in content


def test_saving_a_level_text_makes_version_2(client, world, version):
    client.force_login(world.users["consultant_on"])
    response = client.post(
        reverse("baseline:version_levels_edit", args=[version.pk]),
        _levels_post(version, **{"levels-0-description": "Nog nauwelijks met data bezig."}),
    )
    new = ModelVersion.objects.get(number=2)
    assert response.status_code == 302 and response["Location"] == new.get_absolute_url()
    assert new.levels.get(number=1).description == "Nog nauwelijks met data bezig."
    assert new.changelog == "Niveau 1 anders beschreven"


def test_an_empty_level_name_is_refused_in_an_error_summary_that_takes_the_focus(
    client, world, version
):
    client.force_login(world.users["consultant_on"])
    response = client.post(
        reverse("baseline:version_levels_edit", args=[version.pk]),
        _levels_post(version, **{"levels-2-name": "  "}),
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert 'role="alert" tabindex="-1" autofocus data-error-summary' in content
    assert '<a href="#id_levels-2-name">Naam: Dit veld is verplicht.</a>' in content
    assert ModelVersion.objects.count() == 1


def test_a_changed_count_of_level_forms_is_a_dutch_message_not_a_500(client, world, version):
    client.force_login(world.users["consultant_on"])
    response = client.post(
        reverse("baseline:version_levels_edit", args=[version.pk]),
        _levels_post(version, **{"levels-TOTAL_FORMS": 1, "levels-INITIAL_FORMS": 1}),
    )
    assert response.status_code == 400
    assert "De niveaus op deze pagina kloppen niet meer. Laad de pagina opnieuw." in (
        response.content.decode()
    )
    assert ModelVersion.objects.count() == 1


def test_a_dimension_edit_with_a_new_question_and_a_removed_one(client, world, version):
    client.force_login(world.users["consultant_on"])
    data = _dimension_post(version, "use", **{"questions-0-DELETE": "on"})
    count = data["questions-TOTAL_FORMS"] - 1
    data[f"questions-{count}-text"] = "Gebruikt u voorspellende modellen?"
    for number in range(1, 6):
        data[f"questions-{count}-option_{number}"] = f"Antwoord {number}"
    response = client.post(reverse("baseline:dimension_edit", args=[version.pk, "use"]), data)
    assert response.status_code == 302
    new = ModelVersion.objects.get(number=2).dimensions.get(key="use")
    texts = list(new.questions.order_by("order").values_list("text", flat=True))
    old = _dimension_data(version, "use")["questions"]
    assert texts == [q["text"] for q in old[1:]] + ["Gebruikt u voorspellende modellen?"]


def test_a_half_filled_new_question_is_refused_with_its_fields_named(client, world, version):
    client.force_login(world.users["consultant_on"])
    data = _dimension_post(version, "use")
    data[f"questions-{data['questions-TOTAL_FORMS'] - 1}-text"] = "Nieuwe vraag zonder opties"
    response = client.post(reverse("baseline:dimension_edit", args=[version.pk, "use"]), data)
    assert response.status_code == 400
    assert "Antwoord bij niveau 1, " in response.content.decode()
    assert ModelVersion.objects.count() == 1


def test_an_unknown_dimension_is_a_404(client, world, version):
    client.force_login(world.users["consultant_on"])
    response = client.get(reverse("baseline:dimension_edit", args=[version.pk, "geen"]))
    assert response.status_code == 404


# --- Adding and removing a level ---------------------------------------------------------


def test_adding_a_level_gives_every_question_an_option_and_keeps_the_old_version(version):
    new = services.model_level_add(version=version, name="Voorloper", changelog="Niveau 6")
    assert new.number == 2 and new.changelog == "Niveau 6"
    assert list(new.levels.values_list("name", flat=True))[-1] == "Voorloper"
    assert new.levels.count() == version.levels.count() + 1 == 6
    for question in new.dimensions.get(key="quality").questions.all():
        assert question.options.get(level=6).text == "Voorloper"
    descriptor = new.dimensions.get(key="quality").descriptors.get(level=6)
    assert descriptor.description == "Nog te beschrijven: Voorloper"
    assert version.levels.count() == 5  # the old version, and what was measured on it, stays


def test_the_dimension_editor_then_asks_for_the_new_level_s_description(client, world, version):
    new = services.model_level_add(version=version, name="Voorloper")
    client.force_login(world.users["consultant_on"])
    page = client.get(reverse("baseline:dimension_edit", args=[new.pk, "quality"]))
    assert "Niveau 6, Voorloper" in page.content.decode()


def test_removing_the_highest_level_takes_its_options_and_stops_at_two(version):
    four = services.model_level_remove(version=version)
    assert four.levels.count() == 4
    assert not four.dimensions.get(key="quality").questions.first().options.filter(level=5)
    three = services.model_level_remove(version=four)
    two = services.model_level_remove(version=three)
    with pytest.raises(ValidationError, match="minstens twee niveaus"):
        services.model_level_remove(version=two)
    assert two.levels.count() == 2


def test_a_model_has_at_most_nine_levels(version):
    for number in range(6, 10):
        version = services.model_level_add(version=version, name=f"Niveau {number}")
    with pytest.raises(ValidationError):
        services.model_level_add(version=version, name="Tien")
    assert version.levels.count() == 9


def test_the_consultant_adds_and_removes_a_level_through_the_pages(client, world, version):
    client.force_login(world.users["consultant_on"])
    detail = client.get(version.get_absolute_url()).content.decode()
    assert reverse("baseline:version_level_add", args=[version.pk]) in detail
    empty = client.post(
        reverse("baseline:version_level_add", args=[version.pk]), {"level-name": ""}
    )
    assert empty.status_code == 400 and "data-error-summary" in empty.content.decode()
    added = client.post(
        reverse("baseline:version_level_add", args=[version.pk]),
        {"level-name": "Voorloper", "level-description": "Loopt voorop.", "changelog": ""},
    )
    new = ModelVersion.objects.get(number=2)
    assert added.status_code == 302 and added["Location"] == new.get_absolute_url()
    assert new.levels.get(number=6).description == "Loopt voorop."
    confirm = client.get(reverse("baseline:version_level_remove", args=[new.pk]))
    assert "Niveau 6, Voorloper" in confirm.content.decode()
    removed = client.post(
        reverse("baseline:version_level_remove", args=[new.pk]), {"changelog": "Terug naar 5"}
    )
    assert removed.status_code == 302
    assert ModelVersion.objects.get(number=3).levels.count() == 5


# --- Order of dimensions and questions ----------------------------------------------------


def _keys(version) -> list[str]:
    return list(version.dimensions.order_by("order").values_list("key", flat=True))


def test_reordering_the_dimensions_makes_a_new_version_in_that_order(version):
    keys = _keys(version)
    new = services.model_dimensions_order(
        version=version, keys=[keys[-1], *keys[:-1]], changelog="Gebruik eerst"
    )
    assert _keys(new) == [keys[-1], *keys[:-1]]
    assert _keys(version) == keys
    assert new.dimensions.get(key=keys[-1]).questions.count() == (
        version.dimensions.get(key=keys[-1]).questions.count()
    )


def test_an_order_that_misses_a_dimension_or_changes_nothing_is_refused(version):
    keys = _keys(version)
    with pytest.raises(ValidationError, match="Laad de pagina opnieuw"):
        services.model_dimensions_order(version=version, keys=keys[1:])
    with pytest.raises(ValidationError, match="niet veranderd"):
        services.model_dimensions_order(version=version, keys=keys)
    assert ModelVersion.objects.count() == 1


def test_the_consultant_moves_a_dimension_to_the_front_through_the_page(
    client, world, version, django_assert_max_num_queries
):
    """A dimension moved to position 1 goes before the one that was there; the rest keep
    their order."""
    keys = _keys(version)
    client.force_login(world.users["consultant_on"])
    url = reverse("baseline:version_order_edit", args=[version.pk])
    assert url in client.get(version.get_absolute_url()).content.decode()
    with django_assert_max_num_queries(10):
        page = client.get(url)
    assert page.status_code == 200
    data = {f"position_{key}": number for number, key in enumerate(keys, start=1)}
    data[f"position_{keys[3]}"] = 1
    response = client.post(url, data | {"changelog": ""})
    new = ModelVersion.objects.get(number=2)
    assert response.status_code == 302 and response["Location"] == new.get_absolute_url()
    assert _keys(new) == [keys[3], *keys[:3], *keys[4:]]


def test_a_position_out_of_range_is_a_dutch_message(client, world, version):
    keys = _keys(version)
    client.force_login(world.users["consultant_on"])
    data = {f"position_{key}": number for number, key in enumerate(keys, start=1)}
    data[f"position_{keys[0]}"] = 99
    response = client.post(reverse("baseline:version_order_edit", args=[version.pk]), data)
    assert response.status_code == 400
    assert f"Zorg ervoor dat deze waarde hoogstens {len(keys)} is." in response.content.decode()
    assert ModelVersion.objects.count() == 1


def test_a_question_moved_up_in_the_dimension_editor_comes_first(client, world, version):
    old = [q["text"] for q in _dimension_data(version, "use")["questions"]]
    assert len(old) >= 3
    data = _dimension_post(version, "use")
    for index in range(len(old)):
        data[f"questions-{index}-ORDER"] = index + 1
    data["questions-2-ORDER"] = 1
    client.force_login(world.users["consultant_on"])
    page = client.get(reverse("baseline:dimension_edit", args=[version.pk, "use"]))
    assert 'name="questions-2-ORDER"' in page.content.decode()
    response = client.post(reverse("baseline:dimension_edit", args=[version.pk, "use"]), data)
    assert response.status_code == 302
    new = ModelVersion.objects.get(number=2).dimensions.get(key="use")
    texts = list(new.questions.order_by("order").values_list("text", flat=True))
    assert texts == [old[2], old[0], old[1], *old[3:]]
