from kring.people.models import Department, Expertise


def test_me_returns_own_profile_with_url(world, api_for):
    data = api_for(world.admin).get("/api/v1/me").json()
    assert data["username"] == "anna"
    assert data["name"] == "Anna de Vries"
    assert data["email"] == "anna@example.org"
    assert data["department"]["name"] == "Burgerzaken"
    assert data["url"] == "http://testserver" + world.admin.get_absolute_url()


def test_people_list_returns_colleagues_if_employee(world, api_for):
    response = api_for(world.outsider).get("/api/v1/people")
    assert response.status_code == 200
    usernames = {p["username"] for p in response.json()["items"]}
    assert {"anna", "bram", "carla", "gijs", "sita"} <= usernames
    assert all(p["url"].startswith("http://testserver/") for p in response.json()["items"])


def test_people_list_returns_only_fellow_members_if_guest(world, api_for):
    usernames = {p["username"] for p in api_for(world.guest).get("/api/v1/people").json()["items"]}
    assert usernames == {"gijs"}


def test_people_list_filters_by_name_and_department(world, api_for):
    client = api_for(world.outsider)
    names = {p["username"] for p in client.get("/api/v1/people?q=vries").json()["items"]}
    assert names == {"anna"}
    by_slug = client.get("/api/v1/people?department=burgerzaken").json()["items"]
    by_id = client.get(f"/api/v1/people?department={world.department.pk}").json()["items"]
    assert {p["username"] for p in by_slug} == {p["username"] for p in by_id} == {"anna", "bram"}


def test_people_list_paginates_if_more_than_twenty(world, make_user, api_for):
    department = Department.objects.create(name="Groot team", slug="groot")
    for i in range(23):
        make_user(f"collega{i:02}", department=department)
    client = api_for(world.outsider)
    first = client.get("/api/v1/people?department=groot").json()
    assert len(first["items"]) == 20
    second = client.get(f"/api/v1/people?department=groot&cursor={first['next_cursor']}").json()
    assert len(second["items"]) == 3
    assert second["next_cursor"] is None
    seen = [p["username"] for p in first["items"] + second["items"]]
    assert len(set(seen)) == 23


def test_person_detail_returns_profile_if_visible(world, api_for):
    response = api_for(world.outsider).get(f"/api/v1/people/{world.admin.pk}")
    assert response.status_code == 200
    assert response.json()["job_title"] == "Teamleider"


def test_person_detail_fails_with_404_if_guest_shares_no_group(world, api_for):
    response = api_for(world.guest).get(f"/api/v1/people/{world.admin.pk}")
    assert response.status_code == 404
    assert response.json()["message"]


def test_person_detail_fails_with_4xx_if_id_is_absurd(world, api_for):
    response = api_for(world.outsider).get("/api/v1/people/99999999999999999999999")
    assert response.status_code == 422
    assert response.json()["message"]


def test_people_list_filters_by_expertise(world, api_for):
    world.admin.expertise.add(Expertise.objects.create(name="archief"))
    data = api_for(world.outsider).get("/api/v1/people?expertise=archief").json()
    assert [p["username"] for p in data["items"]] == ["anna"]
    assert data["items"][0]["expertise"] == ["archief"]


def test_people_list_returns_nothing_if_department_is_unknown(world, api_for):
    data = api_for(world.outsider).get("/api/v1/people?department=bestaat-niet").json()
    assert data == {"items": [], "next_cursor": None}
