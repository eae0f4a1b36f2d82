"""Reading text (for search) and thumbnails out of a stored file version.

Each reader gets a file object and returns text; anything a broken or hostile file
makes a library raise is caught by the task, which marks the version as failed.
"""

from io import BytesIO
from typing import BinaryIO

from django.core.files.base import ContentFile
from PIL import Image

TEXT_MAX_CHARS = 1_000_000
PDF_MAX_PAGES = 500
THUMBNAIL_SIZE = (320, 320)


def _pdf_text(blob: BinaryIO) -> str:
    from pypdf import PdfReader

    reader = PdfReader(blob)
    parts, length = [], 0
    for page in reader.pages[:PDF_MAX_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
        if length >= TEXT_MAX_CHARS:
            break
    return "\n".join(parts)


def _docx_text(blob: BinaryIO) -> str:
    import docx

    document = docx.Document(blob)
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _plain_text(blob: BinaryIO) -> str:
    return blob.read(TEXT_MAX_CHARS * 4).decode("utf-8", errors="replace")


READERS = {"pdf": _pdf_text, "docx": _docx_text, "text": _plain_text,
           "markdown": _plain_text, "csv": _plain_text}  # fmt: skip


def text_extract(kind: str, blob: BinaryIO) -> str | None:
    """The text of the file, cut at TEXT_MAX_CHARS; None for a kind without text."""
    reader = READERS.get(kind)
    if reader is None:
        return None
    text = reader(blob).replace("\x00", "")
    return text[:TEXT_MAX_CHARS].strip()


def thumbnail_make(blob: BinaryIO) -> ContentFile:
    """A small PNG of an (already re-encoded, size-checked) image."""
    with Image.open(blob) as image:
        image.thumbnail(THUMBNAIL_SIZE)
        if image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA")
        buffer = BytesIO()
        image.save(buffer, "PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name="thumbnail.png")
