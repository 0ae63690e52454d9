"""Language of the article text (ISO 639-1), from py3langid's bundled model."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_MIN_CHARS = 40


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, hint: str | None = None) -> str | None:
    """The text's language; the page's declared ``hint`` when the text is too short to tell."""
    sample = text[:800]
    if len(sample.strip()) < _MIN_CHARS:
        return hint
    lang, prob = _identifier().classify(sample)
    if prob < 0.5 and hint:
        return hint
    return str(lang)
