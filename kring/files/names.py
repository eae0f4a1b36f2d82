"""Cleaning the name a browser sends with an upload into one that is safe to show and send."""

import unicodedata

from kring.files.models import NAME_MAX_LENGTH

FALLBACK_STEM = "bestand"


def name_clean(raw: str) -> str:
    """Return the last path part of `raw`, without control or format characters, at most
    NAME_MAX_LENGTH long (the extension kept), never empty and never starting with a dot."""
    name = unicodedata.normalize("NFC", raw or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    # Category C: control, format (bidi overrides, zero-width), surrogates, unassigned.
    name = "".join(" " if unicodedata.category(c).startswith("C") else c for c in name)
    name = " ".join(name.split()).strip(" .")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    extension = extension[:10]
    stem = stem.strip(" .") or FALLBACK_STEM
    room = NAME_MAX_LENGTH - (len(extension) + 1 if extension else 0)
    stem = stem[:room].rstrip(" .") or FALLBACK_STEM
    return f"{stem}.{extension}" if extension else stem


def extension_of(name: str) -> str:
    stem, dot, extension = name.rpartition(".")
    return extension.lower() if dot and stem else ""
