"""Stage ``nlp``: tokens, sentences, parse and named entities of the article text.

The text is cut at its line breaks before it is parsed (a component placed before spaCy's
parser starts a sentence after every line break and keeps entities inside lines), so no
sentence crosses a paragraph, a caption or a list item. The result is one spaCy ``Doc``
whose text is exactly ``article.text``, so token offsets are article offsets. Later stages
read it with ``parse_of(doc)`` instead of parsing again. ``NlpStage.pipe`` parses many
documents in batches with ``nlp.pipe``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.errors import PipelineError
from newsgraph.model import Document
from newsgraph.registry import stage
from newsgraph.stages.nlp.loader import available_model, load_model

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PARSE = "parse"


@lru_cache(maxsize=4)
def news_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline of stage ``nlp``: the model plus the line-break component."""
    import spacy

    from newsgraph.stages.nlp.lines import COMPONENT

    load_model(model)  # clear errors for a missing model
    nlp = spacy.load(model or available_model())
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    else:  # a model without a parser: boundaries still come from line breaks
        nlp.add_pipe(COMPONENT, first=True)
    return nlp


def parse_text(text: str, model: str | None = None) -> Doc:
    """Parse ``text`` into one ``Doc`` whose text equals ``text``."""
    return news_pipeline(model)(text)


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

    def __init__(self, model: str | None = None, batch_size: int = 16) -> None:
        self.model = model
        self.batch_size = batch_size

    def __call__(self, doc: Document) -> Document:
        doc._scratch[PARSE] = parse_text(doc.text, self.model)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Parse many documents in batches (faster than one by one)."""
        nlp = news_pipeline(self.model)
        pending: list[Document] = []
        for doc in docs:
            pending.append(doc)
            if len(pending) >= self.batch_size:
                yield from self._flush(nlp, pending)
                pending = []
        if pending:
            yield from self._flush(nlp, pending)

    def _flush(self, nlp: Language, docs: list[Document]) -> Iterator[Document]:
        for doc, parsed in zip(docs, nlp.pipe([d.text for d in docs]), strict=True):
            doc._scratch[PARSE] = parsed
            yield doc
