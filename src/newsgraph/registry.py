"""The stage registry: named, versioned stages that declare what they require and assign.

A stage is a class decorated with ``@stage("name.vN", requires=..., assigns=...)`` whose
instances are callables ``Document -> Document``. Stages are found through the entry point
group ``newsgraph.stages``; newsgraph's own stages are registered there exactly as a
third-party package would register its own::

    [project.entry-points."newsgraph.stages"]
    "mystage.v1" = "mypackage.stages:MyStage"

Names of facts a stage can require or assign: ``raw`` (the page, given to the pipeline),
``article``, and the document's lists: ``entities``, ``quotes``, ``claims``, ``events``,
plus any intermediate facts stages agree on (e.g. ``sentences``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from typing import Any, ClassVar, Protocol, TypeVar, runtime_checkable

from newsgraph.errors import PipelineError
from newsgraph.model import Document

ENTRY_POINT_GROUP = "newsgraph.stages"
_NAME = re.compile(r"^[a-z][a-z0-9_]*\.v[0-9]+$")


@runtime_checkable
class Stage(Protocol):
    """What every stage instance is: a picklable, deterministic ``Document -> Document``."""

    name: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    assigns: ClassVar[frozenset[str]]

    def __call__(self, doc: Document) -> Document: ...


@dataclass(frozen=True)
class StageInfo:
    name: str
    factory: Callable[..., Stage]
    requires: frozenset[str]
    assigns: frozenset[str]
    doc: str


_REGISTRY: dict[str, StageInfo] = {}

T = TypeVar("T")


def stage(
    name: str, *, requires: set[str] | frozenset[str], assigns: set[str] | frozenset[str]
) -> Callable[[type[T]], type[T]]:
    """Register a stage class under ``name`` ("what.vN")."""
    if not _NAME.match(name):
        raise PipelineError(
            f"stage name {name!r} must look like 'what.v1' (lowercase name, dot, version)"
        )

    def register(cls: type[T]) -> type[T]:
        existing = _REGISTRY.get(name)
        if existing is not None and existing.factory is not cls:
            qualname = f"{cls.__module__}.{cls.__qualname__}"
            raise PipelineError(
                f"stage {name!r} is registered twice ({qualname}); bump the version of one"
            )
        cls_any: Any = cls
        cls_any.name = name
        cls_any.requires = frozenset(requires)
        cls_any.assigns = frozenset(assigns)
        _REGISTRY[name] = StageInfo(
            name=name,
            factory=cls_any,
            requires=frozenset(requires),
            assigns=frozenset(assigns),
            doc=(cls.__doc__ or "").strip().split("\n")[0],
        )
        return cls

    return register


def _load(ep: EntryPoint) -> None:
    try:
        ep.load()  # importing the module runs its @stage decorator
    except Exception as exc:
        raise PipelineError(
            f"stage {ep.name!r} from {ep.value} could not be loaded ({exc}); "
            "reinstall the package that provides it, or remove it from the pipeline"
        ) from exc
    if ep.name not in _REGISTRY:
        raise PipelineError(
            f"entry point {ep.name!r} ({ep.value}) does not register a stage of that name; "
            "decorate the class with @newsgraph.stage(...)"
        )


def _entry_points() -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def get(name: str) -> StageInfo:
    """The stage registered as ``name``, loading only its own entry point if needed, so that
    one broken plugin never hides the others."""
    if name not in _REGISTRY:
        ep = _entry_points().get(name)
        if ep is not None:
            _load(ep)
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(set(_REGISTRY) | set(_entry_points()))) or "none"
        raise PipelineError(
            f"unknown stage {name!r}; available stages: {known}. A plugin stage must be "
            f"installed and declared under the entry point group {ENTRY_POINT_GROUP!r}"
        ) from None


def available() -> list[StageInfo]:
    """Every stage that loads; a broken plugin raises PipelineError naming it."""
    for name, ep in _entry_points().items():
        if name not in _REGISTRY:
            _load(ep)
    return [_REGISTRY[k] for k in sorted(_REGISTRY)]
