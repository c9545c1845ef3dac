"""Marsad reads Arabic news and turns it into structured, linked, searchable event data."""

from marsad.document import Document
from marsad.errors import MarsadError
from marsad.service import analyze, analyze_many
from marsad.sources import Article

__version__ = "0.1.0"

__all__ = ["Article", "Document", "MarsadError", "__version__", "analyze", "analyze_many"]
