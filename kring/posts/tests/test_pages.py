from django.urls import reverse

from kring.core.testing import page_without_tokens
from kring.posts import services
from kring.posts.models import Post


def test_post_detail_returns_nested_thread_if_member(world, client_for):
    post = world.posts["closed"]
    first = services.reply_create(actor=world.admin, post=post, body="Eerste niveau")
    services.reply_create(actor=world.member, post=post, parent=first, body="Tweede niveau")
    body = client_for(world.member).get(post.get_absolute_url()).content.decode()
    first_at, second_at = body.index("Eerste niveau"), body.index("Tweede niveau")
    assert first_at < second_at
    answer = body[body.rindex('<li class="reply', 0, second_at) : second_at]
    assert 'class="reply depth-2"' in answer  # one level in, under the reply it answers
    assert "antwoord op Anna de Vries" in answer


def test_post_detail_returns_same_404_if_invisible_or_missing(world, client_for):
    client = client_for(world.outsider)
    hidden = client.get(world.posts["secret"].get_absolute_url())
    missing = client.get(reverse("posts:detail", args=[999_999]))
    assert hidden.status_code == missing.status_code == 404
    assert page_without_tokens(hidden.content) == page_without_tokens(missing.content)


def test_post_create_view_keeps_text_if_body_too_long(world, client_for):
    text = "lang " * 2_500
    response = client_for(world.member).post(
        reverse("posts:create"), {"body": text, "group": "company"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "10.000" in page or "10,000" in page
    assert text.strip()[:200] in page


def test_post_create_view_fails_if_group_unknown(world, client_for):
    response = client_for(world.member).post(
        reverse("posts:create"), {"body": "Hoi", "group": "424242"}
    )
    assert response.status_code == 404
    assert "Hoi" in response.content.decode()
    assert not Post.objects.filter(body="Hoi").exists()


def test_post_create_view_fails_if_posting_in_secret_group_of_others(world, client_for):
    group = world.groups["secret"]
    response = client_for(world.outsider).post(
        reverse("posts:create"), {"body": "Binnendringen", "group": str(group.pk)}
    )
    assert response.status_code == 404
    assert not Post.objects.filter(body="Binnendringen").exists()


def test_post_create_view_returns_card_and_fresh_composer_if_htmx(world, client_for):
    response = client_for(world.member).post(
        reverse("posts:create"), {"body": "Via htmx", "group": "company"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'hx-swap-oob="afterbegin:#feed"' in page and "Via htmx" in page


def test_reply_view_keeps_text_if_empty_or_refused(world, client_for):
    post = world.posts["open"]
    response = client_for(world.guest).post(
        reverse("posts:reply", args=[post.pk]), {"body": "Gastreactie"}
    )
    assert response.status_code == 404  # the guest may not even see an open group it is not in
    response = client_for(world.member).post(
        reverse("posts:reply", args=[post.pk]), {"body": "   "}
    )
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()


def test_reply_view_redirects_to_permalink_if_sent_without_javascript(world, client_for):
    post = world.posts["company"]
    response = client_for(world.outsider).post(
        reverse("posts:reply", args=[post.pk]), {"body": "Zonder JS"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(post.get_absolute_url() + "#reply-")


def test_post_edit_view_fails_if_not_author(world, client_for):
    response = client_for(world.admin).get(reverse("posts:edit", args=[world.posts["open"].pk]))
    assert response.status_code == 403


def test_post_edit_view_marks_post_edited(world, client_for):
    post = world.posts["company"]
    client = client_for(world.member)
    client.post(reverse("posts:edit", args=[post.pk]), {"body": "Aangepast"})
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Aangepast" in page and 'class="edited"' in page


def test_post_delete_view_passes_if_group_admin_confirms(world, client_for):
    post = world.posts["open"]
    client = client_for(world.admin)
    assert client.get(reverse("posts:delete", args=[post.pk])).status_code == 200
    response = client.post(reverse("posts:delete", args=[post.pk]))
    assert response.status_code == 302
    assert not Post.objects.filter(pk=post.pk).exists()


def test_forged_csrf_gets_friendly_403(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.member)
    response = client.post(reverse("posts:create"), {"body": "Vervalst", "group": "company"})
    assert response.status_code == 403
    assert "<html" in response.content.decode()
    assert not Post.objects.filter(body="Vervalst").exists()


def test_markdown_preview_returns_sanitised_html(world, client_for):
    response = client_for(world.member).post(
        reverse("posts:preview"), {"body": "**vet** <script>x</script>"}
    )
    page = response.content.decode()
    assert "<strong>vet</strong>" in page and "<script>" not in page
