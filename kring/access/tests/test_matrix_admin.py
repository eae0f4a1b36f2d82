"""The Django admin is no backdoor (decision 0001): a site admin manages accounts there, and
sees nothing of a closed or secret group or a private conversation, not even who is in them.

Background tasks are stored with their arguments (django_tasks_db); a notification task
names the recipients of a post, so its record tells who is in a secret group.
"""

import pytest
from django.contrib import admin
from django.test import Client

from kring.notifications.tasks import notifications_deliver

# What decision 0001 lets /admin/ manage: accounts (with their e-mail addresses),
# departments, expertise, invitations, and the leader role (decision 0015).
ALLOWED = {
    "people.User",
    "people.Department",
    "people.Expertise",
    "people.Invitation",
    "announcements.Leader",
    "account.EmailAddress",
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
