"""Certificates as Open Badges 3.0 credentials, signed with the platform's Ed25519 key.

Each `Certificate` is also an `OpenBadgeCredential` (Open Badges 3.0, a W3C Verifiable Credential of the
Data Model 2.0 in JSON-LD): the unit that organised the activity is the issuer (a `Profile` whose id is
the unit's address on the platform), the activity is the `Achievement`, and the person is the
`AchievementSubject`, known by a random `urn:uuid:` of this credential and, inside it, by their name
(an `IdentityObject` of type "name", not hashed: the holder shows it to whoever should know it). Its
`id` is the public verification page, and its `credentialStatus` (type `1EdTechRevocationList`) is a
small JSON document beside it that lists the credential once it is revoked.

The proof is a JSON Web Token (Open Badges 3.0, "JSON Web Token Proof Format"): the credential plus the
claims `iss`, `jti`, `sub`, `nbf` (and `iat`), signed as a compact JWS with `alg` EdDSA (Ed25519); the
header has `typ` "JWT" (the only value that section allows) and `kid`, a URI of the key in the platform's
JSON Web Key Set, published at /.well-known/jwks.json. Anyone can verify a credential offline with that
public key: the signature covers every byte of the header and the payload.

The private key is a PEM in the environment (CREDENTIAL_SIGNING_KEY). In development only (DEBUG=1),
without it, a key is generated once into var/credential-signing-key.pem (git-ignored); with DEBUG off the
system check learners.E001 refuses to start without the variable. Public keys of retired signing keys
stay published (CREDENTIAL_RETIRED_PUBLIC_KEYS), so that credentials signed before a key change still
verify. docs/certificates.md explains it for operators.
"""

import base64
import json
import os
import time
import uuid
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from joserfc import jws
from joserfc.errors import JoseError, UnsupportedAlgorithmError
from joserfc.jwk import OKPKey
from joserfc.jws import JWSRegistry

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
ALGORITHM = "EdDSA"
MEDIA_TYPE_JWT = "application/jwt"
MEDIA_TYPE_JSON = "application/ld+json"
JWT_CLAIMS = ("iss", "jti", "sub", "nbf", "iat", "exp")


class _EdDSARegistry(JWSRegistry):
    """Only EdDSA, without joserfc 1.8's warning that RFC 9864 deprecates the name "EdDSA" in favour of
    "Ed25519": Open Badges 3.0 and the verifiers in use know "EdDSA" (the same Ed25519 signature)."""

    def get_alg(self, name: str):
        if name != ALGORITHM:
            raise UnsupportedAlgorithmError(f"Algorithm of '{name}' is not allowed")
        return self.algorithms[name]


_REGISTRY = _EdDSARegistry(algorithms=[ALGORITHM])


class SigningKeyMissing(ImproperlyConfigured):
    pass


def _pem_text(raw: str) -> str:
    """A PEM as given in the environment: real line breaks, or "\\n" written out on a single line."""
    return raw.strip().replace("\\n", "\n") + "\n"


