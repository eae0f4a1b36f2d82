"""Which hashtags and mentions a text has, and how they are rendered."""

import pytest

from kring.core.markdown import TagLinks, extract_tags, render_markdown_with_tags
from kring.topics.models import topic_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Over #inkoop vandaag", ["inkoop"]),
        ("#Zorg-Innovatie in de wijk", ["Zorg-Innovatie"]),
        ("#café en #ijsselstreek en #één", ["café", "ijsselstreek", "één"]),
        ("(#haakjes), #punt.", ["haakjes", "punt"]),
        ("#inkoop en #Inkoop en #INKOOP", ["inkoop"]),
        ("streepje aan het eind #trail-", ["trail"]),
        ("ontleed: #cafe\u0301 en #e\u0301e\u0301n", ["cafe\u0301", "e\u0301e\u0301n"]),
    ],
)
def test_extract_tags_returns_hashtags_if_written_in_text(text, expected):
    assert extract_tags(text).hashtags == expected


@pytest.mark.parametrize(
    "text",
    [
        "Zie https://x.nl/#anchor voor meer",
        "In `#code` staat het",
        "```\n#inblock\n```",
        "    #ingesprongen code",
        "[#linktekst](https://a.nl)",
        "Ticket #1 en #2024",
        "C# en pagina#anker",
        "&#35;entity en \\#ontsnapt",
    ],
)
def test_extract_tags_returns_nothing_if_code_url_link_or_number(text):
    assert extract_tags(text).hashtags == []


def test_extract_tags_returns_mentions_but_not_email_addresses():
    tags = extract_tags("Vraag @anna of @team-inkoop, niet jan@voorbeeld.nl. `@code` @bram.")
    assert tags.mentions == ["anna", "team-inkoop", "bram"]


def test_topic_key_returns_same_key_if_case_or_normal_form_differs():
    composed, decomposed = "caf\u00e9", "cafe\u0301"
    assert topic_key("CAFÉ") == topic_key(composed) == topic_key(decomposed) == "café"


def test_render_returns_links_for_hashtags_and_known_mentions_only():
    links = TagLinks(
        hashtag_url=lambda name: f"/topics/{topic_key(name)}/",
        mention_url=lambda name: "/people/anna/" if name == "anna" else None,
    )
    html = render_markdown_with_tags("#Inkoop met @anna en @niemand, `#code`", links=links)
    assert '<a href="/topics/inkoop/" class="hashtag"' in html
    assert '<a href="/people/anna/" class="mention"' in html
    assert "@niemand" in html and "/people/niemand/" not in html
    assert "<code>#code</code>" in html


def test_render_keeps_markup_out_if_hashtag_looks_like_html():
    links = TagLinks(hashtag_url=lambda name: f"/topics/{name}/", mention_url=lambda name: None)
    html = render_markdown_with_tags('#a<script>alert(1)</script> "#b"', links=links)
    assert "<script>" not in html
