"""Who may see and manage surveys: the one access module of the survey app.

- A survey of an engagement: viewers of the engagement see its results (read-only);
  its managers (the engagement's consultants, administrators) author and distribute it.
- A template (no engagement): consultants and administrators see and edit it; others
  get a 404.
- Respondents have no account: they reach a survey only through an unguessable token.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import User
from engagements.access import (
    can_create_engagements,
    can_manage_engagement,
    get_engagement_for_manager,
    get_engagement_for_viewer,
)
from engagements.models import Engagement
from surveys.models import Answer, Invitation, Page, Question, Response, Survey


def _survey(pk: int) -> Survey:
    return get_object_or_404(Survey.objects.select_related("engagement__organisation"), pk=pk)


def get_survey_for_viewer(user: User, pk: int) -> Survey:
    """The survey if the user may see it (results read-only), else 404."""
    survey = _survey(pk)
    if survey.is_template:
        if not can_create_engagements(user):
            raise Http404
        return survey
    get_engagement_for_viewer(user, survey.engagement_id)
    return survey


def get_survey_for_manager(user: User, pk: int) -> Survey:
    """The survey if the user may author it; 404 if they may not see it, else 403."""
    survey = get_survey_for_viewer(user, pk)
    if not survey.is_template and not can_manage_engagement(user, survey.engagement):
        raise PermissionDenied
    return survey


def can_manage_survey(user: User, survey: Survey) -> bool:
    if survey.is_template:
        return can_create_engagements(user)
    return can_manage_engagement(user, survey.engagement)


def get_engagement_for_survey_viewer(user: User, pk: int) -> Engagement:
    return get_engagement_for_viewer(user, pk)


def get_engagement_for_survey_manager(user: User, pk: int) -> Engagement:
    return get_engagement_for_manager(user, pk)


def require_template_manager(user: User) -> None:
    if not can_create_engagements(user):
        raise Http404


def get_page_for_manager(user: User, pk: int) -> Page:
    page = get_object_or_404(Page.objects.only("pk", "survey_id"), pk=pk)
    survey = get_survey_for_manager(user, page.survey_id)
    page = Page.objects.get(pk=pk)
    page.survey = survey
    return page


def get_question_for_manager(user: User, pk: int) -> Question:
    question = get_object_or_404(Question.objects.select_related("page"), pk=pk)
    question.page.survey = get_survey_for_manager(user, question.page.survey_id)
    return question


def get_question_for_viewer(user: User, pk: int) -> Question:
    question = get_object_or_404(Question.objects.select_related("page"), pk=pk)
    question.page.survey = get_survey_for_viewer(user, question.page.survey_id)
    return question


def get_invitation_for_manager(user: User, pk: int) -> Invitation:
    invitation = get_object_or_404(Invitation, pk=pk)
    invitation.survey = get_survey_for_manager(user, invitation.survey_id)
    return invitation


def get_answer_for_manager(user: User, pk: int) -> Answer:
    answer = get_object_or_404(Answer.objects.select_related("question", "response"), pk=pk)
    get_survey_for_manager(user, answer.response.survey_id)
    return answer


# --- Respondents -------------------------------------------------------------------------------


@dataclass
class RespondentLink:
    """What a respondent's token opens: the survey and, if any, the unfinished response."""

    survey: Survey
    invitation: Invitation | None
    response: Response | None


def get_respondent_link(token: str) -> RespondentLink:
    """The invitation or open-link response behind a token, or 404 (an invalid link)."""
    if not token or len(token) > 64:
        raise Http404
    invitation = (
        Invitation.objects.select_related("survey__engagement", "response")
        .filter(token=token)
        .first()
    )
    if invitation is not None:
        return RespondentLink(
            survey=invitation.survey, invitation=invitation, response=invitation.response
        )
    response = Response.objects.select_related("survey__engagement").filter(token=token).first()
    if response is not None:
        return RespondentLink(survey=response.survey, invitation=None, response=response)
    raise Http404


def get_open_survey(token: str) -> Survey:
    """The survey behind an open link, or 404 when the link is unknown or switched off."""
    survey = (
        Survey.objects.select_related("engagement")
        .filter(open_token=token, open_link_enabled=True, engagement__isnull=False)
        .first()
    )
    if survey is None:
        raise Http404
    return survey


def get_survey_for_thanks(pk: int) -> Survey:
    return get_object_or_404(Survey, pk=pk, engagement__isnull=False)
