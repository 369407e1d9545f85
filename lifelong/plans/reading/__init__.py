"""Reading a plan or an official letter from its file into the fields of a draft plan.

`read_file(data, filename)` gives the fields as JSON-ready data: for each field its value, a confidence
between 0 and 1, the span [start, end) of the passage it came from in `text` (the normalised text, also
returned), whether it is uncertain, and a note. Nothing is written anywhere: saving is the review page's
job (`lifelong.plans.importing`).
"""

from lifelong.plans.reading import body, header, prose
from lifelong.plans.reading.doc import Doc, squash
from lifelong.plans.reading.files import UnreadableDocument, document_text
from lifelong.plans.reading.result import Found

__all__ = ["UnreadableDocument", "read_file", "read_text", "recognised", "FIELD_ORDER"]

DEFAULT_CODES = list(body.CATEGORY_WORDS)

# The order of the fields in the output and on the review page.
FIELD_ORDER = (
    "doc_kind", "parent_body", "issuing_body", "number", "symbol", "issue_place", "issue_date", "subject",
    "addressees", "year", "legal_bases", "theme", "week_start", "week_end", "opening_date", "opening_venue",
    "activities", "budget_state", "budget_social", "assignments", "report_due", "report_to", "recipients",
    "signature_mode", "signature_authority", "signature_title", "signer_name",
)


def read_text(text: str, category_codes: list[str] | None = None) -> dict:
    """The fields of an already normalised text."""
    doc = Doc(header.split_columns(text))  # same length as `text`: every span points into it
    top = header.Header(doc)
    number, symbol = top.number()
    parent_body, issuing_body = top.bodies()
    issue_place, issue_date = top.place_and_date()
    kind = top.kind(symbol)
    if not top.is_document:
        # A page about a document or an event: what it restates, else the unit it names (prose.py). Upper-case
        # lines at its top are a masthead, not the parent and issuer of an ND30 header.
        parent_body = Found()
        kind, number, symbol, issue_date, issuing_body = _restated(doc, kind, number, symbol, issue_date,
                                                                   issuing_body)
    provisional = issue_date.value.year if issue_date.value else None
    first_week = body.week(doc, provisional)
    year = body.week_year(doc, issue_date, first_week)
    doc_year = year.value or provisional
    week_start, week_end = body.agreeing_with_year(doc, body.week(doc, doc_year))
    opening_date, opening_venue = body.opening(doc, doc_year)
    budget_state, budget_social = body.budget(doc)
    report_due, report_to = body.report(doc, doc_year)
    closing = header.Closing(doc)
    fields: dict = {
        "doc_kind": kind, "parent_body": parent_body, "issuing_body": issuing_body,
        "number": number, "symbol": symbol, "issue_place": issue_place, "issue_date": issue_date,
        "subject": top.subject(), "addressees": top.addressees(), "year": year,
        "legal_bases": body.legal_bases(doc, doc_year), "theme": body.theme(doc),
        "week_start": week_start, "week_end": week_end, "opening_date": opening_date,
        "opening_venue": opening_venue, "activities": body.activities(doc, category_codes or DEFAULT_CODES),
        "budget_state": budget_state, "budget_social": budget_social, "assignments": body.assignments(doc),
        "report_due": report_due, "report_to": report_to, "recipients": closing.recipients,
        **closing.signature(),
    }
    return {"fields": {name: fields[name].as_json() for name in FIELD_ORDER}, "text": text,
            "recognised": recognised(text, fields)}


# Words that say a text is about the movement: the Week, lifelong learning, the learning society, its models.
_CAMPAIGN_WORDS = ("hoc tap suot doi", "xa hoi hoc tap", "tuan le huong ung", "hoc tap thuong xuyen",
                   "cong dong hoc tap", "don vi hoc tap", "gia dinh hoc tap", "dong ho hoc tap", "cong dan hoc tap",
                   "giao duc thuong xuyen", "lifelong learning")
# What an administrative document, or a page restating one, states about itself or the Week.
_IDENTIFYING = ("doc_kind", "issuing_body", "number", "issue_date", "year", "theme", "week_start", "opening_date",
                "legal_bases", "activities")


def recognised(text: str, fields: dict) -> bool:
    """Whether the text is an administrative document (or a page about one) about the campaign: it names the
    movement, and the reader found at least one thing that identifies a document or the Week. A README, a
    recipe or another campaign's plan is not: the upload page refuses it unless the person confirms."""
    from lifelong.core.text import search_key

    folded = search_key(text)
    about = any(words in folded for words in _CAMPAIGN_WORDS)
    return about and any(not fields[name].empty for name in _IDENTIFYING)


def _restated(doc: Doc, kind: Found, number: Found, symbol: Found, issue_date: Found, issuing_body: Found):
    stated = body.stated_years(doc)
    year = int(stated[0].group(1)) if stated else None
    subject = prose.record(doc, year) or prose.subject_document(doc, year)
    if subject is not None:
        issuer = subject.issuer if subject.issuer.value else issuing_body if issuing_body.value else (
            prose.organiser(doc))
        # "Sở Giáo dục và Đào tạo đã ban hành …" on the page of "Sở Giáo dục và Đào tạo Đắk Lắk": the fuller name.
        for named in prose.mastheads(doc) + ([issuing_body] if issuing_body.value else []):
            full = squash(named.value)
            if issuer.value and full.casefold().startswith(squash(issuer.value).casefold() + " "):
                issuer = Found(full, issuer.confidence, named.span, issuer.note)
        return (subject.kind if subject.kind.value else kind, subject.number, subject.symbol,
                subject.issue_date if subject.issue_date.value else issue_date, issuer)
    titled = prose.title_kind(doc) if not kind.value else Found()
    kind = titled if titled.value else kind
    if issuing_body.value:
        return kind, number, symbol, issue_date, issuing_body
    return kind, number, symbol, issue_date, prose.organiser(doc)


def read_file(data: bytes, filename: str = "", category_codes: list[str] | None = None) -> dict:
    """The fields of a .txt, .docx or .pdf file; UnreadableDocument (with a message) if it cannot be read."""
    return read_text(document_text(data, filename), category_codes)

