import pytest
from django.template import Context, Template, TemplateSyntaxError


def test_icon_renders_a_decorative_svg():
    html = Template('{% load kring_tags %}<a>{% icon "reply" %}Reageren</a>').render(Context())
    assert html.startswith('<a><svg class="icon" aria-hidden="true"')
    assert html.endswith("</svg>Reageren</a>")


@pytest.mark.parametrize("tag", ['{% icon "no-such-icon" %}', "{% icon name %}", "{% icon %}"])
def test_an_unknown_or_unquoted_icon_fails_when_the_template_is_compiled(tag):
    with pytest.raises(TemplateSyntaxError, match="quoted icon name"):
        Template("{% load kring_tags %}" + tag)
