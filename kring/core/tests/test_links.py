"""Links built from one reverse() per name equal what reverse() gives, also after a URLconf change."""

import pytest
from django.urls import reverse

from kring.core.links import link, link_text


@pytest.mark.parametrize("pk", [1, 42, 987654321])
def test_link_returns_what_reverse_returns_if_id(pk):
    assert link("posts:detail", pk) == reverse("posts:detail", args=[pk])
    assert link("posts:reply_permalink", pk) == reverse("posts:reply_permalink", args=[pk])


@pytest.mark.parametrize("username", ["anna", "jan.de-vries", "p+q@example.org", "ünïcode", "a b"])
def test_link_text_returns_what_reverse_returns_if_username(username):
    assert link_text("people:detail", username) == reverse("people:detail", args=[username])


def test_link_follows_the_script_prefix_if_mounted_below_a_path():
    from django.urls import set_script_prefix

    try:
        set_script_prefix("/kring/")
        assert link("posts:detail", 5) == "/kring/posts/5/"
    finally:
        set_script_prefix("/")
