"""Site admins manage accounts, departments, expertise tags and invitations here.

Groups and posts are deliberately absent: the admin must not become a way around
the access policy into closed or secret groups.
"""

from allauth.account.forms import ResetPasswordForm
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group as PermissionGroup
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

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

    actions = ["send_password_reset"]

    def get_fieldsets(self, request, obj=None):
        """Another person's password is not the site admin's to set (see user_change_password)."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or obj.pk == request.user.pk:
            return fieldsets
        first_name, first = fieldsets[0]
        fields = [name for name in first["fields"] if name != "password"]
        return [(first_name, {**first, "fields": fields}), *fieldsets[1:]]

    def get_readonly_fields(self, request, obj=None):
        """Another person's e-mail address is theirs to change (decision 0028).

        Whoever sets the address receives the reset link for the account: a site admin who
        could put their own address on a colleague's account could take it over.
        """
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk != request.user.pk:
            fields.append("email")
        return fields

    def user_change_password(self, request, id, form_url=""):
        """Site admins set only their own password here.

        With another person's password an admin could sign in as them and read their
        private conversations and secret groups, which Kring never shows site admins.
        They send a reset link instead (the action on the list): only the person, through
        their own mailbox, chooses the new password.
        """
        if str(id) != str(request.user.pk):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)

    @admin.action(description=_("Send a link to choose a new password"))
    def send_password_reset(self, request, queryset):
        sent = skipped = 0
        for person in queryset.filter(is_active=True).exclude(email=""):
            form = ResetPasswordForm(data={"email": person.email})
            if form.is_valid():
                form.save(request)
                sent += 1
        skipped = queryset.count() - sent
        if sent:
            self.message_user(
                request,
                ngettext(
                    "Sent a link to choose a new password to %(count)d person.",
                    "Sent a link to choose a new password to %(count)d people.",
                    sent,
                )
                % {"count": sent},
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d person got no link: switched off or without an e-mail address.",
                    "%(count)d people got no link: switched off or without an e-mail address.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

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
