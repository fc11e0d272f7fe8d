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
