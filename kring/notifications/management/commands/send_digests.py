"""`kring manage send_digests`: send the digests that are due now (the worker does this hourly)."""

from django.core.management.base import BaseCommand

from kring.notifications.digests import digests_send_due


class Command(BaseCommand):
    help = "Send the digest e-mails that are due now; safe to run any number of times."

    def handle(self, *args, **options) -> None:
        sent = digests_send_due()
        self.stdout.write(f"{sent} digest(s) sent")
