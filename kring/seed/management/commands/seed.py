"""`manage.py seed demo|scale` (also `kring seed ...`): load example data.

demo: the small demo organisation, once. scale: a large organisation for measurements
(kring/seed/scale.py), only into an empty database.
"""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import IntegrityError
from django.urls import reverse

from kring.core.errors import ApplicationError
from kring.seed import demo_data
from kring.seed.scale import (
    PRESETS,
    SCALE_PASSWORD,
    ScaleReport,
    ScaleSize,
    scale_check,
    scale_load,
)
from kring.seed.services import Login, demo_is_loaded, demo_load, demo_logins

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Load example data. 'demo' is a Dutch municipality with people, groups and posts; "
        "'scale' fills an empty database with a large one for measurements."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dataset", choices=["demo", "scale"], help="what to load")
        scale = parser.add_argument_group("scale", "sizes (a preset, then what you set)")
        scale.add_argument(
            "--preset",
            choices=list(PRESETS),
            help=", ".join(
                f"{name}: {s.users:,} people, {s.groups:,} groups, {s.posts:,} posts"
                for name, s in PRESETS.items()
            )
            + " (default: small)",
        )
        scale.add_argument("--users", type=int, help="number of people")
        scale.add_argument("--groups", type=int, help="number of groups")
        scale.add_argument("--posts", type=int, help="number of posts (replies come on top)")
        scale.add_argument(
            "--no-index",
            action="store_true",
            help="leave the search index empty (build it later with `kring manage reindex`)",
        )
        scale.add_argument(
            "--seed",
            type=int,
            default=1,
            help="random seed: the same seed gives the same data (times count back from now)",
        )

    def handle(self, *args, dataset: str, verbosity: int, **options) -> None:
        if dataset == "scale":
            self._scale(verbosity=verbosity, **options)
            return
        if any(options[name] is not None for name in ("preset", "users", "groups", "posts")):
            raise CommandError("--preset, --users, --groups and --posts are for 'seed scale'.")
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
            except IntegrityError:
                # ...and its departments with other data, such as `seed scale`'s.
                raise CommandError(
                    "Could not load the demo: the database already holds other data "
                    "(departments with the demo's names). Use an empty database."
                ) from None
            self.stdout.write(self.style.SUCCESS(f"Loaded {organisation}."))
        if verbosity:
            self._print_logins(demo_logins(), demo_data.DEMO_PASSWORD, what="demo")

    def _scale(
        self,
        *,
        verbosity: int,
        preset: str | None,
        users: int | None,
        groups: int | None,
        posts: int | None,
        seed: int,
        no_index: bool = False,
        **options,
    ) -> None:
        base = PRESETS[preset or "small"]
        size = ScaleSize(
            users=base.users if users is None else users,
            groups=base.groups if groups is None else groups,
            posts=base.posts if posts is None else posts,
        )
        try:
            scale_check(size)
            self.stdout.write(
                f"Filling the database with {size.users:,} people, {size.groups:,} groups and "
                f"{size.posts:,} posts (seed {seed})…"
            )
            report = scale_load(
                size=size,
                seed=seed,
                progress_file=sys.stderr if verbosity else None,
                index=not no_index,
            )
        except ApplicationError as error:
            raise CommandError(f"Could not load the scale data: {error.message}") from None
        self._print_scale_report(report)
        if no_index:
            self.stdout.write(
                "The search index is empty: run `kring manage reindex` before searching."
            )
        if verbosity:
            self._print_logins(report.logins, SCALE_PASSWORD, what="scale")

    def _print_scale_report(self, report: ScaleReport) -> None:
        self.stdout.write("")
        width = max(len(name) for name in [*report.counts, *report.seconds])
        for name, count in report.counts.items():
            self.stdout.write(f"  {name:<{width}}  {count:>12,}")
        self.stdout.write("")
        self.stdout.write("Seconds per phase:")
        for name, seconds in report.seconds.items():
            self.stdout.write(f"  {name:<{width}}  {seconds:>12.1f}")
        total = sum(report.seconds.values())
        self.stdout.write(self.style.SUCCESS(f"  {'total':<{width}}  {total:>12.1f}"))

    def _progress(self, done: int, total: int) -> None:
        """Redraw one bar on a terminal; elsewhere (logs, CI) print every tenth."""
        if self.stdout.isatty():
            filled = BAR_WIDTH * done // total
            bar = "#" * filled + "." * (BAR_WIDTH - filled)
            self.stdout.write(f"\r  [{bar}] {done}/{total}", ending="\n" if done == total else "")
            self.stdout.flush()
        elif done == total or done * 10 // total != (done - 1) * 10 // total:
            self.stdout.write(f"  {done}/{total}")

    def _print_logins(self, logins: list[Login], password: str, *, what: str) -> None:
        rows = [(login.role, login.username, login.name) for login in logins]
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
        self.stdout.write(f"Every {what} account has the password: {self.style.SUCCESS(password)}")
