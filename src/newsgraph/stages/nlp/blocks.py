"""Cut the article text into blocks that no sentence may cross.

A block is one line of the text with the line breaks after it, so that the blocks put back
together are the text itself: a blank line, a caption or a list item always ends a sentence.
"""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\n]*\n*")


def split_blocks(text: str) -> list[tuple[int, int]]:
    """Offsets of the blocks of ``text``; together they cover it exactly, in order."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        if m.end() > m.start():
            out.append((m.start(), m.end()))
    return out
