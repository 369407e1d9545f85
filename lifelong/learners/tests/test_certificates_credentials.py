"""Open Badges 3.0: each certificate is a signed OpenBadgeCredential that anyone verifies offline with the
published key (checked here with `cryptography` and joserfc directly, from the JWK Set the site serves), and
that no changed byte survives; a revoked one still verifies, and its status document says revoked."""

import base64
import json
from datetime import UTC, datetime

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse
from joserfc import jws
from joserfc.jwk import KeySet

from lifelong.learners import certificates, checks, credentials
from lifelong.learners.models import Certificate
from lifelong.learners.tests import certificate_helpers
from lifelong.learners.tests.certificate_helpers import SITE, new_pem

attended = certificate_helpers.attended  # a fixture
signing_key = certificate_helpers.signing_key  # a fixture

pytestmark = pytest.mark.django_db


def b64decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@pytest.fixture
def issued(attended):
    certificates.certificates_issue(actor=attended.editor, activity=attended.activity)
    return Certificate.objects.select_related("unit", "activity", "campaign").get(registration=attended.an)


@pytest.fixture
def published_keys(client, issued):
    response = client.get("/.well-known/jwks.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def ed25519_from_jwk(jwk: dict) -> Ed25519PublicKey:
    assert jwk["kty"] == "OKP" and jwk["crv"] == "Ed25519"
    return Ed25519PublicKey.from_public_bytes(b64decode(jwk["x"]))


def verify_with_cryptography(token: str, jwks: dict) -> dict:
    """An independent verifier: the header's kid picks the published key, Ed25519 checks the signature."""
    header_b64, payload_b64, signature_b64 = token.split(".")
    header = json.loads(b64decode(header_b64))
    [jwk] = [k for k in jwks["keys"] if k["kid"] == header["kid"]]
    ed25519_from_jwk(jwk).verify(b64decode(signature_b64), f"{header_b64}.{payload_b64}".encode())
    return json.loads(b64decode(payload_b64))


def test_the_jwk_set_publishes_the_public_key_only(published_keys, signing_key):
    [key] = published_keys["keys"]
    assert set(key) == {"kty", "crv", "x", "kid", "alg", "use"}  # never "d"
    assert key["alg"] == "EdDSA" and key["use"] == "sig"
    assert key["kid"].startswith(f"{SITE}/.well-known/jwks.json#")
    assert signing_key.split("\n")[1] not in json.dumps(published_keys)


@pytest.mark.filterwarnings("ignore:EdDSA is deprecated")  # joserfc's note on the name of the algorithm
def test_the_credential_verifies_with_the_published_key(issued, published_keys):
    token = issued.credential
    payload = verify_with_cryptography(token, published_keys)
    header = json.loads(b64decode(token.split(".")[0]))
    assert header == {"alg": "EdDSA", "kid": published_keys["keys"][0]["kid"], "typ": "JWT"}
    # joserfc, from the same published JWK Set (not the code under test).
    keys = KeySet.import_key_set(published_keys)
    assert json.loads(jws.deserialize_compact(token, keys, algorithms=["EdDSA"]).payload) == payload


def test_changing_any_byte_breaks_the_signature(issued, published_keys):
    token = issued.credential
    header_b64, payload_b64, signature_b64 = token.split(".")
    payload = b64decode(payload_b64)
    for index in range(len(payload)):
        changed = bytearray(payload)
        changed[index] ^= 0x01
        forged = f"{header_b64}.{b64encode(bytes(changed))}.{signature_b64}"
        with pytest.raises(InvalidSignature):
            verify_with_cryptography(forged, published_keys)
    # A meaningful change, re-encoded cleanly: another name, more hours.
    document = json.loads(payload)
    document["credentialSubject"]["identifier"][0]["identityHash"] = "Kẻ Mạo Danh"
    forged = f"{header_b64}.{b64encode(json.dumps(document).encode())}.{signature_b64}"
    with pytest.raises(InvalidSignature):
        verify_with_cryptography(forged, published_keys)
    with pytest.raises(credentials.InvalidCredential):
        credentials.verify(forged)
    # The header is signed too.
    other_header = b64encode(json.dumps({"alg": "EdDSA", "kid": "https://evil.example/k", "typ": "JWT"}).encode())
    with pytest.raises((InvalidSignature, ValueError)):
        verify_with_cryptography(f"{other_header}.{payload_b64}.{signature_b64}",
                                 {"keys": [{**published_keys["keys"][0], "kid": "https://evil.example/k"}]})


def test_a_credential_signed_by_another_key_does_not_verify(issued, published_keys, settings):
    settings.CREDENTIAL_SIGNING_KEY = new_pem()
    impostor = credentials.sign(credentials.credential_document(issued.credential))
    with pytest.raises(InvalidSignature):
        verify_with_cryptography(impostor.replace(impostor.split(".")[0], issued.credential.split(".")[0]),
                                 published_keys)


def test_it_is_an_open_badges_3_credential(issued, attended):
    payload = credentials.verify(issued.credential)
    assert payload["@context"] == ["https://www.w3.org/ns/credentials/v2",
                                   "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
    assert payload["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert payload["id"] == f"{SITE}/chung-nhan/{issued.code}/"
    assert payload["name"].startswith("Giấy chứng nhận tham gia")
    unit = attended.activity.unit
    assert payload["issuer"] == {"id": f"{SITE}/units/{unit.pk}/", "type": ["Profile"], "name": "Phường Tây Mỗ",
                                 "url": f"{SITE}/units/{unit.pk}/"}
    valid_from = datetime.fromisoformat(payload["validFrom"].replace("Z", "+00:00"))
    assert valid_from == issued.issued_at.astimezone(UTC)
    subject = payload["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"] and subject["id"].startswith("urn:uuid:")
    assert subject["identifier"] == [{"type": "IdentityObject", "identityType": "name", "hashed": False,
                                      "identityHash": "Nguyễn Văn An"}]
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"] and achievement["name"] == attended.activity.title
    assert achievement["id"].startswith(f"{SITE}/activities/{attended.activity.pk}/")
    assert achievement["description"] and achievement["criteria"]["narrative"]
    assert "Học tập suốt đời trong kỷ nguyên số: làm chủ tri thức và công nghệ" in achievement["description"]
    assert payload["credentialStatus"] == {"id": f"{SITE}/chung-nhan/{issued.code}/trang-thai.json",
                                           "type": "1EdTechRevocationList"}
    # The JWT claims of the Open Badges "JSON Web Token Proof Format".
    assert payload["iss"] == payload["issuer"]["id"] and payload["jti"] == payload["id"]
    assert payload["sub"] == subject["id"] and payload["nbf"] == int(valid_from.timestamp())
    assert "phone" not in json.dumps(payload) and "0912" not in json.dumps(payload)


def test_a_revoked_credential_still_verifies_but_its_status_says_revoked(client, issued, published_keys, attended):
    status_url = credentials.verify(issued.credential)["credentialStatus"]["id"].removeprefix(SITE)
    before = client.get(status_url)
    assert before.status_code == 200 and before["Access-Control-Allow-Origin"] == "*"
    assert before.json()["revokedCredentials"] == [] and before.json()["issuer"].endswith(f"/units/{issued.unit_id}/")
    certificates.certificate_revoke(actor=attended.editor, certificate=issued, reason="Cấp nhầm người")
    issued.refresh_from_db()
    assert verify_with_cryptography(issued.credential, published_keys)["id"].endswith(f"/{issued.code}/")
    after = client.get(status_url).json()
    [entry] = after["revokedCredentials"]
    assert entry["id"] == f"{SITE}/chung-nhan/{issued.code}/" and entry["revoked"] is True
    assert "nhầm" not in json.dumps(after, ensure_ascii=False)  # the reason is not published
    assert client.get("/chung-nhan/GCN-0000-0000-00000/trang-thai.json").status_code == 404


def test_retired_keys_stay_published_and_verify_what_they_signed(issued, settings, client):
    old_token = issued.credential
    old_public = credentials.signing_key().as_pem(private=False).decode()
    settings.CREDENTIAL_SIGNING_KEY = new_pem()
    with pytest.raises(credentials.InvalidCredential):
        credentials.verify(old_token)
    settings.CREDENTIAL_RETIRED_PUBLIC_KEYS = old_public.replace("\n", "\\n")
    keys = client.get("/.well-known/jwks.json").json()["keys"]
    assert len(keys) == 2 and "d" not in keys[1]
    assert verify_with_cryptography(old_token, {"keys": keys})
    assert credentials.verify(old_token)["id"].endswith(f"/{issued.code}/")


def test_the_key_comes_from_the_environment_or_a_development_file(settings, tmp_path):
    pem = new_pem()
    settings.CREDENTIAL_SIGNING_KEY = pem.replace("\n", "\\n")  # one line, as an environment file holds it
    assert credentials.signing_key().as_pem(private=True).decode().strip() == pem.strip()
    settings.CREDENTIAL_SIGNING_KEY = ""
    settings.CREDENTIAL_SIGNING_KEY_FILE = tmp_path / "var" / "credential-signing-key.pem"
    first = credentials.signing_key()
    assert settings.CREDENTIAL_SIGNING_KEY_FILE.stat().st_mode & 0o777 == 0o600
    assert credentials.signing_key().thumbprint() == first.thumbprint()  # generated once, then read
    settings.CREDENTIAL_SIGNING_KEY_FILE = None
    with pytest.raises(ImproperlyConfigured, match="CREDENTIAL_SIGNING_KEY"):
        credentials.signing_key()
    settings.CREDENTIAL_SIGNING_KEY = "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----"
    with pytest.raises(ImproperlyConfigured):
        credentials.signing_key()


def test_the_system_check_refuses_debug_off_without_the_key(settings):
    settings.DEBUG = False
    settings.CREDENTIAL_SIGNING_KEY = ""
    assert [e.id for e in checks.check_credential_signing_key()] == ["learners.E001"]
    settings.DEBUG = True
    assert checks.check_credential_signing_key() == []
    settings.DEBUG = False
    settings.CREDENTIAL_SIGNING_KEY = "not a key"
    assert [e.id for e in checks.check_credential_signing_key()] == ["learners.E002"]
    settings.CREDENTIAL_SIGNING_KEY = new_pem()
    assert checks.check_credential_signing_key() == []
    call_command("check", "--tag", "learners")  # registered with the app
    assert reverse("credential_jwks") == "/.well-known/jwks.json"
