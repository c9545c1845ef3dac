"""The gist: one Arabic line saying who did what to whom, where and when.

Built from the article's top event (`top_event`): the actor's name, an Arabic phrase for
the event's PLOVER type and mode (`data/gist_phrases.tsv`) with its target, the place and
the date, joined by dashes: "مسعود البارزاني — مباحثات مع محمد سالم الغبان — أربيل".
A part the event does not have is left out; an article without events has no gist.
An event that is denied, expected or hypothetical says so (`data/gist_qualifiers.tsv`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from marsad.document import Document, Event

SEPARATOR = " — "


@dataclass(frozen=True)
class GistPhrases:
    """Phrases by (type, mode), the type's own phrase under mode None, and the qualifiers."""

    phrases: dict[tuple[str, str | None], tuple[str, str | None]]
    qualifiers: dict[str, str]

    @classmethod
    def from_files(cls, phrases_path: Path, qualifiers_path: Path) -> GistPhrases:
        phrases: dict[tuple[str, str | None], tuple[str, str | None]] = {}
        for event_type, mode, phrase, link in _rows(phrases_path, 4):
            phrases[(event_type, None if mode == "-" else mode)] = (phrase, None if link == "-" else link)
        qualifiers = {state: word for state, word in _rows(qualifiers_path, 2)}
        return cls(phrases, qualifiers)

    def phrase(self, event_type: str, mode: str | None) -> tuple[str, str | None] | None:
        """The phrase and target link of a type and mode, falling back to the type's own."""
        return self.phrases.get((event_type, mode)) or self.phrases.get((event_type, None))


def _rows(path: Path, width: int) -> list[list[str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != width:
            raise ValueError(
                f"{path.name}:{number}: expected {width} tab-separated fields, got {len(fields)}"
            )
        rows.append(fields)
    return rows


def is_asserted(event: Event) -> bool:
    """A plain report of something that happened: not denied, expected, supposed or past."""
    return not event.negated and event.modality is None


def top_event(doc: Document) -> Event | None:
    """The event the article is about.

    Asserted events come before denied or expected ones; among them, the one with the most
    named participants (actor; recipient or place), and among equals the first reported,
    since news puts its main event first.
    """
    if not doc.events:
        return None

    def rank(event: Event) -> tuple[bool, int, int]:
        participants = bool(event.actors) + bool(event.recipients or event.location)
        return (not is_asserted(event), -participants, event.trigger.start)

    return min(doc.events, key=rank)


def make_gist(doc: Document, phrases: GistPhrases, event: Event | None = None) -> str | None:
    """The gist line of `doc` from `event` (default: `top_event(doc)`); None without events."""
    event = event or top_event(doc)
    if event is None:
        return None
    names = {entity.id: entity.name for entity in doc.entities}
    found = phrases.phrase(event.type, event.mode)
    phrase, link = found if found else (event.type, None)
    target = next((names[r] for r in event.recipients if r in names), None)
    what = phrase if target is None else " ".join(part for part in (phrase, link, target) if part)
    state = "negated" if event.negated else event.modality
    if state and state in phrases.qualifiers:
        what = f"{what} {phrases.qualifiers[state]}"
    actor = " و".join(names[a] for a in event.actors[:2] if a in names) or None
    place = names.get(event.location) if event.location else None
    parts = [actor, what, place if place != target else None, event.date]
    return SEPARATOR.join(part for part in parts if part)
