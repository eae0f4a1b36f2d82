"""Pages for colleagues: the directory, profiles, photos, editing, invitations."""

import hashlib
import mimetypes

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kring import access
from kring.core.errors import ApplicationError
from kring.core.htmx import HtmxHttpRequest
from kring.core.markdown import render_markdown
from kring.experts.selectors import answered_questions_of_for, pages_owned_by_for
from kring.people import selectors, services
from kring.people.forms import (
    DirectoryFilterForm,
    InvitationAcceptForm,
    InviteForm,
    ProfileForm,
)
from kring.people.models import User
from kring.reactions.selectors import praise_posts_of_for

PEOPLE_PER_PAGE = 24
PHOTO_CACHE = "private, max-age=300"


def _form_error(form, error: ApplicationError, renames: dict[str, str] | None = None) -> None:
    """Show a service's error next to the field it names, or above the form."""
    field = (renames or {}).get(error.field, error.field)
    form.add_error(field if field in form.fields else None, error.message)


def _refuse(request, message: str) -> HttpResponse:
    return render(request, "core/error.html", {"message": message}, status=403)


@login_required
@require_GET
def people_list(request: HtmxHttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET)
    form.is_valid()  # a filter value we cannot use is left out, never an error page
    filters = form.cleaned_data
    people = selectors.people_directory_for(
        request.user,
        query=filters.get("q") or "",
        department=filters.get("department"),
        expertise=filters.get("expertise") or "",
    )
    page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "filtered": any(filters.get(name) for name in ("q", "department", "expertise")),
    }
    if request.htmx and request.htmx.target == "people-results":
        return render(request, "people/partials/results.html", context)
    context["expertise_names"] = selectors.expertise_names_for(request.user)
    context["departments"] = selectors.departments_for(request.user)
    return render(request, "people/list.html", context)


@login_required
@require_GET
def person_detail(request: HtmxHttpRequest, username: str) -> HttpResponse:
    person = selectors.person_or_404(request.user, username)
    return render(
        request,
        "people/detail.html",
        {
            "person": person,
            "about_html": render_markdown(person.about),
            "expertise": selectors.expertise_of(person),
            "groups": selectors.groups_of_person_for(request.user, person),
            "posts": selectors.recent_posts_of_for(request.user, person),
            "praise_posts": praise_posts_of_for(request.user, person),  # issue 4: praise
            # issue 5: the visible expertise ("social presence") of who knows this
            "answered": answered_questions_of_for(request.user, person),
            "owned_pages": pages_owned_by_for(request.user, person),
            "may_edit": access.can_edit_profile(request.user, person),
        },
    )


@login_required
@require_GET
def person_photo(request, username: str) -> HttpResponse:
    """Stream a colleague's photo to a viewer who may see them; never from a public URL."""
    person = access.get_or_404(request.user, User, username, field="username")
    if not person.photo:
        raise Http404
    etag = f'"{hashlib.sha256(person.photo.name.encode()).hexdigest()[:32]}"'
    unchanged = get_conditional_response(request, etag=etag)
    if unchanged is not None:
        unchanged["Cache-Control"] = PHOTO_CACHE
        return unchanged
    try:
        photo = person.photo.storage.open(person.photo.name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    content_type = mimetypes.guess_type(person.photo.name)[0] or "image/jpeg"
    response = FileResponse(photo, content_type=content_type)
    response["Cache-Control"] = PHOTO_CACHE
    response["ETag"] = etag
    return response


@login_required
def profile_edit(request: HtmxHttpRequest, username: str | None = None) -> HttpResponse:
    person = access.get_or_404(
        request.user, User, username or request.user.username, field="username"
    )
    if not access.can_edit_profile(request.user, person):
        return _refuse(request, _("You can only change your own profile."))
    posted = request.method == "POST"
    form = ProfileForm(
        request.POST if posted else None, request.FILES if posted else None, instance=person
    )
    if posted and form.is_valid():
        try:
            services.profile_save(
                actor=request.user,
                person=person,
                fields=form.profile_fields(),
                expertise=form.cleaned_data["expertise_text"],
                photo=form.cleaned_data.get("photo_upload"),
                remove_photo=form.cleaned_data.get("remove_photo", False),
            )
        except ApplicationError as error:
            _form_error(form, error, {"photo": "photo_upload"})
        else:
            # Say it in the language just chosen: that is the language of the next page.
            language = person.language if person.pk == request.user.pk else None
            with translation.override(language or translation.get_language()):
                messages.success(request, _("The profile is saved."))
            return redirect(person)
    return render(
        request,
        "people/edit.html",
        {"form": form, "person": person, "is_self": person.pk == request.user.pk},
        status=400 if form.errors else 200,
    )


@login_required
def invite(request: HtmxHttpRequest) -> HttpResponse:
    if not access.is_site_admin(request.user):
        return _refuse(request, _("Only site admins can invite people."))
    form = InviteForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            invitation, _token = services.invitation_create(
                actor=request.user,
                email=form.cleaned_data["email"],
                kind=form.cleaned_data["kind"],
            )
        except ApplicationError as error:
            _form_error(form, error)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s. The link works for %(days)s days.")
                % {"email": invitation.email, "days": services.INVITATION_DAYS},
            )
            return redirect("people:invite")
    return render(
        request,
        "people/invite.html",
        {"form": form, "invitations": selectors.open_invitations()[:20], "now": timezone.now()},
        status=400 if form.errors else 200,
    )


def _suggested_username(email: str) -> str:
    local = email.split("@", 1)[0]
    return "".join(c for c in local if c.isalnum() or c in "._-")[:30]


def invitation_accept(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """Let an invitee choose a username, name and password; signs them in on success."""
    invitation = services.invitation_for_token(token)
    if invitation is None:
        return render(request, "people/invitation_invalid.html", status=404)
    if request.user.is_authenticated:
        return render(request, "people/invitation_signed_in.html", {"invitation": invitation})
    form = InvitationAcceptForm(
        request.POST if request.method == "POST" else None,
        email=invitation.email,
        initial={"username": _suggested_username(invitation.email)},
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.invitation_accept(
                token=token,
                username=data["username"],
                password=data["password"],
                first_name=data["first_name"],
                last_name=data["last_name"],
            )
        except ApplicationError as error:
            _form_error(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome! Add a photo and a few words about yourself, so colleagues know you."),
            )
            return redirect("people:edit")
    response = render(
        request,
        "people/invitation_accept.html",
        {"form": form, "invitation": invitation},
        status=400 if form.errors else 200,
    )
    # The token is in this page's address: never pass it on to other sites. Not
    # "no-referrer": browsers then send "Origin: null" and the CSRF check refuses the form.
    response["Referrer-Policy"] = "same-origin"
    return response
