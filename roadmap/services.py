"""Writes of the roadmap app: catalogues, roadmaps, generation and hand edits."""

import datetime
from collections.abc import Sequence
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from baseline.models import ModelVersion
from baseline.selectors import BaselineForRoadmap
from engagements.models import Engagement
from engagements.saving import full_save
from roadmap import generator
from roadmap.catalogue import CatalogueDocument, default_catalogue
from roadmap.models import (
    NARRATIVE_FIELDS,
    ActionCatalogue,
    CatalogueAction,
    DocumentExport,
    ExportStatus,
    ItemStatus,
    LevelRule,
    Roadmap,
    RoadmapDimension,
    RoadmapItem,
)
from roadmap.selectors import (
    catalogue_actions_for_generator,
    default_dimension_goals,
    generator_input,
    roadmap_sources,
)

# --- Catalogues ----------------------------------------------------------------------


@transaction.atomic
def catalogue_replace_actions(
    *, catalogue: ActionCatalogue, actions: list[generator.CatalogueAction]
) -> ActionCatalogue:
    """Replace every action of the catalogue (an import): keys, rules and prerequisites."""
    catalogue.actions.all().delete()
    created: dict[str, CatalogueAction] = {}
    for action in actions:
        created[action.key] = full_save(
            CatalogueAction(
                catalogue=catalogue,
                key=action.key,
                dimension_key=action.dimension_key,
                from_level=action.from_level,
                title=action.title,
                description=action.description,
                effort=action.effort,
                duration_quarters=action.duration_quarters,
                owner_role=action.owner_role,
                met_by_vision=action.met_by_vision,
            )
        )
    through = CatalogueAction.prerequisites.through
    rules = [
        LevelRule(action=created[action.key], dimension_key=rule.dimension_key, level=rule.level)
        for action in actions
        for rule in action.requires
    ]
    links = [
        through(from_catalogueaction=created[action.key], to_catalogueaction=created[key])
        for action in actions
        for key in action.prerequisites
        if key in created
    ]
    LevelRule.objects.bulk_create(rules)
    through.objects.bulk_create(links)
    catalogue.save(update_fields=["updated_at"])
    return catalogue


@transaction.atomic
def catalogue_import(
    *, model_version: ModelVersion, document: CatalogueDocument
) -> ActionCatalogue:
    """Create the catalogue of a model version from a document, or replace its actions."""
    catalogue = ActionCatalogue.objects.filter(model_version=model_version).first()
    name = document.name or str(model_version)
    if catalogue is None:
        catalogue = full_save(ActionCatalogue(model_version=model_version, name=name))
    else:
        catalogue.name = name
        full_save(catalogue)
    return catalogue_replace_actions(catalogue=catalogue, actions=document.actions)


@transaction.atomic
def default_catalogue_ensure() -> ActionCatalogue:
    """The default catalogue on the default maturity model, created when missing."""
    from baseline.services import default_model_ensure

    version = default_model_ensure()
    existing = ActionCatalogue.objects.filter(model_version=version).first()
    if existing is not None:
        return existing
    return catalogue_import(model_version=version, document=default_catalogue())


@transaction.atomic
def catalogue_action_save(
    *,
    catalogue: ActionCatalogue,
    action: CatalogueAction | None = None,
    key: str,
    dimension_key: str,
    from_level: int,
    title: str,
    description: str = "",
    effort: str = generator.Effort.MEDIUM,
    duration_quarters: int = 1,
    owner_role: str = "",
    prerequisites: Sequence[CatalogueAction] = (),
    level_rules: dict[str, int] | None = None,
    met_by_vision: bool = False,
) -> CatalogueAction:
    """Create (without ``action``) or update a catalogue action with its rules."""
    action = action or CatalogueAction(catalogue=catalogue)
    action.key = key
    action.dimension_key = dimension_key
    action.from_level = from_level
    action.title = title
    action.description = description
    action.effort = effort
    action.duration_quarters = duration_quarters
    action.owner_role = owner_role
    action.met_by_vision = met_by_vision
    full_save(action)
    action.prerequisites.set([p for p in prerequisites if p.catalogue_id == catalogue.pk])
    action.level_rules.all().delete()
    for rule_dimension, level in sorted((level_rules or {}).items()):
        if level:
            full_save(LevelRule(action=action, dimension_key=rule_dimension, level=level))
    catalogue.save(update_fields=["updated_at"])
    return action


