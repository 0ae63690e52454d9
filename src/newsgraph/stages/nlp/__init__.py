"""Stage ``nlp``: tokens, sentences, parse and named entities of the article text.

The text is cut into blocks at line breaks (see ``blocks``), the blocks are parsed in batches
with ``nlp.pipe`` and joined back into one spaCy ``Doc`` whose text is exactly
``article.text``: token offsets are article offsets. Later stages read it with
``parse_of(doc)`` instead of parsing again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.errors import PipelineError
from newsgraph.model import Document
from newsgraph.registry import stage
from newsgraph.stages.nlp.blocks import split_blocks
from newsgraph.stages.nlp.loader import load_model

if TYPE_CHECKING:
    from spacy.tokens import Doc

PARSE = "parse"


def parse_text(text: str, model: str | None = None, batch_size: int = 64) -> Doc:
    """Parse ``text`` block by block into one ``Doc`` whose text equals ``text``."""
    from spacy.tokens import Doc

    nlp = load_model(model)
    pieces = [text[a:b] for a, b in split_blocks(text)]
    if not pieces:
        return nlp.make_doc("")
    docs = list(nlp.pipe(pieces, batch_size=batch_size))
    if len(docs) == 1:
        return docs[0]
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if joined.text != text:  # pragma: no cover - a spaCy contract, checked once per document
        raise PipelineError("the parse does not reproduce the article text; report this bug")
    return joined


def parse_of(doc: Document) -> Doc:
    """The parse the ``nlp`` stage left for later stages."""
    try:
        parsed: Doc = doc._scratch[PARSE]
    except KeyError:
        raise PipelineError(
            "this stage needs the parse of stage 'nlp.v1'; put 'nlp.v1' before it"
        ) from None
    return parsed


@stage("nlp.v1", requires={"article"}, assigns={PARSE})
class NlpStage:
    """Parse the article text with spaCy (sentences never cross a line break)."""

    def __init__(self, model: str | None = None, batch_size: int = 64) -> None:
        self.model = model
        self.batch_size = batch_size

    def __call__(self, doc: Document) -> Document:
        doc._scratch[PARSE] = parse_text(doc.text, self.model, self.batch_size)
        return doc
