from django.urls import path

from surveys import views

app_name = "surveys"

urlpatterns = [
    # Authoring (consultants); the engagement's surveys and templates.
    path("traject/<int:engagement_pk>/", views.survey_list, name="survey_list"),
    path("traject/<int:engagement_pk>/nieuw/", views.survey_create, name="survey_create"),
    path("traject/<int:engagement_pk>/importeren/", views.survey_import, name="survey_import"),
    path("sjablonen/", views.template_list_view, name="template_list"),
    path("sjablonen/<int:pk>/kopieren/", views.template_copy, name="template_copy"),
    path("<int:pk>/", views.survey_detail, name="survey_detail"),
    path("<int:pk>/instellingen/", views.survey_update, name="survey_update"),
    path("<int:pk>/verwijderen/", views.survey_delete, name="survey_delete"),
    path("<int:pk>/status/", views.survey_status, name="survey_status"),
    path("<int:pk>/export.json", views.survey_export, name="survey_export"),
    path("<int:pk>/als-sjabloon/", views.survey_save_as_template, name="survey_save_as_template"),
    path("<int:pk>/voorbeeld/<int:number>/", views.preview, name="preview"),
    path("<int:pk>/paginas/nieuw/", views.page_create, name="page_create"),
    path("pagina/<int:pk>/bewerken/", views.page_update, name="page_update"),
    path("pagina/<int:pk>/verwijderen/", views.page_delete, name="page_delete"),
    path("pagina/<int:pk>/verplaatsen/", views.page_move, name="page_move"),
    path("pagina/<int:pk>/vragen/nieuw/", views.question_create, name="question_create"),
    path("vraag/<int:pk>/bewerken/", views.question_update, name="question_update"),
    path("vraag/<int:pk>/verwijderen/", views.question_delete, name="question_delete"),
    path("vraag/<int:pk>/verplaatsen/", views.question_move, name="question_move"),
    # Distribution.
    path("<int:pk>/uitnodigingen/", views.invitations, name="invitations"),
    path("<int:pk>/herinneringen/", views.invitation_reminders, name="invitation_reminders"),
    path("uitnodiging/<int:pk>/intrekken/", views.invitation_delete, name="invitation_delete"),
    path("uitnodiging/<int:pk>/opnieuw/", views.invitation_resend, name="invitation_resend"),
    # Results.
    path("<int:pk>/resultaten/", views.results, name="results"),
    path("<int:pk>/resultaten.csv", views.results_csv, name="results_csv"),
    path("<int:pk>/resultaten.xlsx", views.results_xlsx, name="results_xlsx"),
    path("<int:pk>/rapport.pdf", views.results_pdf, name="results_pdf"),
    path("vraag/<int:pk>/antwoorden/", views.question_answers, name="question_answers"),
    path("vraag/<int:pk>/uitlichten/", views.highlight_toggle, name="highlight_toggle"),
    path("antwoord/<int:pk>/citaat/", views.quote_toggle, name="quote_toggle"),
    # Respondents (no account; an unguessable token).
    path("invullen/<str:token>/", views.respond, name="respond"),
    path("invullen/<str:token>/<int:number>/", views.respond_page, name="respond_page"),
    path(
        "invullen/<str:token>/antwoord/<int:question_pk>/",
        views.respond_answer,
        name="respond_answer",
    ),
    path("open/<str:token>/", views.open_link, name="open_link"),
    path("<int:pk>/bedankt/", views.thanks, name="thanks"),
]
