from django.urls import path

from kring.knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("", views.knowledge_index, name="company"),
    path("new/", views.page_new, name="new"),
    path("folders/new/", views.folder_create, name="folder_create"),
    path("folders/<int:pk>/move/", views.folder_move, name="folder_move"),
    path("groups/<slug:slug>/", views.knowledge_index, name="group"),
    path("groups/<slug:slug>/new/", views.page_new, name="group_new"),
    path("groups/<slug:slug>/folders/new/", views.folder_create, name="group_folder_create"),
    path("from-post/<int:post_pk>/", views.page_from_post, name="from_post"),
    path("from-answer/<int:post_pk>/", views.page_from_answer, name="from_answer"),
    path("pages/<int:pk>/", views.page_detail, name="page"),
    path("pages/<int:pk>/edit/", views.page_edit, name="edit"),
    path("pages/<int:pk>/confirm/", views.page_confirm, name="confirm"),
    path("pages/<int:pk>/history/", views.page_history, name="history"),
    path("pages/<int:pk>/diff/", views.page_diff, name="diff"),
    path("pages/<int:pk>/restore/<int:number>/", views.page_restore, name="restore"),
]
