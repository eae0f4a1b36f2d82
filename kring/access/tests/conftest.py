"""The permission-matrix organisation: every viewer kind, every space, marked content.

Every piece of content carries a unique marker string, so a leak anywhere (a page, a
feed, a JSON body) is found by a plain substring search.
"""

from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import AnonymousUser

from kring.groups import services as group_services
from kring.groups.models import Group, Membership
from kring.people.models import User
from kring.people.services import user_create
from kring.posts import services as post_services
from kring.posts.models import Post, Reply

PASSWORD = "Matrix-wachtwoord-42"

# Viewer kinds, in the order the matrix lists them. "anonymous" is the signed-out visitor.
VIEWERS = (
    "anonymous",
    "guest",
    "guest_member",
    "outsider",
    "member",
    "group_admin",
    "site_admin",
)
GROUP_SPACES = ("open", "closed", "secret")
SPACES = (*GROUP_SPACES, "company")

# One fixed random suffix per space, so no marker is a prefix of another.
_SUFFIX = {"open": "1a7e", "closed": "7f3a", "secret": "9c4d", "company": "2b8f"}


def marker(space: str, kind: str) -> str:
    """Return the unique text planted in `space` for `kind` (group, post, reply, answer)."""
    return f"MARKER-{space}-{kind}-{_SUFFIX[space]}"


@dataclass
class Matrix:
    users: dict[str, User | None]
    groups: dict[str, Group] = field(default_factory=dict)
    posts: dict[str, Post] = field(default_factory=dict)
    replies: dict[str, Reply] = field(default_factory=dict)
    answers: dict[str, Reply] = field(default_factory=dict)  # replies to a reply

    def viewer(self, kind: str) -> User | AnonymousUser:
        """A fresh copy of the viewer from the database (no cached group roles)."""
        user = self.users[kind]
        return AnonymousUser() if user is None else User.objects.get(pk=user.pk)

    def group(self, space: str) -> Group | None:
        return None if space == "company" else self.groups[space]

    @property
    def people(self) -> list[User]:
        return [u for u in self.users.values() if u is not None]


def _user(username: str, **kwargs) -> User:
    return user_create(
        username=username,
        password=PASSWORD,
        email=f"{username}@matrix.example",
        first_name=username.replace("_", " ").title(),
        **kwargs,
    )


@pytest.fixture
def matrix(db) -> Matrix:
    """Seven viewers, three groups and the company space, each with a post, reply and answer.

    `group_admin` administers all three groups, `member` is a member of all three,
    `guest_member` is an external guest in the open and the closed group, `guest` is an
    external guest in none, `outsider` is an employee in none, `site_admin` is a site
    admin in none.
    """
    users: dict[str, User | None] = {
        "anonymous": None,
        "guest": _user("guest", kind=User.Kind.GUEST),
        "guest_member": _user("guest_member", kind=User.Kind.GUEST),
        "outsider": _user("outsider"),
        "member": _user("member"),
        "group_admin": _user("group_admin"),
        "site_admin": _user("site_admin", site_admin=True),
    }
    world = Matrix(users=users)
    admin, member = users["group_admin"], users["member"]
    for space in GROUP_SPACES:
        group = group_services.group_create(
            actor=admin,
            name=f"Groep {marker(space, 'group')}",
            description=f"Beschrijving {marker(space, 'about')}",
            visibility=space,
        )
        group_services.membership_add(actor=admin, group=group, user=member)
        if space in ("open", "closed"):
            group_services.membership_add(actor=admin, group=group, user=users["guest_member"])
        world.groups[space] = group
    for space in SPACES:
        group = world.group(space)
        post = post_services.post_create(
            actor=admin, group=group, body=f"Bericht {marker(space, 'post')}"
        )
        reply = post_services.reply_create(
            actor=member, post=post, body=f"Reactie {marker(space, 'reply')}"
        )
        answer = post_services.reply_create(
            actor=admin, post=post, parent=reply, body=f"Antwoord {marker(space, 'answer')}"
        )
        world.posts[space], world.replies[space], world.answers[space] = post, reply, answer
    assert Membership.objects.count() == 3 + 3 + 2
    return world
