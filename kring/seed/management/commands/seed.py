"""`manage.py seed demo` (also `kring seed demo`): load the demo organisation once."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse

from kring.core.errors import ApplicationError
from kring.seed import demo_data
from kring.seed.services import demo_is_loaded, demo_load, demo_logins

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Load example data. 'demo' is a Dutch municipality with people, groups and posts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dataset", choices=["demo"], help="what to load")

    def handle(self, *args, dataset: str, verbosity: int, **options) -> None:
        organisation = demo_data.ORGANISATION
        if demo_is_loaded():
            self.stdout.write(f"The demo organisation {organisation} is already loaded.")
        else:
            self.stdout.write(f"Loading the demo organisation {organisation}…")
            try:
                demo_load(progress=self._progress if verbosity else None)
            except ApplicationError as error:
                # The demo's names can clash with accounts made by hand before.
                raise CommandError(f"Could not load the demo: {error.message}") from None
            self.stdout.write(self.style.SUCCESS(f"Loaded {organisation}."))
        if verbosity:
            self._print_logins()

    def _progress(self, done: int, total: int) -> None:
        """Redraw one bar on a terminal; elsewhere (logs, CI) print every tenth."""
        if self.stdout.isatty():
            filled = BAR_WIDTH * done // total
            bar = "#" * filled + "." * (BAR_WIDTH - filled)
            self.stdout.write(f"\r  [{bar}] {done}/{total}", ending="\n" if done == total else "")
            self.stdout.flush()
        elif done == total or done * 10 // total != (done - 1) * 10 // total:
            self.stdout.write(f"  {done}/{total}")

    def _print_logins(self) -> None:
        rows = [(login.role, login.username, login.name) for login in demo_logins()]
        headers = ("Who", "Username", "Name")
        widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(3)]
        self.stdout.write("")
        sign_in = settings.KRING_SITE_URL.rstrip("/") + reverse("account_login")
        self.stdout.write(f"Sign in at {sign_in} with one of these accounts:")
        self.stdout.write("")
        for row in [headers, tuple("-" * w for w in widths), *rows]:
            line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write(f"  {line}".rstrip())
        self.stdout.write("")
        self.stdout.write(
            f"Every demo account has the password: {self.style.SUCCESS(demo_data.DEMO_PASSWORD)}"
        )
