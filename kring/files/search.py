"""Library files in search (decision 0020): kind "file", found by name and by the text
extracted from the current version; the library's space decides who finds it."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.files.models import LibraryFile
from kring.search.registry import Document, SearchKind, register
from kring.search.text import words


def file_document(file: LibraryFile) -> Document | None:
    version = file.current
    if version is None:
        return None
    return Document(
        scope="space",
        title=file.name,
        # PostgreSQL's parser keeps "foto-wombatkoor.png" as one file token: the name's
        # words go into the text as well, so a word of the name finds it.
        text=f"{' '.join(words(file.name))}\n{version.text}",
        url=file.get_absolute_url(),
        created_at=file.created_at,
        updated_at=file.updated_at,
        group_id=file.group_id,
        author_id=version.uploaded_by_id,
        language=version.uploaded_by.language if version.uploaded_by else "nl",
    )


register(
    SearchKind(
        kind="file",
        label=_("Files"),
        result_label=pgettext_lazy("search result", "File"),
        model=LibraryFile,
        queryset=lambda: LibraryFile.objects.select_related("current", "current__uploaded_by"),
        document=file_document,
        order=40,
    )
)
