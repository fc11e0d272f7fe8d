"""Inviting an organisation's staff: from the consultant's form to the person's first login."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Role, User
from engagements.models import StaffInvitation, StaffInvitationStatus
from tests.worker import run_queued_tasks


def _invite(client, world, email="ivo@alfa.example", **extra):
    return client.post(
        reverse("engagements:staff_invite", kwargs={"pk": world.org_a.pk}),
        {"first_name": "Ivo", "last_name": "Nieuw", "email": email, **extra},
    )


def _link(message) -> str:
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_invited_staff_member_chooses_a_password_and_sees_only_their_organisation(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.users["consultant_on"])
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client, world)
    assert response.status_code == 302
    assert mail.outbox == [], "the e-mail is sent by the worker, not in the request"
    invitation = StaffInvitation.objects.get()
    assert invitation.status == StaffInvitationStatus.NOT_SENT

    assert run_queued_tasks() == 1
    [message] = mail.outbox
    assert message.to == ["ivo@alfa.example"]
    assert "Gemeente Alfa" in message.subject
    assert "Beste Ivo Nieuw" in message.body
    assert "ivo@alfa.example" in message.body  # the user name
    invitation.refresh_from_db()
    assert invitation.status == StaffInvitationStatus.SENT

    client.logout()
    page = client.get(_link(message), follow=True)
    assert "Kies uw wachtwoord" in page.content.decode() or "Kies je wachtwoord" in (
        page.content.decode()
    )
    set_password_url = page.redirect_chain[-1][0]
    response = client.post(
        set_password_url,
        {"new_password1": "Veilig-wachtwoord-2026", "new_password2": "Veilig-wachtwoord-2026"},
    )
    assert response.status_code == 302
    home = client.get("/").content.decode()
    assert world.engagement.title in home
    assert client.get(world.other_engagement.get_absolute_url()).status_code == 404
    user = User.objects.get(email="ivo@alfa.example")
    assert user.role == Role.ORGANISATION_STAFF
    invitation.refresh_from_db()
    assert invitation.status == StaffInvitationStatus.ACCEPTED

    # The link works once.
    client.logout()
    again = client.get(_link(message), follow=True).content.decode()
    assert "Deze link werkt niet meer" in again


def test_resending_ends_the_earlier_link(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.users["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world)
    run_queued_tasks()
    invitation = StaffInvitation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "engagements:staff_invitation_resend",
                kwargs={"pk": world.org_a.pk, "invitation_pk": invitation.pk},
            )
        )
    run_queued_tasks()
    first, second = mail.outbox
    client.logout()
    assert "Deze link werkt niet meer" in client.get(_link(first), follow=True).content.decode()
    assert "new_password1" in client.get(_link(second), follow=True).content.decode()


def test_revoking_ends_the_link_and_the_access(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.users["consultant_on"])
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world)
    run_queued_tasks()
    invitation = StaffInvitation.objects.get()
    page = client.get(world.org_a.get_absolute_url()).content.decode()
    assert "ivo@alfa.example" in page and "Verstuurd" in page
    client.post(
        reverse(
            "engagements:staff_invitation_revoke",
            kwargs={"pk": world.org_a.pk, "invitation_pk": invitation.pk},
        )
    )
    user = User.objects.get(email="ivo@alfa.example")
    assert not user.is_active
    assert not user.memberships.exists()
    client.logout()
    assert (
        "Deze link werkt niet meer"
        in client.get(_link(mail.outbox[0]), follow=True).content.decode()
    )


def test_a_revoked_invitation_sent_by_the_worker_later_sends_nothing(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.users["consultant_on"])
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world)
    invitation = StaffInvitation.objects.get()
    client.post(
        reverse(
            "engagements:staff_invitation_revoke",
            kwargs={"pk": world.org_a.pk, "invitation_pk": invitation.pk},
        )
    )
    run_queued_tasks()
    assert mail.outbox == []


@pytest.mark.parametrize("role", ["consultant_off", "admin"])
def test_a_consultants_or_administrators_address_is_refused(client, world, role):
    client.force_login(world.users["admin"])
    address = world.users[role].email or "x@example.org"
    world.users[role].email = address
    world.users[role].save()
    response = _invite(client, world, email=address)
    assert response.status_code == 200
    assert "hoort bij een adviseur of beheerder" in response.content.decode()
    assert not StaffInvitation.objects.exists()


def test_organisation_page_leads_to_a_new_engagement_and_the_invitation(client, world):
    client.force_login(world.users["consultant_on"])
    page = client.get(world.org_a.get_absolute_url()).content.decode()
    assert f"/trajecten/nieuw/?organisation={world.org_a.pk}" in page
    assert reverse("engagements:staff_invite", kwargs={"pk": world.org_a.pk}) in page
    form = client.get(f"/trajecten/nieuw/?organisation={world.org_a.pk}").content.decode()
    assert f'<option value="{world.org_a.pk}" selected>' in form


def test_a_new_organisation_from_the_engagement_form_returns_to_it(client, world):
    client.force_login(world.users["consultant_off"])
    form = client.get("/trajecten/nieuw/").content.decode()
    assert "/organisaties/nieuw/?volgende=traject" in form
    response = client.post("/organisaties/nieuw/?volgende=traject", {"name": "Gemeente Gamma"})
    new = world.org_a.__class__.objects.get(name="Gemeente Gamma")
    assert response["Location"] == f"/trajecten/nieuw/?organisation={new.pk}"
