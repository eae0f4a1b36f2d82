"""The knowledge base in the API: lists per space, one page, its history; bad input is no 500."""

from kring.knowledge import services


def test_api_page_list_returns_one_space_if_group_given(world, client_for):
    group = world.groups["closed"]
    services.page_create(actor=world.member, group=group, title="In de groep", body="x")
    services.page_create(actor=world.member, group=None, title="Voor iedereen", body="y")
    client = client_for(world.member)
    titles = [
        p["title"] for p in client.get(f"/api/v1/knowledge/pages?group={group.pk}").json()["items"]
    ]
    assert titles == ["In de groep"]
    company = client.get("/api/v1/knowledge/pages?company=true").json()["items"]
    assert [p["title"] for p in company] == ["Voor iedereen"]


def test_api_page_detail_returns_markdown_and_stale_flag(world, client_for):
    page = services.page_create(actor=world.member, group=None, title="Koffie", body="**sterk**")
    data = client_for(world.outsider).get(f"/api/v1/knowledge/pages/{page.pk}").json()
    assert data["body"] == "**sterk**" and "<strong>sterk</strong>" in data["body_html"]
    assert data["stale"] is False and data["owner"] == world.member.username


def test_api_page_list_fails_cleanly_if_group_is_not_a_number(world, client_for):
    client = client_for(world.member)
    assert client.get("/api/v1/knowledge/pages?group=abc").status_code == 422
    assert client.get("/api/v1/knowledge/pages/99999999999999999999").status_code in (404, 422)
