import pytest

from kring.core.errors import PermissionDenied, ValidationFailed
from kring.posts import services
from kring.posts.models import Post, Reply


def test_post_create_passes_if_employee_in_company_space(world):
    post = services.post_create(actor=world.outsider, group=None, body="Hallo **allemaal**")
    assert post.group is None
    assert "<strong>allemaal</strong>" in post.body_html


def test_post_create_fails_if_guest_in_company_space(world):
    with pytest.raises(PermissionDenied):
        services.post_create(actor=world.guest, group=None, body="Hallo")


def test_post_create_fails_if_not_member_of_open_group(world):
    with pytest.raises(PermissionDenied) as error:
        services.post_create(actor=world.outsider, group=world.groups["open"], body="Hallo")
    assert error.value.field == "group"


def test_post_create_fails_if_group_is_secret_and_viewer_outside(world):
    with pytest.raises(ValidationFailed) as error:
        services.post_create(actor=world.outsider, group=world.groups["secret"], body="Hallo")
    assert error.value.status == 404


@pytest.mark.parametrize("body", ["", "   \n\t ", "x" * 10_001])
def test_post_create_fails_if_body_empty_or_too_long(world, body):
    with pytest.raises(ValidationFailed) as error:
        services.post_create(actor=world.member, group=None, body=body)
    assert error.value.field == "body"


def test_post_create_passes_if_body_exactly_at_limit(world):
    post = services.post_create(actor=world.member, group=None, body="x" * 10_000)
    assert len(post.body) == 10_000


def test_post_create_returns_sanitised_html_if_body_has_script_and_handlers(world):
    body = "<script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1))"
    post = services.post_create(actor=world.member, group=None, body=body)
    assert "<script" not in post.body_html
    assert "<img" not in post.body_html
    assert 'href="javascript' not in post.body_html
    assert "&lt;script&gt;" in post.body_html


def test_post_update_passes_if_author_and_marks_edited(world):
    post = world.posts["open"]
    services.post_update(actor=world.member, post=post, body="Nieuwe tekst")
    post.refresh_from_db()
    assert post.body == "Nieuwe tekst" and post.edited_at is not None


def test_post_update_fails_if_not_author_even_if_group_admin(world):
    with pytest.raises(PermissionDenied):
        services.post_update(actor=world.admin, post=world.posts["open"], body="Overschreven")


def test_post_delete_passes_if_group_admin(world):
    services.post_delete(actor=world.admin, post=world.posts["closed"])
    assert not Post.objects.filter(pk=world.posts["closed"].pk).exists()


def test_post_delete_passes_if_site_admin_in_company_space(world):
    services.post_delete(actor=world.site_admin, post=world.posts["company"])
    assert not Post.objects.filter(pk=world.posts["company"].pk).exists()


def test_post_delete_fails_if_site_admin_outside_closed_group(world):
    with pytest.raises(PermissionDenied):
        services.post_delete(actor=world.site_admin, post=world.posts["closed"])


def test_post_delete_fails_if_other_employee(world):
    with pytest.raises(PermissionDenied):
        services.post_delete(actor=world.outsider, post=world.posts["company"])


def test_reply_create_passes_if_nested_and_moves_post_up(world):
    post = world.posts["open"]
    before = post.last_activity_at
    first = services.reply_create(actor=world.outsider, post=post, body="Eerste")
    second = services.reply_create(actor=world.member, post=post, parent=first, body="Tweede")
    post.refresh_from_db()
    assert second.parent == first
    assert post.reply_count == 2
    assert post.last_activity_at > before


def test_reply_create_fails_if_outsider_in_closed_group(world):
    with pytest.raises(PermissionDenied):
        services.reply_create(actor=world.outsider, post=world.posts["closed"], body="Hoi")


def test_reply_create_fails_if_parent_belongs_to_other_post(world):
    other = services.reply_create(actor=world.member, post=world.posts["company"], body="Elders")
    with pytest.raises(ValidationFailed):
        services.reply_create(
            actor=world.member, post=world.posts["open"], parent=other, body="Hier"
        )


