from django.db import connection
from django.test.utils import CaptureQueriesContext

from kring.groups import services as group_services
from kring.posts import services
from kring.posts.models import Post, Reply

JSON = "application/json"
CLOSED_TEXT = "Geheime tekst van de closed groep"
SECRET_TEXT = "Geheime tekst van de secret groep"


def test_home_feed_returns_no_closed_or_secret_post_if_outsider(world, api_for):
    response = api_for(world.outsider).get("/api/v1/posts?feed=home")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Tekst voor iedereen" in text
    assert "Geheime tekst van de open groep" in text
    assert CLOSED_TEXT not in text
    assert SECRET_TEXT not in text


def test_home_feed_returns_nothing_if_guest_in_no_group(world, api_for):
    data = api_for(world.guest).get("/api/v1/posts").json()
    assert data == {"items": [], "next_cursor": None}


def test_home_feed_returns_group_posts_but_not_company_if_guest_member(world, api_for):
    group_services.membership_add(actor=world.admin, group=world.groups["closed"], user=world.guest)
    text = api_for(world.guest).get("/api/v1/posts?feed=home").content.decode()
    assert CLOSED_TEXT in text
    assert "Tekst voor iedereen" not in text
    assert SECRET_TEXT not in text


def test_company_feed_returns_nothing_if_guest(world, api_for):
    data = api_for(world.guest).get("/api/v1/posts?feed=company").json()
    assert data["items"] == []


def test_company_feed_returns_company_posts_only_if_employee(world, api_for):
    items = api_for(world.member).get("/api/v1/posts?feed=company").json()["items"]
    assert [p["body"] for p in items] == ["Tekst voor iedereen"]
    assert items[0]["group"] is None


def test_posts_list_fails_with_400_if_feed_is_unknown(world, api_for):
    response = api_for(world.member).get("/api/v1/posts?feed=alles")
    assert response.status_code == 400
    assert response.json()["field"] == "feed"


def test_group_posts_fail_with_404_if_outsider_and_group_closed_or_secret(world, api_for):
    client = api_for(world.outsider)
    for kind in ("closed", "secret"):
        response = client.get(f"/api/v1/posts?group={world.groups[kind].pk}")
        assert response.status_code == 404, kind
        assert "Geheime" not in response.content.decode()


def test_group_posts_return_posts_if_member(world, api_for):
    group = world.groups["closed"]
    items = api_for(world.member).get(f"/api/v1/posts?group={group.pk}").json()["items"]
    assert [p["body"] for p in items] == [CLOSED_TEXT]
    assert items[0]["group"]["id"] == group.pk
    assert items[0]["group"]["url"] == "http://testserver" + group.get_absolute_url()


def test_group_posts_return_posts_if_outsider_and_group_open(world, api_for):
    group = world.groups["open"]
    response = api_for(world.outsider).get(f"/api/v1/posts?group={group.pk}")
    assert response.status_code == 200
    assert len(response.json()["items"]) == 1


def test_posts_list_paginates_by_cursor_without_repeats(world, api_for):
    for i in range(25):
        services.post_create(actor=world.outsider, group=None, body=f"Bericht {i}")
    client = api_for(world.outsider)
    first = client.get("/api/v1/posts?feed=company").json()
    assert len(first["items"]) == 20
    second = client.get(f"/api/v1/posts?feed=company&cursor={first['next_cursor']}").json()
    assert second["next_cursor"] is None
    ids = [p["id"] for p in first["items"] + second["items"]]
    assert len(ids) == len(set(ids)) == 26


def test_posts_list_runs_a_fixed_number_of_queries(world, api_for):
    for i in range(15):
        services.post_create(actor=world.member, group=world.groups["open"], body=f"Post {i}")
    client = api_for(world.member)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/posts")
    assert len(response.json()["items"]) == 19
    assert len(queries) <= 6


