from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from kring.api.api import api
from kring.core.health import healthz
from kring.core.views import floor, layout

urlpatterns = [
    path("", include("kring.feeds.urls")),
    path("", include("kring.topics.urls")),  # issue 4; before people: people/autocomplete/
    path("", include("kring.follows.urls")),  # issue 4
    path("", include("kring.people.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("kring.files.urls")),  # issue 5: file libraries
    path("groups/", include("kring.groups.urls")),
    path("posts/", include("kring.posts.urls")),
    path("notifications/", include("kring.notifications.urls")),
    path("messages/", include("kring.conversations.urls")),  # issue 4: private conversations
    path("posts/", include("kring.reactions.urls")),  # issue 4: reactions and praise
    path("announcements/", include("kring.announcements.urls")),  # issue 4
    path("posts/", include("kring.polls.urls")),  # issue 4: polls
    path("questions/", include("kring.questions.urls")),  # issue 5: questions
    path("knowledge/", include("kring.knowledge.urls")),  # issue 5: the knowledge base
    path("", include("kring.realtime.urls")),
    path("search/", include("kring.search.urls")),  # issue 5: search over everything
    path("experts/", include("kring.experts.urls")),  # issue 5: who knows this
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]

# The benchmark's floor (bench/README.md): a trivial page, only when benchmarking.
if settings.KRING_BENCH_FLOOR:
    urlpatterns.append(path("bench/floor/", floor, name="bench_floor"))
    urlpatterns.append(path("bench/layout/", layout, name="bench_layout"))

handler404 = "kring.core.views.page_not_found"
handler500 = "kring.core.views.server_error"
