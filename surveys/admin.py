from django.contrib import admin

from surveys.models import Invitation, Page, Question, Survey


class PageInline(admin.TabularInline):
    model = Page
    extra = 0


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "engagement", "status", "opens_at", "closes_at"]
    list_filter = ["status"]
    search_fields = ["title"]
    inlines = [PageInline]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "page", "position", "required"]
    list_filter = ["kind"]
    search_fields = ["text"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    # Responses and answers are deliberately not in the admin: results are anonymous.
    list_display = ["name", "email", "survey", "status", "reminder_count"]
    list_filter = ["status"]
    search_fields = ["name", "email"]
    readonly_fields = ["response"]  # the link's token is stored hashed and sealed, never shown
