import re

import pytest
from django.contrib.staticfiles import finders
from django.template import Context, Template, TemplateSyntaxError

from kring.core.icons import ICON_NAMES, SPRITE, SPRITE_FILE, sprite
from kring.core.jinja import icon


def test_icon_renders_a_decorative_svg():
    html = Template('{% load kring_tags %}<a>{% icon "reply" %}Reageren</a>').render(Context())
    assert html.startswith('<a><svg class="icon" aria-hidden="true" focusable="false"')
    assert html.endswith("</svg>Reageren</a>")


def test_icon_draws_its_symbol_from_the_sprite_that_static_files_serve():
    html = Template('{% load kring_tags %}{% icon "reply" %}').render(Context())
    href = re.search(r'<use href="([^"#]+)#([^"]+)">', html)
    assert href is not None, html
    assert href.group(1) == "/static/" + SPRITE
    assert href.group(2) == "reply"
    served = finders.find(SPRITE)  # what collectstatic and the static view hand out
    assert served is not None
    with open(served, encoding="utf-8") as sprite_file:
        assert '<symbol id="reply" viewBox="0 0 24 24"' in sprite_file.read()


def test_sprite_file_has_every_icon_as_written_in_icons_py():
    written = SPRITE_FILE.read_text(encoding="utf-8")
    assert written == sprite(), (
        "static/kring/icons.svg is out of date: run python -m kring.core.icons"
    )
    assert set(re.findall(r'<symbol id="([^"]+)"', written)) == ICON_NAMES


def test_jinja_icon_is_the_same_markup_as_the_tag():
    tag = Template('{% load kring_tags %}{% icon "bell" %}').render(Context())
    assert icon("bell") == tag


def test_jinja_icon_fails_if_the_name_is_unknown():
    with pytest.raises(ValueError, match="No icon 'no-such-icon'"):
        icon("no-such-icon")


@pytest.mark.parametrize("tag", ['{% icon "no-such-icon" %}', "{% icon name %}", "{% icon %}"])
def test_an_unknown_or_unquoted_icon_fails_when_the_template_is_compiled(tag):
    with pytest.raises(TemplateSyntaxError, match="quoted icon name"):
        Template("{% load kring_tags %}" + tag)
