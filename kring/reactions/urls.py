from django.urls import path

from kring.reactions import views

# Included under /posts/ next to kring.posts.urls.
app_name = "reactions"
urlpatterns = [
    path("<int:pk>/react/", views.post_react, name="post_react"),
    path("<int:pk>/reactions/", views.post_reactors, name="post_reactors"),
    path("<int:pk>/reactions/bar/", views.post_bar, name="post_bar"),
    path("replies/<int:pk>/react/", views.reply_react, name="reply_react"),
    path("replies/<int:pk>/reactions/", views.reply_reactors, name="reply_reactors"),
    path("replies/<int:pk>/reactions/bar/", views.reply_bar, name="reply_bar"),
    path("praise/people/", views.praise_people, name="praise_people"),
]
