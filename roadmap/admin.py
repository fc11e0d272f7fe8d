from django.contrib import admin

from roadmap.models import (
    ActionCatalogue,
    CatalogueAction,
    LevelRule,
    Roadmap,
    RoadmapDimension,
    RoadmapItem,
)


class CatalogueActionInline(admin.TabularInline):
    model = CatalogueAction
    fields = ["key", "dimension_key", "from_level", "title", "effort", "duration_quarters"]
    extra = 0
    show_change_link = True


@admin.register(ActionCatalogue)
class ActionCatalogueAdmin(admin.ModelAdmin):
    list_display = ["name", "model_version", "updated_at"]
    list_select_related = ["model_version__model"]
    inlines = [CatalogueActionInline]


class LevelRuleInline(admin.TabularInline):
    model = LevelRule
    extra = 0


@admin.register(CatalogueAction)
class CatalogueActionAdmin(admin.ModelAdmin):
    list_display = ["title", "key", "dimension_key", "from_level", "effort", "catalogue"]
    list_filter = ["catalogue", "dimension_key", "from_level", "effort"]
    search_fields = ["title", "key"]
    filter_horizontal = ["prerequisites"]
    inlines = [LevelRuleInline]


class RoadmapDimensionInline(admin.TabularInline):
    model = RoadmapDimension
    extra = 0


@admin.register(Roadmap)
class RoadmapAdmin(admin.ModelAdmin):
    list_display = ["engagement", "start_year", "horizon_years", "capacity", "generated_at"]
    list_select_related = ["engagement__organisation"]
    inlines = [RoadmapDimensionInline]


@admin.register(RoadmapItem)
class RoadmapItemAdmin(admin.ModelAdmin):
    list_display = ["title", "roadmap", "start_year", "start_quarter", "status", "is_pinned"]
    list_filter = ["status", "is_pinned", "is_removed"]
    list_select_related = ["roadmap__engagement__organisation"]
    search_fields = ["title", "owner"]