def test_post_create_passes_in_company_space(world, api_for):
    response = api_for(world.outsider).post(
        "/api/v1/posts", {"group": None, "body": "**Goedemorgen** allemaal"}, content_type=JSON
    )
    assert response.status_code == 201
    data = response.json()
    post = Post.objects.get(pk=data["id"])
    assert data["url"] == "http://testserver" + post.get_absolute_url()
    assert data["body"] == "**Goedemorgen** allemaal"
    assert "<strong>Goedemorgen</strong>" in data["body_html"]
    assert data["author"] == {
        "id": world.outsider.pk,
        "username": "carla",
        "name": "Carla Bakker",
        "url": "http://testserver" + world.outsider.get_absolute_url(),
    }
    assert data["group"] is None
    assert data["reply_count"] == 0
    assert data["edited_at"] is None


def test_post_create_passes_in_group_if_member(world, api_for):
    group = world.groups["secret"]
    response = api_for(world.member).post(
        "/api/v1/posts", {"group": group.pk, "body": "Alleen voor ons"}, content_type=JSON
    )
    assert response.status_code == 201
    assert response.json()["group"]["name"] == "Groep secret"


def test_post_create_fails_with_403_if_not_member_of_open_group(world, api_for):
    group = world.groups["open"]
    response = api_for(world.outsider).post(
        "/api/v1/posts", {"group": group.pk, "body": "Mag dit?"}, content_type=JSON
    )
    assert response.status_code == 403
    assert response.json()["message"]
    assert not Post.objects.filter(body="Mag dit?").exists()


def test_post_create_fails_with_404_if_group_is_secret_or_unknown(world, api_for):
    client = api_for(world.outsider)
    for group_id in (world.groups["secret"].pk, 987654):
        response = client.post(
            "/api/v1/posts", {"group": group_id, "body": "Hallo"}, content_type=JSON
        )
        assert response.status_code == 404
        assert response.json()["field"] == "group"


def test_post_create_fails_with_403_if_guest_posts_in_company_space(world, api_for):
    response = api_for(world.guest).post(
        "/api/v1/posts", {"group": None, "body": "Hallo"}, content_type=JSON
    )
    assert response.status_code == 403


def test_post_create_fails_with_400_if_body_is_empty(world, api_for):
    response = api_for(world.member).post(
        "/api/v1/posts", {"group": None, "body": "   "}, content_type=JSON
    )
    assert response.status_code == 400
    assert response.json()["field"] == "body"


def test_post_create_fails_with_400_if_body_is_over_10000_characters(world, api_for):
    client = api_for(world.member)
    response = client.post(
        "/api/v1/posts", {"group": None, "body": "a" * 10_001}, content_type=JSON
    )
    assert response.status_code == 400
    assert response.json()["field"] == "body"
    ok = client.post("/api/v1/posts", {"group": None, "body": "a" * 10_000}, content_type=JSON)
    assert ok.status_code == 201


def test_post_create_fails_with_422_if_body_is_missing_or_group_not_a_number(world, api_for):
    client = api_for(world.member)
    missing = client.post("/api/v1/posts", {"group": None}, content_type=JSON)
    wrong = client.post("/api/v1/posts", {"group": "open", "body": "Hoi"}, content_type=JSON)
    assert missing.status_code == wrong.status_code == 422
    assert missing.json()["message"] and wrong.json()["errors"]


def test_post_create_stores_script_as_text_and_escapes_it(world, api_for):
    payload = '<script>alert("x")</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1))'
    response = api_for(world.member).post(
        "/api/v1/posts", {"group": None, "body": payload}, content_type=JSON
    )
    assert response.status_code == 201
    data = response.json()
    assert data["body"] == payload
    assert "<script" not in data["body_html"]
    assert "<img" not in data["body_html"]
    assert 'href="javascript' not in data["body_html"]
    assert "&lt;script&gt;" in data["body_html"]


def test_post_detail_returns_post_if_member(world, api_for):
    post = world.posts["secret"]
    data = api_for(world.member).get(f"/api/v1/posts/{post.pk}").json()
    assert data["body"] == SECRET_TEXT


