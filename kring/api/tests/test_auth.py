import re
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from conftest import PASSWORD
from kring.api.models import ApiToken

JSON = "application/json"
TOKEN_URL = "/api/v1/auth/token"


def _token_for(login: str, password: str = PASSWORD) -> tuple[int, dict]:
    response = Client().post(
        TOKEN_URL, {"username": login, "password": password}, content_type=JSON
    )
    return response.status_code, response.json()


def test_token_create_passes_if_username_and_password_match(world):
    status, data = _token_for("bram")
    assert status == 201
    me = Client(headers={"authorization": f"Bearer {data['token']}"}).get("/api/v1/me")
    assert me.status_code == 200
    assert me.json()["username"] == "bram"
    # Only the hash is stored, never the key itself.
    assert not ApiToken.objects.filter(key_hash=data["token"]).exists()
    assert ApiToken.objects.filter(key_hash=ApiToken.hash(data["token"])).exists()


def test_token_create_passes_if_email_is_used_as_username(world):
    status, data = _token_for("bram@example.org")
    assert status == 201
    assert data["token"]


def test_token_create_fails_if_password_is_wrong(world):
    status, data = _token_for("bram", "niet-het-wachtwoord")
    assert status == 401
    assert data["message"]
    assert "token" not in data


def test_token_create_fails_with_429_if_password_is_guessed_too_often(world):
    statuses = [_token_for("bram", f"gok-{i}")[0] for i in range(12)]
    assert statuses[0] == 401
    assert statuses[-1] == 429
    status, data = _token_for("bram")
    assert status == 429  # the right password does not help while the limit holds
    assert data["message"]


def test_token_create_fails_if_account_is_inactive(world):
    world.member.is_active = False
    world.member.save(update_fields=["is_active"])
    status, data = _token_for("bram")
    assert status == 401
    assert "token" not in data


def test_token_create_fails_if_fields_are_missing(world):
    response = Client().post(TOKEN_URL, {"username": "bram"}, content_type=JSON)
    assert response.status_code == 422
    assert "password" in response.json()["message"]
    assert response.json()["errors"]


def test_token_create_fails_if_body_is_not_json(world):
    response = Client().post(TOKEN_URL, "{nope", content_type=JSON)
    assert 400 <= response.status_code < 500
    assert response.json()["message"]


def test_token_auth_fails_if_token_is_unknown(world):
    response = Client(headers={"authorization": "Bearer kring_verzonnen"}).get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["message"]


def test_token_auth_fails_if_owner_became_inactive(world, api_for):
    client = api_for(world.member)
    world.member.is_active = False
    world.member.save(update_fields=["is_active"])
    assert client.get("/api/v1/me").status_code == 401


def test_token_auth_notes_last_use_at_most_once_a_minute(world):
    _status, data = _token_for("bram")
    client = Client(headers={"authorization": f"Bearer {data['token']}"})
    client.get("/api/v1/me")
    token = ApiToken.objects.get(key_hash=ApiToken.hash(data["token"]))
    first_use = token.last_used_at
    assert first_use is not None
    client.get("/api/v1/me")
    token.refresh_from_db()
    assert token.last_used_at == first_use
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first_use - timedelta(minutes=2))
    client.get("/api/v1/me")
    token.refresh_from_db()
    assert token.last_used_at > first_use - timedelta(seconds=1)
    assert token.last_used_at <= timezone.now()


def test_token_delete_passes_if_token_is_revoked(world):
    _status, data = _token_for("bram")
    client = Client(headers={"authorization": f"Bearer {data['token']}"})
    assert client.delete(TOKEN_URL).status_code == 204
    assert client.get("/api/v1/me").status_code == 401


def test_session_auth_passes_if_signed_in_for_reading(world, client_for):
    response = client_for(world.member).get("/api/v1/me")
    assert response.status_code == 200
    assert response.json()["username"] == "bram"


def test_session_auth_fails_if_post_has_no_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.member)
    response = client.post("/api/v1/posts", {"group": None, "body": "Hallo"}, content_type=JSON)
    assert response.status_code == 403
    assert "CSRF" in response.json()["message"]


def test_session_auth_passes_if_post_has_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.member)
    client.get("/")  # sets the csrftoken cookie, as a page visit would
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/api/v1/posts",
        {"group": None, "body": "Hallo"},
        content_type=JSON,
        headers={"x-csrftoken": token},
    )
    assert response.status_code == 201


def test_token_auth_passes_if_post_has_no_csrf_token(world):
    _status, data = _token_for("bram")
    client = Client(enforce_csrf_checks=True, headers={"authorization": f"Bearer {data['token']}"})
    response = client.post("/api/v1/posts", {"group": None, "body": "Hallo"}, content_type=JSON)
    assert response.status_code == 201


def _documented_get_paths() -> list[str]:
    schema = Client().get("/api/v1/openapi.json").json()
    return [
        re.sub(r"\{[^}]+\}", "1", path)
        for path, operations in schema["paths"].items()
        if "get" in operations
    ]


def test_openapi_returns_every_endpoint():
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path, method in [
        ("/api/v1/auth/token", "post"),
        ("/api/v1/me", "get"),
        ("/api/v1/people", "get"),
        ("/api/v1/people/{person_id}", "get"),
        ("/api/v1/groups", "get"),
        ("/api/v1/groups", "post"),
        ("/api/v1/groups/{group_id}", "get"),
        ("/api/v1/groups/{group_id}/members", "post"),
        ("/api/v1/groups/{group_id}/members/{username}", "delete"),
        ("/api/v1/groups/{group_id}/join", "post"),
        ("/api/v1/posts", "get"),
        ("/api/v1/posts", "post"),
        ("/api/v1/posts/{post_id}", "get"),
        ("/api/v1/posts/{post_id}", "patch"),
        ("/api/v1/posts/{post_id}", "delete"),
        ("/api/v1/posts/{post_id}/replies", "get"),
        ("/api/v1/posts/{post_id}/replies", "post"),
    ]:
        assert method in paths[path], (method, path)


def test_every_documented_get_fails_with_json_401_if_anonymous(world):
    paths = _documented_get_paths()
    assert len(paths) >= 7
    for path in paths:
        response = Client().get(path)
        assert response.status_code == 401, path
        assert response["Content-Type"].startswith("application/json"), path
        assert response.json()["message"], path


def test_unknown_api_path_returns_json_404(world, api_for):
    response = api_for(world.member).get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response.json()["message"]


def test_docs_page_returns_no_request_to_another_server():
    response = Client().get("/api/v1/docs")
    if response.status_code == 404:
        return  # switched off: Swagger UI's files are not installed locally
    html = response.content.decode()
    assert response.status_code == 200
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
