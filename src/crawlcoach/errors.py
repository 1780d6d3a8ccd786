"""Errors the user can act on: each names what went wrong and what to do about it."""

from __future__ import annotations


class CrawlcoachError(Exception):
    """An error with a stable machine-readable ``kind`` and a message written for a person."""

    kind: str = "error"

    def __init__(self, message: str, *, kind: str | None = None) -> None:
        super().__init__(message)
        if kind is not None:
            self.kind = kind

    @property
    def message(self) -> str:
        return str(self)

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "message": self.message}
