from django.urls import path

from baseline import views

app_name = "baseline"

urlpatterns = [
    path("traject/<id:engagement_pk>/", views.assessment_list, name="assessment_list"),
    path("traject/<id:engagement_pk>/nieuw/", views.assessment_create, name="assessment_create"),
    path("meting/<id:pk>/", views.assessment_detail, name="assessment_detail"),
    path("meting/<id:pk>/planning/", views.assessment_schedule, name="assessment_schedule"),
    path("meting/<id:pk>/uitnodigen/", views.respondent_invite, name="respondent_invite"),
    path("meting/<id:pk>/meedoen/", views.respondent_join, name="respondent_join"),
    path(
        "respondent/<id:pk>/opnieuw-versturen/",
        views.respondent_resend,
        name="respondent_resend",
    ),
    path("meting/<id:pk>/status/", views.assessment_status, name="assessment_status"),
    path("meting/<id:pk>/doelen/", views.assessment_scores, name="assessment_scores"),
    path("meting/<id:pk>/resultaten/", views.assessment_results, name="assessment_results"),
    path("meting/<id:pk>/rapport.pdf", views.assessment_report, name="assessment_report"),
    path("invullen/<token:token>/", views.respond_start, name="respond_start"),
    path(
        "invullen/<token:token>/opslaan/<id:question_pk>/",
        views.respond_autosave,
        name="respond_autosave",
    ),
    path("invullen/<token:token>/afronden/", views.respond_finish, name="respond_finish"),
    path("invullen/<token:token>/<key:key>/", views.respond_dimension, name="respond_dimension"),
    path("modellen/", views.model_list, name="model_list"),
    path("modellen/importeren/", views.model_import, name="model_import"),
    path("modellen/<id:pk>/", views.model_detail, name="model_detail"),
    path("versies/<id:pk>/", views.version_detail, name="version_detail"),
    path("versies/<id:pk>/export.json", views.version_export, name="version_export"),
    path("versies/<id:pk>/bewerken/", views.version_edit, name="version_edit"),
    path("versies/<id:pk>/niveaus/", views.version_levels_edit, name="version_levels_edit"),
    path("versies/<id:pk>/niveaus/toevoegen/", views.version_level_add, name="version_level_add"),
    path(
        "versies/<id:pk>/niveaus/verwijderen/",
        views.version_level_remove,
        name="version_level_remove",
    ),
    path("versies/<id:pk>/volgorde/", views.version_order_edit, name="version_order_edit"),
    path("versies/<id:pk>/nieuwe-dimensie/", views.dimension_create, name="dimension_create"),
    path("versies/<id:pk>/dimensies/<key:key>/", views.dimension_edit, name="dimension_edit"),
    path(
        "versies/<id:pk>/dimensies/<key:key>/verwijderen/",
        views.dimension_remove,
        name="dimension_remove",
    ),
]