def test_reply_delete_keeps_placeholder_if_reply_has_answers(world):
    post = world.posts["company"]
    first = services.reply_create(actor=world.outsider, post=post, body="Eerste")
    services.reply_create(actor=world.member, post=post, parent=first, body="Antwoord")
    services.reply_delete(actor=world.outsider, reply=first)
    first.refresh_from_db()
    assert first.deleted_at is not None and first.body == ""
    assert Reply.objects.filter(parent=first).count() == 1


def test_reply_delete_removes_row_if_reply_has_no_answers(world):
    reply = services.reply_create(actor=world.outsider, post=world.posts["company"], body="Weg")
    services.reply_delete(actor=world.outsider, reply=reply)
    assert not Reply.objects.filter(pk=reply.pk).exists()
    world.posts["company"].refresh_from_db()
    assert world.posts["company"].reply_count == 0


def test_reply_create_sets_path_of_ids_in_reading_order_if_nested(world):
    post = world.posts["company"]
    first = services.reply_create(actor=world.outsider, post=post, body="Eerste")
    second = services.reply_create(actor=world.member, post=post, body="Tweede")
    answer = services.reply_create(actor=world.member, post=post, parent=first, body="Daarop")
    deeper = services.reply_create(actor=world.outsider, post=post, parent=answer, body="Dieper")

    assert first.path == f"{first.pk:010d}" and first.depth == 1
    assert answer.path == f"{first.pk:010d}/{answer.pk:010d}" and answer.depth == 2
    assert deeper.path == f"{answer.path}/{deeper.pk:010d}" and deeper.depth == 3
    in_order = list(Reply.objects.filter(post=post).order_by("path").values_list("pk", flat=True))
    assert in_order == [first.pk, answer.pk, deeper.pk, second.pk]
    assert Reply.objects.get(pk=deeper.pk).path == deeper.path  # stored, not only in memory


def test_reply_create_fails_if_conversation_is_too_deep(world):
    post = world.posts["company"]
    parent = services.reply_create(actor=world.outsider, post=post, body="Begin")
    Reply.objects.filter(pk=parent.pk).update(path="/".join([f"{parent.pk:010d}"] * 100))
    parent.refresh_from_db()

    with pytest.raises(ValidationFailed) as error:
        services.reply_create(actor=world.member, post=post, parent=parent, body="Nog dieper")

    assert error.value.field == "parent"
    assert not Reply.objects.filter(body="Nog dieper").exists()


def test_reply_delete_removes_placeholders_left_without_answers(world):
    post = world.posts["company"]
    first = services.reply_create(actor=world.outsider, post=post, body="Eerste")
    answer = services.reply_create(actor=world.member, post=post, parent=first, body="Antwoord")
    last = services.reply_create(actor=world.outsider, post=post, parent=answer, body="Laatste")
    other = services.reply_create(actor=world.member, post=post, body="Los")
    services.reply_delete(actor=world.outsider, reply=first)  # placeholder: it has answers
    services.reply_delete(actor=world.member, reply=answer)  # placeholder too

    services.reply_delete(actor=world.outsider, reply=last)

    assert list(Reply.objects.filter(post=post).values_list("pk", flat=True)) == [other.pk]
    post.refresh_from_db()
    assert post.reply_count == 1


def test_reply_delete_keeps_placeholder_if_it_still_has_other_answers(world):
    post = world.posts["company"]
    first = services.reply_create(actor=world.outsider, post=post, body="Eerste")
    one = services.reply_create(actor=world.member, post=post, parent=first, body="Een")
    services.reply_create(actor=world.member, post=post, parent=first, body="Twee")
    services.reply_delete(actor=world.outsider, reply=first)

    services.reply_delete(actor=world.member, reply=one)

    assert Reply.objects.filter(pk=first.pk, deleted_at__isnull=False).exists()
    post.refresh_from_db()
    assert post.reply_count == 1
