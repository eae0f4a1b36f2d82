from django.urls import path

from kring.people import views

app_name = "people"
urlpatterns = [
    path("people/", views.people_list, name="list"),
    path("people/invite/", views.invite, name="invite"),
    path("people/<str:username>/", views.person_detail, name="detail"),
    path("people/<str:username>/photo/", views.person_photo, name="photo"),
    path("people/<str:username>/edit/", views.profile_edit, name="edit_person"),
    path("settings/profile/", views.profile_edit, name="edit"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
