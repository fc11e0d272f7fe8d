"""Reads for organisations and engagements."""

import datetime

from django.db.models import Count, F, Q, QuerySet

from accounts.models import User
from engagements.access import engagements_visible_to, organisations_visible_to
from engagements.models import AuditEvent, Engagement, Organisation, StaffInvitation


def engagement_list_for_user(*, user: User) -> QuerySet[Engagement]:
    """The engagements on a user's home page, newest first, in a fixed number of queries."""
    return (
        engagements_visible_to(user)
        .select_related("organisation")
        .prefetch_related("consultants")
        .distinct()
        .order_by("-starts_on", "title")
    )


def organisation_list_for_user(*, user: User) -> QuerySet[Organisation]:
    return (
        organisations_visible_to(user)
        .annotate(engagement_count=Count("engagements", distinct=True))
        .order_by("name")
    )


def staff_invitations_for_organisation(*, organisation: Organisation) -> QuerySet[StaffInvitation]:
    """The organisation's staff invitations, open ones first, in one query."""
    return (
        StaffInvitation.objects.filter(organisation=organisation)
        .select_related("user", "invited_by")
        .order_by(
            F("revoked_at").asc(nulls_first=True), "user__last_name", "user__first_name", "pk"
        )
    )


def engagement_consultant_names(*, engagement: Engagement) -> list[str]:
    return [str(user) for user in engagement.consultants.order_by("last_name", "username")]


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day and time ``months`` calendar months earlier (clamped to the month's end)."""
    month_index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    for day in range(moment.day, 27, -1):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    return moment.replace(year=year, month=month, day=min(moment.day, 28))


def engagements_due_for_personal_data_purge(
    *, now: datetime.datetime, months: int
) -> QuerySet[Engagement]:
    """Closed engagements whose retention period has passed and whose data is not purged yet."""
    return Engagement.objects.filter(
        closed_at__isnull=False,
        closed_at__lte=months_before(now, months),
        personal_data_purged_at__isnull=True,
    ).order_by("pk")


def audit_events_for_user(
    *, user: User, engagement: Engagement | None = None
) -> QuerySet[AuditEvent]:
    """Audit events a user may read: administrators all, consultants their engagements'."""
    events = AuditEvent.objects.select_related("engagement", "engagement__organisation")
    if engagement is not None:
        events = events.filter(engagement=engagement)
    if not user.is_administrator:
        events = events.filter(Q(engagement__consultants=user)).distinct()
    return events.order_by("-created_at", "-pk")
