"""Background work of the shared app, run by ``manage.py db_worker`` (never in a request)."""

import logging

from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.tokens import invitation_token_generator
from engagements.models import StaffInvitation

logger = logging.getLogger(__name__)


@task(queue_name="email")
def staff_invitation_mail_send(invitation_id: int, base_url: str) -> bool:
    """E-mail the invitation's one-time link; False when it was revoked in the meantime."""
    invitation = (
        StaffInvitation.objects.select_related("user", "organisation", "invited_by")
        .filter(pk=invitation_id, revoked_at__isnull=True)
        .first()
    )
    if invitation is None:
        return False
    user = invitation.user
    path = reverse(
        "invitation_accept",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": invitation_token_generator.make_token(user),
        },
    )
    context = {
        "invitation": invitation,
        "user": user,
        "organisation": invitation.organisation,
        "inviter": invitation.invited_by,
        "link": base_url.rstrip("/") + path,
        "login_link": base_url.rstrip("/") + reverse("login"),
        "accepted": user.has_usable_password(),
    }
    with translation.override("nl"):
        subject = render_to_string("engagements/email/staff_invitation_subject.txt", context)
        body = render_to_string("engagements/email/staff_invitation.txt", context)
    EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email]).send()
    StaffInvitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
    return True
