"""The knowledge base on the pages: the tree, the editor, history, diff, restore, confirm."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kring.knowledge import services
from kring.knowledge.models import Page
from kring.posts import services as post_services

HTMX = {"HTTP_HX_REQUEST": "true"}


def _page(actor, group=None, **kwargs) -> Page:
    kwargs.setdefault("title", "Verlof aanvragen")
    kwargs.setdefault("body", "Vraag verlof aan via het portaal.")
    return services.page_create(actor=actor, group=group, **kwargs)


def _form(page: Page, **changes) -> dict:
    data = {
        "title": page.title,
        "body": page.body,
        "kind": page.kind,
        "folder": "",
        "review_by": "",
        "version": page.version,
    }
    data.update(changes)
    return data


def test_page_new_passes_if_kind_gives_dutch_headings(world, client_for):
    response = client_for(world.member).get(reverse("knowledge:new") + "?kind=procedure")
    assert response.status_code == 200
    assert "## Stappen" in response.content.decode()


def test_page_new_returns_form_with_text_if_title_is_empty(world, client_for):
    data = {"title": "", "body": "Mijn belangrijke tekst", "kind": "tip"}
    response = client_for(world.member).post(reverse("knowledge:new"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Geef de pagina een titel." in html and "Mijn belangrijke tekst" in html
    assert not Page.objects.exists()


def test_page_edit_returns_conflict_with_typed_text_if_someone_saved_in_between(world, client_for):
    page = _page(world.member)
    first = _form(page, body="Tekst van Bram")
    services.page_update(
        actor=world.admin,
        page=page,
        base_version=1,
        title=page.title,
        body="Tekst van Anna",
        folder=None,
        kind=page.kind,
        is_onboarding=False,
    )
    response = client_for(world.member).post(reverse("knowledge:edit", args=[page.pk]), first)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Tekst van Bram" in html and "iemand anders" in html.lower()
    assert Page.objects.get(pk=page.pk).body == "Tekst van Anna"
    # Saving again after reading the message goes through on top of the newer version.
    again = _form(Page.objects.get(pk=page.pk), body="Tekst van Bram")
    client_for(world.member).post(reverse("knowledge:edit", args=[page.pk]), again)
    assert Page.objects.get(pk=page.pk).body == "Tekst van Bram"


def test_page_diff_returns_added_and_removed_lines_if_two_versions(world, client_for):
    page = _page(world.member, body="Regel een\nRegel twee")
    client = client_for(world.member)
    client.post(reverse("knowledge:edit", args=[page.pk]), _form(page, body="Regel een\nRegel 2"))
    response = client.get(reverse("knowledge:diff", args=[page.pk]) + "?from=1&to=2")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<del>Regel twee</del>" in html and "<ins>Regel 2</ins>" in html


def test_page_diff_returns_404_if_version_is_missing_or_damaged(world, client_for):
    page = _page(world.member)
    client = client_for(world.member)
    assert client.get(reverse("knowledge:diff", args=[page.pk]) + "?from=1&to=9").status_code == 404
    assert client.get(reverse("knowledge:diff", args=[page.pk]) + "?from=x&to=1").status_code == 200


def test_page_restore_passes_if_member_restores_old_version(world, client_for):
    page = _page(world.member, body="Oud")
    client = client_for(world.member)
    client.post(reverse("knowledge:edit", args=[page.pk]), _form(page, body="Nieuw"))
    response = client.post(reverse("knowledge:restore", args=[page.pk, 1]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == "Oud" and page.version == 3


def test_page_detail_shows_possibly_outdated_if_past_review_date(world, client_for):
    page = _page(world.member, review_by=timezone.localdate() - timedelta(days=1))
    html = client_for(world.outsider).get(page.get_absolute_url()).content.decode()
    assert "Mogelijk verouderd." in html
    assert "Nog actueel" not in html  # the outsider is not the owner


def test_page_confirm_returns_fresh_review_block_if_owner_clicks(world, client_for):
    page = _page(world.member, review_by=timezone.localdate() - timedelta(days=1))
    response = client_for(world.member).post(reverse("knowledge:confirm", args=[page.pk]), **HTMX)
    assert response.status_code == 200 and "Bedankt" in response.content.decode()
    page.refresh_from_db()
    assert not page.is_stale


def test_page_detail_returns_404_if_outsider_opens_closed_group_page(world, client_for):
    page = _page(world.member, world.groups["closed"])
    client = client_for(world.outsider)
    for name in ("page", "history", "diff", "edit"):
        assert client.get(reverse(f"knowledge:{name}", args=[page.pk])).status_code == 404
    assert client.get(reverse("knowledge:group", args=["groep-closed"])).status_code == 404


def test_page_from_post_passes_and_links_both_ways(world, client_for):
    post = world.posts["open"]
    post_services.reply_create(actor=world.admin, post=post, body="Gebruik de checklist.")
    client = client_for(world.member)
    draft = client.get(reverse("knowledge:from_post", args=[post.pk])).content.decode()
    assert "Gebruik de checklist." in draft
    data = {"title": "Checklist", "body": "Gebruik de checklist.", "kind": "best_practice"}
    response = client.post(reverse("knowledge:from_post", args=[post.pk]), data)
    page = Page.objects.get(title="Checklist")
    assert response.status_code == 302
    assert page.group == world.groups["open"] and page.source_post == post
    thread = client.get(post.get_absolute_url()).content.decode()
    assert "Bewaard in de kennisbank:" in thread and page.get_absolute_url() in thread
    assert post.get_absolute_url() in client.get(page.get_absolute_url()).content.decode()


def test_page_from_post_returns_404_if_reader_may_not_write_there(world, client_for):
    post = world.posts["open"]
    client = client_for(world.outsider)  # reads the open group, is no member
    assert client.get(reverse("knowledge:from_post", args=[post.pk])).status_code == 404
    assert "Bewaar als best practice" not in client.get(post.get_absolute_url()).content.decode()


def _index_queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(reverse("knowledge:company")).status_code == 200
    return len(context.captured_queries)


def test_knowledge_index_costs_fixed_queries_if_many_pages_and_folders(world, client_for):
    folder = services.folder_create(actor=world.site_admin, group=None, name="Zorg", parent=None)
    _page(world.member, folder=folder)
    client = client_for(world.member)
    client.get(reverse("knowledge:company"))
    few = _index_queries(client)
    for n in range(15):
        inner = services.folder_create(
            actor=world.site_admin, group=None, name=f"Map {n}", parent=folder
        )
        _page(world.member, folder=inner, title=f"Pagina {n}", is_onboarding=n % 2 == 0)
    assert _index_queries(client) == few


def test_page_review_notification_opens_the_page_if_owner_clicks(world, client_for):
    from kring.notifications.models import Notification

    page = _page(world.member, world.groups["secret"])
    notification = Notification.objects.create(
        recipient=world.member, kind="page_review", page=page
    )
    response = client_for(world.member).get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302 and response["Location"] == page.get_absolute_url()


def test_folder_move_shows_message_if_it_would_make_a_cycle(world, client_for):
    top = services.folder_create(actor=world.site_admin, group=None, name="Zorg", parent=None)
    inner = services.folder_create(actor=world.site_admin, group=None, name="Infuus", parent=top)
    client = client_for(world.site_admin)
    response = client.post(
        reverse("knowledge:folder_move", args=[top.pk]), {"parent": inner.pk}, follow=True
    )
    assert response.status_code == 200
    assert "Een map kan niet in zichzelf" in response.content.decode()
    top.refresh_from_db()
    assert top.parent is None


def test_folder_create_shows_message_if_name_is_empty(world, client_for):
    client = client_for(world.site_admin)
    response = client.post(reverse("knowledge:folder_create"), {"name": "  "}, follow=True)
    assert "Geef de map een naam." in response.content.decode()


def test_folder_create_returns_404_if_member_of_no_group_posts_to_secret_group(world, client_for):
    client = client_for(world.outsider)
    url = reverse("knowledge:group_folder_create", args=[world.groups["secret"].slug])
    assert client.post(url, {"name": "Map"}).status_code == 404


def test_page_edit_keeps_confirmation_if_editor_opened_before_it(world, client_for):
    stale_date = timezone.localdate() - timedelta(days=2)
    page = _page(world.member, review_by=stale_date)
    client = client_for(world.member)
    editor = client.get(reverse("knowledge:edit", args=[page.pk])).content.decode()
    assert f'name="review_by_was" value="{stale_date:%Y-%m-%d}"' in editor
    # The owner confirms in another tab, then saves the editor opened before it.
    client.post(reverse("knowledge:confirm", args=[page.pk]))
    sent = _form(page, body="Aangevuld") | {"review_by": stale_date, "review_by_was": stale_date}
    assert client.post(reverse("knowledge:edit", args=[page.pk]), sent).status_code == 302
    page.refresh_from_db()
    assert page.body == "Aangevuld" and not page.is_stale


def test_page_edit_sets_review_date_if_owner_changed_it(world, client_for):
    page = _page(world.member)
    later = timezone.localdate() + timedelta(days=400)
    sent = _form(page) | {"review_by": later, "review_by_was": page.review_by}
    client_for(world.member).post(reverse("knowledge:edit", args=[page.pk]), sent)
    page.refresh_from_db()
    assert page.review_by == later


def test_page_new_keeps_text_and_says_why_if_text_is_far_too_long(world, client_for):
    from kring.knowledge.models import BODY_MAX_LENGTH, Page

    body = "Lange tekst. " * (BODY_MAX_LENGTH * 2 // 13 + 10)
    sent = {"title": "Heel lang", "body": body, "kind": "page", "folder": "", "review_by": ""}
    response = client_for(world.member).post(reverse("knowledge:new"), sent)
    assert response.status_code == 400
    assert not Page.objects.exists()
    html = response.content.decode()
    assert "Heel lang" in html and html.count("Lange tekst.") > 1000


def test_page_edit_keeps_text_and_says_why_if_text_is_far_too_long(world, client_for):
    from kring.knowledge.models import BODY_MAX_LENGTH

    page = _page(world.member)
    body = "x" * (BODY_MAX_LENGTH * 3)
    response = client_for(world.member).post(
        reverse("knowledge:edit", args=[page.pk]), _form(page, body=body)
    )
    assert response.status_code == 400
    page.refresh_from_db()
    assert page.body != "" and page.version == 1
