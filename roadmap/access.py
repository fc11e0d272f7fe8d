"""Who may see and change roadmaps and catalogues: the one place in this app that decides.

Built on engagements.access:
- everyone who may see an engagement sees its roadmap, its XLSX and its PDF, and may
  update the status of its actions (organisation staff follow up their roadmap);
- the engagement's consultants and administrators generate and edit it;
- catalogues are the consultancy's: consultants and administrators only.
"""

from accounts.models import User
from engagements.access import (
    can_manage_engagement,
    engagement_object_for_manager,
    engagement_object_for_viewer,
    get_engagement_for_manager,
    get_engagement_for_viewer,
    get_or_404,
    library_object,
    require_library_user,
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
    roadmap = get_or_404(Roadmap.objects.select_related("catalogue"), engagement=engagement)
    roadmap.engagement = engagement
    return roadmap


def can_manage(user: User, engagement: Engagement) -> bool:
    """May the user generate and edit this engagement's roadmap?"""
    return can_manage_engagement(user, engagement)


def item_for_viewer(user: User, pk: int) -> RoadmapItem:
    items = RoadmapItem.objects.select_related("roadmap")
    return engagement_object_for_viewer(user, items, pk, engagement="roadmap__engagement")


def item_for_manager(user: User, pk: int) -> RoadmapItem:
    items = RoadmapItem.objects.select_related("roadmap")
    return engagement_object_for_manager(user, items, pk, engagement="roadmap__engagement")


def require_catalogue_editor(user: User) -> None:
    require_library_user(user)


def catalogue_for_editor(user: User, pk: int) -> ActionCatalogue:
    return library_object(user, ActionCatalogue.objects.select_related("model_version__model"), pk)


def catalogue_action_for_editor(user: User, pk: int) -> CatalogueAction:
    actions = CatalogueAction.objects.select_related("catalogue__model_version")
    return library_object(user, actions, pk)
