import pytest


@pytest.fixture
def client_for(client_for):
    """Signed-in clients that read English pages, so assertions survive the Dutch translation."""

    def make(user):
        if user is not None and user.language != "en":
            user.language = "en"
            user.save(update_fields=["language"])
        return client_for(user)

    return make
