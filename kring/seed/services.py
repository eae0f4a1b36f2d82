"""Loading the demo organisation (kring/seed/demo_data.py) through the real services."""

import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from kring import access
from kring.announcements.models import PINNED_FOR, Announcement
from kring.announcements.selectors import pinned_ids_forget
from kring.announcements.services import (  # issue 4: announcements
    announcement_create,
    announcement_read,
    leader_appoint,
)
from kring.conversations.models import Conversation, Message, Participant
from kring.conversations.services import conversation_start, message_send
from kring.groups.models import Group, Membership
from kring.groups.services import group_create, membership_add
from kring.knowledge.models import Folder, Page
from kring.knowledge.services import folder_create, page_create, page_update
from kring.people.models import Department, User
from kring.people.services import profile_update, user_create
from kring.polls.services import PollDraft, poll_create, poll_vote
from kring.posts.models import Post, Reply
from kring.posts.services import post_create, reply_create
from kring.questions.services import (
    answer_vote_toggle,
    question_accept_answer,
    question_create,
)
from kring.reactions.services import praise_create, reaction_set
from kring.seed import demo_data

Progress = Callable[[int, int], None]
MANAGER_TITLES = ("Teamleider", "Afdelingshoofd", "Directeur", "Gemeentesecretaris")


@dataclass(frozen=True)
class Login:
    """One demo account worth trying, with what makes it interesting."""

    role: str
    username: str
    name: str


def _walk(replies: list[dict]) -> Iterator[dict]:
    for reply in replies:
        yield reply
        yield from _walk(reply["replies"])


def _site_admin() -> dict:
    return next(p for p in demo_data.PEOPLE if p["site_admin"])


def demo_size() -> int:
    """Return the number of steps demo_load takes (for a progress bar)."""
    replies = sum(1 for post in demo_data.POSTS for _ in _walk(post["replies"]))
    return (
        len(demo_data.DEPARTMENTS)
        + len(demo_data.PEOPLE)
        + len(demo_data.GROUPS)
        + len(demo_data.POSTS)
        + replies
    )


def demo_is_loaded() -> bool:
    """Return whether the demo organisation is in the database (its site admin exists)."""
    return User.objects.filter(username=_site_admin()["username"]).exists()


def demo_logins() -> list[Login]:
    """Return the demo accounts that show the most: one per kind of viewer."""
    people = {p["username"]: p for p in demo_data.PEOPLE}
    site_admin = _site_admin()["username"]
    secretary = next(u for u, p in people.items() if "gemeentesecretaris" in p["job_title"].lower())
    group_admins = {u for g in demo_data.GROUPS for u in g["admins"]}
    group_members = {u for g in demo_data.GROUPS for u in g["members"]}
    closed_admin = next(
        u
        for g in demo_data.GROUPS
        if g["visibility"] == Group.Visibility.CLOSED
        for u in g["admins"]
        if u not in (site_admin, secretary)
    )
    closed_group = next(g["name"] for g in demo_data.GROUPS if closed_admin in g["admins"])
    employee = next(
        u
        for u, p in people.items()
        if p["kind"] == User.Kind.EMPLOYEE
        and u not in group_admins | {site_admin, secretary}
        and u in group_members
        and not p["job_title"].startswith(MANAGER_TITLES)
    )
    guest = next(u for u, p in people.items() if p["kind"] == User.Kind.GUEST)
    rows = [
        ("Site admin", site_admin),
        ("Gemeentesecretaris", secretary),
        (f"Group admin of {closed_group} (closed)", closed_admin),
        ("Employee", employee),
        ("External guest", guest),
    ]
    return [
        Login(
            role=role,
            username=username,
            name=f"{people[username]['first_name']} {people[username]['last_name']}",
        )
        for role, username in rows
    ]


def _moment(now: datetime, hours_ago: int, text: str) -> datetime:
    # A stable spread of minutes makes "2 hours ago" look lived-in; under 60 minutes it
    # never lets a reply overtake what it answers (those are at least an hour apart).
    return now - timedelta(hours=hours_ago, minutes=zlib.crc32(text.encode()) % 60)


