"""Word lists written as one string, the way the stages' small lexicons are kept."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The set of whitespace-separated words in ``text``."""
    return frozenset(text.split())
