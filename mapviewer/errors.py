"""Errors that carry a message for the user (shown in a dialog, or one line on stderr)."""

from __future__ import annotations

__all__ = ["InputError", "MapviewerError"]


class MapviewerError(Exception):
    """Base of every error whose message is meant for the user, not a traceback."""


class InputError(MapviewerError):
    """A file or text that cannot be opened as an article or a map."""
