"""engagements.access decides who sees and who manages an engagement."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from engagements import access


def test_each_role_sees_exactly_its_engagements(world):
    visible = {
        role: set(access.engagements_visible_to(user)) if user else set()
        for role, user in world.users.items()
        if user is not None
    }
    assert visible["staff_a"] == {world.engagement}
    assert visible["staff_b"] == {world.other_engagement}
    assert visible["consultant_on"] == {world.engagement}
    assert visible["consultant_off"] == {world.other_engagement}
    assert visible["admin"] == {world.engagement, world.other_engagement}


def test_only_the_engagements_consultant_and_administrators_manage_it(world):
    managers = {
        role
        for role, user in world.users.items()
        if user is not None and access.can_manage_engagement(user, world.engagement)
    }
    assert managers == {"consultant_on", "admin"}


def test_a_stranger_gets_404_and_a_viewer_403_for_management(world):
    with pytest.raises(Http404):
        access.get_engagement_for_manager(world.users["staff_b"], world.engagement.pk)
    with pytest.raises(PermissionDenied):
        access.get_engagement_for_manager(world.users["staff_a"], world.engagement.pk)
    assert (
        access.get_engagement_for_manager(world.users["consultant_on"], world.engagement.pk)
        == world.engagement
    )


def test_staff_with_two_memberships_see_the_engagement_once(world):
    from tests.engagements.factories import MembershipFactory

    MembershipFactory(user=world.users["staff_a"], organisation=world.org_b)
    engagement = access.get_engagement_for_viewer(world.users["staff_a"], world.engagement.pk)
    assert engagement == world.engagement


def _outcome(call):
    try:
        call()
    except Http404:
        return 404
    except PermissionDenied:
        return 403
    return 200


def test_the_core_finds_an_object_of_an_engagement_for_viewers_and_managers(world):
    """One core for every stage app: 404 for who may not see the object's engagement,
    403 for who may see but not manage it; the checked engagement is put in place."""
    from engagements.models import AuditEvent

    event = AuditEvent.objects.create(actor_name="x", action="export", engagement=world.engagement)
    events = AuditEvent.objects.all()
    viewer = {
        role: _outcome(lambda u=user: access.engagement_object_for_viewer(u, events, event.pk))
        for role, user in world.users.items()
        if user is not None
    }
    manager = {
        role: _outcome(lambda u=user: access.engagement_object_for_manager(u, events, event.pk))
        for role, user in world.users.items()
        if user is not None
    }
    assert viewer == {
        "staff_a": 200,
        "staff_b": 404,
        "consultant_on": 200,
        "consultant_off": 404,
        "admin": 200,
    }
    assert manager == {
        "staff_a": 403,
        "staff_b": 404,
        "consultant_on": 200,
        "consultant_off": 404,
        "admin": 200,
    }
    found = access.engagement_object_for_viewer(world.users["admin"], events, event.pk)
    assert found.engagement.organisation == world.org_a
    with pytest.raises(Http404):
        access.engagement_object_for_viewer(world.users["admin"], events, event.pk + 1000)


def test_library_objects_are_403_for_non_library_users_and_404_when_missing(world):
    from engagements.models import Organisation

    organisations = Organisation.objects.all()
    for role in ("staff_a", "staff_b"):
        with pytest.raises(PermissionDenied):
            access.library_object(world.users[role], organisations, world.org_a.pk)
    assert access.library_object(world.users["consultant_off"], organisations, world.org_a.pk)
    with pytest.raises(Http404):
        access.library_object(world.users["admin"], organisations, 10_000)
