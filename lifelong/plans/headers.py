"""The lines a unit's documents carry in their header and closing, computed from the tree.

ND30.md: the upper-left block names the parent body (not bold) and the issuing body (bold), e.g.
"UBND THÀNH PHỐ HÀ NỘI" over "ỦY BAN NHÂN DÂN / PHƯỜNG TÂY MỖ"; the place in the date line is the
locality's short name ("Tây Mỗ", "Hà Nội").
"""

from lifelong.orgs.models import OrgUnit

Kind = OrgUnit.Kind
_LOCALITY_PREFIXES = ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ", "Thị trấn ")
_GOVERNMENTS = (Kind.PROVINCE, Kind.COMMUNE)


def locality_name(name: str) -> str:
    for prefix in _LOCALITY_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def _upper(text: str) -> str:
    return text.upper()


def _short_body(unit: OrgUnit) -> str:
    """How a body is named as someone's parent: "UBND THÀNH PHỐ HÀ NỘI", "SỞ Y TẾ HÀ NỘI"."""
    if unit.kind in _GOVERNMENTS:
        return f"UBND {_upper(unit.name)}"
    return _upper(unit.name)


def body_lines(unit: OrgUnit, parent: OrgUnit | None) -> tuple[str, str]:
    """(parent body line, issuing body lines) for documents issued by `unit`."""
    issuing = f"ỦY BAN NHÂN DÂN\n{_upper(unit.name)}" if unit.kind in _GOVERNMENTS else _upper(unit.name)
    if parent is None or parent.kind == Kind.MINISTRY and unit.kind == Kind.PROVINCE:
        return "", issuing
    return _short_body(parent), issuing


def place_of(unit: OrgUnit, ancestors: list[OrgUnit]) -> str:
    """The nearest commune's or province's short name ("Tây Mỗ"); the Ministry writes "Hà Nội"."""
    for candidate in [unit, *reversed(ancestors)]:
        if candidate.kind in _GOVERNMENTS:
            return locality_name(candidate.name)
        if candidate.kind == Kind.MINISTRY:
            return "Hà Nội"
    return ""


_SMALL_WORDS = {"và", "của", "các", "với", "cho"}


def default_symbol(unit: OrgUnit, kind_code: str) -> str:
    """ "KH-UBND" for People's Committees; otherwise the initials of the unit ("KH-SYTHN")."""
    if unit.kind in _GOVERNMENTS:
        issuer = "UBND"
    else:  # official abbreviations leave out the small words: Bộ Giáo dục và Đào tạo → BGDĐT
        issuer = "".join(word[0] for word in unit.name.split()
                         if word[:1].isalpha() and word.lower() not in _SMALL_WORDS).upper()
    return f"{kind_code}-{issuer}" if kind_code else issuer


def default_signature(unit: OrgUnit) -> dict[str, str]:
    if unit.kind in _GOVERNMENTS:
        return {"signature_mode": "TM.", "signature_authority": "ỦY BAN NHÂN DÂN", "signature_title": "CHỦ TỊCH"}
    return {"signature_mode": "", "signature_authority": "", "signature_title": "THỦ TRƯỞNG ĐƠN VỊ"}


def default_recipients(unit: OrgUnit, parent: OrgUnit | None) -> str:
    lines = ["Như trên"]
    if parent is not None:
        lines.append(parent.name if parent.kind not in _GOVERNMENTS else f"UBND {parent.name}")
    lines.append("Lưu: VT")
    return "\n".join(lines)
