"""The gist line from the top event: actor, phrase + target, place, date; qualifiers."""

from __future__ import annotations

from marsad import resources
from marsad.document import Document, Entity, Event, Sentence, Span
from marsad.topics.gist import GistPhrases, make_gist, top_event

PHRASES = GistPhrases.from_files(
    resources.data_file("topics", "gist_phrases.tsv"), resources.data_file("topics", "gist_qualifiers.tsv")
)
TEXT = "قصف الجيش العراقي مواقع تنظيم داعش في الموصل. وقال الجيش إنه سيهاجم تلعفر. والتقى الوزير نظيره."


def event(
    trigger: str, kind: str, mode: str | None = None, *, actors: tuple[str, ...] = (), recipients: tuple[str, ...] = (),
    location: str | None = None, date: str | None = None, negated: bool = False, modality: str | None = None,
) -> Event:  # fmt: skip
    start = TEXT.index(trigger)
    return Event(
        f"V{start}", kind, Span(start, start + len(trigger), trigger), Sentence(0, len(TEXT)), mode=mode,
        actors=list(actors), recipients=list(recipients), location=location, date=date,
        negated=negated, modality=modality,
    )  # fmt: skip


def document(*events: Event) -> Document:
    doc = Document(TEXT)
    doc.entities = [
        Entity("E1", "ORG", "الجيش العراقي"),
        Entity("E2", "ORG", "تنظيم داعش"),
        Entity("E3", "GPE", "الموصل"),
        Entity("E4", "GPE", "تلعفر"),
        Entity("E5", "PERSON", "الوزير"),
    ]
    doc.events = list(events)
    return doc


def test_who_did_what_to_whom_where_when() -> None:
    attack = event("قصف", "ASSAULT", actors=("E1",), recipients=("E2",), location="E3", date="2014-06-10")
    assert make_gist(document(attack), PHRASES) == "الجيش العراقي — هجوم على تنظيم داعش — الموصل — 2014-06-10"


def test_the_mode_picks_the_phrase_and_missing_parts_are_left_out() -> None:
    aerial = event("قصف", "ASSAULT", "aerial", recipients=("E2",))
    assert make_gist(document(aerial), PHRASES) == "غارة جوية على تنظيم داعش"
    arrest = event("قصف", "COERCE", "arrest", actors=("E1",), recipients=("E5",))
    assert make_gist(document(arrest), PHRASES) == "الجيش العراقي — اعتقال الوزير"
    unknown_mode = event("قصف", "CONSULT", "no-such-mode", actors=("E5",), location="E3")
    assert make_gist(document(unknown_mode), PHRASES) == "الوزير — مباحثات — الموصل"


def test_the_top_event_is_asserted_and_named_and_threats_say_so() -> None:
    threat = event("سيهاجم", "ASSAULT", actors=("E1",), recipients=("E4",), modality="future")
    meeting = event("التقى", "CONSULT", actors=("E5",))
    attack = event("قصف", "ASSAULT", actors=("E1",), location="E3")
    doc = document(threat, meeting, attack)
    assert top_event(doc) is attack
    assert make_gist(document(threat), PHRASES) == "الجيش العراقي — هجوم على تلعفر (مرتقب)"
    denied = event("قصف", "ASSAULT", actors=("E1",), negated=True)
    assert make_gist(document(denied), PHRASES) == "الجيش العراقي — هجوم (نُفي)"


def test_no_events_no_gist() -> None:
    assert make_gist(document(), PHRASES) is None
