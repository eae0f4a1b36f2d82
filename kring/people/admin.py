"""Site admins manage accounts, departments, expertise tags and invitations here.

Groups and posts are deliberately absent: the admin must not become a way around
the access policy into closed or secret groups.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group as PermissionGroup
from django.utils.translation import gettext_lazy as _

from kring.people.models import Department, Expertise, Invitation, User

# Kring does not use Django's permission groups; listing them next to Kring's own
# groups would only confuse site admins.
if admin.site.is_registered(PermissionGroup):
    admin.site.unregister(PermissionGroup)


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "people_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    @admin.display(description=_("people"))
    def people_count(self, department: Department) -> int:
        return department.people.filter(is_active=True).count()


@admin.register(Expertise)
class ExpertiseAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Accounts with Kring's profile fields; the photo stays out (it is served privately)."""

    list_display = [
        "username",
        "first_name",
        "last_name",
        "email",
        "kind",
        "department",
        "is_staff",
        "is_active",
    ]
    list_filter = ["kind", "is_staff", "is_active", "department"]
    list_select_related = ["department"]
    search_fields = ["username", "first_name", "last_name", "email"]
    filter_horizontal = ["expertise"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Person"), {"fields": ["first_name", "last_name", "email", "kind", "language"]}),
        (
            _("Profile"),
            {"fields": ["job_title", "department", "location", "phone", "about", "expertise"]},
        ),
        (
            _("Rights"),
            {
                "fields": ["is_active", "is_staff", "is_superuser"],
                "description": _(
                    "Site admins (staff) manage accounts here; they see groups only as members."
                ),
            },
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "username",
                    "email",
                    "kind",
                    "usable_password",
                    "password1",
                    "password2",
                ],
            },
        )
    ]

    def has_delete_permission(self, request, obj=None) -> bool:
        """Accounts are switched off ("active"), never deleted here (decision 0001).

        Django's "are you sure?" page would list all the account takes along, by name:
        memberships of secret groups, posts, replies, poll options, private messages.
        """
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations are sent from the invite page (which mails the link); here they can be revoked."""

    list_display = ["email", "kind", "invited_by", "created_at", "expires_at", "accepted_at"]
    list_filter = ["kind"]
    search_fields = ["email"]
    readonly_fields = ["email", "kind", "invited_by", "created_at", "expires_at", "accepted_at"]
    exclude = ["token_hash"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
