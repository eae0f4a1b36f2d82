from django.db import migrations, models


def praise_flags_set(apps, schema_editor):
    """Posts that already carry praise get the flag (praise is only ever made with its post)."""
    Post = apps.get_model("posts", "Post")
    Praise = apps.get_model("reactions", "Praise")
    Post.objects.filter(pk__in=Praise.objects.values("post_id")).update(has_praise=True)


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0009_recent_activity_indexes"),
        ("reactions", "0002_recent_by_person"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="has_praise",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(praise_flags_set, migrations.RunPython.noop, elidable=True),
    ]
