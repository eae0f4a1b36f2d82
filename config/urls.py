from django.contrib import admin
from django.urls import include, path

from kring.api.api import api

urlpatterns = [
    path("", include("kring.feeds.urls")),
    path("", include("kring.people.urls")),
    path("accounts/", include("allauth.urls")),
    path("groups/", include("kring.groups.urls")),
    path("posts/", include("kring.posts.urls")),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler404 = "kring.core.views.page_not_found"
handler500 = "kring.core.views.server_error"
