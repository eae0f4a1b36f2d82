"""Site admins can also set the leader role here (the page /announcements/leaders/ is easier)."""

from django.contrib import admin

from kring.announcements.models import Leader


@admin.register(Leader)
class LeaderAdmin(admin.ModelAdmin):
    list_display = ["user", "appointed_by", "appointed_at"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]
    readonly_fields = ["appointed_by", "appointed_at"]

    def save_model(self, request, obj: Leader, form, change: bool) -> None:
        if not change:
            obj.appointed_by = request.user
        super().save_model(request, obj, form, change)
