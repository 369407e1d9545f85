from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Pages are Vietnamese unless the user chose English with the switch in the header.

    Many officials' phones and browsers are set to English; the browser's Accept-Language must not
    turn the interface English behind their back. Only the language cookie (set by the switch)
    changes it. API clients may still ask for English with Accept-Language.
    """

    def process_request(self, request):
        if request.path.startswith("/api/"):
            return super().process_request(request)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _label in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
