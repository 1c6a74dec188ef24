"""The extension attributes our components write, declared once.

Spans live in ``doc.spans[KEY]``, one key per fact type; the normalized values
sit on ``span._`` attributes. Call ``register()`` before using them (every
component's factory does).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

COUNTRIES = "sci_diplo_countries"
DATES = "sci_diplo_dates"
FIGURES = "sci_diplo_figures"
PROGRAMMES = "sci_diplo_programmes"
CLAIMS = "sci_diplo_claims"
PARAGRAPHS = "sci_diplo_paragraphs"

# spaCy keys span attributes by character offsets alone, so each fact type has
# its own names: a date and a figure over the same characters must not clash.
SPAN_ATTRS = (
    # figures
    "figure_value", "unit", "qualifier", "upper",
    # dates
    "date_value", "relation", "date_kind", "dateline",
    # countries
    "country_code",
    # programmes
    "programme_name", "aliases", "category",
    # claims (one span per sentence): its country codes (and which of them were inferred
    # from the paragraph), and the character offsets of its dates, figures and programmes
    "claim_countries", "claim_inferred", "claim_links",
)
# Claims' linked spans, rebuilt from ``claim_links`` (values on a Doc must stay serializable).
LINKS = ("claim_dates", "claim_figures", "claim_programmes")
DOC_ATTRS = ("published", "published_source", "meta")


def _linked(kind: str):
    def get(span: Span) -> list[Span]:
        links = span._.claim_links or {}
        return [span.doc.char_span(a, b) for a, b in links.get(kind, [])]

    return get


def register() -> None:
    """Declare every extension attribute once (idempotent)."""
    for name in SPAN_ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in LINKS:
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_linked(name.removeprefix("claim_")))
    for name in DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
