"""Writes for organisations, memberships and engagements."""

import datetime
import io
import json
import zipfile
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.services import user_create
from engagements.anonymity import DEFAULT_MIN_GROUP_SIZE
from engagements.models import (
    AuditAction,
    AuditEvent,
    Engagement,
    EngagementStatus,
    Membership,
    Organisation,
    StaffInvitation,
)
from engagements.saving import full_save, set_fields
from engagements.stages import registered_stages
from engagements.tasks import staff_invitation_mail_send
from engagements.validators import logo_scaled_down

CLOSED_STATUSES = {EngagementStatus.COMPLETED, EngagementStatus.ARCHIVED}


@transaction.atomic
def organisation_create(
    *, name: str, cbs_code: str = "", logo: File[bytes] | None = None
) -> Organisation:
    organisation = Organisation(name=name, cbs_code=cbs_code)
    if logo:
        organisation.logo = logo_scaled_down(logo)
    return full_save(organisation)


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
        organisation.logo = logo_scaled_down(logo)
    return full_save(organisation)


@transaction.atomic
def membership_create(*, user: User, organisation: Organisation, job_title: str = "") -> Membership:
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"job_title": job_title}
    )
    return membership


def _enqueue_staff_invitation_mail(invitation: StaffInvitation, base_url: str) -> None:
    transaction.on_commit(lambda: staff_invitation_mail_send.enqueue(invitation.pk, base_url))


@transaction.atomic
def staff_invite(
    *,
    organisation: Organisation,
    first_name: str,
    last_name: str,
    email: str,
    invited_by: User,
    base_url: str,
    job_title: str = "",
) -> StaffInvitation:
    """Give a staff member access to their organisation and e-mail them a one-time link.

    The account is made now (user name = e-mail address, no usable password); the e-mail
    goes out in the background. Someone who already has a staff account gets the
    membership and an e-mail with the login link instead. Addresses of consultants and
    administrators are refused: they never become an organisation's staff.
    """
    email = email.strip()
    user = (
        User.objects.select_for_update()
        .filter(Q(email__iexact=email) | Q(username__iexact=email))
        .first()
    )
    if user is not None and (user.role != Role.ORGANISATION_STAFF or user.is_administrator):
        raise ValidationError(
            _("This address belongs to a consultant or an administrator, not to staff.")
        )
    if user is None:
        user = user_create(
            username=email.casefold(),
            password=None,
            role=Role.ORGANISATION_STAFF,
            email=email,
            first_name=first_name,
            last_name=last_name,
        )
    elif not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    membership_create(user=user, organisation=organisation, job_title=job_title)
    invitation, created = StaffInvitation.objects.get_or_create(
        organisation=organisation, user=user, defaults={"invited_by": invited_by}
    )
    if not created:
        if invitation.revoked_at is None:
            raise ValidationError(_("This person has already been invited."))
        invitation.revoked_at = None
        invitation.invited_by = invited_by
        invitation.sent_at = None
    invitation.send_count += 1
    invitation.save()
    _enqueue_staff_invitation_mail(invitation, base_url)
    return invitation


@transaction.atomic
def staff_invitation_resend(*, invitation: StaffInvitation, base_url: str) -> StaffInvitation:
    """Send the invitation again; the link of the earlier e-mail stops working."""
    if invitation.revoked_at:
        raise ValidationError(_("This invitation has been revoked; invite the person again."))
    user = invitation.user
    if not user.has_usable_password():
        user.set_unusable_password()  # a new hash: the earlier link is no longer valid
        user.save(update_fields=["password"])
    invitation.send_count += 1
    invitation.save(update_fields=["send_count"])
    _enqueue_staff_invitation_mail(invitation, base_url)
    return invitation


@transaction.atomic
def staff_invitation_revoke(*, invitation: StaffInvitation) -> StaffInvitation:
    """End the person's access to the organisation; an unused link stops working.

    Someone left without any organisation can no longer log in.
    """
    user = invitation.user
    Membership.objects.filter(user=user, organisation=invitation.organisation).delete()
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    if not user.has_usable_password():
        user.set_unusable_password()
        user.save(update_fields=["password"])
    if not user.memberships.exists():
        user.is_active = False
        user.save(update_fields=["is_active"])
    return invitation


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
    min_group_size: int = DEFAULT_MIN_GROUP_SIZE,
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
    full_save(engagement)
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


def engagement_export(*, engagement: Engagement, actor: User) -> bytes:
    """One ZIP archive of the engagement: data.json with every stage's data, and the PDFs.

    Not one transaction: rendering every PDF takes seconds, and on SQLite a transaction holds
    the write lock for all of them (every vote and answer waited). The reads and PDFs come
    first; only the audit row is written, in a short transaction of its own.
    """
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
    with transaction.atomic():
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