def _generate_dev_key(path: Path) -> str:
    """Create the development key once (atomically, readable only by its owner); another process that
    got there first has written it, so read theirs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _attempt in range(50):  # the other process may still be writing it
            text = path.read_text(encoding="ascii")
            if "END PRIVATE KEY" in text:
                return text
            time.sleep(0.02)
        raise SigningKeyMissing(f"{path} exists but holds no complete PEM private key; delete it.") from None
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(pem)
    return pem


def _signing_pem() -> str:
    if settings.CREDENTIAL_SIGNING_KEY:
        return _pem_text(settings.CREDENTIAL_SIGNING_KEY)
    path = getattr(settings, "CREDENTIAL_SIGNING_KEY_FILE", None)
    if not path:
        raise SigningKeyMissing(
            "CREDENTIAL_SIGNING_KEY is not set: certificates cannot be signed. Set it to an Ed25519 private key "
            "in PEM (openssl genpkey -algorithm ed25519), see docs/certificates.md.")
    path = Path(path)
    if path.exists() and "END PRIVATE KEY" in path.read_text(encoding="ascii"):
        return path.read_text(encoding="ascii")
    return _generate_dev_key(path)  # creates it, or waits for the process that is writing it


@lru_cache(maxsize=8)
def _load_private(pem: str) -> OKPKey:
    try:
        key = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
    except (ValueError, TypeError, UnicodeEncodeError) as exc:
        raise ImproperlyConfigured(f"CREDENTIAL_SIGNING_KEY is not a readable PEM private key: {exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured("CREDENTIAL_SIGNING_KEY must be an Ed25519 private key "
                                   "(openssl genpkey -algorithm ed25519).")
    return OKPKey.import_key(pem)


def signing_key() -> OKPKey:
    """The platform's private key (see the module's docstring for where it comes from)."""
    return _load_private(_signing_pem())


@lru_cache(maxsize=8)
def _retired_public_keys(raw: str) -> tuple[OKPKey, ...]:
    keys = []
    marker = "-----END PUBLIC KEY-----"
    for block in _pem_text(raw).split(marker):
        if "BEGIN PUBLIC KEY" not in block:
            continue
        pem = block.strip() + "\n" + marker + "\n"
        try:
            key = serialization.load_pem_public_key(pem.encode("ascii"))
        except (ValueError, UnicodeEncodeError) as exc:
            raise ImproperlyConfigured(f"CREDENTIAL_RETIRED_PUBLIC_KEYS holds an unreadable key: {exc}") from exc
        if not isinstance(key, Ed25519PublicKey):
            raise ImproperlyConfigured("CREDENTIAL_RETIRED_PUBLIC_KEYS must hold Ed25519 public keys.")
        keys.append(OKPKey.import_key(pem))
    return tuple(keys)


def site_url() -> str:
    """The base of every address written into a signed credential: always SITE_URL, never the host name a
    request happened to use, so that the identifiers of a credential and of its key stay the same."""
    return settings.SITE_URL.rstrip("/")


def key_id(key: OKPKey) -> str:
    """A URI that dereferences to the key: the JWK Set's address, the key's RFC 7638 thumbprint as fragment."""
    return f"{site_url()}{reverse('credential_jwks')}#{key.thumbprint()}"


def public_jwk(key: OKPKey) -> dict:
    return {**key.as_dict(private=False), "kid": key_id(key), "alg": ALGORITHM, "use": "sig"}


def jwks() -> dict:
    """The JSON Web Key Set: the current key first, then the retired ones (never a private part)."""
    keys = [signing_key(), *_retired_public_keys(getattr(settings, "CREDENTIAL_RETIRED_PUBLIC_KEYS", "") or "")]
    return {"keys": [public_jwk(key) for key in keys]}


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def verification_path(code: str) -> str:
    return reverse("certificate_verify", args=[code])


def credential_id(code: str) -> str:
    return site_url() + verification_path(code)


def issuer_profile(unit) -> dict:
    address = site_url() + reverse("unit_detail", args=[unit.pk])
    return {"id": address, "type": ["Profile"], "name": unit.name, "url": address}


def _hours_text(hours) -> str:
    return formats.number_format(hours, decimal_pos=1 if hours % 1 else 0)


def build_credential(*, code: str, activity, unit, campaign, session, holder_name: str, hours,
                     issued_at: datetime, award: str = "") -> dict:
    """The OpenBadgeCredential of one certificate (unsigned), in Vietnamese whatever the reader's language; with
    an `award` (a contest's prize), it certifies the award instead of the participation."""
    issuer = issuer_profile(unit)
    with translation.override("vi"):
        when = ""
        if session is not None:
            start, end = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
            when = " " + _("on %(day)s, %(start)s–%(end)s") % {
                "day": start.strftime("%d/%m/%Y"), "start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")}
        description = _("Took part in “%(title)s”, organised by %(unit)s%(when)s.") % {
            "title": activity.title, "unit": unit.name, "when": when}
        if award:
            description = _("Won %(award)s in “%(title)s”, organised by %(unit)s.") % {
                "award": award, "title": activity.title, "unit": unit.name}
        if hours:
            description += " " + _("Duration: %(hours)s hours.") % {"hours": _hours_text(hours)}
        frame = _("Within %(campaign)s.") % {"campaign": campaign.name}
        if campaign.theme:
            frame += " " + _("Theme: “%(theme)s”.") % {"theme": campaign.theme}
        achievement = {
            "id": f"{site_url()}{reverse('activity_detail', args=[activity.pk])}#giay-chung-nhan",
            "type": ["Achievement"],
            "name": activity.title,
            "description": f"{_('Certificate of participation')}: {activity.title}. {frame}" if not award
            else f"{award}: {activity.title}. {frame}",
            "criteria": {"narrative": _(
                "Awarded by the organiser to a person who took part in the activity and was checked in at it.")
                if not award else _("Awarded by the organiser to the winners of the contest, by its ranking.")},
            "creator": issuer,
            "inLanguage": "vi",
        }
        subject = {
            "id": f"urn:uuid:{uuid.uuid4()}",
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityType": "name", "hashed": False,
                            "identityHash": holder_name}],
            "achievement": achievement,
        }
        if session is not None:
            subject["activityStartDate"] = _iso(session.starts_at)
            subject["activityEndDate"] = _iso(session.ends_at)
        return {
            "@context": [VC_CONTEXT, OB_CONTEXT],
            "id": credential_id(code),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": f"{award or _('Certificate of participation')}: {activity.title}",
            "description": f"{description} {frame}",
            "issuer": issuer,
            "validFrom": _iso(issued_at),
            "awardedDate": _iso(issued_at),
            "credentialSubject": subject,
            "credentialStatus": {"id": site_url() + reverse("certificate_status", args=[code]),
                                 "type": "1EdTechRevocationList"},
        }


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def sign(credential: dict) -> str:
    """The credential as a compact JWS (Open Badges 3.0 JSON Web Token proof) signed with the platform's key."""
    key = signing_key()
    valid_from = int(datetime.fromisoformat(credential["validFrom"].replace("Z", "+00:00")).timestamp())
    claims = {"iss": credential["issuer"]["id"], "jti": credential["id"], "sub": credential["credentialSubject"]["id"],
              "nbf": valid_from, "iat": valid_from}
    payload = json.dumps({**credential, **claims}, ensure_ascii=False, separators=(",", ":")).encode()
    header = {"alg": ALGORITHM, "kid": key_id(key), "typ": "JWT"}
    return jws.serialize_compact(header, payload, key, registry=_REGISTRY)