@transaction.atomic
def catalogue_action_delete(*, action: CatalogueAction) -> None:
    catalogue = action.catalogue
    action.delete()
    catalogue.save(update_fields=["updated_at"])


# --- Roadmaps --------------------------------------------------------------------------


@transaction.atomic
def roadmap_create(
    *,
    engagement: Engagement,
    catalogue: ActionCatalogue | None = None,
    start_year: int,
    start_quarter: int = 1,
    horizon_years: int = 3,
    capacity: int = 3,
) -> Roadmap:
    """A roadmap for the engagement, with levels from its baseline (or defaults without one)."""
    sources = roadmap_sources(engagement=engagement)
    if catalogue is None:
        catalogue = _catalogue_for(sources.baseline)
    roadmap = full_save(
        Roadmap(
            engagement=engagement,
            catalogue=catalogue,
            start_year=start_year,
            start_quarter=start_quarter,
            horizon_years=horizon_years,
            capacity=capacity,
        )
    )
    _dimensions_from(roadmap, sources.baseline)
    return roadmap


@transaction.atomic
def roadmap_create_generated(
    *,
    engagement: Engagement,
    start_year: int,
    start_quarter: int = 1,
    horizon_years: int = 3,
    capacity: int = 3,
) -> Roadmap:
    """The consultant's "generate the roadmap": create it and plan it, in one transaction
    (a failure leaves no roadmap without actions behind)."""
    roadmap = roadmap_create(
        engagement=engagement,
        start_year=start_year,
        start_quarter=start_quarter,
        horizon_years=horizon_years,
        capacity=capacity,
    )
    roadmap_generate(roadmap=roadmap)
    return roadmap


def _catalogue_for(baseline: BaselineForRoadmap | None) -> ActionCatalogue:
    if baseline is None:
        return default_catalogue_ensure()
    return catalogue_for_version_ensure(model_version_id=baseline.model_version_id)


@transaction.atomic
def catalogue_for_version_ensure(*, model_version_id: int) -> ActionCatalogue:
    """The catalogue of a maturity model version; a version without one gets a copy of the
    default catalogue, limited to the dimensions the version has."""
    existing = ActionCatalogue.objects.filter(model_version_id=model_version_id).first()
    if existing is not None:
        return existing
    default = default_catalogue_ensure()
    version = ModelVersion.objects.select_related("model").get(pk=model_version_id)
    keys = set(version.dimensions.values_list("key", flat=True))
    actions = [
        action
        for action in catalogue_actions_for_generator(catalogue=default)
        if action.dimension_key in keys
    ]
    return catalogue_import(
        model_version=version,
        document=CatalogueDocument(name=f"{default.name} ({version})"[:200], actions=actions),
    )


def _dimensions_from(roadmap: Roadmap, baseline: BaselineForRoadmap | None) -> None:
    goals: Sequence[tuple[str, str, int | None, int | None]] = (
        [(d.key, d.name, d.current_level, d.target_level) for d in baseline.dimensions]
        if baseline is not None
        else default_dimension_goals()
    )
    roadmap.dimensions.all().delete()
    for order, (key, name, current, target) in enumerate(goals, start=1):
        full_save(
            RoadmapDimension(
                roadmap=roadmap,
                key=key,
                name=name,
                order=order,
                current_level=current,
                target_level=target,
            )
        )


@transaction.atomic
def roadmap_levels_refresh(*, roadmap: Roadmap) -> bool:
    """Take the current and target levels again from the baseline; False without one."""
    baseline = roadmap_sources(engagement=roadmap.engagement).baseline
    if baseline is None:
        return False
    _dimensions_from(roadmap, baseline)
    return True


@transaction.atomic
def roadmap_settings_update(
    *,
    roadmap: Roadmap,
    start_year: int,
    start_quarter: int,
    horizon_years: int,
    capacity: int,
    levels: dict[str, tuple[int | None, int | None]],
    generate: bool = False,
) -> Roadmap:
    """Change the planning settings and the (current, target) level per dimension key; with
    ``generate``, generate the roadmap again in the same transaction (a failing generation
    leaves the settings as they were)."""
    roadmap.start_year = start_year
    roadmap.start_quarter = start_quarter
    roadmap.horizon_years = horizon_years
    roadmap.capacity = capacity
    full_save(roadmap)
    for dimension in roadmap.dimensions.all():
        if dimension.key in levels:
            dimension.current_level, dimension.target_level = levels[dimension.key]
            full_save(dimension)
    if generate:
        roadmap_generate(roadmap=roadmap)
    return roadmap


