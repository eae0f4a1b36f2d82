"""Fixtures shared by every app's tests: one small organisation with every kind of viewer."""

from types import SimpleNamespace

import pytest
from django.test import Client

from kring.api.services import api_token_issue
from kring.groups import services as group_services
from kring.groups.models import Group
from kring.people.models import Department, User
from kring.people.services import user_create
from kring.posts import services as post_services

PASSWORD = "Geheim-wachtwoord-42"


@pytest.fixture(autouse=True)
def _empty_default_cache():
    """Each test starts with an empty default cache (and no shared "Voor jou" candidates):
    ids are reused between tests, and a count kept for one test's user 5 must not show up
    as another test's user 5."""
    from django.core.cache import cache

    from kring.feeds.foryou import shared_candidates_forget

    cache.clear()
    shared_candidates_forget()


@pytest.fixture
def database_cache(django_db_blocker):
    """The default cache in the database's cache table, as a site without Redis has it
    (the suite caches in memory): each round trip to it is a query a test can count."""
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management.commands.createcachetable import Command as CreateCacheTable
    from django.db import connection
    from django.test import override_settings

    from config.settings.cache import DATABASE_CACHE_TABLE

    backend = {"BACKEND": "kring.core.cache.DatabaseCache", "LOCATION": DATABASE_CACHE_TABLE}
    with override_settings(CACHES={**settings.CACHES, "default": backend}):
        with django_db_blocker.unblock():
            create = CreateCacheTable()
            create.verbosity = 0
            create.create_table(connection.alias, DATABASE_CACHE_TABLE, dry_run=False)
            cache.clear()
        yield cache


@pytest.fixture
def make_user(db):
    def make(username: str, **kwargs) -> User:
        kwargs.setdefault("password", PASSWORD)
        kwargs.setdefault("email", f"{username}@example.org")
        kwargs.setdefault("first_name", username.capitalize())
        return user_create(username=username, **kwargs)

    return make


@pytest.fixture
def world(make_user):
    """Users of every viewer kind, a group of every kind, and one post in each space.

    `admin` administers all three groups, `member` is a member of all three, `outsider`
    is an employee in none, `guest` is an external guest in none, `site_admin` is a site
    admin in none.
    """
    department = Department.objects.create(name="Burgerzaken", slug="burgerzaken")
    admin = make_user("anna", last_name="de Vries", department=department, job_title="Teamleider")
    member = make_user("bram", last_name="Jansen", department=department)
    outsider = make_user("carla", last_name="Bakker")
    guest = make_user("gijs", last_name="Extern", kind=User.Kind.GUEST)
    site_admin = make_user("sita", last_name="Beheer", site_admin=True)
    groups = {}
    for visibility in Group.Visibility.values:
        group = group_services.group_create(
            actor=admin,
            name=f"Groep {visibility}",
            description=f"Een {visibility} groep",
            visibility=visibility,
        )
        group_services.membership_add(actor=admin, group=group, user=member)
        groups[visibility] = group
    posts = {
        visibility: post_services.post_create(
            actor=member, group=group, body=f"Geheime tekst van de {visibility} groep"
        )
        for visibility, group in groups.items()
    }
    posts["company"] = post_services.post_create(
        actor=member, group=None, body="Tekst voor iedereen"
    )
    return SimpleNamespace(
        admin=admin,
        member=member,
        outsider=outsider,
        guest=guest,
        site_admin=site_admin,
        groups=groups,
        posts=posts,
        department=department,
    )


@pytest.fixture
def api_for(db):
    """A client that calls the API like an integration: a fresh personal token of `user`
    (anonymous for None)."""

    def make(user: User | None) -> Client:
        if user is None:
            return Client()
        return Client(headers={"authorization": f"Bearer {api_token_issue(user=user)}"})

    return make


@pytest.fixture
def client_for():
    """A signed-in test client for a user (or an anonymous one for None)."""

    def make(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make
