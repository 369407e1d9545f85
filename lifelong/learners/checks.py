"""System checks of the learners app: the key that signs certificates, and the fonts of their PDFs."""

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured


@register("learners")
def check_credential_signing_key(app_configs=None, **kwargs):
    """With DEBUG off the signing key must come from the environment (development generates one in var/)."""
    if not settings.CREDENTIAL_SIGNING_KEY:
        if settings.DEBUG:
            return []
        return [Error("DEBUG is off and CREDENTIAL_SIGNING_KEY is not set: certificates could not be signed.",
                      hint="Set CREDENTIAL_SIGNING_KEY to an Ed25519 private key in PEM "
                           "(openssl genpkey -algorithm ed25519), docs/certificates.md.",
                      id="learners.E001")]
    from lifelong.learners import credentials

    try:
        credentials.signing_key()
        credentials.jwks()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="learners.E002")]
    return []


@register("learners")
def check_certificate_fonts(app_configs=None, **kwargs):
    from lifelong.learners.certificate_pdf import FONT_PACKAGE, missing_fonts

    missing = missing_fonts()
    if missing:
        return [Warning(f"The fonts of the certificates' PDFs are missing ({missing[0]}).",
                        hint=f"Install the Debian package {FONT_PACKAGE} (scripts/ensure-system-deps).",
                        id="learners.W001")]
    return []
