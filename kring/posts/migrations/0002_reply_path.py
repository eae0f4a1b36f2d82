"""Reply.path: each reply's place in reading order (see kring/posts/models.py).

Filled level by level with one UPDATE per level (top-level replies first, then their
answers, ...), so a thread of any depth takes as many statements as it is deep. The
column becomes required and indexed in 0003, in a transaction of its own: PostgreSQL
refuses to alter a table that has pending updates in the same transaction.
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat, LPad

DIGITS = 10  # kring.posts.models.PATH_DIGITS when this was written


def _segment():
    return LPad(Cast("id", models.CharField()), DIGITS, Value("0"))


def paths_fill(apps, schema_editor):
    Reply = apps.get_model("posts", "Reply")
    Reply.objects.filter(parent__isnull=True).update(path=_segment())
    while True:
        parent_path = Subquery(Reply.objects.filter(pk=OuterRef("parent_id")).values("path")[:1])
        updated = Reply.objects.filter(path__isnull=True, parent__path__isnull=False).update(
            path=Concat(parent_path, Value("/"), _segment(), output_field=models.CharField())
        )
        if not updated:
            break


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="reply",
            name="path",
            field=models.CharField(editable=False, max_length=1099, null=True),
        ),
        migrations.RunPython(paths_fill, migrations.RunPython.noop, elidable=False),
    ]
