from django.urls import path

from baseline import views

app_name = "baseline"

urlpatterns = [
    path("traject/<int:engagement_pk>/", views.assessment_list, name="assessment_list"),
    path("traject/<int:engagement_pk>/nieuw/", views.assessment_create, name="assessment_create"),
    path("meting/<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path("meting/<int:pk>/uitnodigen/", views.respondent_invite, name="respondent_invite"),
    path("meting/<int:pk>/meedoen/", views.respondent_join, name="respondent_join"),
    path(
        "respondent/<int:pk>/opnieuw-versturen/",
        views.respondent_resend,
        name="respondent_resend",
    ),
    path("meting/<int:pk>/status/", views.assessment_status, name="assessment_status"),
    path("meting/<int:pk>/doelen/", views.assessment_scores, name="assessment_scores"),
    path("meting/<int:pk>/resultaten/", views.assessment_results, name="assessment_results"),
    path("meting/<int:pk>/rapport.pdf", views.assessment_report, name="assessment_report"),
    path("invullen/<str:token>/", views.respond_start, name="respond_start"),
    path("invullen/<str:token>/opslaan/", views.respond_autosave, name="respond_autosave"),
    path("invullen/<str:token>/afronden/", views.respond_finish, name="respond_finish"),
    path("invullen/<str:token>/<slug:key>/", views.respond_dimension, name="respond_dimension"),
    path("modellen/", views.model_list, name="model_list"),
    path("modellen/importeren/", views.model_import, name="model_import"),
    path("modellen/<int:pk>/", views.model_detail, name="model_detail"),
    path("versies/<int:pk>/", views.version_detail, name="version_detail"),
    path("versies/<int:pk>/export.json", views.version_export, name="version_export"),
    path("versies/<int:pk>/bewerken/", views.version_edit, name="version_edit"),
]
