from django.urls import path

from kring.posts import views

app_name = "posts"
urlpatterns = [
    path("new/", views.post_create, name="create"),
    path("preview/", views.markdown_preview, name="preview"),
    path("<int:pk>/", views.post_detail, name="detail"),
    path("<int:pk>/edit/", views.post_edit, name="edit"),
    path("<int:pk>/delete/", views.post_delete, name="delete"),
    path("<int:pk>/replies/", views.reply_create, name="reply"),
    path("<int:pk>/replies/new/", views.replies_new, name="replies_new"),
    path("replies/<int:pk>/", views.reply_permalink, name="reply_permalink"),
    path("replies/<int:pk>/edit/", views.reply_edit, name="reply_edit"),
    path("replies/<int:pk>/delete/", views.reply_delete, name="reply_delete"),
]
