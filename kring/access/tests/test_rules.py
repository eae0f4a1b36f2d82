"""Every verb of the access policy, one passing and one failing case at least."""

from kring import access
from kring.groups import services as group_services
from kring.posts import services as post_services


def _post_by_member(matrix, space: str):
    return post_services.post_create(
        actor=matrix.viewer("member"), group=matrix.group(space), body="Van een lid"
    )


# can_post_in


def test_can_post_in_passes_if_employee_and_company_space(matrix):
    assert access.can_post_in(matrix.viewer("outsider"), None)


def test_can_post_in_fails_if_guest_in_company_space(matrix):
    assert not access.can_post_in(matrix.viewer("guest_member"), None)


def test_can_post_in_passes_if_guest_is_member_of_closed_group(matrix):
    assert access.can_post_in(matrix.viewer("guest_member"), matrix.groups["closed"])


def test_can_post_in_fails_if_employee_not_member_of_open_group(matrix):
    assert not access.can_post_in(matrix.viewer("outsider"), matrix.groups["open"])


def test_can_post_in_fails_if_anonymous(matrix):
    assert not access.can_post_in(matrix.viewer("anonymous"), None)


# can_reply


def test_can_reply_passes_if_employee_and_open_group(matrix):
    assert access.can_reply(matrix.viewer("outsider"), matrix.posts["open"])


def test_can_reply_fails_if_employee_not_member_of_closed_group(matrix):
    assert not access.can_reply(matrix.viewer("site_admin"), matrix.posts["closed"])


def test_can_reply_passes_if_guest_is_member_of_closed_group(matrix):
    assert access.can_reply(matrix.viewer("guest_member"), matrix.posts["closed"])


def test_can_reply_fails_if_guest_in_company_space(matrix):
    assert not access.can_reply(matrix.viewer("guest_member"), matrix.posts["company"])


# can_edit_post / can_delete_post


def test_can_edit_post_passes_if_author(matrix):
    assert access.can_edit_post(matrix.viewer("group_admin"), matrix.posts["secret"])


def test_can_edit_post_fails_if_not_author_even_if_site_admin(matrix):
    assert not access.can_edit_post(matrix.viewer("site_admin"), matrix.posts["company"])


def test_can_edit_post_fails_if_author_left_the_closed_group(matrix):
    post = _post_by_member(matrix, "closed")
    member = matrix.viewer("member")
    group_services.membership_remove(actor=member, group=matrix.groups["closed"], user=member)
    assert not access.can_edit_post(matrix.viewer("member"), post)


def test_can_delete_post_passes_if_group_admin_of_its_group(matrix):
    assert access.can_delete_post(matrix.viewer("group_admin"), _post_by_member(matrix, "closed"))


def test_can_delete_post_passes_if_site_admin_in_company_space(matrix):
    assert access.can_delete_post(matrix.viewer("site_admin"), matrix.posts["company"])


def test_can_delete_post_fails_if_site_admin_not_member_of_secret_group(matrix):
    assert not access.can_delete_post(matrix.viewer("site_admin"), matrix.posts["secret"])


def test_can_delete_post_fails_if_plain_member_not_author(matrix):
    assert not access.can_delete_post(matrix.viewer("member"), matrix.posts["open"])


# can_edit_reply / can_delete_reply


def test_can_edit_reply_passes_if_author(matrix):
    assert access.can_edit_reply(matrix.viewer("member"), matrix.replies["closed"])


def test_can_edit_reply_fails_if_other_member(matrix):
    assert not access.can_edit_reply(matrix.viewer("guest_member"), matrix.replies["closed"])


def test_can_edit_reply_fails_if_reply_was_removed(matrix):
    reply = matrix.replies["open"]  # it has an answer, so removing leaves a placeholder
    post_services.reply_delete(actor=matrix.viewer("member"), reply=reply)
    reply.refresh_from_db()
    assert not access.can_edit_reply(matrix.viewer("member"), reply)


def test_can_delete_reply_passes_if_group_admin(matrix):
    assert access.can_delete_reply(matrix.viewer("group_admin"), matrix.replies["secret"])


def test_can_delete_reply_fails_if_employee_not_author_in_open_group(matrix):
    assert not access.can_delete_reply(matrix.viewer("outsider"), matrix.replies["open"])


# joining, leaving, managing


def test_can_join_passes_if_employee_and_open_group(matrix):
    assert access.can_join(matrix.viewer("outsider"), matrix.groups["open"])


def test_can_join_fails_if_closed_group(matrix):
    assert not access.can_join(matrix.viewer("outsider"), matrix.groups["closed"])


def test_can_join_fails_if_guest_and_open_group(matrix):
    assert not access.can_join(matrix.viewer("guest"), matrix.groups["open"])


