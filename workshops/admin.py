from django.contrib import admin

from workshops.models import (
    AgendaItem,
    Ambassador,
    Example,
    Participant,
    Session,
    VisionStatement,
)


@admin.register(Example)
class ExampleAdmin(admin.ModelAdmin):
    list_display = ("title", "municipality", "task", "complexity", "engagement")
    list_filter = ("task", "complexity")
    search_fields = ("title", "municipality")
    list_select_related = ("engagement",)


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ("position", "part", "kind", "title", "example", "round_number")
    autocomplete_fields = ["example"]


class VisionStatementInline(admin.TabularInline):
    model = VisionStatement
    extra = 0


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ("title", "engagement", "held_on", "status", "join_code")
    list_filter = ("status",)
    search_fields = ("title", "engagement__title", "join_code")
    list_select_related = ("engagement",)
    readonly_fields = ("join_code", "version", "current_item")
    inlines = [AgendaItemInline, VisionStatementInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ("__str__", "department", "session", "joined_at")
    list_select_related = ("session",)
    exclude = ("token_hash",)


@admin.register(Ambassador)
class AmbassadorAdmin(admin.ModelAdmin):
    list_display = ("name", "department", "session")
    list_select_related = ("session",)
