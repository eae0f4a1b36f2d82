"""The reader's own reactions on a page (kring.reactions.selectors)."""

import pytest

from kring.posts import services as post_services
from kring.reactions.models import Reaction
from kring.reactions.selectors import my_reaction_kinds, my_reactions_attach
from kring.reactions.services import reaction_set


@pytest.mark.parametrize("replies", [0, 1, 5, 50, 70])
def test_my_reactions_attach_returns_only_the_readers_own_kinds_for_any_page(world, replies):
    post = world.posts["open"]
    answers = [
        post_services.reply_create(actor=world.admin, post=post, body=f"Antwoord {n}")
        for n in range(replies)
    ]
    targets = [post, *answers]
    for n, target in enumerate(targets):
        if n % 2 == 0:
            reaction_set(actor=world.member, target=target, kind="like", on=True)
        if n % 3 == 0:
            reaction_set(actor=world.member, target=target, kind="thanks", on=True)
        reaction_set(actor=world.admin, target=target, kind="celebrate", on=True)  # not mine
    for target in targets:
        target.refresh_from_db()
    my_reactions_attach(world.member, targets)
    for target in targets:
        field = "reply" if target is not post else "post"
        mine = Reaction.objects.filter(user=world.member, **{field: target})
        assert target.my_reactions == sorted(mine.values_list("kind", flat=True))
    fresh = [type(t).objects.get(pk=t.pk) for t in answers]
    kinds = my_reaction_kinds(world.member, fresh)
    assert {pk: sorted(k) for pk, k in kinds.items()} == {
        t.pk: t.my_reactions for t in answers if t.my_reactions
    }
