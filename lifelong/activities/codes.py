"""Ticket codes: short enough to type at the door, signed so that they cannot be guessed or forged.

A code is 8 random characters followed by 5 characters of an HMAC of them (keyed with SECRET_KEY),
in Crockford's base32 (no I, L, O, U: nothing to confuse when read aloud or typed), shown as
"K7Q2-M9XD-4TRWA". A typed code is normalised (case, dashes, spaces, O→0, I/L→1) before checking.
"""

import hashlib
import hmac
import secrets

from django.conf import settings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RANDOM_LENGTH, SIGNATURE_LENGTH = 8, 5


def _encode(data: bytes, length: int) -> str:
    number = int.from_bytes(data, "big")
    chars = []
    for _ in range(length):
        number, digit = divmod(number, 32)
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars))


def _signature(random_part: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), f"ticket:{random_part}".encode(), hashlib.sha256).digest()
    return _encode(digest[:4], SIGNATURE_LENGTH)


def new_code() -> str:
    random_part = _encode(secrets.token_bytes(5), RANDOM_LENGTH)
    return random_part + _signature(random_part)


def normalise(typed: str) -> str:
    text = (typed or "").upper().replace("-", "").replace(" ", "")
    return text.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


def is_genuine(typed: str) -> bool:
    code = normalise(typed)
    if len(code) != RANDOM_LENGTH + SIGNATURE_LENGTH or any(c not in ALPHABET for c in code):
        return False
    return hmac.compare_digest(code[RANDOM_LENGTH:], _signature(code[:RANDOM_LENGTH]))


def display(code: str) -> str:
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"
