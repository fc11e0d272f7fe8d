from django.contrib import admin

from baseline.models import (
    Answer,
    AnswerOption,
    Assessment,
    Dimension,
    DimensionScore,
    Level,
    LevelDescriptor,
    MaturityModel,
    ModelVersion,
    Question,
    Respondent,
)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class VersionInline(ReadOnlyInline):
    model = ModelVersion
    readonly_fields = ("number", "changelog", "created_at")
    fields = readonly_fields


@admin.register(MaturityModel)
class MaturityModelAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "created_at"]
    search_fields = ["name", "key"]
    inlines = [VersionInline]


class LevelInline(ReadOnlyInline):
    model = Level
    readonly_fields = ("number", "name", "description")
    fields = readonly_fields


class DimensionInline(ReadOnlyInline):
    model = Dimension
    readonly_fields = ("order", "key", "name", "sources")
    fields = readonly_fields


@admin.register(ModelVersion)
class ModelVersionAdmin(admin.ModelAdmin):
    """Versions are read-only here: a change is made as a new version (import/edit page)."""

    list_display = ["model", "number", "created_at"]
    list_select_related = ["model"]
    readonly_fields = ["model", "number", "changelog", "created_at"]
    inlines = [LevelInline, DimensionInline]

    def has_add_permission(self, request):
        return False


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["title", "engagement", "version", "measured_on", "status"]
    list_filter = ["status"]
    list_select_related = ["engagement__organisation", "version__model"]
    readonly_fields = ["created_at", "closed_at"]


@admin.register(Respondent)
class RespondentAdmin(admin.ModelAdmin):
    list_display = ["assessment", "number", "role", "submitted_at"]
    list_select_related = ["assessment"]
    readonly_fields = ["invited_at", "submitted_at"]


@admin.register(DimensionScore)
class DimensionScoreAdmin(admin.ModelAdmin):
    list_display = ["assessment", "dimension", "target_level", "consensus_level"]
    list_select_related = ["assessment", "dimension"]


# Registered read-only for inspection; answers change only through the services.
for read_only_model in (Dimension, LevelDescriptor, Question, AnswerOption, Answer, Level):

    @admin.register(read_only_model)
    class _ReadOnlyAdmin(admin.ModelAdmin):
        def has_add_permission(self, request):
            return False

        def has_change_permission(self, request, obj=None):
            return False

        def has_delete_permission(self, request, obj=None):
            return False
