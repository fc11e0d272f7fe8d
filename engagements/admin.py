from django.contrib import admin

from engagements.models import Engagement, Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "cbs_code", "is_client")
    list_filter = ("is_client",)
    search_fields = ("name", "cbs_code")
    inlines = [MembershipInline]


@admin.register(Engagement)
class EngagementAdmin(admin.ModelAdmin):
    list_display = ("title", "organisation", "status", "starts_on", "ends_on")
    list_filter = ("status",)
    search_fields = ("title", "organisation__name")
    list_select_related = ("organisation",)
    filter_horizontal = ("consultants",)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "job_title")
    list_select_related = ("user", "organisation")
    search_fields = ("user__username", "organisation__name")
