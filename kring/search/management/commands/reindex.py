"""`kring manage reindex`: rebuild the search index, with a progress bar."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from kring.search.services import index_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from every searchable object."

    def handle(self, *args, **options) -> None:
        bar = tqdm(total=0, unit="objects", file=self.stderr, disable=options["verbosity"] == 0)

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        written = index_rebuild(progress=progress)
        bar.close()
        self.stdout.write(f"{written} search documents written.")
