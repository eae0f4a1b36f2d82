import pytest

from kring.groups import services as group_services
from kring.people.services import user_create
from kring.posts import services as post_services
from kring.search.services import index_rebuild


@pytest.fixture
def colleague(db):
    return user_create(username="anna", first_name="Anna", last_name="de Vries")


@pytest.fixture
def outsider(db):
    return user_create(username="otto", first_name="Otto", last_name="Buiten")


@pytest.fixture
def write(colleague):
    """Post `body` as the colleague (in `group` if given) and reindex; returns the post."""

    def _write(body: str, group=None, author=None):
        post = post_services.post_create(actor=author or colleague, group=group, body=body)
        index_rebuild()
        return post

    return _write


@pytest.fixture
def secret_group(colleague):
    return group_services.group_create(
        actor=colleague, name="Geheime raad", description="Alleen leden", visibility="secret"
    )
