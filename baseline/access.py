"""Who may do what in the baseline app: the one place that decides.

Built on the engagement rules (engagements.access): an assessment is visible to whoever
may see its engagement and managed by whoever may manage it. Maturity models are shared
across engagements and edited by consultants and administrators. Respondents reach their
questions only through their unguessable personal link.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from accounts.models import User
from baseline.models import Assessment, MaturityModel, ModelVersion, Respondent
from baseline.selectors import respondent_by_token
from engagements.access import (
    can_manage_engagement,
    can_use_library,
    engagement_object_for_manager,
    engagement_object_for_viewer,
    get_engagement_for_manager,
    get_engagement_for_viewer,
    library_object,
    require_library_user,
)
from engagements.models import Engagement


def _assessments() -> QuerySet[Assessment]:
    return Assessment.objects.select_related("version__model")


def get_engagement_for_baseline_viewer(user: User, engagement_pk: int) -> Engagement:
    return get_engagement_for_viewer(user, engagement_pk)


def get_engagement_for_baseline_manager(user: User, engagement_pk: int) -> Engagement:
    return get_engagement_for_manager(user, engagement_pk)


def get_assessment_for_viewer(user: User, pk: int) -> Assessment:
    """The assessment if the user may see its engagement, else 404."""
    return engagement_object_for_viewer(user, _assessments(), pk)


def get_assessment_for_manager(user: User, pk: int) -> Assessment:
    """The assessment if the user may manage its engagement; 404 if unseen, else 403."""
    return engagement_object_for_manager(user, _assessments(), pk)


def get_respondent_for_manager(user: User, pk: int) -> Respondent:
    """The respondent if the user may manage its assessment's engagement; 404/403 as above."""
    return engagement_object_for_manager(
        user,
        Respondent.objects.select_related("assessment__engagement"),
        pk,
        engagement="assessment__engagement",
    )


def can_manage_assessment(user: User, assessment: Assessment) -> bool:
    return can_manage_engagement(user, assessment.engagement)


def can_answer_as_staff(user: User, assessment: Assessment) -> bool:
    return (
        user.is_authenticated
        and not user.is_administrator
        and user.memberships.filter(organisation_id=assessment.engagement.organisation_id).exists()
    )


def get_assessment_for_staff_respondent(user: User, pk: int) -> Assessment:
    """The assessment if the user works at its organisation (and may answer it), else
    404 when unseen or 403."""
    assessment = get_assessment_for_viewer(user, pk)
    if not can_answer_as_staff(user, assessment):
        raise PermissionDenied
    return assessment


def get_respondent_for_link(token: str) -> Respondent:
    """The respondent behind a personal link, else 404 (the link is the credential)."""
    respondent = respondent_by_token(token=token)
    if respondent is None:
        raise Http404
    respondent.token_presented(token)
    return respondent


def can_manage_models(user: User) -> bool:
    return can_use_library(user)


def require_model_manager(user: User) -> None:
    require_library_user(user)


def get_model_for_manager(user: User, pk: int) -> MaturityModel:
    return library_object(user, MaturityModel.objects.all(), pk)


def get_version_for_manager(user: User, pk: int) -> ModelVersion:
    return library_object(user, ModelVersion.objects.select_related("model"), pk)
