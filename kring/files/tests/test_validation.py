"""What an upload must be: the type read from its content, on the allow-list, safe names."""

from io import BytesIO

import pytest
from PIL import Image

from kring.core.errors import ValidationFailed
from kring.files.names import name_clean
from kring.files.tests.samples import (
    docx_bomb,
    docx_with_text,
    jpeg_with_exif,
    pdf_with_text,
    png_bomb,
    png_bytes,
    upload,
    zip_bytes,
)
from kring.files.validation import upload_check


def refused(name: str, content: bytes) -> str:
    """The message a colleague reads (Dutch, the default language)."""
    with pytest.raises(ValidationFailed) as caught:
        upload_check(upload(name, content))
    return str(caught.value.message)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system.ini", "system.ini"),
        ("rap\x00port\x07.pdf", "rap port.pdf"),
        ("evil\u202egpj.exe", "evil gpj.exe"),  # a right-to-left override hides ".exe"
        ("  ...verborgen.txt  ", "verborgen.txt"),
        ("", "bestand"),
        ("../", "bestand"),
        ("a" * 400 + ".docx", "a" * 145 + ".docx"),
    ],
)
def test_name_clean_returns_safe_name_if_name_is_hostile(raw, clean):
    assert name_clean(raw) == clean


def test_upload_check_passes_if_pdf_named_pdf():
    checked = upload_check(upload("Jaarplan 2027.pdf", pdf_with_text("Jaarplan")))
    assert (checked.kind, checked.name, checked.content_type) == (
        "pdf",
        "Jaarplan 2027.pdf",
        "application/pdf",
    )


def test_upload_check_passes_if_docx_and_adds_extension_if_name_has_none():
    checked = upload_check(upload("Werkinstructie", docx_with_text("Kassa openen")))
    assert (checked.kind, checked.name) == ("docx", "Werkinstructie.docx")


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("notities.md", "# Kop\n\nTekst met één accent".encode(), "markdown"),
        ("lijst.csv", b"naam;telefoon\nAnna;0612345678\n", "csv"),
        ("leesmij.txt", b"Gewone tekst\n", "text"),
    ],
)
def test_upload_check_passes_if_utf8_text_with_text_extension(name, content, kind):
    assert upload_check(upload(name, content)).kind == kind


def test_upload_check_fails_if_pdf_pretends_to_be_image():
    message = refused("vakantiefoto.png", pdf_with_text("Geen foto"))
    assert "vakantiefoto.png" in message and "PDF" in message


def test_upload_check_fails_if_text_pretends_to_be_image():
    assert "niet toegestaan" in refused("foto.jpg", b"<html><script>alert(1)</script></html>")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 100),
        ("pagina.html", b"<!doctype html><script>alert(1)</script>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("binair.bin", bytes(range(256)) * 4),
    ],
)
def test_upload_check_fails_if_type_not_allowed(name, content):
    assert "niet toegestaan" in refused(name, content)


def test_upload_check_fails_if_zip_archive():
    assert "zip-bestanden" in refused("alles.zip", zip_bytes({"a.txt": b"hallo"}))


def test_upload_check_fails_if_office_file_is_zip_bomb():
    assert "pakt uit" in refused("rapport.docx", docx_bomb())


def test_upload_check_fails_if_office_file_has_macros():
    content = zip_bytes({
        "[Content_Types].xml": b"<Types/>",
        "word/document.xml": b"<w:document/>",
        "word/vbaProject.bin": b"macro",
    })  # fmt: skip
    assert "macro's" in refused("brief.docx", content)


def test_upload_check_fails_if_file_is_empty():
    assert "is leeg" in refused("leeg.txt", b"")


def test_upload_check_fails_if_file_is_too_large(settings):
    settings.KRING_UPLOAD_MAX_BYTES = 1024 * 1024
    assert "te groot" in refused("groot.txt", b"a" * (1024 * 1024 + 1))


def test_upload_check_fails_if_png_is_decompression_bomb():
    assert "te veel pixels" in refused("bom.png", png_bomb())


def test_upload_check_fails_if_image_is_damaged():
    assert "niet te lezen" in refused("kapot.png", png_bytes()[:60])


def test_upload_check_strips_exif_if_photo_has_location():
    checked = upload_check(upload("foto.jpg", jpeg_with_exif()))
    data = checked.content.read()
    assert b"SecretCameraMaker" not in data
    with Image.open(BytesIO(data)) as image:
        assert image.format == "JPEG" and not image.getexif()


def test_upload_check_drops_appended_payload_if_image_is_polyglot():
    polyglot = png_bytes() + b"<html><script>alert(1)</script></html>" + zip_bytes({"x": b"y"})
    data = upload_check(upload("plaatje.png", polyglot)).content.read()
    assert b"<script>" not in data and b"PK\x03\x04" not in data
    with Image.open(BytesIO(data)) as image:
        assert image.size == (40, 30)
