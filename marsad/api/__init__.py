"""The HTTP API: `create_app(ServerSettings(...))` builds the server `marsad serve` runs."""

from marsad.api.app import ServerSettings, create_app

__all__ = ["ServerSettings", "create_app"]
