from django.urls import path

from roadmap import views

app_name = "roadmap"

urlpatterns = [
    path("traject/<id:engagement_pk>/", views.roadmap_detail, name="roadmap_detail"),
    path("traject/<id:engagement_pk>/opstellen/", views.roadmap_create, name="roadmap_create"),
    path(
        "traject/<id:engagement_pk>/instellingen/",
        views.roadmap_settings,
        name="roadmap_settings",
    ),
    path("traject/<id:engagement_pk>/genereren/", views.roadmap_generate, name="roadmap_generate"),
    path(
        "traject/<id:engagement_pk>/niveaus-ophalen/",
        views.roadmap_levels_refresh,
        name="roadmap_levels_refresh",
    ),
    path("traject/<id:engagement_pk>/routeplan.xlsx", views.roadmap_xlsx, name="roadmap_xlsx"),
    path(
        "traject/<id:engagement_pk>/visie-en-routeplan.pdf",
        views.report_pdf,
        name="report_pdf",
    ),
    path(
        "traject/<id:engagement_pk>/visie-en-routeplan.docx",
        views.report_docx,
        name="report_docx",
    ),
    path(
        "traject/<id:engagement_pk>/document/<key:kind>/status/",
        views.document_status,
        name="document_status",
    ),
    path("traject/<id:engagement_pk>/document/", views.document_edit, name="document_edit"),
    path("traject/<id:engagement_pk>/acties/nieuw/", views.item_create, name="item_create"),
    path("acties/<id:pk>/bewerken/", views.item_update, name="item_update"),
    path("acties/<id:pk>/verwijderen/", views.item_remove, name="item_remove"),
    path("acties/<id:pk>/terugzetten/", views.item_restore, name="item_restore"),
    path("acties/<id:pk>/status/", views.item_status, name="item_status"),
    path("catalogi/", views.catalogue_list_view, name="catalogue_list"),
    path("catalogi/<id:pk>/", views.catalogue_detail, name="catalogue_detail"),
    path(
        "catalogi/<id:pk>/acties/nieuw/",
        views.catalogue_action_create,
        name="catalogue_action_create",
    ),
    path(
        "catalogi/acties/<id:pk>/bewerken/",
        views.catalogue_action_update,
        name="catalogue_action_update",
    ),
    path(
        "catalogi/acties/<id:pk>/verwijderen/",
        views.catalogue_action_delete,
        name="catalogue_action_delete",
    ),
    path("catalogi/<id:pk>/export.json", views.catalogue_export, name="catalogue_export"),
    path("catalogi/<id:pk>/importeren/", views.catalogue_import, name="catalogue_import"),
]