@transaction.atomic
def demo_load(*, progress: Progress | None = None) -> None:
    """Create the demo organisation in one transaction; call only when demo_is_loaded() is False."""
    total, done = demo_size(), 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    now = timezone.now()
    oldest = max(post["hours_ago"] for post in demo_data.POSTS)
    # Departments have no service yet: nothing but a name and a slug to check.
    departments = {}
    for item in demo_data.DEPARTMENTS:
        departments[item["slug"]] = Department.objects.create(name=item["name"], slug=item["slug"])
        step()

    people: dict[str, User] = {}
    for item in demo_data.PEOPLE:
        user = user_create(
            username=item["username"],
            email=item["email"],
            first_name=item["first_name"],
            last_name=item["last_name"],
            kind=item["kind"],
            site_admin=item["site_admin"],
            department=departments.get(item["department"]),
            job_title=item["job_title"],
            location=item["location"],
            phone=item["phone"],
            about=item["about"],
        )
        profile_update(actor=user, person=user, expertise=item["expertise"])
        people[item["username"]] = user
        step()
    # One hash for the shared password: hashing it forty times costs half a minute.
    User.objects.filter(pk__in=[u.pk for u in people.values()]).update(
        password=make_password(demo_data.DEMO_PASSWORD),
        date_joined=now - timedelta(hours=oldest + 14 * 24),
    )

    groups: dict[str, Group] = {}
    for item in demo_data.GROUPS:
        founder, *other_admins = (people[u] for u in item["admins"])
        group = group_create(
            actor=founder,
            name=item["name"],
            description=item["description"],
            visibility=item["visibility"],
        )
        for admin in other_admins:
            membership_add(actor=founder, group=group, user=admin, role=Membership.Role.ADMIN)
        for username in item["members"]:
            membership_add(actor=founder, group=group, user=people[username])
        started = now - timedelta(hours=oldest + 7 * 24)
        Group.objects.filter(pk=group.pk).update(slug=item["slug"], created_at=started)
        Membership.objects.filter(group=group).update(created_at=started)
        groups[item["slug"]] = group
        step()

    # Oldest first, so ids grow with time as they would on a real site.
    for item in sorted(demo_data.POSTS, key=lambda p: -p["hours_ago"]):
        group = groups[item["group"]] if item["group"] else None
        post = post_create(actor=people[item["author"]], group=group, body=item["body"])
        created = _moment(now, item["hours_ago"], item["body"])
        step()
        latest = created
        # Oldest first again; a reply is always newer than what it answers, so its
        # parent exists by the time it is written.
        parent_of = {
            id(child): parent for parent in _walk(item["replies"]) for child in parent["replies"]
        }
        written: dict[int, Reply] = {}
        for reply_item in sorted(_walk(item["replies"]), key=lambda r: -r["hours_ago"]):
            parent = parent_of.get(id(reply_item))
            reply = reply_create(
                actor=people[reply_item["author"]],
                post=post,
                body=reply_item["body"],
                parent=written[id(parent)] if parent else None,
            )
            written[id(reply_item)] = reply
            answered = _moment(now, reply_item["hours_ago"], reply_item["body"])
            Reply.objects.filter(pk=reply.pk).update(created_at=answered)
            latest = max(latest, answered)
            step()
        Post.objects.filter(pk=post.pk).update(created_at=created, last_activity_at=latest)

    _demo_conversations(people, now)
    _appreciation_load(people, now)  # issue 4: reactions and praise
    _announcements_load(people, now)  # issue 4: announcements
    _polls_load(people, groups, now)  # issue 4: polls
    _questions_load(people, groups, now)  # issue 5: questions
    _knowledge_load(people, groups)  # issue 5: the knowledge base


def _questions_load(people: dict[str, User], groups: dict[str, Group], now: datetime) -> None:
    """A few questions with answers and votes, one of them accepted."""
    for item in demo_data.QUESTIONS:
        group = groups[item["group"]] if item["group"] else None
        asker = people[item["author"]]
        post = post_create(actor=asker, group=group, body=item["body"])
        question_create(actor=asker, post=post, title=item["title"])
        latest = created = _moment(now, item["hours_ago"], item["title"])
        for index, answer_item in enumerate(item["answers"]):
            reply = reply_create(
                actor=people[answer_item["author"]], post=post, body=answer_item["body"]
            )
            for username in answer_item["votes"]:
                if username != answer_item["author"]:
                    answer_vote_toggle(actor=people[username], reply=reply)
            if item["accepted"] == index:
                question_accept_answer(actor=asker, post=post, reply_id=reply.pk)
            answered = _moment(now, answer_item["hours_ago"], answer_item["body"])
            Reply.objects.filter(pk=reply.pk).update(created_at=answered)
            latest = max(latest, answered)
        Post.objects.filter(pk=post.pk).update(created_at=created, last_activity_at=latest)


def _polls_load(people: dict[str, User], groups: dict[str, Group], now: datetime) -> None:
    """A few posts with a poll, and who voted what in them."""
    for item in demo_data.POLLS:
        group = groups[item["group"]] if item["group"] else None
        post = post_create(actor=people[item["author"]], group=group, body=item["body"])
        closes = item["closes_in_days"]
        draft = PollDraft(
            options=item["options"],
            multiple=item["multiple"],
            closes_at=now + timedelta(days=closes) if closes else None,
        )
        options = list(poll_create(actor=post.author, post=post, draft=draft).options.all())
        for username, chosen in item["votes"].items():
            poll_vote(actor=people[username], post=post, option_ids=[options[i].pk for i in chosen])
        moment = _moment(now, item["hours_ago"], item["body"])
        Post.objects.filter(pk=post.pk).update(created_at=moment, last_activity_at=moment)