class InvalidCredential(Exception):
    pass


def verify(token: str) -> dict:
    """The payload of a credential signed by one of the published keys (the header's kid chooses it);
    InvalidCredential if the signature, the key or the claims do not hold."""
    try:
        header_part = token.split(".")[0]
        header = json.loads(base64.urlsafe_b64decode(header_part + "=" * (-len(header_part) % 4)))
    except (ValueError, IndexError, AttributeError) as exc:
        raise InvalidCredential("not a compact JWS") from exc
    candidates = [signing_key(), *_retired_public_keys(getattr(settings, "CREDENTIAL_RETIRED_PUBLIC_KEYS", "") or "")]
    key = next((k for k in candidates if isinstance(header, dict) and key_id(k) == header.get("kid")), None)
    if key is None or header.get("alg") != ALGORITHM:
        raise InvalidCredential("unknown key or algorithm")
    try:
        payload = json.loads(jws.deserialize_compact(token, key, registry=_REGISTRY).payload)
    except (JoseError, ValueError) as exc:
        raise InvalidCredential("bad signature") from exc
    if (payload.get("iss") != payload.get("issuer", {}).get("id") or payload.get("jti") != payload.get("id")
            or payload.get("sub") != payload.get("credentialSubject", {}).get("id")):
        raise InvalidCredential("the claims do not match the credential")
    return payload


def credential_document(token: str) -> dict:
    """The OpenBadgeCredential itself (the JWT's payload without the JWT claims), for reading: a stored
    credential, not checked again (verify() is for credentials that come from elsewhere)."""
    payload_part = token.split(".")[1]
    payload = json.loads(base64.urlsafe_b64decode(payload_part + "=" * (-len(payload_part) % 4)))
    return {key: value for key, value in payload.items() if key not in JWT_CLAIMS}


def revocation_list(certificate) -> dict:
    """The document at a credential's credentialStatus id (1EdTech Revocation List): the credential is
    listed once revoked. The reason is not published (it may concern the person)."""
    revoked = [] if certificate.valid else [{"id": credential_id(certificate.code), "revoked": True,
                                            "revokedAt": _iso(certificate.revoked_at)}]
    return {"id": site_url() + reverse("certificate_status", args=[certificate.code]),
            "issuer": issuer_profile(certificate.unit)["id"], "revokedCredentials": revoked}
