"""Every baseline URL with every role (tests/permissions.py)."""

import pytest

from baseline.services import default_model_ensure
from tests.baseline.factories import AssessmentFactory, RespondentFactory
from tests.permissions import (
    LOGIN,
    UrlCase,
    check_case,
    library_matrix,
    manage_matrix,
    view_matrix,
)
from tests.world import World


def _assessment(world: World):
    if "assessment" not in world.extra:
        world.extra["assessment"] = AssessmentFactory(engagement=world.engagement)
    return world.extra["assessment"]


def _respondent(world: World):
    if "respondent" not in world.extra:
        world.extra["respondent"] = RespondentFactory(assessment=_assessment(world))
    return world.extra["respondent"]


def _version(world: World):
    return default_model_ensure()


def _token(world: World) -> dict:
    return {"token": _respondent(world).token}


def _first_question(world: World):
    return _version(world).dimensions.order_by("order").first().questions.order_by("order").first()


# Anyone holding the personal link may answer: the link is the credential.
LINK = dict.fromkeys(
    ("anonymous", "staff_a", "staff_b", "consultant_on", "consultant_off", "admin"), 200
)
MODELS = library_matrix()

CASES = [
    UrlCase(
        "baseline:assessment_list",
        kwargs=lambda w: {"engagement_pk": w.engagement.pk},
        expected=view_matrix(),
    ),
    UrlCase(
        "baseline:assessment_create",
        kwargs=lambda w: {"engagement_pk": w.engagement.pk},
        expected=manage_matrix(),
    ),
    UrlCase(
        "baseline:assessment_detail",
        kwargs=lambda w: {"pk": _assessment(w).pk},
        expected=view_matrix(),
    ),
    UrlCase(
        "baseline:assessment_schedule",
        kwargs=lambda w: {"pk": _assessment(w).pk},
        expected=manage_matrix(),
    ),
    UrlCase(
        "baseline:respondent_invite",
        kwargs=lambda w: {"pk": _assessment(w).pk},
        method="post",
        data=lambda w: {"name": "Nieuwe respondent", "role": "policy"},
        expected=manage_matrix(302),
    ),
    UrlCase(
        "baseline:respondent_resend",
        kwargs=lambda w: {"pk": _respondent(w).pk},
        method="post",
        expected=manage_matrix(302),
    ),
    UrlCase(
        "baseline:respondent_join",
        kwargs=lambda w: {"pk": _assessment(w).pk},
        method="post",
        data=lambda w: {"role": "information"},
        expected={
            "anonymous": LOGIN,
            "staff_a": 302,
            "staff_b": 404,
            "consultant_on": 403,
            "consultant_off": 404,
            "admin": 403,
        },
    ),
    UrlCase(
        "baseline:assessment_status",
        kwargs=lambda w: {"pk": _assessment(w).pk},
        method="post",
        data=lambda w: {"action": "reopen"},
        expected=manage_matrix(302),
    ),
    UrlCase(
        "baseline:assessment_scores",
        kwargs=lambda w: {"pk": _assessment(w).pk},
        expected=manage_matrix(),
    ),
    UrlCase(
        "baseline:assessment_results",
        kwargs=lambda w: {"pk": _assessment(w).pk},
        expected=view_matrix(),
    ),
    UrlCase(
        "baseline:assessment_report",
        kwargs=lambda w: {"pk": _assessment(w).pk},
        expected=view_matrix(),
    ),
    UrlCase("baseline:respond_start", kwargs=_token, expected=LINK),
    UrlCase(
        "baseline:respond_dimension",
        kwargs=lambda w: {**_token(w), "key": "strategy"},
        expected=LINK,
    ),
    UrlCase(
        "baseline:respond_autosave",
        kwargs=lambda w: {**_token(w), "question_pk": _first_question(w).pk},
        method="post",
        data=lambda w: {f"q{_first_question(w).pk}": "2"},
        expected=LINK,
    ),
    UrlCase("baseline:respond_finish", kwargs=_token, expected=LINK),
    UrlCase("baseline:model_list", expected=MODELS),
    UrlCase("baseline:model_import", expected=MODELS),
    UrlCase(
        "baseline:model_detail", kwargs=lambda w: {"pk": _version(w).model_id}, expected=MODELS
    ),
    UrlCase("baseline:version_detail", kwargs=lambda w: {"pk": _version(w).pk}, expected=MODELS),
    UrlCase("baseline:version_export", kwargs=lambda w: {"pk": _version(w).pk}, expected=MODELS),
    UrlCase("baseline:version_edit", kwargs=lambda w: {"pk": _version(w).pk}, expected=MODELS),
    UrlCase(
        "baseline:version_levels_edit", kwargs=lambda w: {"pk": _version(w).pk}, expected=MODELS
    ),
    UrlCase("baseline:version_level_add", kwargs=lambda w: {"pk": _version(w).pk}, expected=MODELS),
    UrlCase(
        "baseline:version_order_edit", kwargs=lambda w: {"pk": _version(w).pk}, expected=MODELS
    ),
    UrlCase(
        "baseline:version_level_remove", kwargs=lambda w: {"pk": _version(w).pk}, expected=MODELS
    ),
    UrlCase("baseline:dimension_create", kwargs=lambda w: {"pk": _version(w).pk}, expected=MODELS),
    UrlCase(
        "baseline:dimension_edit",
        kwargs=lambda w: {"pk": _version(w).pk, "key": "strategy"},
        expected=MODELS,
    ),
    UrlCase(
        "baseline:dimension_remove",
        kwargs=lambda w: {"pk": _version(w).pk, "key": "strategy"},
        method="post",
        expected=library_matrix(302),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_baseline_url_permissions(world, case):
    assert check_case(world, case) == []


def test_unknown_link_is_404_for_everyone(client, world):
    """A guessed token reveals nothing."""
    assert client.get("/nulmeting/invullen/geen-echte-link/").status_code == 404
