"""The one way a stored file leaves Kring: a response with safe headers, after access said yes."""

from django.http import FileResponse, Http404

from kring.files.models import FileVersion
from kring.files.validation import IMAGE_KINDS

# Even an image is shown as a sandboxed document: nothing in it can run or load anything.
SANDBOX = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def version_response(
    version: FileVersion, *, thumbnail: bool = False, name: str | None = None
) -> FileResponse:
    """Stream a version (or its thumbnail). Only re-encoded raster images are shown inline;
    everything else is an attachment under its clean name (`name`, else the version's)."""
    field = version.thumbnail if thumbnail else version.blob
    try:
        handle = field.storage.open(field.name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    inline = thumbnail or version.kind in IMAGE_KINDS
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=name or version.name,
        content_type="image/png" if thumbnail else version.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX
    response["Cache-Control"] = "private, no-store" if not thumbnail else "private, max-age=3600"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
