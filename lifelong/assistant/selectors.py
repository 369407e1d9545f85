"""Reads for the assistant's page and API: one call that answers and shapes the answer for both."""

from lifelong.assistant.answer import FILTER_KEYS, answer
from lifelong.assistant.parse import MAX_QUESTION_CHARACTERS

MAX_QUESTION = MAX_QUESTION_CHARACTERS


def ask(user, question: str, *, location: tuple[float, float] | None = None, drop: set[str] = frozenset()) -> dict:
    """The answer as plain data: {answer, found, filters: [{key, label}], items: [...], suggestions, mended,
    needs_location}. Unknown filter keys in `drop` are ignored."""
    result = answer(question, user=user, location=location, drop={key for key in drop if key in FILTER_KEYS})
    return {"answer": result.text, "found": result.found,
            "filters": [{"key": key, "label": label} for key, label in result.filters],
            "items": [item.__dict__ for item in result.items], "suggestions": result.suggestions,
            "mended": result.mended, "needs_location": result.needs_location}
