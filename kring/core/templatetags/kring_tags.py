from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from kring.core.icons import ICON_NAMES, icon_html
from kring.core.links import link_text

register = template.Library()


@register.simple_tag
def moment(value):
    """A moment as `<time>`: the exact date and time, which kring.js shows as "2 uur geleden".

    The HTML does not depend on when it is rendered, so it can sit in a cached fragment
    (kring/core/fragments.py) and stays right while a page is open: the browser keeps the
    relative text current. Without JavaScript the exact moment is what one reads.
    """
    if value is None:
        return ""
    local = timezone.localtime(value)
    return format_html(
        '<time datetime="{}" data-relative title="{}">{}</time>',
        value.isoformat(),
        date_format(local, "DATETIME_FORMAT"),
        date_format(local, "SHORT_DATETIME_FORMAT"),
    )


class _ConstantNode(template.Node):
    def __init__(self, html):
        self.html = html

    def render(self, context):
        return self.html


@register.tag
def icon(parser, token):
    """`{% icon "reply" %}`: the named SVG icon (kring/core/icons.py), decorative.

    The name must be a literal; an unknown one fails when the template is compiled.
    """
    bits = token.split_contents()
    name = bits[1].strip("\"'") if len(bits) == 2 else ""
    if len(bits) != 2 or bits[1][0] not in "\"'" or name not in ICON_NAMES:
        raise template.TemplateSyntaxError(
            f"{{% icon %}} takes one quoted icon name, one of: {', '.join(sorted(ICON_NAMES))}"
        )
    return _ConstantNode(icon_html(name))


@register.simple_tag
def avatar(person, size="md"):
    """`{% avatar person "sm" %}`: the colleague's photo, or their initials on a colour.

    Decorative (the name is always next to it). The photo goes through the access-checked
    photo view, with the file's name as cache buster.
    """
    size = size or "md"
    if person.photo:
        return format_html(
            '<img class="avatar avatar-{}" src="{}?v={}" alt="" width="48" height="48" loading="lazy">',
            size,
            link_text("people:photo", person.username),
            person.photo.name[7:-4],
        )
    return format_html(
        '<span class="avatar avatar-{} avatar-initials" aria-hidden="true" data-hue="{}">{}</span>',
        size,
        person.pk or 0,
        person.initials,
    )


@register.simple_tag(takes_context=True)
def chrome(context, part):
    """`{% chrome "top" %}`: a part of what every page has around its content (base.html)."""
    from kring.core.chrome import chrome_html

    return chrome_html(context, part)
