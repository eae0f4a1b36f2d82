from django.urls import path

from kring.files import views

# Included at the root: the group's library lives next to its page under /groups/<slug>/.
app_name = "files"
urlpatterns = [
    path("files/", views.library, name="company"),
    path("groups/<slug:slug>/files/", views.library, name="group"),
    path("files/<int:pk>/", views.file_detail, name="detail"),
    path("files/<int:pk>/change/", views.file_change, name="change"),
    path("files/<int:pk>/delete/", views.file_delete, name="delete"),
    path("files/for-page/<int:page_pk>/", views.page_attach, name="attach"),
    path("files/folders/<int:pk>/", views.folder_change, name="folder_change"),
    path("files/<int:pk>/download/", views.download, name="download"),
    path("files/<int:pk>/v/<int:number>/download/", views.download, name="download_version"),
    path("files/<int:pk>/v/<int:number>/thumbnail/", views.thumbnail, name="thumbnail"),
]
