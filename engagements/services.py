"""Writes for organisations, memberships and engagements."""

import datetime
import io
import json
import zipfile
from typing import Any

from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from engagements.models import (
    AuditAction,
    AuditEvent,
    Engagement,
    EngagementStatus,
    Membership,
    Organisation,
)
from engagements.saving import full_save, set_fields
from engagements.stages import registered_stages

CLOSED_STATUSES = {EngagementStatus.COMPLETED, EngagementStatus.ARCHIVED}


@transaction.atomic
def organisation_create(
    *, name: str, cbs_code: str = "", logo: File[bytes] | None = None
) -> Organisation:
    organisation = Organisation(name=name, cbs_code=cbs_code)
    if logo:
        organisation.logo = logo
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    name: str,
    cbs_code: str = "",
    logo: File[bytes] | None = None,
    clear_logo: bool = False,
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
    created_by: User | None = None,
) -> Engagement:
    """A new engagement. The consultant who creates it is always one of its consultants."""
    consultants = list(consultants)
    if created_by is not None and created_by.is_consultant and created_by not in consultants:
        consultants.append(created_by)
    engagement = Engagement(
        organisation=organisation,
        title=title,
        description=description,
        starts_on=starts_on,
        ends_on=ends_on,
        status=status,
        min_group_size=min_group_size,
        closed_at=timezone.now() if status in CLOSED_STATUSES else None,
    )
    engagement.full_clean()
    engagement.save()
    if consultants:
        engagement.consultants.set(consultants)
    return engagement


@transaction.atomic
def engagement_update(*, engagement: Engagement, **fields: Any) -> Engagement:
    consultants = fields.pop("consultants", None)
    allowed = {"title", "description", "starts_on", "ends_on", "status", "min_group_size"}
    set_fields(engagement, fields, allowed=allowed, service="engagement_update")
    if engagement.status in CLOSED_STATUSES and engagement.closed_at is None:
        engagement.closed_at = timezone.now()
    elif engagement.status not in CLOSED_STATUSES:
        engagement.closed_at = None
    full_save(engagement)
    if consultants is not None:
        engagement.consultants.set(consultants)
    return engagement


def audit_record(
    *,
    actor: User | None,
    action: str,
    engagement: Engagement | None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record who did what to an engagement's data; part of the caller's transaction."""
    return AuditEvent.objects.create(
        actor=actor,
        actor_name=str(actor) if actor else "systeem",
        action=action,
        engagement=engagement,
        engagement_label=str(engagement) if engagement else "",
        detail=detail or {},
    )


def _engagement_data(engagement: Engagement) -> dict[str, Any]:
    organisation = engagement.organisation
    return {
        "organisation": {"name": organisation.name, "cbs_code": organisation.cbs_code},
        "engagement": {
            "id": engagement.pk,
            "title": engagement.title,
            "description": engagement.description,
            "starts_on": engagement.starts_on,
            "ends_on": engagement.ends_on,
            "status": engagement.status,
            "min_group_size": engagement.min_group_size,
            "consultants": [user.username for user in engagement.consultants.all()],
        },
    }


@transaction.atomic
def engagement_export(*, engagement: Engagement, actor: User) -> bytes:
    """One ZIP archive of the engagement: data.json with every stage's data, and the PDFs."""
    from engagements.reports import engagement_summary_pdf_bytes

    data = _engagement_data(engagement)
    pdfs = [("samenvatting.pdf", engagement_summary_pdf_bytes(engagement=engagement, user=actor))]
    for stage in registered_stages():
        if stage.export is not None:
            data[stage.key] = stage.export(engagement)
        if stage.reports is not None:
            pdfs.extend(stage.reports(engagement, actor))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
        for filename, pdf in pdfs:
            archive.writestr(f"rapporten/{filename}", pdf)
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        engagement=engagement,
        detail={"files": ["data.json", *(name for name, _pdf in pdfs)]},
    )
    return buffer.getvalue()


@transaction.atomic
def engagement_delete(*, engagement: Engagement, actor: User) -> None:
    """Delete the engagement and everything of its stages; the audit log keeps a record."""
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        engagement=engagement,
        detail={"engagement_id": engagement.pk},
    )
    engagement.delete()


@transaction.atomic
def unfinished_responses_purge(*, older_than: datetime.datetime) -> dict[str, int]:
    """Delete unfinished survey and baseline responses last changed before ``older_than``."""
    counts = {}
    for stage in registered_stages():
        if stage.purge_unfinished is not None:
            counts[stage.key] = stage.purge_unfinished(older_than)
    if any(counts.values()):
        audit_record(
            actor=None,
            action=AuditAction.PURGE_UNFINISHED,
            engagement=None,
            detail={"older_than": older_than.isoformat(), "deleted": counts},
        )
    return counts


@transaction.atomic
def engagement_personal_data_purge(*, engagement: Engagement) -> dict[str, int]:
    """Delete the personal data of a closed engagement (names, e-mail addresses)."""
    counts = {}
    for stage in registered_stages():
        if stage.purge_personal_data is not None:
            counts[stage.key] = stage.purge_personal_data(engagement)
    engagement.personal_data_purged_at = timezone.now()
    engagement.save(update_fields=["personal_data_purged_at"])
    audit_record(
        actor=None,
        action=AuditAction.PURGE_PERSONAL_DATA,
        engagement=engagement,
        detail={"deleted": counts},
    )
    return counts