def test_post_detail_fails_with_404_if_outsider_and_group_closed(world, api_for):
    client = api_for(world.outsider)
    response = client.get(f"/api/v1/posts/{world.posts['closed'].pk}")
    assert response.status_code == 404
    assert response.json() == client.get("/api/v1/posts/987654").json()


def test_post_update_passes_if_author(world, api_for):
    post = world.posts["company"]
    response = api_for(world.member).patch(
        f"/api/v1/posts/{post.pk}", {"body": "Verbeterde tekst"}, content_type=JSON
    )
    assert response.status_code == 200
    assert response.json()["body"] == "Verbeterde tekst"
    assert response.json()["edited_at"] is not None


def test_post_update_fails_with_403_if_not_author(world, api_for):
    post = world.posts["company"]
    response = api_for(world.admin).patch(
        f"/api/v1/posts/{post.pk}", {"body": "Overgenomen"}, content_type=JSON
    )
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.body == "Tekst voor iedereen"


def test_post_delete_passes_if_author(world, api_for):
    post = world.posts["company"]
    assert api_for(world.member).delete(f"/api/v1/posts/{post.pk}").status_code == 204
    assert not Post.objects.filter(pk=post.pk).exists()


def test_post_delete_passes_if_group_admin(world, api_for):
    post = world.posts["closed"]
    assert api_for(world.admin).delete(f"/api/v1/posts/{post.pk}").status_code == 204


def test_post_delete_fails_with_403_if_other_employee(world, api_for):
    post = world.posts["company"]
    assert api_for(world.outsider).delete(f"/api/v1/posts/{post.pk}").status_code == 403
    assert Post.objects.filter(pk=post.pk).exists()


def test_reply_create_and_list_return_thread_in_reading_order(world, api_for):
    post = world.posts["open"]
    client = api_for(world.member)
    url = f"/api/v1/posts/{post.pk}/replies"
    first = client.post(url, {"body": "Eerste"}, content_type=JSON).json()
    nested = client.post(url, {"body": "Daarop", "parent": first["id"]}, content_type=JSON)
    assert nested.status_code == 201
    assert nested.json()["parent"] == first["id"]
    assert nested.json()["depth"] == 1
    client.post(url, {"body": "Tweede"}, content_type=JSON)
    items = client.get(url).json()["items"]
    assert [(r["body"], r["depth"]) for r in items] == [("Eerste", 0), ("Daarop", 1), ("Tweede", 0)]
    reply = Reply.objects.get(pk=items[1]["id"])
    assert items[1]["url"] == "http://testserver" + reply.get_absolute_url()
    assert client.get(f"/api/v1/posts/{post.pk}").json()["reply_count"] == 3


def test_reply_create_fails_with_400_if_parent_belongs_to_other_post(world, api_for):
    other = services.reply_create(actor=world.member, post=world.posts["company"], body="Elders")
    response = api_for(world.member).post(
        f"/api/v1/posts/{world.posts['open'].pk}/replies",
        {"body": "Hier", "parent": other.pk},
        content_type=JSON,
    )
    assert response.status_code == 400
    assert response.json()["field"] == "parent"


def test_reply_create_fails_with_404_if_outsider_and_group_closed(world, api_for):
    post = world.posts["closed"]
    response = api_for(world.outsider).post(
        f"/api/v1/posts/{post.pk}/replies", {"body": "Ik lees mee"}, content_type=JSON
    )
    assert response.status_code == 404
    assert not Reply.objects.filter(body="Ik lees mee").exists()


def test_reply_list_fails_with_404_if_outsider_and_group_secret(world, api_for):
    post = world.posts["secret"]
    services.reply_create(actor=world.member, post=post, body="Geheim antwoord")
    response = api_for(world.outsider).get(f"/api/v1/posts/{post.pk}/replies")
    assert response.status_code == 404
    assert "Geheim antwoord" not in response.content.decode()
