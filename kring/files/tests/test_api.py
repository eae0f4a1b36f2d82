"""The files API: list a library, one file with its versions, download a version."""

from kring.files import services
from kring.files.tests.samples import upload


def test_api_file_list_returns_files_of_library_if_readable(world, api_for, add_file):
    add_file(world.member, world.groups["secret"], "geheim.txt", b"geheim")
    add_file(world.member, None, "voor iedereen.txt", b"open")
    member = api_for(world.member)
    secret = member.get("/api/v1/files", {"group": world.groups["secret"].slug}).json()
    company = member.get("/api/v1/files").json()
    assert [f["name"] for f in secret["items"]] == ["geheim.txt"]
    assert [f["name"] for f in company["items"]] == ["voor iedereen.txt"]
    assert company["items"][0]["current"]["kind"] == "text"


def test_api_file_list_returns_404_if_secret_group_of_outsider(world, api_for, add_file):
    add_file(world.member, world.groups["secret"], "geheim.txt", b"geheim")
    response = api_for(world.outsider).get("/api/v1/files", {"group": world.groups["secret"].slug})
    assert response.status_code == 404 and "geheim" not in response.content.decode()


def test_api_file_detail_lists_versions_and_downloads_if_member(world, api_for, add_file):
    file = add_file(world.member, world.groups["closed"], "plan.txt", b"een")
    services.file_version_add(actor=world.admin, file=file, upload=upload("plan.txt", b"twee"))
    client = api_for(world.member)
    detail = client.get(f"/api/v1/files/{file.pk}").json()
    assert [v["number"] for v in detail["versions"]] == [2, 1]
    old = client.get(detail["versions"][1]["download_url"])
    assert b"".join(old.streaming_content) == b"een"
    assert old["X-Content-Type-Options"] == "nosniff"


def test_api_file_returns_404_if_closed_group_of_outsider(world, api_for, add_file):
    file = add_file(world.member, world.groups["closed"], "plan.txt", b"een")
    client = api_for(world.outsider)
    assert client.get(f"/api/v1/files/{file.pk}").status_code == 404
    assert client.get(f"/api/v1/files/{file.pk}/versions/1/download").status_code == 404
    assert api_for(None).get(f"/api/v1/files/{file.pk}").status_code == 401
