from django.conf import settings
from django.utils import translation
from django.utils.functional import empty


class UserLanguageMiddleware:
    """Speak Dutch unless the colleague chose otherwise.

    Signed in: the language on their profile. Signed out: the language they picked on the
    sign-in page (Django's language cookie), else the site's default, never the browser's
    Accept-Language: a municipality's pages are Dutch first.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.known = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language in self.known:
            language = user.language
        else:
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            language = chosen if chosen in self.known else settings.LANGUAGE_CODE
        # The colleague is loaded by now (for the language): give views the object itself
        # rather than the lazy proxy, whose every attribute read takes a detour; the access
        # policy reads the viewer hundreds of times on a thread page.
        loaded = getattr(user, "_wrapped", None)
        if loaded is not None and loaded is not empty:
            request.user = loaded
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
