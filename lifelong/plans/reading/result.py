"""What the reader found for one field: the value, how sure it is, and where in the text it came from."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Below this a value is shown as "check this" on the review page.
SURE = 0.75

# Confidence levels used across the readers, so that their meaning stays the same everywhere.
LABELLED = 1.0  # read from the place the layout reserves for it ("Số:", "Nơi nhận:", "2. Chủ đề")
PATTERN = 0.9  # read from a phrase that states it ("được tổ chức từ ngày ... đến ngày ...")
WEAK = 0.6  # read from a cue that is usually but not always right; shown as uncertain


@dataclass
class Found:
    value: Any = None
    confidence: float = 0.0
    span: tuple[int, int] | None = None
    note: str = ""  # why a value is uncertain or left empty (English; the page translates known notes)
    flagged: bool = False  # the document seems to say something here that could not be read

    @property
    def empty(self) -> bool:
        return self.value in (None, "", [], {})

    @property
    def uncertain(self) -> bool:
        return self.flagged or (not self.empty and self.confidence < SURE)

    def as_json(self) -> dict:
        return {"value": _plain(self.value), "confidence": round(self.confidence, 2),
                "span": list(self.span) if self.span else None, "uncertain": self.uncertain, "note": self.note}


def flagged(note: str, span: tuple[int, int] | None = None) -> Found:
    """An empty field with the reason it was left empty, and the passage that could not be read."""
    return Found(None, 0.0, span, note, flagged=True)


@dataclass
class Item:
    """One element of a list field (a legal basis, an activity, an assignment, a recipient)."""

    values: dict
    confidence: float
    span: tuple[int, int]
    note: str = ""

    def as_json(self) -> dict:
        return {**{k: _plain(v) for k, v in self.values.items()}, "confidence": round(self.confidence, 2),
                "span": list(self.span), "uncertain": self.confidence < SURE, "note": self.note}


@dataclass
class ListFound:
    items: list[Item] = field(default_factory=list)
    span: tuple[int, int] | None = None  # the section the items came from

    @property
    def empty(self) -> bool:
        return not self.items

    def as_json(self) -> dict:
        confidence = min((i.confidence for i in self.items), default=0.0)
        return {"value": [i.as_json() for i in self.items], "confidence": round(confidence, 2),
                "span": list(self.span) if self.span else None,
                "uncertain": any(i.confidence < SURE for i in self.items), "note": ""}


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value
