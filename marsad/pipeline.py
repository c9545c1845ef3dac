"""The analysis pipeline: named stages, each a callable from `Document` to `Document`.

A stage registers itself under a versioned name (`marsad.text.v1`) with the layers it
needs and the layers it fills. `Pipeline` checks that every stage's needs are met by the
stages before it when the pipeline is built, so a broken chain fails at start-up rather
than on the ten-thousandth article. Changed behaviour gets a new version, not an edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import Protocol

from marsad.document import Document
from marsad.errors import MarsadError

# The stages of the default pipeline, in order, and the modules that register them.
DEFAULT_STAGES = (
    "marsad.text.v1", "marsad.entities.v1", "marsad.linking.v1", "marsad.temporal.v1", "marsad.events.v1",
    "marsad.topics.v1",
    "marsad.summary.v1",
)  # fmt: skip
_STAGE_MODULES = (
    "marsad.text", "marsad.entities", "marsad.linking", "marsad.temporal", "marsad.events",
    "marsad.topics.stage",
    "marsad.topics.summary_stage",
)  # fmt: skip


class Stage(Protocol):
    def __call__(self, doc: Document) -> Document: ...


@dataclass(frozen=True)
class StageInfo:
    name: str
    factory: Callable[[], Stage]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_REGISTRY: dict[str, StageInfo] = {}


def register_stage(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
) -> Callable[[Callable[[], Stage]], Callable[[], Stage]]:
    """Registers a stage factory (a class or a function returning a stage) by name."""

    def decorator(factory: Callable[[], Stage]) -> Callable[[], Stage]:
        _REGISTRY[name] = StageInfo(name, factory, tuple(requires), tuple(assigns))
        return factory

    return decorator


def stage_info(name: str) -> StageInfo:
    for module in _STAGE_MODULES:
        import_module(module)
    try:
        return _REGISTRY[name]
    except KeyError:
        raise MarsadError("E002", stage=name, known=", ".join(sorted(_REGISTRY))) from None


class Pipeline:
    """Runs stages in order; build the shipped one with `Pipeline.default()`."""

    def __init__(self, names: Iterable[str]):
        self.names = tuple(names)
        available = {"text", "headline", "published"}
        self._stages: list[Stage] = []
        for name in self.names:
            info = stage_info(name)
            missing = [layer for layer in info.requires if layer not in available]
            if missing:
                raise MarsadError("E003", stage=name, missing=", ".join(missing))
            available.update(info.assigns)
            self._stages.append(info.factory())

    @classmethod
    def default(cls) -> Pipeline:
        return cls(DEFAULT_STAGES)

    def __call__(self, doc: Document) -> Document:
        for name, stage in zip(self.names, self._stages, strict=False):
            result = stage(doc)
            if not isinstance(result, Document):
                raise MarsadError("E004", stage=name, kind=type(result).__name__)
            doc = result
        return doc
