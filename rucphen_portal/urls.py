from django.contrib import admin
from django.urls import include, path

from rucphen_portal import views

urlpatterns = [
    path("", include("engagements.urls")),
    path("account/", include("accounts.urls")),
    path("enquete/", include("surveys.urls")),
    path("sessie/", include("workshops.urls")),
    path("nulmeting/", include("baseline.urls")),
    path("routeplan/", include("roadmap.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.healthz, name="healthz"),
    path("livez", views.livez, name="livez"),
    path("beheer/", admin.site.urls),
    path("favicon.ico", views.favicon),
]

handler403 = "rucphen_portal.views.permission_denied"
handler404 = "rucphen_portal.views.page_not_found"
handler500 = "rucphen_portal.views.server_error"
