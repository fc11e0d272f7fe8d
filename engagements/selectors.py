"""Reads for organisations and engagements."""

from django.db.models import Count, QuerySet

from accounts.models import User
from engagements.access import engagements_visible_to, organisations_visible_to
from engagements.models import Engagement, Organisation


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


def engagement_consultant_names(*, engagement: Engagement) -> list[str]:
    return [str(user) for user in engagement.consultants.order_by("last_name", "username")]