@transaction.atomic
def roadmap_generate(*, roadmap: Roadmap) -> generator.RoadmapPlan:
    """Generate the roadmap again; pinned, hand-made and followed-up actions are kept.

    Generated actions nobody touched are replaced by the new plan. Pinned actions keep
    their quarter (the generator plans around them); removed, done and dropped actions
    are not planned again.
    """
    # Lock the roadmap so two consultants generating at once do not interleave.
    Roadmap.objects.select_for_update().filter(pk=roadmap.pk).first()
    kept = {
        item.action_key: item
        for item in roadmap.items.exclude(action_key="")
        if item.is_pinned or item.is_removed or item.status != ItemStatus.PLANNED
    }
    data = generator_input(
        roadmap=roadmap,
        actions=catalogue_actions_for_generator(catalogue=roadmap.catalogue),
        kept=list(kept.values()),
    )
    # Reasons and warnings are stored and end up in the client's Dutch report: they are
    # written in the portal's language, whatever language the consultant browses in.
    with translation.override(settings.LANGUAGE_CODE):
        plan = generator.generate(data)
    roadmap.items.filter(is_pinned=False, is_removed=False, status=ItemStatus.PLANNED).exclude(
        action_key=""
    ).delete()
    # A pinned action whose step is no longer needed (the level is reached, the vision
    # adopted) leaves the plan: the roadmap never lists what is already done. It can be
    # restored by hand; the consultant is told why it went.
    planned_keys = {scheduled.action.key for scheduled in plan.items}
    stale = [
        item
        for item in kept.values()
        if not item.is_removed
        and item.status == ItemStatus.PLANNED
        and item.action_key not in planned_keys
    ]
    stale_warnings = []
    for item in stale:
        item.is_removed = True
        item.save(update_fields=["is_removed"])
        with translation.override(settings.LANGUAGE_CODE):
            stale_warnings.append(
                {
                    "kind": generator.WarningKind.PINNED,
                    "text": _(
                        "“%(title)s” is no longer needed (its step has been reached) and was "
                        "taken off the roadmap; restore it under “Removed actions” if it "
                        "should stay."
                    )
                    % {"title": item.title},
                    "dimension": item.dimension_key,
                }
            )
    new_items = []
    for scheduled in plan.items:
        reasons = [{"kind": r.kind, "text": r.text} for r in scheduled.reasons]
        existing = kept.get(scheduled.action.key)
        if existing is not None:
            existing.reasons = reasons
            existing.position = scheduled.position
            existing.save(update_fields=["reasons", "position"])
            continue
        item = RoadmapItem(
            roadmap=roadmap,
            action_key=scheduled.action.key,
            dimension_key=scheduled.action.dimension_key,
            from_level=scheduled.action.from_level,
            title=scheduled.action.title,
            description=scheduled.action.description,
            effort=scheduled.action.effort,
            owner=scheduled.action.owner_role,
            start_year=scheduled.start.year,
            start_quarter=scheduled.start.number,
            duration_quarters=scheduled.action.duration_quarters,
            reasons=reasons,
            position=scheduled.position,
        )
        item.full_clean(validate_unique=False)
        new_items.append(item)
    RoadmapItem.objects.bulk_create(new_items)
    roadmap.warnings = [
        {"kind": w.kind, "text": w.text, "dimension": w.dimension_key} for w in plan.warnings
    ] + stale_warnings
    roadmap.generated_at = timezone.now()
    full_save(roadmap)
    return plan


# --- Items -----------------------------------------------------------------------------


