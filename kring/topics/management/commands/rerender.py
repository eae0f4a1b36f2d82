"""`kring manage rerender`: render stored posts and replies again and record their tags.

Post and reply HTML is rendered once, when it is saved. After an upgrade that changes
the rendering (issue 4 added #hashtag and @mention links and the topics and mentions they
record) older messages keep their old HTML until this command runs. It sends no
notifications and can run again at any time: it only rewrites what changed.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from kring.posts.models import Post, Reply
from kring.topics.services import body_prepare, body_tags_record

BATCH = 500


class Command(BaseCommand):
    help = "Render every post and reply again (hashtags and mentions as links) and record their topics and mentions."

    def handle(self, *args, **options) -> None:
        for model in (Post, Reply):
            rows = model.objects.select_related("author").order_by("pk")
            if model is Reply:
                rows = rows.filter(deleted_at__isnull=True)
            total, changed = rows.count(), 0
            for done, item in enumerate(rows.iterator(chunk_size=BATCH), start=1):
                with transaction.atomic():
                    prepared = body_prepare(author=item.author, body=item.body)
                    if prepared.html != item.body_html:
                        model.objects.filter(pk=item.pk).update(body_html=prepared.html)
                        changed += 1
                    body_tags_record(item=item, prepared=prepared)  # nobody is notified
                if done % BATCH == 0 or done == total:
                    self.stdout.write(
                        f"{model._meta.verbose_name_plural}: {done}/{total}\r", ending=""
                    )
            self.stdout.write(
                f"\n{model._meta.verbose_name_plural}: {changed} of {total} rendered anew"
            )
