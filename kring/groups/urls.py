from django.urls import path

from kring.groups import member_views, views

app_name = "groups"
urlpatterns = [
    path("", views.group_list, name="list"),
    path("new/", views.group_create, name="create"),
    path("<slug:slug>/", views.group_detail, name="detail"),
    path("<slug:slug>/edit/", views.group_edit, name="edit"),
    path("<slug:slug>/join/", views.group_join, name="join"),
    path("<slug:slug>/leave/", views.group_leave, name="leave"),
    path("<slug:slug>/request/", views.join_request_create, name="request"),
    path("<slug:slug>/members/", member_views.group_members, name="members"),
    path("<slug:slug>/members/add/", member_views.member_add, name="member_add"),
    path(
        "<slug:slug>/members/<str:username>/remove/",
        member_views.member_remove,
        name="member_remove",
    ),
    path("<slug:slug>/members/<str:username>/role/", member_views.member_role, name="member_role"),
    path(
        "<slug:slug>/requests/<int:pk>/",
        member_views.join_request_decide,
        name="request_decide",
    ),
]
