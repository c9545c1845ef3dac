"""The `marsad` command line: thin wrappers that parse, call the library and print."""

from marsad.cli.main import main

__all__ = ["main"]
