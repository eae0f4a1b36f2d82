"""Background work for files: text and thumbnails, kept on the version for search."""

import logging

from django.tasks import task

from kring.files.extraction import text_extract, thumbnail_make
from kring.files.models import FileVersion
from kring.files.services import version_text_store
from kring.files.validation import IMAGE_KINDS

logger = logging.getLogger(__name__)


@task
def file_version_extract(*, version_id: int) -> str:
    """Extract the text (PDF, Word, text) or make the thumbnail (images) of one version.

    Never raises for a broken file: the version is marked "failed" and the upload stays.
    Idempotent: running it again overwrites the result.
    """
    version = FileVersion.objects.filter(pk=version_id).first()
    if version is None:
        return "gone"
    text, state, thumbnail = "", FileVersion.Extraction.NONE, None
    try:
        with version.blob.open("rb") as blob:
            if version.kind in IMAGE_KINDS:
                thumbnail, state = thumbnail_make(blob), FileVersion.Extraction.DONE
            else:
                found = text_extract(version.kind, blob)
                if found is not None:
                    text, state = found, FileVersion.Extraction.DONE
    except Exception:  # a hostile or broken file may make any reader raise anything
        logger.warning("Could not read file version %s", version_id, exc_info=True)
        text, state, thumbnail = "", FileVersion.Extraction.FAILED, None
    version_text_store(version_id=version_id, text=text, state=state, thumbnail=thumbnail)
    return state
