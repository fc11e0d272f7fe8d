"""Every survey URL for every role: authoring is for the engagement's consultants and
administrators, results are read-only for the organisation's staff, respondent links
are public behind their unguessable token."""

import pytest

from surveys import services
from surveys.models import Answer, Invitation, QuestionKind
from surveys.selectors import survey_questions
from tests.permissions import (
    UrlCase,
    check_case,
    library_matrix,
    manage_matrix,
    view_matrix,
)
from tests.surveys.factories import completed_responses, small_survey


def _survey(world):
    """An open survey on the engagement with five sent responses and one invitation
    that has been started, so that nothing the matrix posts can delete it."""
    if "survey" not in world.extra:
        survey = small_survey(engagement=world.engagement)
        completed_responses(survey=survey, count=5)
        (invitation,) = services.invitations_create(
            survey=survey, people=[("Iris Invité", "iris@example.org")], base_url="http://x/"
        )
        services.response_start_for_invitation(invitation=invitation)
        world.extra["survey"] = survey
        world.extra["invitation"] = invitation
    return world.extra["survey"]


def _question(world, kind=None):
    questions = survey_questions(survey=_survey(world))
    return next(q for q in questions if kind is None or q.kind == kind)


def _invitation(world) -> Invitation:
    _survey(world)
    return world.extra["invitation"]


def _text_answer(world) -> Answer:
    question = _question(world, QuestionKind.LONG_TEXT)
    return Answer.objects.filter(question=question).first()


def _template(world):
    return services.default_template_ensure()


def _open_link_survey(world):
    survey = _survey(world)
    services.survey_update(survey=survey, open_link_enabled=True)
    return survey


PUBLIC = {role: 200 for role in ("anonymous", "staff_a", "staff_b", "consultant_on")} | {
    "consultant_off": 200,
    "admin": 200,
}
TEMPLATES = library_matrix()


def survey_kwargs(world):
    return {"pk": _survey(world).pk}


def engagement_kwargs(world):
    return {"engagement_pk": world.engagement.pk}