def test_can_join_fails_if_already_member(matrix):
    assert not access.can_join(matrix.viewer("member"), matrix.groups["open"])


def test_can_request_to_join_passes_if_employee_and_closed_group(matrix):
    assert access.can_request_to_join(matrix.viewer("site_admin"), matrix.groups["closed"])


def test_can_request_to_join_fails_if_secret_group(matrix):
    assert not access.can_request_to_join(matrix.viewer("outsider"), matrix.groups["secret"])


def test_can_request_to_join_fails_if_guest(matrix):
    assert not access.can_request_to_join(matrix.viewer("guest"), matrix.groups["closed"])


def test_can_leave_passes_if_member(matrix):
    assert access.can_leave(matrix.viewer("guest_member"), matrix.groups["open"])


def test_can_leave_fails_if_not_member(matrix):
    assert not access.can_leave(matrix.viewer("outsider"), matrix.groups["open"])


def test_can_manage_passes_if_group_admin(matrix):
    assert access.can_manage(matrix.viewer("group_admin"), matrix.groups["secret"])


def test_can_manage_fails_if_plain_member(matrix):
    assert not access.can_manage(matrix.viewer("member"), matrix.groups["open"])


def test_can_manage_fails_if_site_admin_not_member(matrix):
    assert not access.can_manage(matrix.viewer("site_admin"), matrix.groups["open"])


def test_can_moderate_in_passes_if_site_admin_in_open_group(matrix):
    assert access.can_moderate_in(matrix.viewer("site_admin"), matrix.groups["open"])


def test_can_moderate_in_fails_if_site_admin_in_closed_group(matrix):
    assert not access.can_moderate_in(matrix.viewer("site_admin"), matrix.groups["closed"])


# creating groups, profiles


def test_can_create_group_passes_if_employee(matrix):
    assert access.can_create_group(matrix.viewer("outsider"))


def test_can_create_group_fails_if_guest(matrix):
    assert not access.can_create_group(matrix.viewer("guest_member"))


def test_can_create_group_fails_if_anonymous(matrix):
    assert not access.can_create_group(matrix.viewer("anonymous"))


def test_can_edit_profile_passes_if_own_profile(matrix):
    guest = matrix.viewer("guest")
    assert access.can_edit_profile(guest, guest)


def test_can_edit_profile_passes_if_site_admin(matrix):
    assert access.can_edit_profile(matrix.viewer("site_admin"), matrix.viewer("member"))


def test_can_edit_profile_fails_if_other_employee(matrix):
    assert not access.can_edit_profile(matrix.viewer("outsider"), matrix.viewer("member"))


# reading spaces and roles


def test_can_read_space_passes_if_employee_and_company_space(matrix):
    assert access.can_read_space(matrix.viewer("outsider"), None)


def test_can_read_space_fails_if_guest_and_company_space(matrix):
    assert not access.can_read_space(matrix.viewer("guest_member"), None)


def test_can_read_space_fails_if_employee_not_member_of_closed_group(matrix):
    assert not access.can_read_space(matrix.viewer("outsider"), matrix.groups["closed"])


def test_can_view_fails_if_member_was_deactivated(matrix):
    member = matrix.viewer("member")
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert not access.can_view(member, matrix.posts["open"])
    assert not access.can_view(member, matrix.groups["secret"])


def test_is_member_passes_if_guest_member_of_open_group(matrix):
    assert access.is_member(matrix.viewer("guest_member"), matrix.groups["open"])


def test_is_member_fails_if_guest_member_and_secret_group(matrix):
    assert not access.is_member(matrix.viewer("guest_member"), matrix.groups["secret"])


def test_is_group_admin_passes_if_admin(matrix):
    assert access.is_group_admin(matrix.viewer("group_admin"), matrix.groups["closed"])


def test_is_group_admin_fails_if_member(matrix):
    assert not access.is_group_admin(matrix.viewer("member"), matrix.groups["closed"])


def test_role_in_returns_role_if_member_else_none(matrix):
    assert access.role_in(matrix.viewer("member"), matrix.groups["open"]) == "member"
    assert access.role_in(matrix.viewer("outsider"), matrix.groups["open"]) is None


def test_is_site_admin_passes_if_site_admin(matrix):
    assert access.is_site_admin(matrix.viewer("site_admin"))


def test_is_site_admin_fails_if_group_admin(matrix):
    assert not access.is_site_admin(matrix.viewer("group_admin"))


def test_role_cache_is_forgotten_if_membership_changes(matrix):
    outsider = matrix.viewer("outsider")
    assert not access.can_view(outsider, matrix.posts["closed"])
    group_services.membership_add(
        actor=matrix.viewer("group_admin"), group=matrix.groups["closed"], user=outsider
    )
    assert access.can_view(outsider, matrix.posts["closed"])