def _demo_conversations(people: dict[str, User], now: datetime) -> None:
    """A few private conversations, with their times and who has read them."""
    for item in demo_data.CONVERSATIONS:
        (starter, hours, body), *rest = item["messages"]
        others = [people[u] for u in item["people"] if u != starter]
        conversation = conversation_start(
            actor=people[starter], participants=others, body=body, subject=item["subject"]
        )
        times = [now - timedelta(hours=hours)]
        for author, hours, body in rest:
            message_send(actor=people[author], conversation=conversation, body=body)
            times.append(now - timedelta(hours=hours))
        for message, moment in zip(conversation.messages.order_by("id"), times, strict=True):
            Message.objects.filter(pk=message.pk).update(created_at=moment)
        Conversation.objects.filter(pk=conversation.pk).update(
            created_at=times[0], last_message_at=times[-1]
        )
        seats = Participant.objects.filter(conversation=conversation)
        seats.update(joined_at=times[0], last_message_at=times[-1], last_read_at=None)
        for username in item["people"]:
            # Read up to the end, or up to one's own last message.
            own = [t for (a, _, _), t in zip(item["messages"], times, strict=True) if a == username]
            read = times[-1] if username in item["read_by"] else (own[-1] if own else None)
            seats.filter(user__username=username).update(last_read_at=read)


def _appreciation_load(people: dict[str, User], now: datetime) -> None:
    """Praise posts, and a believable, stable spread of reactions on posts and replies.

    Who reacts to what is picked by a hash, from the colleagues who may read the post,
    so every load gives the same picture.
    """
    for item in demo_data.PRAISE:
        post = praise_create(
            actor=people[item["author"]],
            group=None,
            body=item["body"],
            praised_ids=[people[u].pk for u in item["praised"]],
            reason=item["reason"],
        )
        moment = _moment(now, item["hours_ago"], item["body"])
        Post.objects.filter(pk=post.pk).update(created_at=moment, last_activity_at=moment)
    by_id = {user.pk: user for user in people.values()}
    kinds = ("like", "like", "like", "thanks", "insightful", "celebrate")
    for post in Post.objects.select_related("group").order_by("pk"):
        readers = sorted(access.audience(post) & by_id.keys())
        targets = [post, *Reply.objects.filter(post=post, deleted_at=None).select_related("post")]
        for target in targets:
            share = 4 if target is post else 9  # about a quarter of readers on a post
            for reader_id in readers:
                seed = zlib.crc32(f"{type(target).__name__}-{target.pk}-{reader_id}".encode())
                if seed % share or reader_id == target.author_id:
                    continue
                reaction_set(
                    actor=by_id[reader_id], target=target, kind=kinds[seed // 7 % 6], on=True
                )


def _announcements_load(people: dict[str, User], now: datetime) -> None:
    """The leaders, chosen by the site admin, and their announcements with a few readers."""
    site_admin = people[_site_admin()["username"]]
    for username in demo_data.LEADERS:
        leader_appoint(actor=site_admin, user=people[username])
    for item in demo_data.ANNOUNCEMENTS:
        group = Group.objects.get(slug=item["group"]) if item["group"] else None
        post = announcement_create(actor=people[item["author"]], group=group, body=item["body"])
        moment = _moment(now, item["hours_ago"], item["body"])
        Post.objects.filter(pk=post.pk).update(created_at=moment, last_activity_at=moment)
        Announcement.objects.filter(post=post).update(
            created_at=moment, pinned_until=moment + PINNED_FOR
        )
        pinned_ids_forget()
        for username in item["read_by"]:
            announcement_read(actor=people[username], post=post)


def _knowledge_load(people: dict[str, User], groups: dict[str, Group]) -> None:
    """A few folders and pages, one of them past its review date, one with a longer history."""
    site_admin = people[_site_admin()["username"]]
    folders: dict[tuple[str | None, str], Folder] = {}
    for item in demo_data.KNOWLEDGE_FOLDERS:
        group = groups[item["group"]] if item["group"] else None
        arranger = site_admin if group is None else group.memberships.get(role="admin").user
        folders[(item["group"], item["name"])] = folder_create(
            actor=arranger, group=group, name=item["name"], parent=None
        )
    today = timezone.localdate()
    for item in demo_data.KNOWLEDGE_PAGES:
        group = groups[item["group"]] if item["group"] else None
        owner = people[item["owner"]]
        folder = folders[(item["group"], item["folder"])]
        page = page_create(
            actor=owner,
            group=group,
            title=item["title"],
            body=item["body"],
            folder=folder,
            kind=item["kind"],
            is_onboarding=item["onboarding"],
            review_by=today + timedelta(days=max(item["review_in_days"], 1)),
        )
        for body in item["edits"]:
            page = page_update(
                actor=owner,
                page=page,
                base_version=page.version,
                title=page.title,
                body=body,
                folder=folder,
                kind=page.kind,
                is_onboarding=page.is_onboarding,
            )
        if item["review_in_days"] < 0:  # the service only sets dates in the future
            past = today + timedelta(days=item["review_in_days"])
            Page.objects.filter(pk=page.pk).update(review_by=past)
