import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kring.people.models import Department, User
from kring.seed import demo_data


def test_seed_demo_fails_if_a_demo_username_is_taken(make_user):
    make_user(demo_data.PEOPLE[0]["username"])

    with pytest.raises(CommandError, match="Could not load the demo"):
        call_command("seed", "demo", verbosity=0)

    assert Department.objects.count() == 0
    assert User.objects.count() == 1
