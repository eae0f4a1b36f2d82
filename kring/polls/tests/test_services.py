"""Creating polls and voting: the rules a colleague notices."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from kring.core.errors import ApplicationError
from kring.polls.models import Poll, PollVote
from kring.polls.selectors import poll_view_for
from kring.polls.services import PollDraft, poll_create, poll_vote


@pytest.fixture(autouse=True)
def english():
    """The messages are matched in English (the msgids); the pages test the Dutch."""
    with translation.override("en"):
        yield


def _poll(world, *, multiple=False, closes_at=None, space="company"):
    post = world.posts[space]
    poll_create(
        actor=world.member,
        post=post,
        draft=PollDraft(["Dinsdag", "Woensdag", "Donderdag"], multiple, closes_at),
    )
    return post


def _options(post) -> list[int]:
    return list(Poll.objects.get(pk=post.pk).options.values_list("pk", flat=True))


def test_poll_create_passes_if_two_options_and_marks_the_post(world):
    post = world.posts["company"]
    poll = poll_create(actor=world.member, post=post, draft=PollDraft([" Ja ", "", "Nee"]))
    assert list(poll.options.values_list("text", flat=True)) == ["Ja", "Nee"]
    post.refresh_from_db()
    assert post.has_poll


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["Ja"], "at least two"),
        (["", "  "], "at least two"),
        (["Ja", "ja "], "twice"),
        ([f"Optie {n}" for n in range(11)], "at most 10"),
        (["Ja", "x" * 201], "at most 200"),
    ],
)
def test_poll_create_fails_if_options_are_bad(world, options, message):
    post = world.posts["company"]
    with pytest.raises(ApplicationError, match=message):
        poll_create(actor=world.member, post=post, draft=PollDraft(options))
    assert not Poll.objects.exists()


def test_poll_create_fails_if_closing_time_has_passed(world):
    past = timezone.now() - timedelta(minutes=1)
    with pytest.raises(ApplicationError, match="passed"):
        poll_create(
            actor=world.member,
            post=world.posts["company"],
            draft=PollDraft(["a", "b"], closes_at=past),
        )


def test_poll_create_fails_if_actor_is_not_the_author(world):
    with pytest.raises(ApplicationError):
        poll_create(actor=world.admin, post=world.posts["company"], draft=PollDraft(["a", "b"]))


def test_poll_vote_passes_and_changes_if_voted_again(world):
    post = _poll(world)
    first, second, _ = _options(post)
    poll_vote(actor=world.outsider, post=post, option_ids=[first])
    poll_vote(actor=world.outsider, post=post, option_ids=[str(second)])
    assert list(PollVote.objects.values_list("option_id", flat=True)) == [second]


def test_poll_vote_fails_if_two_choices_in_single_choice_poll(world):
    post = _poll(world)
    first, second, _ = _options(post)
    with pytest.raises(ApplicationError, match="one option"):
        poll_vote(actor=world.outsider, post=post, option_ids=[first, second])
    assert not PollVote.objects.exists()


def test_poll_vote_fails_if_the_same_option_twice(world):
    post = _poll(world, multiple=True)
    first, *_ = _options(post)
    with pytest.raises(ApplicationError, match="twice"):
        poll_vote(actor=world.outsider, post=post, option_ids=[first, first])
    assert not PollVote.objects.exists()


def test_poll_vote_passes_if_several_choices_in_multiple_choice_poll(world):
    post = _poll(world, multiple=True)
    first, _, third = _options(post)
    poll_vote(actor=world.outsider, post=post, option_ids=[first, third])
    poll_vote(actor=world.member, post=post, option_ids=[first])
    view = poll_view_for(world.outsider, post)
    assert view.voters == 2
    assert [(o.votes, o.percent, o.chosen) for o in view.options] == [
        (2, 100, True),
        (0, 0, False),
        (1, 50, True),
    ]


@pytest.mark.parametrize("options", [[], ["nope"], ["999999"]])
def test_poll_vote_fails_if_no_or_unknown_option(world, options):
    post = _poll(world)
    with pytest.raises(ApplicationError):
        poll_vote(actor=world.outsider, post=post, option_ids=options)
    assert not PollVote.objects.exists()


def test_poll_vote_fails_if_option_of_another_poll(world):
    post = _poll(world)
    other = _poll(world, space="open")
    with pytest.raises(ApplicationError, match="not part"):
        poll_vote(actor=world.member, post=post, option_ids=[_options(other)[0]])


def test_poll_vote_fails_if_poll_closed(world):
    post = _poll(world, closes_at=timezone.now() + timedelta(hours=1))
    Poll.objects.filter(pk=post.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(ApplicationError, match="closed") as refused:
        poll_vote(actor=world.outsider, post=post, option_ids=[_options(post)[0]])
    assert refused.value.status == 409


def test_poll_vote_fails_if_viewer_may_not_read_the_post(world):
    post = _poll(world, space="closed")
    with pytest.raises(ApplicationError) as refused:
        poll_vote(actor=world.outsider, post=post, option_ids=[_options(post)[0]])
    assert refused.value.status == 404


def test_database_refuses_second_vote_if_single_choice(world):
    post = _poll(world)
    first, second, _ = _options(post)
    PollVote.objects.create(poll_id=post.pk, option_id=first, user=world.outsider, slot=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        PollVote.objects.create(poll_id=post.pk, option_id=second, user=world.outsider, slot=0)


def test_poll_view_hides_results_if_viewer_has_not_voted(world):
    post = _poll(world)
    poll_vote(actor=world.admin, post=post, option_ids=[_options(post)[0]])
    hidden = poll_view_for(world.outsider, post)
    assert not hidden.shows_results and hidden.voters is None
    assert all(option.votes is None for option in hidden.options)
    assert poll_view_for(world.member, post).shows_results  # the author


def test_poll_create_passes_if_closing_time_has_no_time_zone(world):
    naive = (timezone.localtime() + timedelta(days=1)).replace(tzinfo=None)
    poll = poll_create(
        actor=world.member,
        post=world.posts["company"],
        draft=PollDraft(["a", "b"], closes_at=naive),
    )
    assert not poll.is_closed() and timezone.is_aware(poll.closes_at)
