"""Bad input: following what one may not see answers exactly as following what is not there."""

import pytest

from kring.core.testing import page_without_tokens
from kring.follows.models import Follow
from kring.groups import services as group_services


@pytest.mark.parametrize("htmx", [False, True])
def test_follow_secret_group_returns_the_same_404_as_a_missing_one(world, client_for, htmx):
    client = client_for(world.outsider)
    headers = {"HX-Request": "true"} if htmx else {}
    secret = world.groups["secret"].slug
    hidden = client.post(f"/follows/group/{secret}/", {"action": "follow"}, headers=headers)
    missing = client.post("/follows/group/bestaat-niet/", {"action": "follow"}, headers=headers)
    assert hidden.status_code == missing.status_code == 404
    assert page_without_tokens(hidden.content) == page_without_tokens(missing.content)
    assert not Follow.objects.exists()


def test_follow_person_a_guest_cannot_see_returns_the_same_404_as_a_missing_one(world, client_for):
    client = client_for(world.guest)
    hidden = client.post(f"/follows/person/{world.outsider.username}/", {"action": "follow"})
    missing = client.post("/follows/person/niemand/", {"action": "follow"})
    assert hidden.status_code == missing.status_code == 404
    assert page_without_tokens(hidden.content) == page_without_tokens(missing.content)
    assert not Follow.objects.exists()


def test_unfollow_of_a_group_left_since_returns_404_and_the_list_hides_it(world, client_for):
    """Bram follows the secret group as a member and is then removed: from then on the
    group is as missing for him, in the button and in his list."""
    bram, group = world.member, world.groups["secret"]
    client = client_for(bram)
    assert client.post(f"/follows/group/{group.slug}/", {"action": "follow"}).status_code == 302
    group_services.membership_remove(actor=world.admin, group=group, user=bram)
    assert client.post(f"/follows/group/{group.slug}/", {"action": "unfollow"}).status_code == 404
    listing = client.get(f"/people/{bram.username}/following/").content.decode()
    assert group.name not in listing
