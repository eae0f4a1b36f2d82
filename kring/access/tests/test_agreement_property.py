"""Property test: for random organisations, `can_view` and `visible` never disagree."""

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from kring import access
from kring.groups.models import Group, Membership
from kring.notifications.models import Notification
from kring.people.models import User
from kring.posts.models import Post, Reply

VISIBILITIES = list(Group.Visibility.values)

person = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(list(User.Kind.values)),
        "staff": st.booleans(),
        "active": st.booleans(),
    }
)


@st.composite
def organisations(draw):
    people = draw(st.lists(person, min_size=1, max_size=4))
    groups = draw(st.lists(st.sampled_from(VISIBILITIES), min_size=0, max_size=3))
    # role per (person, group): None (no membership), "member" or "admin"
    roles = [[draw(st.sampled_from([None, "member", "admin"])) for _ in groups] for _ in people]
    # every post lives in a group by index, or the company space (None)
    spaces = st.one_of(st.none(), st.integers(0, len(groups) - 1)) if groups else st.none()
    posts = draw(st.lists(spaces, min_size=1, max_size=4))
    return people, groups, roles, posts


class TestAgreement(TestCase):
    @settings(max_examples=30, deadline=None, database=None)
    @given(organisations())
    def test_can_view_and_visible_agree_if_random_organisation(self, organisation):
        people, visibilities, roles, post_spaces = organisation
        users = [
            User.objects.create_user(
                username=f"p{i}", kind=p["kind"], is_staff=p["staff"], is_active=p["active"]
            )
            for i, p in enumerate(people)
        ]
        groups = [
            Group.objects.create(name=f"g{i}", slug=f"g{i}", visibility=v)
            for i, v in enumerate(visibilities)
        ]
        Membership.objects.bulk_create(
            Membership(group=groups[g], user=users[u], role=role)
            for u, row in enumerate(roles)
            for g, role in enumerate(row)
            if role is not None
        )
        author = users[0]
        for space in post_spaces:
            post = Post.objects.create(
                author=author, group=None if space is None else groups[space], body="x"
            )
            Reply.objects.create(post=post, author=author, body="y")
        # Every person is notified about everything; the policy decides what they still see.
        Notification.objects.bulk_create(
            [
                Notification(recipient=u, kind="mention", post=p)
                for u in users
                for p in Post.objects.all()
            ]
            + [
                Notification(recipient=u, kind="reply", post_id=r.post_id, reply=r)
                for u in users
                for r in Reply.objects.all()
            ]
            + [Notification(recipient=u, kind="invitation", group=g) for u in users for g in groups]
        )
        querysets = [Group.objects.all(), Post.objects.all(), Reply.objects.all()]
        querysets += [User.objects.all(), Notification.objects.all()]
        viewers = [None, *User.objects.all()]  # fresh copies: no cached roles
        for viewer in viewers:
            for queryset in querysets:
                listed = set(access.visible(viewer, queryset).values_list("pk", flat=True))
                for obj in queryset:
                    assert access.can_view(viewer, obj) == (obj.pk in listed), (
                        f"{type(obj).__name__} {obj.pk} for {viewer}"
                    )
            for post in Post.objects.all():
                readers = {u.pk for u in User.objects.all() if access.can_view(u, post)}
                assert access.audience(post) == readers
