"""`{% page_attachments page %}`: a knowledge page's files, and for its editors an upload form."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from kring import access
from kring.files.models import LibraryFile
from kring.files.validation import allowed_summary, upload_max_mb

register = template.Library()


@register.simple_tag(takes_context=True)
def page_attachments(context, page) -> SafeString:
    """The files attached to `page` that the reader may open; nothing when there are none
    and the reader may not add any."""
    viewer = context["request"].user
    files = list(
        access.visible(viewer, LibraryFile.objects.filter(page=page)).select_related(
            "current", "current__uploaded_by"
        )
    )
    may_attach = access.can_edit_page(viewer, page) and access.can_upload_file(viewer, page.group)
    if not files and not may_attach:
        return SafeString("")
    return render_to_string(
        "files/partials/attachments.html",
        {
            "files": files,
            "page": page,
            "may_attach": may_attach,
            "allowed": allowed_summary(),
            "max_mb": upload_max_mb(),
        },
        request=context["request"],
    )
