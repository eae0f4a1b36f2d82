"""The migration that adds Reply.path fills it for the replies that already exist."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("posts", "0001_initial")]
AFTER = [("posts", "0003_reply_path_required")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_reply_path_migration_fills_paths_in_reading_order_if_replies_exist():
    apps = _migrate(BEFORE)
    try:
        User = apps.get_model("people", "User")
        Post = apps.get_model("posts", "Post")
        Reply = apps.get_model("posts", "Reply")
        author = User.objects.create(username="migratie", email="migratie@example.org")
        post = Post.objects.create(author=author, body="Vraag", body_html="<p>Vraag</p>")

        def reply(parent=None):
            return Reply.objects.create(
                post=post, parent=parent, author=author, body="x", body_html="<p>x</p>"
            ).pk

        first = reply()
        second = reply()
        answer = reply(Reply.objects.get(pk=first))
        deeper = reply(Reply.objects.get(pk=answer))
        late = reply(Reply.objects.get(pk=second))

        apps = _migrate(AFTER)

        paths = dict(apps.get_model("posts", "Reply").objects.values_list("pk", "path"))
        assert paths == {
            first: f"{first:010d}",
            second: f"{second:010d}",
            answer: f"{first:010d}/{answer:010d}",
            deeper: f"{first:010d}/{answer:010d}/{deeper:010d}",
            late: f"{second:010d}/{late:010d}",
        }
        in_order = sorted(paths, key=paths.get)
        assert in_order == [first, answer, deeper, second, late]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
