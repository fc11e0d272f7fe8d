"""Who may see and change roadmaps and catalogues: the one place in this app that decides.

Built on engagements.access:
- everyone who may see an engagement sees its roadmap, its XLSX and its PDF, and may
  update the status of its actions (organisation staff follow up their roadmap);
- the engagement's consultants and administrators generate and edit it;
- catalogues are the consultancy's: consultants and administrators only.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.models import User
from engagements.access import (
    can_create_engagements,
    can_manage_engagement,
    get_engagement_for_manager,
    get_engagement_for_viewer,
)
from engagements.models import Engagement
from roadmap.models import ActionCatalogue, CatalogueAction, Roadmap, RoadmapItem


def engagement_for_viewer(user: User, engagement_pk: int) -> Engagement:
    return get_engagement_for_viewer(user, engagement_pk)


def engagement_for_manager(user: User, engagement_pk: int) -> Engagement:
    return get_engagement_for_manager(user, engagement_pk)


def roadmap_for_viewer(user: User, engagement_pk: int) -> Roadmap:
    """The engagement's roadmap if the user may see it; 404 when there is none."""
    engagement = get_engagement_for_viewer(user, engagement_pk)
    return _roadmap_of(engagement)


def roadmap_for_manager(user: User, engagement_pk: int) -> Roadmap:
    engagement = get_engagement_for_manager(user, engagement_pk)
    return _roadmap_of(engagement)


def _roadmap_of(engagement: Engagement) -> Roadmap:
    try:
        roadmap = Roadmap.objects.select_related("catalogue").get(engagement=engagement)
    except Roadmap.DoesNotExist:
        raise Http404 from None
    roadmap.engagement = engagement
    return roadmap


def can_manage(user: User, engagement: Engagement) -> bool:
    """May the user generate and edit this engagement's roadmap?"""
    return can_manage_engagement(user, engagement)


def item_for_viewer(user: User, pk: int) -> RoadmapItem:
    item = _item(pk)
    item.roadmap.engagement = get_engagement_for_viewer(user, item.roadmap.engagement_id)
    return item


def item_for_manager(user: User, pk: int) -> RoadmapItem:
    item = _item(pk)
    item.roadmap.engagement = get_engagement_for_manager(user, item.roadmap.engagement_id)
    return item


def _item(pk: int) -> RoadmapItem:
    try:
        return RoadmapItem.objects.select_related("roadmap").get(pk=pk)
    except RoadmapItem.DoesNotExist:
        raise Http404 from None


def require_catalogue_editor(user: User) -> None:
    if not can_create_engagements(user):
        raise PermissionDenied


def catalogue_for_editor(user: User, pk: int) -> ActionCatalogue:
    require_catalogue_editor(user)
    try:
        return ActionCatalogue.objects.select_related("model_version__model").get(pk=pk)
    except ActionCatalogue.DoesNotExist:
        raise Http404 from None


def catalogue_action_for_editor(user: User, pk: int) -> CatalogueAction:
    require_catalogue_editor(user)
    try:
        return CatalogueAction.objects.select_related("catalogue__model_version").get(pk=pk)
    except CatalogueAction.DoesNotExist:
        raise Http404 from None
