"""Journey: a closed group is made, a colleague is added, they talk, and an outsider sees nothing."""

import pytest

from kring.posts.models import Post
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e

POST_TEXT = "Plan voor Project Kompas e2e-5d21"
REPLY_TEXT = "Goed plan, ik doe mee e2e-8b07"


def test_closed_group_journey_hides_everything_if_viewer_is_not_a_member(person, new_page):
    person("anna", job_title="Teamleider")
    person("bram")
    person("carla")

    # Anna signs in, creates a closed group and adds Bram on the members page.
    anna = new_page()
    sign_in(anna, "anna")
    anna.goto("/groups/new/")
    anna.fill("#group-name", "Projectgroep Kompas")
    anna.fill("#group-description", "Voorbereiding van het project.")
    anna.check("input[name=visibility][value=closed]")
    anna.locator("form.group-form button[type=submit]").click()
    anna.wait_for_url("**/groups/projectgroep-kompas/")
    group_url = "/groups/projectgroep-kompas/"
    anna.goto(group_url + "members/")
    anna.fill("#add-username", "bram")
    anna.locator("form.add-member button[type=submit]").click()
    anna.locator(".member-row a.member-name", has_text="Bram").wait_for()

    # Anna writes a post in the group.
    anna.goto(group_url)
    anna.fill("#composer-body", POST_TEXT)
    anna.locator("#composer button[type=submit]").click()
    anna.get_by_text(POST_TEXT).first.wait_for()
    post = Post.objects.get(body=POST_TEXT)
    assert post.group.visibility == "closed"

    # Bram, in his own browser, replies.
    bram = new_page()
    sign_in(bram, "bram")
    bram.goto(f"/posts/{post.pk}/")
    bram.fill("#reply-form-body", REPLY_TEXT)
    bram.locator("#reply-form button[type=submit]").click()
    bram.locator("#replies .reply", has_text=REPLY_TEXT).wait_for()

    # Carla, an employee outside the group, finds nothing of it anywhere.
    carla = new_page()
    sign_in(carla, "carla")
    response = carla.goto(group_url)
    assert response.status == 200  # a closed group is listed, its content is not
    assert "Projectgroep Kompas" in carla.content()
    for url in (group_url, "/", "/company/", "/groups/", "/people/"):
        carla.goto(url)
        html = carla.content()
        assert POST_TEXT not in html, url
        assert REPLY_TEXT not in html, url
    response = carla.goto(f"/posts/{post.pk}/")
    assert response.status == 404
    assert POST_TEXT not in carla.content()
    api = carla.context.request
    for url in ("/api/v1/posts?feed=home", "/api/v1/posts?feed=company"):
        answer = api.get(url)
        assert answer.status == 200, url
        assert POST_TEXT not in answer.text(), url
    for url in (
        f"/api/v1/posts/{post.pk}",
        f"/api/v1/posts/{post.pk}/replies",
        f"/api/v1/posts?group={post.group_id}",
    ):
        answer = api.get(url)
        assert answer.status == 404, url
        assert POST_TEXT not in answer.text() and REPLY_TEXT not in answer.text(), url
