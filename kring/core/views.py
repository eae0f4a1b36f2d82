from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def page_not_found(request, exception=None):
    return render(
        request,
        "core/error.html",
        {
            "title": _("Page not found"),
            "message": _("This page does not exist, or you do not have access to it."),
        },
        status=404,
    )


def server_error(request):
    return render(
        request,
        "core/error.html",
        {
            "title": _("Something went wrong"),
            "message": _("Something went wrong on our side. Please try again in a moment."),
        },
        status=500,
    )


def csrf_failure(request, reason=""):
    return render(
        request,
        "core/error.html",
        {
            "title": _("Your form has expired"),
            "message": _(
                "For your safety this form could not be sent. Go back, reload the page and try again: "
                "what you typed is usually still there."
            ),
        },
        status=403,
    )


@login_required
def floor(request: HttpRequest) -> HttpResponse:
    """The benchmark's floor: the least a signed-in page can cost, through all the middleware.

    Mounted at /bench/floor/ only when settings.KRING_BENCH_FLOOR is on (KRING_BENCH=1);
    bench/ compares every page's requests per second with this one in the same run.
    """
    return HttpResponse(b"ok", content_type="text/plain; charset=utf-8")


@login_required
def layout(request: HttpRequest) -> HttpResponse:
    """The benchmark's second reference: Kring's layout around an empty page.

    Mounted at /bench/layout/ next to the floor; what every page costs before its content.
    """
    return render(request, "core/bench_layout.html")
