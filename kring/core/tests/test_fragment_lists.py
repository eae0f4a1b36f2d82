"""A list of kept fragments under one key (render_fragment_list): kept once, and made
again when one of its fragments has aged out rather than shown with a hole."""

import pytest
from django.core.cache import caches

from kring.core.fragments import fragment_key, render_fragment_list, render_fragments_keyed


@pytest.fixture(autouse=True)
def _empty_fragment_cache():
    caches["fragments"].clear()
    yield
    caches["fragments"].clear()


def test_fragment_list_is_kept_and_made_again_if_one_of_its_fragments_aged_out():
    words = ["een", "twee", "drie"]
    rendered: list[str] = []

    def render_one(word: str) -> str:
        rendered.append(word)
        return f"<li>{word}</li>"

    def render():
        return render_fragments_keyed(
            words, key=lambda word: fragment_key("test-word", word), render=render_one
        )

    key = fragment_key("test-list", *words)
    expected = ["<li>een</li>", "<li>twee</li>", "<li>drie</li>"]
    assert render_fragment_list(key, render) == expected
    assert render_fragment_list(key, render) == expected
    assert rendered == words  # each rendered once, the second list built nothing

    caches["fragments"].delete(fragment_key("test-word", "twee"))
    assert render_fragment_list(key, render) == expected
    assert rendered == [*words, "twee"]  # only the one that aged out


def test_empty_fragment_list_is_kept_as_empty():
    key = fragment_key("test-list")
    assert render_fragment_list(key, lambda: ([], [])) == []
    assert render_fragment_list(key, lambda: pytest.fail("kept")) == []
