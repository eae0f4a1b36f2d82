"""Odd input anywhere gets a clear 4xx, never a 500, on SQLite and PostgreSQL alike."""

import json

import pytest

ODD_GETS = [
    "/posts/99999999999999999999999/",
    "/posts/99999999999999999999999/edit/",
    "/posts/replies/99999999999999999999/",
    "/groups/%C3%A9%C3%A9%00/",
    "/people/%00bad/",
    "/people/?q=%00",
    "/groups/?q=a%00b",
    "/people/nobody/photo/",
    "/?cursor=" + "A" * 5000,
    "/api/v1/posts/99999999999999999999999",
    "/api/v1/groups/abc",
    "/api/v1/posts?feed=nope",
    "/api/v1/posts?group=999999999999999999999",
    "/api/v1/people?q=%00",
]


@pytest.mark.parametrize("path", ODD_GETS)
def test_odd_get_returns_4xx_or_page_if_input_is_strange(world, client_for, path):
    response = client_for(world.member).get(path)
    assert response.status_code < 500


def test_api_post_fails_with_400_json_if_body_has_nul(world, client_for):
    response = client_for(world.member).post(
        "/api/v1/posts",
        json.dumps({"group": None, "body": "a\u0000b"}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "NUL" in response.json()["message"]


def test_page_post_fails_with_400_page_if_form_has_nul(world, client_for):
    response = client_for(world.member).post("/posts/new/", {"body": "a\x00b", "group": "company"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode()
