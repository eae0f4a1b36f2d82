"""The notification list, the bell, opening one, preferences, and unsubscribe links."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from kring.core.errors import ApplicationError
from kring.core.htmx import HtmxHttpRequest
from kring.notifications import services
from kring.notifications.forms import PreferencesForm
from kring.notifications.models import DEFAULT_DELIVERY, NotificationPreference
from kring.notifications.selectors import notifications_for, unread_count_for
from kring.notifications.wording import notification_target_url


@login_required
def notification_list(request: HtmxHttpRequest) -> HttpResponse:
    """All the viewer's notifications, newest first; htmx asks for the next page only."""
    page = notifications_for(request.user, cursor=request.GET.get("cursor"))
    context = {"page": page, "unread": unread_count_for(request.user)}
    if request.htmx and request.GET.get("cursor"):
        return render(request, "notifications/partials/items.html", context)
    return render(request, "notifications/list.html", context)


@login_required
def bell(request: HtmxHttpRequest) -> HttpResponse:
    """Just the bell, for a re-fetch after a realtime reconnect."""
    return render(
        request, "notifications/partials/bell.html", {"bell_count": unread_count_for(request.user)}
    )


@login_required
def notification_open(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Mark one read and go to its target; 404 when the target is out of sight."""
    notification = services.notification_open(actor=request.user, notification_id=pk)
    return redirect(notification_target_url(notification))


@login_required
@require_POST
def mark_all_read(request: HtmxHttpRequest) -> HttpResponse:
    services.notifications_mark_all_read(actor=request.user)
    if request.htmx:
        # The top bar's bell goes to zero in the same swap (htmx out-of-band).
        context = {"page": notifications_for(request.user), "unread": 0, "oob_bell": True}
        return render(request, "notifications/partials/list_body.html", context)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")


def _initial_preferences(user) -> dict[str, str]:
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    initial = {
        f"kind_{kind}": chosen.get(kind, default) for kind, default in DEFAULT_DELIVERY.items()
    }
    initial["frequency"] = services.digest_frequency_of(user)
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HtmxHttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            try:
                services.preferences_update(
                    actor=request.user,
                    deliveries=form.deliveries(),
                    frequency=form.cleaned_data["frequency"],
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your notification settings are saved."))
                return redirect("notifications:preferences")
        return render(request, "notifications/preferences.html", _context(form), status=400)
    form = PreferencesForm(initial=_initial_preferences(request.user))
    return render(request, "notifications/preferences.html", _context(form))


def _context(form: PreferencesForm) -> dict:
    return {"form": form, "hour": settings.KRING_DIGEST_HOUR}


def _unsubscribe(request: HtmxHttpRequest, token: str, *, digest: bool) -> HttpResponse:
    try:
        user, kind = services.unsubscribe(token=token, digest=digest)
    except ApplicationError as error:
        return render(
            request,
            "notifications/unsubscribe_invalid.html",
            {"message": error.message},
            status=error.status,
        )
    context = {"person": user, "kind": kind, "digest": digest}
    return render(request, "notifications/unsubscribed.html", context)


# The signed token is the authorisation; mail clients POST here without a CSRF token (RFC 8058).
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HtmxHttpRequest, token: str) -> HttpResponse:
    return _unsubscribe(request, token, digest=False)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def digest_off(request: HtmxHttpRequest, token: str) -> HttpResponse:
    return _unsubscribe(request, token, digest=True)
