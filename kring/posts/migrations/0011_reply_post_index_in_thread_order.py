"""The index on posts_reply.post_id alone goes: reply_thread_order (post_id, path) serves
every lookup by post, and with both PostgreSQL read a page of a long thread through the
one that does not give the replies in reading order (kring/posts/models.py).

Only the index is dropped: Django's own AlterField would also drop and add the foreign
key again on PostgreSQL, checking every reply (millions on a large site) under a lock.
"""

import django.db.models.deletion
from django.db import migrations, models

INDEX = "posts_reply_post_id_faf30edc"  # Django's name for it, the same on both databases


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0010_post_has_praise"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="reply",
                    name="post",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="replies",
                        to="posts.post",
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    f"DROP INDEX IF EXISTS {INDEX}",
                    reverse_sql=f"CREATE INDEX {INDEX} ON posts_reply (post_id)",
                ),
            ],
        ),
    ]
