from django.urls import path

from surveys import views

app_name = "surveys"

urlpatterns = [
    # Authoring (consultants); the engagement's surveys and templates.
    path("traject/<id:engagement_pk>/", views.survey_list, name="survey_list"),
    path("traject/<id:engagement_pk>/nieuw/", views.survey_create, name="survey_create"),
    path("traject/<id:engagement_pk>/importeren/", views.survey_import, name="survey_import"),
    path("sjablonen/", views.template_list_view, name="template_list"),
    path("sjablonen/<id:pk>/kopieren/", views.template_copy, name="template_copy"),
    path("<id:pk>/", views.survey_detail, name="survey_detail"),
    path("<id:pk>/instellingen/", views.survey_update, name="survey_update"),
    path("<id:pk>/verwijderen/", views.survey_delete, name="survey_delete"),
    path("<id:pk>/status/", views.survey_status, name="survey_status"),
    path("<id:pk>/export.json", views.survey_export, name="survey_export"),
    path("<id:pk>/als-sjabloon/", views.survey_save_as_template, name="survey_save_as_template"),
    path("<id:pk>/voorbeeld/<id:number>/", views.preview, name="preview"),
    path("<id:pk>/paginas/nieuw/", views.page_create, name="page_create"),
    path("pagina/<id:pk>/bewerken/", views.page_update, name="page_update"),
    path("pagina/<id:pk>/verwijderen/", views.page_delete, name="page_delete"),
    path("pagina/<id:pk>/verplaatsen/", views.page_move, name="page_move"),
    path("pagina/<id:pk>/vragen/nieuw/", views.question_create, name="question_create"),
    path("vraag/<id:pk>/bewerken/", views.question_update, name="question_update"),
    path("vraag/<id:pk>/verwijderen/", views.question_delete, name="question_delete"),
    path("vraag/<id:pk>/verplaatsen/", views.question_move, name="question_move"),
    # Distribution.
    path("<id:pk>/uitnodigingen/", views.invitations, name="invitations"),
    path("<id:pk>/herinneringen/", views.invitation_reminders, name="invitation_reminders"),
    path("uitnodiging/<id:pk>/intrekken/", views.invitation_delete, name="invitation_delete"),
    path("uitnodiging/<id:pk>/opnieuw/", views.invitation_resend, name="invitation_resend"),
    # Results.
    path("<id:pk>/resultaten/", views.results, name="results"),
    path("<id:pk>/resultaten.csv", views.results_csv, name="results_csv"),
    path("<id:pk>/resultaten.xlsx", views.results_xlsx, name="results_xlsx"),
    path("<id:pk>/rapport.pdf", views.results_pdf, name="results_pdf"),
    path("vraag/<id:pk>/antwoorden/", views.question_answers, name="question_answers"),
    path("vraag/<id:pk>/uitlichten/", views.highlight_toggle, name="highlight_toggle"),
    path("antwoord/<id:pk>/citaat/", views.quote_toggle, name="quote_toggle"),
    # Respondents (no account; an unguessable token).
    path("invullen/<token:token>/", views.respond, name="respond"),
    path("invullen/<token:token>/<id:number>/", views.respond_page, name="respond_page"),
    path(
        "invullen/<token:token>/antwoord/<id:question_pk>/",
        views.respond_answer,
        name="respond_answer",
    ),
    path("open/<token:token>/", views.open_link, name="open_link"),
    path("<id:pk>/bedankt/", views.thanks, name="thanks"),
]