CASES = [
    UrlCase("surveys:survey_list", kwargs=engagement_kwargs, expected=view_matrix()),
    UrlCase("surveys:survey_create", kwargs=engagement_kwargs, expected=manage_matrix()),
    UrlCase("surveys:survey_import", kwargs=engagement_kwargs, expected=manage_matrix()),
    UrlCase("surveys:template_list", expected=TEMPLATES),
    UrlCase(
        "surveys:template_copy",
        kwargs=lambda w: {"pk": _template(w).pk},
        method="post",
        expected=TEMPLATES | {"consultant_on": 302, "consultant_off": 302, "admin": 302},
    ),
    UrlCase("surveys:survey_detail", kwargs=survey_kwargs, expected=manage_matrix()),
    UrlCase("surveys:survey_update", kwargs=survey_kwargs, expected=manage_matrix()),
    UrlCase(
        # The survey has responses: deleting is refused with a message (a redirect).
        "surveys:survey_delete",
        kwargs=survey_kwargs,
        method="post",
        expected=manage_matrix(302),
    ),
    UrlCase(
        "surveys:survey_status",
        kwargs=survey_kwargs,
        method="post",
        data=lambda w: {"action": "open"},
        expected=manage_matrix(302),
    ),
    UrlCase("surveys:survey_export", kwargs=survey_kwargs, expected=manage_matrix()),
    UrlCase(
        "surveys:survey_save_as_template",
        kwargs=survey_kwargs,
        method="post",
        expected=manage_matrix(302),
    ),
    UrlCase(
        "surveys:preview",
        kwargs=lambda w: {"pk": _survey(w).pk, "number": 1},
        expected=manage_matrix(),
    ),
    UrlCase("surveys:page_create", kwargs=survey_kwargs, expected=manage_matrix()),
    UrlCase(
        "surveys:page_update",
        kwargs=lambda w: {"pk": _question(w).page_id},
        expected=manage_matrix(),
    ),
    UrlCase(
        # Its questions have answers: deleting is refused with a message.
        "surveys:page_delete",
        kwargs=lambda w: {"pk": _question(w).page_id},
        method="post",
        expected=manage_matrix(302),
    ),
    UrlCase(
        "surveys:page_move",
        kwargs=lambda w: {"pk": _question(w).page_id},
        method="post",
        data=lambda w: {"direction": "down"},
        expected=manage_matrix(302),
    ),
    UrlCase(
        "surveys:question_create",
        kwargs=lambda w: {"pk": _question(w).page_id},
        expected=manage_matrix(),
    ),
    UrlCase(
        "surveys:question_update",
        kwargs=lambda w: {"pk": _question(w).pk},
        expected=manage_matrix(),
    ),
    UrlCase(
        "surveys:question_delete",
        kwargs=lambda w: {"pk": _question(w).pk},
        method="post",
        expected=manage_matrix(302),
    ),
    UrlCase(
        "surveys:question_move",
        kwargs=lambda w: {"pk": _question(w).pk},
        method="post",
        data=lambda w: {"direction": "down"},
        expected=manage_matrix(302),
    ),
    UrlCase("surveys:invitations", kwargs=survey_kwargs, expected=manage_matrix()),
    UrlCase(
        "surveys:invitation_reminders",
        kwargs=survey_kwargs,
        method="post",
        expected=manage_matrix(302),
    ),
    UrlCase(
        "surveys:invitation_resend",
        kwargs=lambda w: {"pk": _invitation(w).pk},
        method="post",
        expected=manage_matrix(302),
    ),
    UrlCase(
        # Withdrawing is allowed once: afterwards the invitation no longer exists.
        "surveys:invitation_delete",
        kwargs=lambda w: {"pk": _invitation(w).pk},
        method="post",
        expected=manage_matrix(302) | {"admin": 404},
    ),
    UrlCase("surveys:results", kwargs=survey_kwargs, expected=view_matrix()),
    UrlCase("surveys:results_csv", kwargs=survey_kwargs, expected=manage_matrix()),
    UrlCase("surveys:results_xlsx", kwargs=survey_kwargs, expected=manage_matrix()),
    UrlCase("surveys:results_pdf", kwargs=survey_kwargs, expected=view_matrix()),
    UrlCase(
        "surveys:question_answers",
        kwargs=lambda w: {"pk": _question(w, QuestionKind.LONG_TEXT).pk},
        expected=view_matrix(),
    ),
    UrlCase(
        "surveys:highlight_toggle",
        kwargs=lambda w: {"pk": _question(w).pk},
        method="post",
        data=lambda w: {"is_highlight": "1"},
        expected=manage_matrix(302),
    ),
    UrlCase(
        "surveys:quote_toggle",
        kwargs=lambda w: {"pk": _text_answer(w).pk},
        method="post",
        data=lambda w: {"is_quote": "1"},
        expected=manage_matrix(302),
    ),
    UrlCase("surveys:respond", kwargs=lambda w: {"token": _invitation(w).token}, expected=PUBLIC),
    UrlCase(
        "surveys:respond_page",
        kwargs=lambda w: {"token": _invitation(w).token, "number": 1},
        expected=PUBLIC,
    ),
    UrlCase(
        "surveys:respond_answer",
        kwargs=lambda w: {"token": _invitation(w).token, "question_pk": _question(w).pk},
        method="post",
        data=lambda w: {_question(w).field_name: "3"},
        expected=PUBLIC,
    ),
    UrlCase(
        "surveys:open_link",
        kwargs=lambda w: {"token": _open_link_survey(w).token},
        expected=PUBLIC,
    ),
    # The thank-you page names the client: only for whoever just submitted (a session mark).
    UrlCase("surveys:thanks", kwargs=survey_kwargs, expected=dict.fromkeys(PUBLIC, 404)),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(world, case):
    assert check_case(world, case) == []


def test_an_unknown_respondent_token_is_a_404_for_everyone(client, world):
    response = client.get("/enquete/invullen/bestaat-niet/")
    assert response.status_code == 404
    response = client.post("/enquete/invullen/bestaat-niet/antwoord/1/", {"q1": "3"})
    assert response.status_code == 404