@transaction.atomic
def roadmap_item_update(
    *,
    item: RoadmapItem,
    start_year: int,
    start_quarter: int,
    duration_quarters: int,
    owner: str,
    status: str,
    title: str | None = None,
    description: str | None = None,
    pinned: bool = True,
    user: User | None = None,
    cost_euros: int | None = None,
    fte: Decimal | None = None,
) -> RoadmapItem:
    """The consultant's edit of an action: quarter, duration, owner, status; pins it."""
    item.start_year = start_year
    item.start_quarter = start_quarter
    item.duration_quarters = duration_quarters
    item.owner = owner
    if title is not None:
        item.title = title
    if description is not None:
        item.description = description
    if status != item.status:
        item.status = status
        item.status_changed_at = timezone.now()
        item.status_changed_by = user
    item.is_pinned = pinned or item.is_custom
    item.cost_euros = cost_euros
    item.fte = fte
    return full_save(item)


@transaction.atomic
def roadmap_item_add(
    *,
    roadmap: Roadmap,
    dimension_key: str,
    title: str,
    start_year: int,
    start_quarter: int,
    duration_quarters: int = 1,
    description: str = "",
    effort: str = generator.Effort.MEDIUM,
    owner: str = "",
) -> RoadmapItem:
    """An action added by hand; always pinned."""
    last = roadmap.items.order_by("-position").values_list("position", flat=True).first() or 0
    return full_save(
        RoadmapItem(
            roadmap=roadmap,
            dimension_key=dimension_key,
            title=title,
            description=description,
            effort=effort,
            owner=owner,
            start_year=start_year,
            start_quarter=start_quarter,
            duration_quarters=duration_quarters,
            is_pinned=True,
            position=last + 1,
        )
    )


@transaction.atomic
def roadmap_item_remove(*, item: RoadmapItem) -> None:
    """Remove an action: a hand-made one is deleted; a generated one stays out when the
    roadmap is generated again."""
    if item.is_custom:
        item.delete()
        return
    item.is_removed = True
    item.is_pinned = True
    full_save(item)


@transaction.atomic
def roadmap_item_restore(*, item: RoadmapItem) -> RoadmapItem:
    item.is_removed = False
    return full_save(item)


@transaction.atomic
def roadmap_item_status_set(*, item: RoadmapItem, status: str, user: User) -> RoadmapItem:
    """Organisation staff and consultants follow up an action."""
    if status != item.status:
        item.status = status
        item.status_changed_at = timezone.now()
        item.status_changed_by = user
        full_save(item)
    return item


# --- The decision document ---------------------------------------------------------------


@transaction.atomic
def roadmap_document_update(
    *,
    roadmap: Roadmap,
    document_status: str,
    document_version: str,
    texts: dict[str, str],
    drafts: dict[str, str],
) -> Roadmap:
    """Save the document's status, version and narrative texts.

    A text equal to its draft is stored empty, so that it keeps following the data (a
    later baseline or vision updates it); an edited text is kept as written."""
    roadmap.document_status = document_status
    roadmap.document_version = document_version
    for name in NARRATIVE_FIELDS:
        if name not in texts:
            continue
        text = texts[name].replace("\r\n", "\n").strip()
        setattr(roadmap, name, "" if text == drafts.get(name, "").strip() else text)
    return full_save(roadmap)


# --- Documents made in the background -----------------------------------------------------

# A queued or running document older than this is considered lost (a worker died).
EXPORT_STALE_AFTER = datetime.timedelta(minutes=5)


@transaction.atomic
def document_request(*, roadmap: Roadmap, kind: str) -> DocumentExport:
    """The document of the roadmap's current data: made before (status done), or queued.

    Documents of older data are deleted; a failed or lost one is queued again."""
    from roadmap.reports import document_fingerprint
    from roadmap.selectors import roadmap_document
    from roadmap.tasks import document_build

    with translation.override(settings.LANGUAGE_CODE):
        fingerprint = document_fingerprint(roadmap_document(roadmap=roadmap))
    roadmap.exports.filter(kind=kind).exclude(fingerprint=fingerprint).delete()
    export, created = DocumentExport.objects.get_or_create(
        roadmap=roadmap, kind=kind, fingerprint=fingerprint
    )
    lost = (
        export.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)
        and timezone.now() - export.created_at > EXPORT_STALE_AFTER
    )
    if created or export.status == ExportStatus.FAILED or lost:
        if not created:
            export.status = ExportStatus.QUEUED
            export.progress = 0
            export.error = ""
            export.created_at = timezone.now()
            export.save(update_fields=["status", "progress", "error", "created_at"])
        document_build.enqueue(export.pk)
        export.refresh_from_db()
    return export
