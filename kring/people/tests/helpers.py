"""Small helpers for the people tests: the text a Dutch user reads, and real image files."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from PIL import Image


def dutch(text: str, **values) -> str:
    """The message as a Dutch user reads it on the page (HTML-escaped), whether translated yet or not."""
    with translation.override("nl"):
        message = gettext(text)
    return escape(message % values if values else message)


def image_upload(
    name: str = "me.png", size: tuple[int, int] = (800, 600), image_format: str = "PNG"
) -> SimpleUploadedFile:
    """A real, small image file as a browser would upload it."""
    buffer = BytesIO()
    Image.new("RGB", size, (31, 95, 168)).save(buffer, image_format)
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}[image_format]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)
