from django.urls import path

from workshops import kind_views, views

app_name = "workshops"

urlpatterns = [
    # Preparing (engagement viewers read, managers write).
    path("traject/<int:engagement_pk>/", views.session_list, name="session_list"),
    path("traject/<int:engagement_pk>/nieuw/", views.session_create, name="session_create"),
    path(
        "traject/<int:engagement_pk>/eigen-product/",
        views.own_product_create,
        name="own_product_create",
    ),
    path("<int:pk>/", views.session_detail, name="session_detail"),
    path("<int:pk>/agenda/nieuw/", views.item_create, name="item_create"),
    path("<int:pk>/agenda/<int:item_pk>/", views.item_update, name="item_update"),
    path("<int:pk>/agenda/<int:item_pk>/verwijderen/", views.item_delete, name="item_delete"),
    path("<int:pk>/agenda/<int:item_pk>/verplaatsen/", views.item_move, name="item_move"),
    path("<int:pk>/voorbeelden/", views.gallery, name="gallery"),
    path(
        "<int:pk>/voorbeelden/<int:example_pk>/kiezen/",
        views.example_toggle,
        name="example_toggle",
    ),
    # Running (managers only).
    path("<int:pk>/regie/", views.facilitator, name="facilitator"),
    path("<int:pk>/regie/live/", views.facilitator_fragment, name="facilitator_fragment"),
    path("<int:pk>/regie/actie/", views.control, name="control"),
    path("<int:pk>/scherm/", views.projector, name="projector"),
    path("<int:pk>/scherm/live/", views.projector_fragment, name="projector_fragment"),
    # Results (engagement viewers, the client's staff included).
    path("<int:pk>/verslag.pdf", views.report_pdf, name="report_pdf"),
    path("<int:pk>/stemmen.csv", views.votes_csv, name="votes_csv"),
    path("<int:pk>/stemmen.xlsx", views.votes_xlsx, name="votes_xlsx"),
    # Participants: no account, a join code and a cookie.
    path("doe-mee/", views.join, name="join"),
    path("doe-mee/<str:code>/", views.join_session, name="join_session"),
    path("live/<str:code>/", views.participant, name="participant"),
    path("live/<str:code>/scherm/", views.participant_fragment, name="participant_fragment"),
    path("live/<str:code>/status.json", views.live_state, name="live_state"),
    path("live/<str:code>/mij.json", views.own_answers, name="own_answers"),
    path("live/<str:code>/stem/", views.vote, name="vote"),
    path("live/<str:code>/relevant/", views.mark, name="mark"),
    path("live/<str:code>/visie/", views.endorse, name="endorse"),
    path("live/<str:code>/ambassadeur/", views.ambassador, name="ambassador"),
    # The interactive kinds, the prepared vision, exports and gallery pictures.
    path("live/<str:code>/antwoord/", kind_views.contribute, name="contribute"),
    path("live/<str:code>/steun/", kind_views.upvote, name="upvote"),
    path("live/<str:code>/peiling/", kind_views.poll_vote, name="poll_vote"),
    path("live/<str:code>/rangorde/", kind_views.ranking, name="ranking"),
    path("live/<str:code>/eigen.json", kind_views.own_state, name="own_state"),
    path(
        "live/<str:code>/afbeelding/<int:item_pk>/",
        kind_views.item_picture,
        name="item_picture",
    ),
    path(
        "<int:pk>/regie/antwoord/<int:contribution_pk>/",
        kind_views.contribution_hide,
        name="contribution_hide",
    ),
    path(
        "<int:pk>/regie/rangorde/<int:item_pk>/",
        kind_views.ranking_apply,
        name="ranking_apply",
    ),
    path(
        "<int:pk>/visie/<int:statement_pk>/",
        kind_views.vision_statement_edit,
        name="vision_statement_edit",
    ),
    path("<int:pk>/visie/nieuw/", kind_views.vision_statement_prepare, name="vision_prepare"),
    path("<int:pk>/interacties.csv", kind_views.interactions_csv, name="interactions_csv"),
    path("<int:pk>/interacties.xlsx", kind_views.interactions_xlsx, name="interactions_xlsx"),
    path(
        "<int:pk>/voorbeelden/<int:example_pk>/afbeelding/",
        kind_views.gallery_picture,
        name="gallery_picture",
    ),
    path(
        "<int:pk>/voorbeelden/<int:example_pk>/afbeelding/wijzigen/",
        kind_views.gallery_picture_set,
        name="gallery_picture_set",
    ),
]
