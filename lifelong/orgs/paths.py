"""Materialised-path arithmetic for OrgUnit.path (see the models docstring)."""

from lifelong.orgs.models import PATH_ALPHABET, PATH_STEP

_BASE = len(PATH_ALPHABET)
MAX_CHILDREN = _BASE**PATH_STEP


def encode_segment(number: int) -> str:
    if not 0 <= number < MAX_CHILDREN:
        raise ValueError(f"segment number out of range: {number}")
    chars = []
    for _ in range(PATH_STEP):
        number, digit = divmod(number, _BASE)
        chars.append(PATH_ALPHABET[digit])
    return "".join(reversed(chars))


def decode_segment(segment: str) -> int:
    number = 0
    for char in segment:
        number = number * _BASE + PATH_ALPHABET.index(char)
    return number


def next_child_number(last_child_path: str | None) -> int:
    """The number of the next child after the one whose path is given (0 for a first child)."""
    if not last_child_path:
        return 0
    return decode_segment(last_child_path[-PATH_STEP:]) + 1


def child_path(parent_path: str, number: int) -> str:
    return f"{parent_path}{encode_segment(number)}"
