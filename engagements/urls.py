from django.urls import path

from engagements import views

app_name = "engagements"

urlpatterns = [
    path("", views.home, name="home"),
    path("trajecten/nieuw/", views.engagement_create, name="engagement_create"),
    path("trajecten/<id:pk>/", views.engagement_detail, name="engagement_detail"),
    path("trajecten/<id:pk>/bewerken/", views.engagement_update, name="engagement_update"),
    path(
        "trajecten/<id:pk>/samenvatting.pdf",
        views.engagement_summary_pdf,
        name="engagement_summary_pdf",
    ),
    path("trajecten/<id:pk>/archief.zip", views.engagement_export, name="engagement_export"),
    path("trajecten/<id:pk>/verwijderen/", views.engagement_delete, name="engagement_delete"),
    path("logboek/", views.audit_log, name="audit_log"),
    path("organisaties/", views.organisation_list, name="organisation_list"),
    path("organisaties/nieuw/", views.organisation_create, name="organisation_create"),
    path("organisaties/<id:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organisaties/<id:pk>/bewerken/", views.organisation_update, name="organisation_update"),
    path("organisaties/<id:pk>/logo/", views.organisation_logo, name="organisation_logo"),
    path(
        "organisaties/<id:pk>/medewerkers/uitnodigen/",
        views.staff_invite,
        name="staff_invite",
    ),
    path(
        "organisaties/<id:pk>/uitnodigingen/<id:invitation_pk>/opnieuw/",
        views.staff_invitation_resend,
        name="staff_invitation_resend",
    ),
    path(
        "organisaties/<id:pk>/uitnodigingen/<id:invitation_pk>/intrekken/",
        views.staff_invitation_revoke,
        name="staff_invitation_revoke",
    ),
]
