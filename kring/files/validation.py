"""What Kring accepts as a library file: the type read from the content, against an allow-list.

The browser's name and content type are never trusted: `upload_check` reads the bytes
(puremagic for binary formats, the zip directory for office files, a strict UTF-8 read
for text), refuses whatever is not on the list or does not match the name's extension,
and re-encodes images with Pillow (no EXIF, no polyglots). Plain zip archives are
refused: nobody can preview them, they hide what they carry, and they are the classic
bomb; office files are zips too, so their directory is checked for bombs without
unpacking anything.
"""

import codecs
import warnings
import zipfile
from dataclasses import dataclass
from io import BytesIO

import puremagic
from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

from kring.core.errors import ValidationFailed
from kring.files.names import extension_of, name_clean

HEADER_BYTES = 8192
ZIP_MAX_ENTRIES = 5000
ZIP_MAX_RATIO = 100  # uncompressed / compressed, per entry of more than 1 MB
ZIP_MAX_UNPACKED = 1024 * 1024 * 1024


@dataclass(frozen=True)
class Kind:
    label: object  # a lazy translated string
    content_type: str
    extensions: tuple[str, ...]  # the first is added to a name without one
    image_format: str = ""  # Pillow's format name, for images


_OOXML = "application/vnd.openxmlformats-officedocument."
_ODF = "application/vnd.oasis.opendocument."
KINDS: dict[str, Kind] = {
    "pdf": Kind(gettext_lazy("PDF document"), "application/pdf", ("pdf",)),
    "png": Kind(gettext_lazy("PNG image"), "image/png", ("png",), "PNG"),
    "jpeg": Kind(gettext_lazy("JPEG image"), "image/jpeg", ("jpg", "jpeg"), "JPEG"),
    "gif": Kind(gettext_lazy("GIF image"), "image/gif", ("gif",), "GIF"),
    "webp": Kind(gettext_lazy("WebP image"), "image/webp", ("webp",), "WEBP"),
    "docx": Kind(gettext_lazy("Word document"), _OOXML + "wordprocessingml.document", ("docx",)),
    "xlsx": Kind(gettext_lazy("Excel sheet"), _OOXML + "spreadsheetml.sheet", ("xlsx",)),
    "pptx": Kind(gettext_lazy("PowerPoint"), _OOXML + "presentationml.presentation", ("pptx",)),
    "odt": Kind(gettext_lazy("OpenDocument text"), _ODF + "text", ("odt",)),
    "ods": Kind(gettext_lazy("OpenDocument sheet"), _ODF + "spreadsheet", ("ods",)),
    "odp": Kind(gettext_lazy("OpenDocument slides"), _ODF + "presentation", ("odp",)),
    "text": Kind(gettext_lazy("Text"), "text/plain; charset=utf-8", ("txt", "log")),
    "markdown": Kind(gettext_lazy("Markdown"), "text/markdown; charset=utf-8", ("md", "markdown")),
    "csv": Kind(gettext_lazy("CSV table"), "text/csv; charset=utf-8", ("csv", "tsv")),
}
IMAGE_KINDS = {key for key, kind in KINDS.items() if kind.image_format}
TEXT_KINDS = ("text", "markdown", "csv")
_MIME_KINDS = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpeg",
    "image/gif": "gif",
    "image/webp": "webp",
}
_OOXML_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
_ODF_KINDS = {(_ODF + name).encode(): key for key, name in
              (("odt", "text"), ("ods", "spreadsheet"), ("odp", "presentation"))}  # fmt: skip


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    kind: str
    content: File
    size: int

    @property
    def content_type(self) -> str:
        return KINDS[self.kind].content_type


def _refuse(message: str) -> ValidationFailed:
    return ValidationFailed(message, field="upload")


def upload_max_mb() -> int:
    """The upload size limit in whole megabytes, as the pages state it."""
    return settings.KRING_UPLOAD_MAX_BYTES // (1024 * 1024)


def allowed_summary() -> str:
    return _(
        "PDF, Word, Excel, PowerPoint, OpenDocument, images (PNG, JPEG, GIF, WebP), text, Markdown and CSV"
    )


