from kring.announcements.models import AnnouncementRead
from kring.posts.models import Post


def test_api_post_create_makes_announcement_if_group_admin(world, api_for):
    response = api_for(world.admin).post(
        "/api/v1/posts",
        {"group": world.groups["open"].pk, "body": "Lees dit", "is_announcement": True},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["is_announcement"] is True
    assert Post.objects.get(pk=response.json()["id"]).is_announcement


def test_api_post_create_returns_403_and_writes_nothing_if_member(world, api_for):
    before = Post.objects.count()
    response = api_for(world.member).post(
        "/api/v1/posts",
        {"group": None, "body": "Lees dit", "is_announcement": True},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "leidinggevenden" in response.json()["message"]
    assert Post.objects.count() == before


def test_api_announcement_read_passes_if_reader_and_404_if_not(world, announce, api_for):
    post = announce(world.admin, world.groups["closed"])
    assert api_for(world.member).post(f"/api/v1/announcements/{post.pk}/read").status_code == 200
    assert api_for(world.outsider).post(f"/api/v1/announcements/{post.pk}/read").status_code == 404
    assert list(AnnouncementRead.objects.values_list("user_id", flat=True)) == [world.member.pk]


def test_api_announcement_reads_returns_counts_to_author_only(world, announce, api_for):
    post = announce(world.admin, world.groups["closed"])
    api_for(world.member).post(f"/api/v1/announcements/{post.pk}/read")
    response = api_for(world.admin).get(f"/api/v1/announcements/{post.pk}/reads")
    assert response.json() == {"read": 1, "audience": 1}
    assert api_for(world.member).get(f"/api/v1/announcements/{post.pk}/reads").status_code == 403
    assert api_for(world.outsider).get(f"/api/v1/announcements/{post.pk}/reads").status_code == 404
