"""Background work for search: indexing one object after its change is committed."""

from django.tasks import task

from kring.search.services import document_index


@task
def search_index(*, kind: str, object_id: int) -> bool:
    """(Re)index one object; True when it has a document now. Idempotent."""
    return document_index(kind=kind, object_id=object_id) is not None
