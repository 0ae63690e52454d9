"""A spaCy component that keeps sentences and entities inside lines.

Added before the parser: the token after a line break starts a sentence, and no entity may
include a line break. Lines are the article's paragraphs, list items and captions, so no
sentence or name ever runs from one into the next ("China Correspondent\\n\\nAnalysis").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENT = "newsgraph_line_breaks"


@Language.component(COMPONENT)
def line_breaks(doc: Doc) -> Doc:
    breaks = [t.i for t in doc if "\n" in t.text]
    if not breaks:
        return doc
    n = len(doc)
    for i in breaks:
        if i + 1 < n:
            doc[i + 1].is_sent_start = True
    doc.set_ents([], outside=[doc[i : i + 1] for i in breaks], default="unmodified")
    return doc
