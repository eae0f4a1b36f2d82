from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "kring.posts"
    label = "posts"
