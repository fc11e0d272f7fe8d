"""Writes for organisations, memberships and engagements."""

import datetime

from django.db import transaction

from accounts.models import User
from engagements.models import Engagement, EngagementStatus, Membership, Organisation


@transaction.atomic
def organisation_create(*, name: str, cbs_code: str = "", logo=None) -> Organisation:
    organisation = Organisation(name=name, cbs_code=cbs_code)
    if logo:
        organisation.logo = logo
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, name: str, cbs_code: str = "", logo=None, clear_logo=False
) -> Organisation:
    organisation.name = name
    organisation.cbs_code = cbs_code
    if clear_logo:
        organisation.logo = ""
    elif logo:
        organisation.logo = logo
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def membership_create(*, user: User, organisation: Organisation, job_title: str = "") -> Membership:
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"job_title": job_title}
    )
    return membership


@transaction.atomic
def engagement_create(
    *,
    organisation: Organisation,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    description: str = "",
    status: str = EngagementStatus.PLANNED,
    consultants: list[User] | tuple[User, ...] = (),
    min_group_size: int = 5,
) -> Engagement:
    engagement = Engagement(
        organisation=organisation,
        title=title,
        description=description,
        starts_on=starts_on,
        ends_on=ends_on,
        status=status,
        min_group_size=min_group_size,
    )
    engagement.full_clean()
    engagement.save()
    if consultants:
        engagement.consultants.set(consultants)
    return engagement


@transaction.atomic
def engagement_update(*, engagement: Engagement, **fields) -> Engagement:
    consultants = fields.pop("consultants", None)
    allowed = {"title", "description", "starts_on", "ends_on", "status", "min_group_size"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"engagement_update() got unexpected fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(engagement, name, value)
    engagement.full_clean()
    engagement.save()
    if consultants is not None:
        engagement.consultants.set(consultants)
    return engagement
