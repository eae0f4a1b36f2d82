from django.urls import path

from kring.conversations import views

app_name = "conversations"
urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("new/", views.conversation_new, name="new"),
    path("people/", views.people_search, name="people"),
    path("badge/", views.unread_badge, name="badge"),
    path("m/<int:pk>/", views.message_permalink, name="message_permalink"),
    path("<int:pk>/", views.conversation_detail, name="detail"),
    path("<int:pk>/send/", views.message_send, name="send"),
    path("<int:pk>/new/", views.messages_new, name="new_messages"),
    path("<int:pk>/add/", views.participant_add, name="add"),
    path("<int:pk>/leave/", views.conversation_leave, name="leave"),
]
