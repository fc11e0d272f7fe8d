import pytest

from roadmap.selectors import roadmap_items
from roadmap.services import default_catalogue_ensure
from tests.permissions import (
    LOGIN,
    UrlCase,
    check_case,
    library_matrix,
    manage_matrix,
    view_matrix,
)
from tests.roadmap.factories import roadmap_for

EDITORS = library_matrix()


def _editors(ok):
    return {**EDITORS, "consultant_on": ok, "consultant_off": ok, "admin": ok}


def _item(w):
    return w.extra["item"].pk


def _removed(w):
    return w.extra["removed"].pk


def _engagement(w):
    return {"engagement_pk": w.engagement.pk}


def _other_empty(w):
    # The other organisation's engagement has no roadmap: staff_b sees the empty page.
    return {"engagement_pk": w.other_engagement.pk}


CASES = [
    UrlCase("roadmap:roadmap_detail", kwargs=_engagement, expected=view_matrix()),
    UrlCase(
        "roadmap:roadmap_create",
        kwargs=_other_empty,
        method="post",
        data=lambda w: {"start_year": 2027, "start_quarter": 1, "horizon_years": 3, "capacity": 3},
        expected={
            "anonymous": LOGIN,
            "staff_a": 404,
            "staff_b": 403,
            "consultant_on": 404,
            "consultant_off": 302,
            "admin": 302,
        },
    ),
    UrlCase("roadmap:roadmap_settings", kwargs=_engagement, expected=manage_matrix()),
    UrlCase(
        "roadmap:roadmap_generate", kwargs=_engagement, method="post", expected=manage_matrix(302)
    ),
    UrlCase(
        "roadmap:roadmap_levels_refresh",
        kwargs=_engagement,
        method="post",
        expected=manage_matrix(302),
    ),
    UrlCase("roadmap:roadmap_xlsx", kwargs=_engagement, expected=view_matrix()),
    UrlCase("roadmap:report_pdf", kwargs=_engagement, expected=view_matrix()),
    UrlCase("roadmap:report_docx", kwargs=_engagement, expected=view_matrix()),
    UrlCase(
        "roadmap:document_status",
        kwargs=lambda w: {"engagement_pk": w.engagement.pk, "kind": "pdf"},
        expected=view_matrix(),
    ),
    UrlCase("roadmap:document_edit", kwargs=_engagement, expected=manage_matrix()),
    UrlCase("roadmap:item_create", kwargs=_engagement, expected=manage_matrix()),
    UrlCase("roadmap:item_update", kwargs=lambda w: {"pk": _item(w)}, expected=manage_matrix()),
    UrlCase(
        "roadmap:item_restore",
        kwargs=lambda w: {"pk": _removed(w)},
        method="post",
        expected=manage_matrix(302),
    ),
    UrlCase(
        "roadmap:item_status",
        kwargs=lambda w: {"pk": _item(w)},
        method="post",
        data=lambda w: {"status": "in_progress"},
        expected={**view_matrix(), "staff_a": 302, "consultant_on": 302, "admin": 302},
    ),
    UrlCase(
        # Last: removing changes the data the other cases use.
        "roadmap:item_remove",
        kwargs=lambda w: {"pk": _item(w)},
        method="post",
        expected=manage_matrix(302),
    ),
    UrlCase("roadmap:catalogue_list", expected=EDITORS),
    UrlCase(
        "roadmap:catalogue_detail",
        kwargs=lambda w: {"pk": w.extra["catalogue"].pk},
        expected=EDITORS,
    ),
    UrlCase(
        "roadmap:catalogue_action_create",
        kwargs=lambda w: {"pk": w.extra["catalogue"].pk},
        expected=EDITORS,
    ),
    UrlCase(
        "roadmap:catalogue_action_update",
        kwargs=lambda w: {"pk": w.extra["catalogue"].actions.order_by("pk").first().pk},
        expected=EDITORS,
    ),
    UrlCase(
        "roadmap:catalogue_export",
        kwargs=lambda w: {"pk": w.extra["catalogue"].pk},
        expected=EDITORS,
    ),
    UrlCase(
        # An empty upload: editors get the form back with an error.
        "roadmap:catalogue_import",
        kwargs=lambda w: {"pk": w.extra["catalogue"].pk},
        method="post",
        expected=_editors(400),
    ),
    UrlCase(
        "roadmap:catalogue_action_delete",
        kwargs=lambda w: {"pk": w.extra["catalogue"].actions.order_by("-pk").first().pk},
        method="post",
        # The first editor deletes it; later ones find it gone.
        expected={**EDITORS, "consultant_on": 302, "consultant_off": 404, "admin": 404},
    ),
]


def prepare_world(world):
    """The objects the cases refer to (also used by tests/test_fuzz.py)."""
    roadmap = roadmap_for(world.engagement)
    items = roadmap_items(roadmap=roadmap)
    world.extra["item"] = items[0]
    world.extra["removed"] = items[1]
    items[1].is_removed = True
    items[1].is_pinned = True
    items[1].save()
    world.extra["catalogue"] = default_catalogue_ensure()
    return world


@pytest.fixture
def roadmap_world(world):
    return prepare_world(world)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(roadmap_world, case):
    assert check_case(roadmap_world, case) == []
