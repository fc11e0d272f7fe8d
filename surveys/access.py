"""Who may see and manage surveys: the one access module of the survey app.

- A survey of an engagement: viewers of the engagement see its results (read-only);
  its managers (the engagement's consultants, administrators) author and distribute it.
- A template (no engagement) is part of the shared library: consultants and
  administrators see and edit it; anyone else signed in gets a 403.
- Respondents have no account: they reach a survey only through an unguessable token.
"""

from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest

from accounts.models import User
from engagements.access import (
    can_manage_engagement,
    can_use_library,
    check_engagement_object,
    get_engagement_for_manager,
    get_engagement_for_viewer,
    get_or_404,
    require_library_user,
)
from engagements.limits import FailureLimit
from engagements.models import Engagement
from engagements.tokens import token_hash, token_seal, token_unseal
from surveys.models import Answer, Invitation, Page, Question, Response, Survey


def _check_survey(user: User, survey: Survey, *, manage: bool) -> Survey:
    if survey.is_template:
        require_library_user(user)
    else:
        check_engagement_object(user, survey, manage=manage)
    return survey


def get_survey_for_viewer(user: User, pk: int) -> Survey:
    """The survey if the user may see it (results read-only), else 404."""
    return _check_survey(user, get_or_404(Survey.objects.all(), pk=pk), manage=False)


def get_survey_for_manager(user: User, pk: int) -> Survey:
    """The survey if the user may author it; 404 if they may not see it, else 403."""
    return _check_survey(user, get_or_404(Survey.objects.all(), pk=pk), manage=True)


def can_manage_survey(user: User, survey: Survey) -> bool:
    if survey.engagement is None:
        return can_use_library(user)
    return can_manage_engagement(user, survey.engagement)


def get_engagement_for_survey_viewer(user: User, pk: int) -> Engagement:
    return get_engagement_for_viewer(user, pk)


def get_engagement_for_survey_manager(user: User, pk: int) -> Engagement:
    return get_engagement_for_manager(user, pk)


def require_template_manager(user: User) -> None:
    require_library_user(user)


def _survey_object[M: Model](
    user: User, queryset: QuerySet[M], pk: int, path: str, *, manage: bool
) -> M:
    """An object of a survey (a page, a question, ...) at ``path`` from it: the survey's rules."""
    found = get_or_404(queryset.select_related(path), pk=pk)
    owner: Model = found
    for hop in path.split("__"):
        owner = getattr(owner, hop)
    assert isinstance(owner, Survey)
    _check_survey(user, owner, manage=manage)
    return found


def get_page_for_manager(user: User, pk: int) -> Page:
    return _survey_object(user, Page.objects.all(), pk, "survey", manage=True)


def get_question_for_manager(user: User, pk: int) -> Question:
    return _survey_object(user, Question.objects.all(), pk, "page__survey", manage=True)


def get_question_for_viewer(user: User, pk: int) -> Question:
    return _survey_object(user, Question.objects.all(), pk, "page__survey", manage=False)


def get_invitation_for_manager(user: User, pk: int) -> Invitation:
    return _survey_object(user, Invitation.objects.all(), pk, "survey", manage=True)


def get_answer_for_manager(user: User, pk: int) -> Answer:
    return _survey_object(
        user, Answer.objects.select_related("question"), pk, "response__survey", manage=True
    )


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
    hashed = token_hash(token)
    invitation = (
        Invitation.objects.select_related("survey__engagement", "response")
        .filter(token_hash=hashed)
        .first()
    )
    if invitation is not None:
        invitation.token_presented(token)
        return RespondentLink(
            survey=invitation.survey, invitation=invitation, response=invitation.response
        )
    response = (
        Response.objects.select_related("survey__engagement").filter(token_hash=hashed).first()
    )
    if response is not None:
        return RespondentLink(survey=response.survey, invitation=None, response=response)
    raise Http404


def get_open_survey(token: str) -> Survey:
    """The survey behind an open link, or 404 when the link is unknown or switched off."""
    if not token or len(token) > 64:
        raise Http404
    survey = (
        Survey.objects.select_related("engagement")
        .filter(token_hash=token_hash(token), open_link_enabled=True, engagement__isnull=False)
        .first()
    )
    if survey is None:
        raise Http404
    survey.token_presented(token)
    return survey


SUBMITTED_SESSION_KEY = "surveys-submitted"
# Wrong access codes of an open link, per client: 20 in ten minutes, then a pause.
ACCESS_CODE_LIMIT = FailureLimit("surveys:access-code", limit=20, window_seconds=600)


def _open_response_key(survey: Survey) -> str:
    return f"survey-{survey.pk}"


def remember_open_response(request: HttpRequest, survey: Survey, token: str) -> None:
    """Remember in the session the resume token of the response this browser started through
    the survey's open link, so opening the link again continues it. Sealed: sessions are
    stored in the database, which holds no working token."""
    request.session[_open_response_key(survey)] = token_seal(token)


def remembered_open_response(request: HttpRequest, survey: Survey) -> str:
    """The resume token ``remember_open_response`` kept, or "" (a session from before tokens
    were sealed holds the token itself)."""
    kept = request.session.get(_open_response_key(survey)) or ""
    return token_unseal(kept) or kept


def mark_submitted(request: HttpRequest, survey: Survey) -> None:
    """Remember in the respondent's session that they just submitted this survey (and
    forget the response it started through the open link)."""
    request.session.pop(_open_response_key(survey), None)
    submitted = [pk for pk in request.session.get(SUBMITTED_SESSION_KEY, []) if pk != survey.pk]
    request.session[SUBMITTED_SESSION_KEY] = [*submitted[-19:], survey.pk]


def get_survey_for_thanks(request: HttpRequest, pk: int) -> Survey:
    """The thank-you page names the client: only for whoever just submitted this survey."""
    if pk not in request.session.get(SUBMITTED_SESSION_KEY, []):
        raise Http404
    return get_or_404(Survey.objects.all(), pk=pk, engagement__isnull=False)
