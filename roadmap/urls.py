from django.urls import path

from roadmap import views

app_name = "roadmap"

urlpatterns = [
    path("traject/<int:engagement_pk>/", views.roadmap_detail, name="roadmap_detail"),
    path("traject/<int:engagement_pk>/opstellen/", views.roadmap_create, name="roadmap_create"),
    path(
        "traject/<int:engagement_pk>/instellingen/",
        views.roadmap_settings,
        name="roadmap_settings",
    ),
    path("traject/<int:engagement_pk>/genereren/", views.roadmap_generate, name="roadmap_generate"),
    path(
        "traject/<int:engagement_pk>/niveaus-ophalen/",
        views.roadmap_levels_refresh,
        name="roadmap_levels_refresh",
    ),
    path("traject/<int:engagement_pk>/routeplan.xlsx", views.roadmap_xlsx, name="roadmap_xlsx"),
    path(
        "traject/<int:engagement_pk>/visie-en-routeplan.pdf",
        views.report_pdf,
        name="report_pdf",
    ),
    path(
        "traject/<int:engagement_pk>/visie-en-routeplan.docx",
        views.report_docx,
        name="report_docx",
    ),
    path(
        "traject/<int:engagement_pk>/document/<str:kind>/status/",
        views.document_status,
        name="document_status",
    ),
    path("traject/<int:engagement_pk>/document/", views.document_edit, name="document_edit"),
    path("traject/<int:engagement_pk>/acties/nieuw/", views.item_create, name="item_create"),
    path("acties/<int:pk>/bewerken/", views.item_update, name="item_update"),
    path("acties/<int:pk>/verwijderen/", views.item_remove, name="item_remove"),
    path("acties/<int:pk>/terugzetten/", views.item_restore, name="item_restore"),
    path("acties/<int:pk>/status/", views.item_status, name="item_status"),
    path("catalogi/", views.catalogue_list_view, name="catalogue_list"),
    path("catalogi/<int:pk>/", views.catalogue_detail, name="catalogue_detail"),
    path(
        "catalogi/<int:pk>/acties/nieuw/",
        views.catalogue_action_create,
        name="catalogue_action_create",
    ),
    path(
        "catalogi/acties/<int:pk>/bewerken/",
        views.catalogue_action_update,
        name="catalogue_action_update",
    ),
    path(
        "catalogi/acties/<int:pk>/verwijderen/",
        views.catalogue_action_delete,
        name="catalogue_action_delete",
    ),
    path("catalogi/<int:pk>/export.json", views.catalogue_export, name="catalogue_export"),
    path("catalogi/<int:pk>/importeren/", views.catalogue_import, name="catalogue_import"),
]
