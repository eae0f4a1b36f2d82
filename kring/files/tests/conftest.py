import pytest

from kring.files import services
from kring.files.tests.samples import upload


@pytest.fixture
def add_file(django_capture_on_commit_callbacks):
    """Upload a file as `actor` and run what runs after commit (the extraction task)."""

    def add(actor, group, name, content, folder=None):
        with django_capture_on_commit_callbacks(execute=True):
            return services.file_upload(
                actor=actor, group=group, upload=upload(name, content), folder=folder
            )

    return add
