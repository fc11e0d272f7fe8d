from django.urls import path

from workshops import kind_views, views

app_name = "workshops"

urlpatterns = [
    # Preparing (engagement viewers read, managers write).
    path("traject/<id:engagement_pk>/", views.session_list, name="session_list"),
    path("traject/<id:engagement_pk>/nieuw/", views.session_create, name="session_create"),
    path(
        "traject/<id:engagement_pk>/eigen-product/",
        views.own_product_create,
        name="own_product_create",
    ),
    path("<id:pk>/", views.session_detail, name="session_detail"),
    path("<id:pk>/agenda/nieuw/", views.item_create, name="item_create"),
    path("<id:pk>/agenda/<id:item_pk>/", views.item_update, name="item_update"),
    path("<id:pk>/agenda/<id:item_pk>/verwijderen/", views.item_delete, name="item_delete"),
    path("<id:pk>/agenda/<id:item_pk>/verplaatsen/", views.item_move, name="item_move"),
    path("<id:pk>/voorbeelden/", views.gallery, name="gallery"),
    path(
        "<id:pk>/voorbeelden/<id:example_pk>/kiezen/",
        views.example_toggle,
        name="example_toggle",
    ),
    # Running (managers only).
    path("<id:pk>/regie/", views.facilitator, name="facilitator"),
    path("<id:pk>/regie/live/", views.facilitator_fragment, name="facilitator_fragment"),
    path("<id:pk>/regie/actie/", views.control, name="control"),
    path("<id:pk>/scherm/", views.projector, name="projector"),
    path("<id:pk>/scherm/live/", views.projector_fragment, name="projector_fragment"),
    # Results (engagement viewers, the client's staff included).
    path("<id:pk>/verslag.pdf", views.report_pdf, name="report_pdf"),
    path("<id:pk>/stemmen.csv", views.votes_csv, name="votes_csv"),
    path("<id:pk>/stemmen.xlsx", views.votes_xlsx, name="votes_xlsx"),
    # Participants: no account, a join code and a cookie.
    path("doe-mee/", views.join, name="join"),
    path("doe-mee/<code:code>/", views.join_session, name="join_session"),
    path("live/<code:code>/", views.participant, name="participant"),
    path("live/<code:code>/scherm/", views.participant_fragment, name="participant_fragment"),
    path("live/<code:code>/status.json", views.live_state, name="live_state"),
    path("live/<code:code>/mij.json", views.own_answers, name="own_answers"),
    path("live/<code:code>/stem/", views.vote, name="vote"),
    path("live/<code:code>/relevant/", views.mark, name="mark"),
    path("live/<code:code>/visie/", views.endorse, name="endorse"),
    path("live/<code:code>/ambassadeur/", views.ambassador, name="ambassador"),
    # The interactive kinds, the prepared vision, exports and gallery pictures.
    path("live/<code:code>/antwoord/", kind_views.contribute, name="contribute"),
    path("live/<code:code>/steun/", kind_views.upvote, name="upvote"),
    path("live/<code:code>/peiling/", kind_views.poll_vote, name="poll_vote"),
    path("live/<code:code>/rangorde/", kind_views.ranking, name="ranking"),
    path(
        "live/<code:code>/afbeelding/<id:item_pk>/",
        kind_views.item_picture,
        name="item_picture",
    ),
    path(
        "<id:pk>/regie/antwoord/<id:contribution_pk>/",
        kind_views.contribution_hide,
        name="contribution_hide",
    ),
    path(
        "<id:pk>/regie/rangorde/<id:item_pk>/",
        kind_views.ranking_apply,
        name="ranking_apply",
    ),
    path(
        "<id:pk>/visie/<id:statement_pk>/",
        kind_views.vision_statement_edit,
        name="vision_statement_edit",
    ),
    path("<id:pk>/visie/nieuw/", kind_views.vision_statement_prepare, name="vision_prepare"),
    path("<id:pk>/interacties.csv", kind_views.interactions_csv, name="interactions_csv"),
    path("<id:pk>/interacties.xlsx", kind_views.interactions_xlsx, name="interactions_xlsx"),
    path(
        "<id:pk>/voorbeelden/<id:example_pk>/afbeelding/",
        kind_views.gallery_picture,
        name="gallery_picture",
    ),
    path(
        "<id:pk>/voorbeelden/<id:example_pk>/afbeelding/wijzigen/",
        kind_views.gallery_picture_set,
        name="gallery_picture_set",
    ),
]
