"""Profile pages, editing one's profile, and the private photo."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kring.groups import services as group_services
from kring.people.models import User
from kring.people.services import profile_photo_set, profile_update
from kring.people.tests.helpers import dutch, image_upload

EDIT = reverse("people:edit")


def _detail(person: User) -> str:
    return reverse("people:detail", args=[person.username])


def _photo(person: User) -> str:
    return reverse("people:photo", args=[person.username])


def _profile_post(**changes) -> dict:
    values = {
        "first_name": "Carla",
        "last_name": "Bakker",
        "job_title": "Beleidsadviseur",
        "department": "",
        "location": "Stadskantoor",
        "phone": "+31 20 123 4567",
        "about": "Ik werk aan **archief**.",
        "expertise_text": "Archief, Wmo",
        "language": "nl",
    }
    values.update(changes)
    return values


def test_person_detail_returns_profile_facts(world, client_for):
    profile_update(
        actor=world.admin,
        person=world.admin,
        phone="020 123 4567",
        location="Stadskantoor",
        about="Vraag me over **paspoorten**.",
        expertise=["Paspoorten"],
    )
    html = client_for(world.outsider).get(_detail(world.admin)).content.decode()
    assert "Anna de Vries" in html and "Teamleider" in html and "Burgerzaken" in html
    assert 'href="tel:0201234567"' in html
    assert 'href="mailto:anna@example.org"' in html
    assert "<strong>paspoorten</strong>" in html
    assert f'href="{reverse("people:list")}?expertise=paspoorten"' in html


def test_person_detail_returns_sanitised_about_if_about_has_script(world, client_for):
    profile_update(actor=world.admin, person=world.admin, about="<script>alert(1)</script>hoi")
    html = client_for(world.outsider).get(_detail(world.admin)).content.decode()
    assert "<script>alert(1)" not in html


def test_person_detail_returns_groups_and_posts_the_viewer_may_see(world, client_for):
    response = client_for(world.outsider).get(_detail(world.member))
    html = response.content.decode()
    assert world.groups["open"].name in html and world.groups["closed"].name in html
    assert world.groups["secret"].name not in html
    texts = [post.body for post in response.context["posts"]]
    assert texts == ["Tekst voor iedereen", "Geheime tekst van de open groep"]


def test_person_detail_returns_secret_group_and_its_posts_to_a_fellow_member(world, client_for):
    response = client_for(world.admin).get(_detail(world.member))
    assert world.groups["secret"].name in response.content.decode()
    assert len(response.context["posts"]) == 4


def test_person_detail_returns_edit_button_if_viewer_may_edit(world, client_for):
    assert EDIT in client_for(world.member).get(_detail(world.member)).content.decode()
    own_edit = reverse("people:edit_person", args=["bram"])
    assert own_edit not in client_for(world.outsider).get(_detail(world.member)).content.decode()
    assert own_edit in client_for(world.site_admin).get(_detail(world.member)).content.decode()


def test_person_detail_returns_404_if_guest_shares_no_group(world, client_for):
    client = client_for(world.guest)
    assert client.get(_detail(world.member)).status_code == 404
    assert client.get(_detail(world.guest)).status_code == 200


def test_person_detail_passes_if_guest_shares_a_group(world, client_for):
    group_services.membership_add(actor=world.admin, group=world.groups["closed"], user=world.guest)
    client = client_for(world.guest)
    assert client.get(_detail(world.member)).status_code == 200
    assert client.get(_detail(world.outsider)).status_code == 404


def test_person_detail_returns_404_if_person_is_unknown_or_switched_off(world, client_for):
    client = client_for(world.outsider)
    assert client.get(reverse("people:detail", args=["niemand"])).status_code == 404
    User.objects.filter(pk=world.member.pk).update(is_active=False)
    assert client.get(_detail(world.member)).status_code == 404


def test_profile_edit_passes_and_saves_every_field(world, client_for):
    client = client_for(world.outsider)
    response = client.post(
        EDIT, _profile_post(department=world.department.pk, expertise_text="Archief, wmo, Wmo")
    )
    assert response.status_code == 302 and response["Location"] == _detail(world.outsider)
    carla = User.objects.get(pk=world.outsider.pk)
    assert carla.job_title == "Beleidsadviseur" and carla.department == world.department
    assert carla.phone == "+31 20 123 4567" and carla.location == "Stadskantoor"
    assert sorted(e.name for e in carla.expertise.all()) == ["archief", "wmo"]
    form = client.get(EDIT).content.decode()
    assert 'value="archief, wmo"' in form


def test_profile_edit_passes_and_switches_the_interface_language(world, client_for):
    client = client_for(world.outsider)
    client.post(EDIT, _profile_post(language="en"))
    assert User.objects.get(pk=world.outsider.pk).language == "en"
    assert '<html lang="en">' in client.get(EDIT).content.decode()


def test_profile_edit_fails_if_job_title_has_markup_and_keeps_other_values(world, client_for):
    client = client_for(world.outsider)
    response = client.post(
        EDIT, _profile_post(job_title="<script>alert(1)</script>", location="Kantoor Noord")
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert dutch("Please leave out HTML code such as <tags> in this field.") in html
    assert 'aria-invalid="true"' in html and 'id="id_job_title_error"' in html
    assert 'value="Kantoor Noord"' in html
    assert "<script>alert(1)</script>" not in html
    assert User.objects.get(pk=world.outsider.pk).location == ""


def test_profile_edit_fails_if_an_expertise_tag_has_markup(world, client_for):
    response = client_for(world.outsider).post(
        EDIT, _profile_post(expertise_text="archief, <img src=x onerror=alert(1)>")
    )
    assert response.status_code == 400
    assert not User.objects.get(pk=world.outsider.pk).expertise.exists()


def test_profile_edit_passes_and_stores_photo_as_512px_jpeg(world, client_for):
    client = client_for(world.outsider)
    response = client.post(EDIT, _profile_post(photo_upload=image_upload(size=(1200, 800))))
    assert response.status_code == 302
    carla = User.objects.get(pk=world.outsider.pk)
    with carla.photo.open("rb") as stored, Image.open(stored) as image:
        assert image.format == "JPEG" and image.size == (512, 512)
    served = client.get(_photo(carla))
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert served["Cache-Control"].startswith("private")
    assert Image.open(BytesIO(b"".join(served.streaming_content))).size == (512, 512)


def test_profile_edit_fails_if_photo_is_a_text_file_and_keeps_other_values(world, client_for):
    upload = SimpleUploadedFile("cv.txt", b"Dit is geen foto", content_type="text/plain")
    response = client_for(world.outsider).post(
        EDIT, _profile_post(photo_upload=upload, location="Kantoor Zuid")
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert dutch("This file is not a photo we can read. Use a JPEG, PNG or WebP image.") in html
    assert 'id="id_photo_upload_error"' in html
    assert 'value="Kantoor Zuid"' in html
    carla = User.objects.get(pk=world.outsider.pk)
    assert not carla.photo and carla.location == ""


def test_profile_edit_fails_if_photo_is_larger_than_8_mb(world, client_for):
    upload = SimpleUploadedFile("groot.jpg", b"\xff" * (9 * 1024 * 1024), content_type="image/jpeg")
    response = client_for(world.outsider).post(EDIT, _profile_post(photo_upload=upload))
    assert response.status_code == 400
    assert (
        dutch("This photo is too large; the limit is %(mb)s MB.", mb=8) in response.content.decode()
    )
    assert not User.objects.get(pk=world.outsider.pk).photo


def test_profile_edit_passes_and_removes_photo_if_asked(world, client_for):
    profile_photo_set(actor=world.outsider, person=world.outsider, upload=image_upload())
    client = client_for(world.outsider)
    client.post(EDIT, _profile_post(remove_photo="on"))
    carla = User.objects.get(pk=world.outsider.pk)
    assert not carla.photo
    assert client.get(_photo(carla)).status_code == 404


def test_profile_edit_fails_if_someone_else_edits_a_profile(world, client_for):
    url = reverse("people:edit_person", args=[world.member.username])
    response = client_for(world.outsider).post(url, _profile_post(job_title="Gehackt"))
    assert response.status_code == 403
    assert User.objects.get(pk=world.member.pk).job_title == ""


def test_profile_edit_passes_if_a_site_admin_edits_a_profile(world, client_for):
    url = reverse("people:edit_person", args=[world.member.username])
    response = client_for(world.site_admin).post(url, _profile_post(first_name="Bram"))
    assert response.status_code == 302
    assert User.objects.get(pk=world.member.pk).job_title == "Beleidsadviseur"


def test_person_photo_returns_404_if_person_has_no_photo(world, client_for):
    assert client_for(world.outsider).get(_photo(world.member)).status_code == 404


def test_person_photo_returns_404_if_guest_may_not_see_the_person(world, client_for):
    profile_photo_set(actor=world.member, person=world.member, upload=image_upload())
    assert client_for(world.guest).get(_photo(world.member)).status_code == 404
    assert client_for(world.outsider).get(_photo(world.member)).status_code == 200


def test_person_photo_returns_redirect_if_anonymous(world, client):
    profile_photo_set(actor=world.member, person=world.member, upload=image_upload())
    response = client.get(_photo(world.member))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_person_photo_returns_304_if_browser_has_it_already(world, client_for):
    profile_photo_set(actor=world.member, person=world.member, upload=image_upload())
    client = client_for(world.outsider)
    etag = client.get(_photo(world.member))["ETag"]
    assert client.get(_photo(world.member), headers={"If-None-Match": etag}).status_code == 304


def test_person_pages_return_redirect_if_anonymous(world, client):
    for url in (_detail(world.member), EDIT, reverse("people:invite")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login"))