def upload_check(upload: UploadedFile) -> CheckedUpload:
    """Return the upload with a clean name, its detected kind and safe content, or raise
    ValidationFailed (field "upload") with a message that says what is wrong."""
    name = name_clean(upload.name or "")
    limit = settings.KRING_UPLOAD_MAX_BYTES
    if upload.size is None or upload.size == 0:
        raise _refuse(
            _("“%(name)s” is empty. Choose a file with something in it.") % {"name": name}
        )
    if upload.size > limit:
        raise _refuse(
            _("“%(name)s” is too large; files can be up to %(mb)s MB.")
            % {"name": name, "mb": limit // (1024 * 1024)}
        )
    kind = _detect(upload, name)
    extension = extension_of(name)
    if not extension:
        name = name_clean(f"{name}.{KINDS[kind].extensions[0]}")
    elif extension not in KINDS[kind].extensions:
        raise _refuse(
            _("“%(name)s” is not what its name says: its content is a %(kind)s. "
              "Rename it or choose the right file.")
            % {"name": name, "kind": KINDS[kind].label}
        )  # fmt: skip
    if kind in IMAGE_KINDS:
        content = _image_reencoded(upload, name, kind)
        return CheckedUpload(name=name, kind=kind, content=content, size=content.size)
    upload.seek(0)
    return CheckedUpload(name=name, kind=kind, content=upload, size=upload.size)


def _not_allowed(name: str) -> ValidationFailed:
    return _refuse(
        _("Kring does not accept “%(name)s”: this type of file is not allowed. "
          "You can upload %(types)s.")
        % {"name": name, "types": allowed_summary()}
    )  # fmt: skip


def _detect(upload: UploadedFile, name: str) -> str:
    upload.seek(0)
    header = upload.read(HEADER_BYTES)
    upload.seek(0)
    if header.startswith(b"PK\x03\x04"):
        return _zip_kind(upload, name)
    try:
        mime = puremagic.from_string(header, mime=True)
    except (puremagic.PureError, ValueError):
        mime = ""
    if mime in _MIME_KINDS:
        return _MIME_KINDS[mime]
    if _is_utf8_text(upload):
        extension = extension_of(name)
        for key in TEXT_KINDS:
            if extension in KINDS[key].extensions:
                return key
        if not extension:
            return "text"
    raise _not_allowed(name)


def _is_utf8_text(upload: UploadedFile) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    upload.seek(0)
    try:
        for chunk in upload.chunks():
            if b"\x00" in chunk:
                return False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        upload.seek(0)
    return True


def _zip_kind(upload: UploadedFile, name: str) -> str:
    """Office files are zips: read the directory (never unpack) and tell which one it is."""
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            _zip_bomb_check(entries, name)
            names = {entry.filename for entry in entries}
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                raise _refuse(
                    _("“%(name)s” contains macros. Save it without macros and try again.")
                    % {"name": name}
                )
            if "[Content_Types].xml" in names:
                for part, key in _OOXML_PARTS.items():
                    if part in names:
                        return key
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
                kind = _ODF_KINDS.get(archive.read("mimetype").strip())
                if kind:
                    return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, ValueError):
        raise _not_allowed(name) from None
    finally:
        upload.seek(0)
    raise _refuse(
        _(
            "Kring does not accept zip archives such as “%(name)s”. Upload the files in it one by one."
        )
        % {"name": name}
    )


def _zip_bomb_check(entries: list[zipfile.ZipInfo], name: str) -> None:
    unpacked = sum(entry.file_size for entry in entries)
    bomb = len(entries) > ZIP_MAX_ENTRIES or unpacked > ZIP_MAX_UNPACKED
    for entry in entries:
        if entry.file_size > 1024 * 1024 and (
            entry.compress_size == 0 or entry.file_size / entry.compress_size > ZIP_MAX_RATIO
        ):
            bomb = True
    if bomb:
        raise _refuse(
            _("“%(name)s” would unpack to far more than its size. Kring does not accept it.")
            % {"name": name}
        )


def _image_reencoded(upload: UploadedFile, name: str, kind: str) -> ContentFile:
    """Draw the image again with Pillow: only pixels survive (no EXIF, nothing appended)."""
    unreadable = _refuse(
        _("“%(name)s” looks like an image, but it cannot be read. It may be damaged.")
        % {"name": name}
    )
    target = KINDS[kind].image_format
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                if image.format != target:
                    raise unreadable
                if image.width * image.height > settings.KRING_IMAGE_MAX_PIXELS:
                    raise _refuse(
                        _("“%(name)s” has too many pixels (at most %(mp)s megapixels).")
                        % {"name": name, "mp": settings.KRING_IMAGE_MAX_PIXELS // 1_000_000}
                    )
                image.load()
                image = ImageOps.exif_transpose(image)
                buffer = BytesIO()
                if target == "JPEG":
                    image.convert("RGB").save(buffer, "JPEG", quality=90, optimize=True)
                else:
                    if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                        image = image.convert("RGBA")
                    image.save(buffer, target)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse(
            _("“%(name)s” has too many pixels (at most %(mp)s megapixels).")
            % {"name": name, "mp": settings.KRING_IMAGE_MAX_PIXELS // 1_000_000}
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise unreadable from None
    finally:
        upload.seek(0)
    return ContentFile(buffer.getvalue(), name=name)
