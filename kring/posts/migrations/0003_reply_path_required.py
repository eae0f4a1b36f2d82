from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0002_reply_path"),
    ]

    operations = [
        migrations.AlterField(
            model_name="reply",
            name="path",
            field=models.CharField(editable=False, max_length=1099),
        ),
        migrations.AddIndex(
            model_name="reply",
            index=models.Index(fields=["post", "path"], name="reply_thread_order"),
        ),
    ]
