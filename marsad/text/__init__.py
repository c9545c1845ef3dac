"""The Arabic text layer: normalisation, tokens with clitics, sentences, language."""

from __future__ import annotations

from marsad.document import Document
from marsad.pipeline import register_stage
from marsad.text.language import detect_language
from marsad.text.normalize import Normalized, normalize, normalize_word
from marsad.text.sentences import split_sentences
from marsad.text.tokenize import tokenize

__all__ = [
    "Normalized", "TextLayer", "detect_language", "normalize", "normalize_word",
    "split_sentences", "tokenize",
]  # fmt: skip


@register_stage("marsad.text.v1", requires=("text",), assigns=("language", "tokens", "sentences"))
class TextLayer:
    """Fills the layers every later stage reads: language, tokens and sentences."""

    def __call__(self, doc: Document) -> Document:
        doc.language = detect_language(doc.text)
        doc.tokens = tokenize(doc.text)
        doc.sentences = split_sentences(doc.text, doc.tokens)
        return doc
