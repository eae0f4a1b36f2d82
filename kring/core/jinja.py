"""The Jinja2 environment for the templates rendered many times (decision 0027).

A thread page renders up to fifty replies, and every page the top bar and navigation;
with Django's template language they cost about twice what they cost here. Only such
templates are written for Jinja2 (in an app's `jinja2/` folder); pages and everything
else stay Django templates.

The templates see the same helpers as the Django tags of the same name (`kring_tags`):
`avatar(person, "sm")`, `moment(value)`, `icon("reply")`, `static(path)`, plus
`url(name, *args)` and `_("text")` (Django's gettext, in the language of the request).
Write translated text as `{{ _("Reply") }}` or `{{ _("to %(name)s")|format(name=value) }}`,
with the literal right inside `_( )`: that is the form `makemessages` finds in templates.
Autoescaping is on.
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from jinja2 import Environment, StrictUndefined

from kring.core.icons import icon_html
from kring.core.templatetags.kring_tags import avatar, moment


def icon(name: str) -> SafeString:
    """The named SVG icon (kring/core/icons.py), decorative; an unknown name is a ValueError."""
    return icon_html(name)


def url(name: str, *args: object) -> str:
    return reverse(name, args=args)


def environment(**options) -> Environment:
    """Django's Jinja2 backend calls this with the TEMPLATES options (autoescape on).

    A name the template does not get is an error, not an empty string: a misspelt one
    fails in the tests instead of leaving a hole in the page."""
    options = {**options, "undefined": StrictUndefined}
    options.pop("autoescape", None)  # always on, whatever TEMPLATES says
    env = Environment(autoescape=True, **options)
    env.globals.update(_=gettext, url=url, icon=icon, avatar=avatar, moment=moment, static=static)
    return env
