"""Events and quotes: Arabic-native PLOVER/CAMEO event coding and who said what."""

from __future__ import annotations

from marsad.events.stage import EventCoder, EventsStage

__all__ = ["EventCoder", "EventsStage"]
