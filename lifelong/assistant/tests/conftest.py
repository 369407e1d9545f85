import pytest

from lifelong.assistant import lexicon, places


@pytest.fixture(autouse=True)
def _fresh_indexes():
    """Each test builds its own tree and titles: the per-process place index and lexicon start empty."""
    places._index = None
    lexicon.forget()
    yield
    places._index = None
    lexicon.forget()
