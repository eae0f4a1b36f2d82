"""The Django admin is no backdoor (decision 0001): a site admin manages accounts there, and
sees nothing of a closed or secret group or a private conversation, not even who is in them.

Background tasks are stored with their arguments (django_tasks_db); a notification task
names the recipients of a post, so its record tells who is in a secret group.
"""

import pytest
from django.contrib import admin
from django.test import Client

from kring.access.tests.conftest import marker
from kring.notifications.tasks import notifications_deliver

# What decision 0001 lets /admin/ manage: accounts (with their e-mail addresses),
# departments, expertise, invitations, the leader role (decision 0015) and the search
# synonyms (decision 0020: the issue asks that site admins can edit them).
ALLOWED = {
    "people.User",
    "people.Department",
    "people.Expertise",
    "people.Invitation",
    "announcements.Leader",
    "account.EmailAddress",
    "search.Synonym",
}


def test_admin_registers_only_accounts_departments_invitations_and_leaders():
    registered = {model._meta.label for model in admin.site._registry}
    assert registered <= ALLOWED


@pytest.fixture
def stored_task(matrix):
    """A notification task about the secret post, stored as the production worker stores it."""
    post = matrix.posts["secret"]
    member = matrix.users["member"]
    return notifications_deliver.using(backend="database").enqueue(
        kind="mention",
        recipient_ids=[member.pk],
        actor_id=matrix.users["group_admin"].pk,
        target="posts.post",
        target_id=post.pk,
    )


def test_admin_task_records_fail_if_a_site_admin_opens_them(matrix, stored_task):
    client = Client()
    client.force_login(matrix.users["site_admin"])
    base = "/admin/django_tasks_database/dbtaskresult/"
    for path in (base, f"{base}{stored_task.id}/change/"):
        assert client.get(path).status_code == 404
    index = client.get("/admin/").content.decode()
    assert "dbtaskresult" not in index
    assert str(stored_task.id) not in index


def _site_admin_client(matrix) -> Client:
    client = Client()
    client.force_login(matrix.users["site_admin"])
    return client


def test_admin_account_delete_page_fails_if_the_account_wrote_in_a_secret_group(matrix):
    # Django's "are you sure?" page lists everything the delete would take along: the
    # member's memberships, posts, replies, poll options, mentions, notifications...
    member = matrix.users["member"]
    response = _site_admin_client(matrix).get(f"/admin/people/user/{member.pk}/delete/")
    assert response.status_code in (403, 404)
    page = response.content.decode()
    for kind in ("group", "post", "reply", "answer"):
        assert marker("secret", kind) not in page
    assert f"in {matrix.groups['secret'].pk} (" not in page  # "Membership: 5 in 3 (member)"


def test_admin_account_bulk_delete_fails_if_a_site_admin_asks_for_it(matrix):
    member = matrix.users["member"]
    response = _site_admin_client(matrix).post(
        "/admin/people/user/",
        {"action": "delete_selected", "_selected_action": [member.pk]},
    )
    page = response.content.decode()
    assert marker("secret", "reply") not in page
    assert "Reply " not in page and "Membership:" not in page
    assert type(member).objects.filter(pk=member.pk).exists()
