"""The knowledge base's writes: revisions, conflicts, restore, folders, confirming, reminders."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kring.core.errors import PermissionDenied, ValidationFailed
from kring.knowledge import services
from kring.knowledge.models import Page, Revision
from kring.notifications.models import Notification
from kring.posts import services as post_services


def _page(actor, group=None, **kwargs) -> Page:
    kwargs.setdefault("title", "Inwerken op de balie")
    kwargs.setdefault("body", "Eerst koffie.\nDan de kassa.")
    return services.page_create(actor=actor, group=group, **kwargs)


def _update(page, actor, **kwargs):
    values = {
        "base_version": page.version,
        "title": page.title,
        "body": page.body,
        "folder": page.folder,
        "kind": page.kind,
        "is_onboarding": page.is_onboarding,
    }
    values.update(kwargs)
    return services.page_update(actor=actor, page=page, **values)


def test_page_create_passes_if_member_writes_in_group(world):
    page = _page(world.member, world.groups["closed"])
    assert page.owner == world.member
    assert page.version == 1 and page.revisions.count() == 1
    assert page.review_by > timezone.localdate()


def test_page_create_fails_if_outsider_writes_in_closed_group(world):
    with pytest.raises(PermissionDenied):
        _page(world.outsider, world.groups["closed"])


def test_page_create_fails_if_guest_writes_in_company_space(world):
    with pytest.raises(PermissionDenied):
        _page(world.guest, None)


def test_page_create_fails_if_title_is_empty(world):
    with pytest.raises(ValidationFailed) as error:
        _page(world.member, None, title="   ")
    assert error.value.field == "title"


def test_page_update_passes_if_every_save_is_a_revision(world):
    page = _page(world.member)
    page = _update(page, world.member, body="Eerst koffie.\nDan de kassa.\nDan de post.")
    page = _update(page, world.admin, title="Inwerken aan de balie")
    assert page.version == 3
    assert list(page.revisions.values_list("number", flat=True)) == [3, 2, 1]


def test_page_update_fails_if_someone_saved_in_between(world):
    page = _page(world.member)
    stale = Page.objects.get(pk=page.pk)
    _update(page, world.admin, body="Nieuwe tekst van Anna")
    with pytest.raises(services.EditConflict):
        _update(stale, world.member, base_version=1, body="Mijn tekst")
    assert Page.objects.get(pk=page.pk).body == "Nieuwe tekst van Anna"


def test_page_update_passes_and_keeps_a_confirmation_saved_meanwhile(world):
    page = _page(world.member, review_by=timezone.localdate() - timedelta(days=3))
    services.page_confirm(actor=world.member, page=Page.objects.get(pk=page.pk))
    page = _update(page, world.admin, body="Aangevuld")
    assert page.confirmed_at is not None and not page.is_stale


def test_page_restore_passes_if_old_version_becomes_newest(world):
    page = _page(world.member, body="Versie een")
    page = _update(page, world.member, body="Versie twee")
    services.page_restore(actor=world.member, page=page, number=1)
    page.refresh_from_db()
    assert page.body == "Versie een" and page.version == 3
    assert Revision.objects.get(page=page, number=3).note == "restored:1"


def test_folder_move_fails_if_it_makes_a_cycle(world):
    top = services.folder_create(actor=world.site_admin, group=None, name="Zorg", parent=None)
    inner = services.folder_create(actor=world.site_admin, group=None, name="Infuus", parent=top)
    with pytest.raises(ValidationFailed):
        services.folder_move(actor=world.site_admin, folder=top, parent=inner)
    with pytest.raises(ValidationFailed):
        services.folder_move(actor=world.site_admin, folder=top, parent=top)


def test_folder_create_fails_if_member_is_no_admin(world):
    with pytest.raises(PermissionDenied):
        services.folder_create(
            actor=world.member, group=world.groups["open"], name="Map", parent=None
        )


def test_page_confirm_passes_if_owner_confirms_stale_page(world):
    page = _page(world.member, review_by=timezone.localdate() - timedelta(days=3))
    assert page.is_stale
    services.page_confirm(actor=world.member, page=page)
    assert not page.is_stale and page.confirmed_at is not None


def test_page_confirm_fails_if_not_owner(world):
    page = _page(world.member)
    with pytest.raises(PermissionDenied):
        services.page_confirm(actor=world.outsider, page=page)


def test_page_reviews_remind_passes_once_per_review_date(world, django_capture_on_commit_callbacks):
    page = _page(world.member, world.groups["secret"])
    Page.objects.filter(pk=page.pk).update(review_by=timezone.localdate() - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.page_reviews_remind() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.page_reviews_remind() == 0
    reminder = Notification.objects.get(kind="page_review")
    assert reminder.recipient == world.member and reminder.page_id == page.pk


def test_page_create_fails_if_post_is_from_another_space(world):
    post = post_services.post_create(actor=world.member, group=None, body="Hoe vraag ik verlof?")
    with pytest.raises(ValidationFailed):
        _page(world.member, world.groups["open"], source_post=post)


def test_page_review_reminder_passes_into_the_digest_if_owner_left_it_unread(
    world, django_capture_on_commit_callbacks
):
    from django.core import mail

    from kring.notifications.digests import digest_send

    page = _page(world.member, title="Balie openen")
    Page.objects.filter(pk=page.pk).update(review_by=timezone.localdate() - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        services.page_reviews_remind()
    mail.outbox.clear()
    digest_send(user=world.member, frequency="weekly")
    (message,) = mail.outbox
    assert "Een kennisbankpagina van jou moet gecontroleerd worden" in message.body
    assert '"Balie openen"' in message.body
