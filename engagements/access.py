"""Who may see and who may manage an engagement: the one place that decides.

Every view of every stage app asks these helpers; none repeats the rules inline.
- Administrators see and manage everything.
- Consultants see and manage the engagements they are assigned to.
- Organisation staff see (read-only) the engagements of their own organisation.
Someone who may not see an engagement gets a 404, so its existence does not leak;
someone who may see it but not manage it gets a 403 on management pages.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from accounts.models import Role, User
from engagements.models import Engagement, Organisation


def engagements_visible_to(user: User) -> QuerySet[Engagement]:
    if not user.is_authenticated:
        return Engagement.objects.none()
    if user.is_administrator:
        return Engagement.objects.all()
    if user.role == Role.CONSULTANT:
        return Engagement.objects.filter(consultants=user)
    return Engagement.objects.filter(organisation__memberships__user=user)


def can_view_engagement(user: User, engagement: Engagement) -> bool:
    return engagements_visible_to(user).filter(pk=engagement.pk).exists()


def can_manage_engagement(user: User, engagement: Engagement) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_administrator:
        return True
    return user.role == Role.CONSULTANT and engagement.consultants.filter(pk=user.pk).exists()


def can_create_engagements(user: User) -> bool:
    return user.is_authenticated and (user.is_administrator or user.role == Role.CONSULTANT)


def get_engagement_for_viewer(user: User, pk: int) -> Engagement:
    """The engagement if the user may see it, else 404."""
    try:
        return engagements_visible_to(user).select_related("organisation").distinct().get(pk=pk)
    except Engagement.DoesNotExist:
        raise Http404 from None


def get_engagement_for_manager(user: User, pk: int) -> Engagement:
    """The engagement if the user may manage it; 404 if they may not see it, else 403."""
    engagement = get_engagement_for_viewer(user, pk)
    if not can_manage_engagement(user, engagement):
        raise PermissionDenied
    return engagement


def require_engagement_creator(user: User) -> None:
    if not can_create_engagements(user):
        raise PermissionDenied


def organisations_visible_to(user: User) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_administrator:
        return Organisation.objects.all()
    if user.role == Role.CONSULTANT:
        # Consultants pick the client when they start an engagement.
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user=user)


def get_organisation_for_viewer(user: User, pk: int) -> Organisation:
    try:
        return organisations_visible_to(user).distinct().get(pk=pk)
    except Organisation.DoesNotExist:
        raise Http404 from None


def get_organisation_for_manager(user: User, pk: int) -> Organisation:
    organisation = get_organisation_for_viewer(user, pk)
    if not can_create_engagements(user):
        raise PermissionDenied
    return organisation


def get_engagement_for_administrator(user: User, pk: int) -> Engagement:
    """Export and deletion are for administrators only (404 for those who cannot see it)."""
    engagement = get_engagement_for_viewer(user, pk)
    if not user.is_administrator:
        raise PermissionDenied
    return engagement


def can_read_audit_log(user: User) -> bool:
    return user.is_authenticated and (user.is_administrator or user.role == Role.CONSULTANT)


def require_audit_reader(user: User) -> None:
    if not can_read_audit_log(user):
        raise PermissionDenied
