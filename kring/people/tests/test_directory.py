"""The people directory: who a viewer sees, the filters, paging and the htmx fragment."""

from django.urls import reverse

from kring.groups import services as group_services
from kring.people.models import Department, User
from kring.people.selectors import people_directory_for
from kring.people.services import profile_update
from kring.people.tests.helpers import dutch

LIST = reverse("people:list")


def _names(response) -> list[str]:
    return [person.username for person in response.context["page"].object_list]


def test_people_list_returns_every_active_colleague_to_an_employee(world, client_for):
    User.objects.filter(pk=world.site_admin.pk).update(is_active=False)
    response = client_for(world.outsider).get(LIST)
    assert response.status_code == 200
    assert _names(response) == ["anna", "bram", "carla", "gijs"]


def test_people_list_returns_guest_badge_if_person_is_a_guest(world, client_for):
    html = client_for(world.outsider).get(LIST).content.decode()
    tile = html[html.index("gijs/") :]
    assert dutch("Guest") in tile[: tile.index("</li>")]


def test_people_list_returns_only_self_to_a_guest_without_groups(world, client_for):
    assert _names(client_for(world.guest).get(LIST)) == ["gijs"]


def test_people_list_returns_fellow_members_to_a_guest_in_a_group(world, client_for):
    group_services.membership_add(actor=world.admin, group=world.groups["closed"], user=world.guest)
    assert _names(client_for(world.guest).get(LIST)) == ["anna", "bram", "gijs"]


def test_people_list_returns_redirect_if_anonymous(world, client):
    response = client.get(LIST)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_people_list_filter_returns_matches_if_every_word_is_in_the_name(world, client_for):
    client = client_for(world.outsider)
    assert _names(client.get(LIST, {"q": "anna vries"})) == ["anna"]
    assert _names(client.get(LIST, {"q": "BAKKER"})) == ["carla"]
    assert _names(client.get(LIST, {"q": "anna bakker"})) == []


def test_people_list_filter_returns_department_members_if_department_chosen(world, client_for):
    response = client_for(world.outsider).get(LIST, {"department": "burgerzaken"})
    assert _names(response) == ["anna", "bram"]
    assert 'value="burgerzaken" selected' in response.content.decode()


def test_people_list_filter_returns_everyone_if_department_is_unknown(world, client_for):
    response = client_for(world.outsider).get(LIST, {"department": "<script>"})
    assert response.status_code == 200
    assert len(_names(response)) == 5


def test_people_list_filter_returns_experts_if_expertise_chosen(world, client_for):
    profile_update(actor=world.outsider, person=world.outsider, expertise=["Wmo", "Archief"])
    response = client_for(world.member).get(LIST, {"expertise": "wmo"})
    assert _names(response) == ["carla"]


def test_people_list_returns_empty_state_with_a_way_out_if_nothing_matches(world, client_for):
    html = client_for(world.outsider).get(LIST, {"q": "niemand"}).content.decode()
    assert dutch("No one matches these filters") in html
    assert f'href="{LIST}"' in html


def test_people_list_returns_fragment_if_htmx_targets_the_results(world, client_for):
    response = client_for(world.outsider).get(
        LIST, {"q": "anna"}, headers={"HX-Request": "true", "HX-Target": "people-results"}
    )
    html = response.content.decode()
    assert "<html" not in html
    assert "anna" in html and 'class="tiles' in html


def test_people_list_returns_pages_of_24(world, client_for, django_assert_max_num_queries):
    department = Department.objects.create(name="Sociaal domein", slug="sociaal-domein")
    User.objects.bulk_create(
        User(username=f"collega{i:02}", first_name=f"Collega {i:02}", department=department)
        for i in range(30)
    )
    client = client_for(world.outsider)
    with django_assert_max_num_queries(10):
        first = client.get(LIST)
    assert len(first.context["page"].object_list) == 24
    assert "page=2" in first.content.decode()
    second = client.get(LIST, {"page": 2})
    assert len(second.context["page"].object_list) == 35 - 24
    assert client.get(LIST, {"page": "zzz"}).status_code == 200


def test_people_directory_for_returns_nothing_if_anonymous(world):
    from django.contrib.auth.models import AnonymousUser

    assert list(people_directory_for(AnonymousUser())) == []
