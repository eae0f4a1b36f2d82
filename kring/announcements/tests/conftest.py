import pytest

from kring.announcements import services


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs what the block registered for after commit (notifications)."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def announce():
    """Post an announcement as `actor` in `group` (None: the company space)."""

    def make(actor, group, body="Lees dit even: de balie is maandag dicht."):
        return services.announcement_create(actor=actor, group=group, body=body)

    return make


@pytest.fixture
def leader(world):
    """Sita (a site admin) made Carla, an employee in no group, a leader."""
    services.leader_appoint(actor=world.site_admin, user=world.outsider)
    return world.outsider
