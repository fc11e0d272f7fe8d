"""Who may see and who may manage an engagement: the one place that decides.

Every view of every stage app asks these helpers; none repeats the rules inline.
- Administrators see and manage everything.
- Consultants see and manage the engagements they are assigned to.
- Organisation staff see (read-only) the engagements of their own organisation.
Someone who may not see an engagement gets a 404, so its existence does not leak;
someone who may see it but not manage it gets a 403 on management pages.

The stage apps' access modules are built on the core at the bottom of this module:
``engagement_object_for_viewer``/``_for_manager`` find an object of an engagement (a
survey, a session, an assessment, a roadmap item) and apply the rules above to its
engagement; ``get_or_404`` is the one way to say "no such object"; the shared
libraries (survey templates, maturity models, action catalogues, the example library)
are for consultants and administrators, and anyone else signed in gets a 403 (a
library's existence is no secret, an engagement's is).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
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
    return get_or_404(engagements_visible_to(user).select_related("organisation").distinct(), pk=pk)


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
    return get_or_404(organisations_visible_to(user).distinct(), pk=pk)


def can_manage_organisation(user: User, organisation: Organisation) -> bool:
    """Administrators, and consultants of one of the organisation's engagements: its name and
    logo appear on that client's pages and reports, so no other consultant changes them."""
    if not user.is_authenticated:
        return False
    if user.is_administrator:
        return True
    return (
        user.role == Role.CONSULTANT and organisation.engagements.filter(consultants=user).exists()
    )


def get_organisation_for_manager(user: User, pk: int) -> Organisation:
    organisation = get_organisation_for_viewer(user, pk)
    if not can_manage_organisation(user, organisation):
        raise PermissionDenied
    return organisation


def can_invite_staff(user: User, organisation: Organisation) -> bool:
    """Those who manage the organisation: administrators, and consultants of one of its
    engagements."""
    return can_manage_organisation(user, organisation)


def get_organisation_for_inviter(user: User, pk: int) -> Organisation:
    """The organisation if the user may invite its staff; 404 if they may not see it, else 403."""
    organisation = get_organisation_for_viewer(user, pk)
    if not can_invite_staff(user, organisation):
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


# --- The core the stage apps build on -------------------------------------------------------


def get_or_404[M: Model](queryset: QuerySet[M], **lookups: object) -> M:
    """The one object matching the lookups, else 404: the one "no such object" idiom."""
    found = queryset.filter(**lookups).first()
    if found is None:
        raise Http404
    return found


def check_engagement_object(
    user: User, found: Model, *, engagement: str = "engagement", manage: bool = False
) -> None:
    """Check the user's access to the engagement at path ``engagement`` ("engagement",
    "roadmap__engagement", ...) of ``found`` (404 unseen; with ``manage``, 403 seen but not
    managed) and put the checked engagement, with its organisation, in place."""
    *hops, field = engagement.split("__")
    owner = found
    for hop in hops:
        owner = getattr(owner, hop)
    engagement_id: int = getattr(owner, f"{field}_id")
    getter = get_engagement_for_manager if manage else get_engagement_for_viewer
    setattr(owner, field, getter(user, engagement_id))


def engagement_object_for_viewer[M: Model](
    user: User, queryset: QuerySet[M], pk: int, *, engagement: str = "engagement"
) -> M:
    """The object of an engagement if the user may see the engagement, else 404.

    ``engagement`` is the path from the object to its engagement, in lookup notation;
    select the objects in between on the queryset so no extra query is made.
    """
    found = get_or_404(queryset, pk=pk)
    check_engagement_object(user, found, engagement=engagement)
    return found


def engagement_object_for_manager[M: Model](
    user: User, queryset: QuerySet[M], pk: int, *, engagement: str = "engagement"
) -> M:
    """The object of an engagement if the user may manage the engagement; 404 when they
    may not see it, 403 when they may only see it."""
    found = get_or_404(queryset, pk=pk)
    check_engagement_object(user, found, engagement=engagement, manage=True)
    return found


def can_use_library(user: User) -> bool:
    """May the user see and edit the consultancy's shared libraries?"""
    return can_create_engagements(user)


def require_library_user(user: User) -> None:
    """403 for a signed-in user who may not use the shared libraries."""
    if not can_use_library(user):
        raise PermissionDenied


def library_object[M: Model](user: User, queryset: QuerySet[M], pk: int) -> M:
    """An object of a shared library: 403 for who may not use libraries, else 404 when
    it does not exist."""
    require_library_user(user)
    return get_or_404(queryset, pk=pk)
