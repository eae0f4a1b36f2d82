"""The post list and the reply list answer exactly what django-ninja would make of their
schemas (kring/api/dump.py): same fields, same values, same JSON."""

import json

from django.test import RequestFactory

from kring.api.api import api
from kring.api.schemas import PostPage, ReplyList
from kring.feeds.selectors import feed_company_for, feed_home_for
from kring.polls.models import Poll
from kring.polls.services import PollDraft, poll_create, poll_vote
from kring.posts import services
from kring.posts.selectors import replies_in_reading_order
from kring.reactions.services import reaction_set


def _as_ninja_says(schema, obj, viewer) -> dict:
    """What ninja itself answers for `obj`: its schema check, its dump, its renderer."""
    request = RequestFactory().get("/api/v1/")
    request.auth = viewer
    context = {"request": request, "response_status": 200}
    data = schema.model_validate(obj, context=context).model_dump()
    return json.loads(api.renderer.render(request, data, response_status=200))


def test_post_list_answers_what_ninja_makes_of_post_page(world, make_user, api_for):
    zoe = make_user("zoë.müller", first_name="Zoë")  # a name outside ASCII in an address
    services.post_create(actor=zoe, group=None, body="Hallo van **Zoë**")
    polled = world.posts["open"]
    poll_create(actor=world.member, post=polled, draft=PollDraft(["Ja", "Nee"], multiple=False))
    yes = Poll.objects.get(pk=polled.pk).options.order_by("pk").first()
    poll_vote(actor=world.member, post=polled, option_ids=[yes.pk])
    reaction_set(actor=world.member, target=world.posts["company"], kind="thanks", on=True)
    reaction_set(actor=world.admin, target=world.posts["company"], kind="like", on=True)
    services.post_update(actor=world.member, post=world.posts["closed"], body="Bijgewerkt")
    for n in range(20):  # one page more: a next_cursor
        services.post_create(actor=world.admin, group=world.groups["secret"], body=f"Bericht {n}")

    answer = api_for(world.member).get("/api/v1/posts")

    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/json; charset=utf-8"
    page = feed_home_for(world.member)
    assert answer.json() == _as_ninja_says(PostPage, page, world.member)
    assert answer.json()["next_cursor"]


def test_post_list_answers_what_ninja_makes_of_it_on_the_second_page(world, make_user, api_for):
    poll_create(actor=world.member, post=world.posts["company"], draft=PollDraft(["A", "B"]))
    for n in range(22):
        services.post_create(actor=world.member, group=None, body=f"Bericht {n}")
    client = api_for(world.outsider)
    cursor = client.get("/api/v1/posts?feed=company").json()["next_cursor"]

    second = client.get(f"/api/v1/posts?feed=company&cursor={cursor}").json()

    expected = feed_company_for(world.outsider, cursor=cursor)
    assert second == _as_ninja_says(PostPage, expected, world.outsider)
    assert second["items"][-1]["poll"]["options"][0]["text"] == "A"


def test_reply_list_answers_what_ninja_makes_of_reply_list(world, api_for):
    post = world.posts["open"]
    first = services.reply_create(actor=world.member, post=post, body="Eerste")
    services.reply_create(actor=world.admin, post=post, body="Daarop", parent=first)
    services.reply_create(actor=world.admin, post=post, body="Tweede")
    reaction_set(actor=world.member, target=first, kind="insightful", on=True)
    services.reply_delete(actor=world.member, reply=first)  # stays: it has an answer

    answer = api_for(world.member).get(f"/api/v1/posts/{post.pk}/replies").json()

    expected = {"items": replies_in_reading_order(world.member, post)}
    assert answer == _as_ninja_says(ReplyList, expected, world.member)
    assert [(r["deleted"], r["author"] is None) for r in answer["items"]] == [
        (True, True),
        (False, False),
        (False, False),
    ]
