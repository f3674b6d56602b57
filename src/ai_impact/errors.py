"""The one exception tree of ai-impact.

Every error the library raises on purpose derives from :class:`AiImpactError`. Each class carries
the CLI exit code and the HTTP status the faces map it to, so the CLI and the web never guess::

    AiImpactError                 exit 1   HTTP 500
    ├── DataError                 exit 3   HTTP 500   pinned source data missing or corrupt
    │   └── ChecksumError         exit 3   HTTP 500   a vendored file does not match data/MANIFEST
    ├── KnowledgeBaseError        exit 3   HTTP 503   the SQLite knowledge base is missing or stale
    ├── ModelError                exit 3   HTTP 500   a shipped model artefact is missing or corrupt
    ├── InputError                exit 2   HTTP 422   the user's input cannot be used as given
    │   └── AmbiguousInputError   exit 2   HTTP 300   several candidates; the user must choose
    └── NotFoundError             exit 4   HTTP 404   nothing matches (occupation, area, industry)

Messages say what happened, which value caused it, and what to do next.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "AiImpactError",
    "AmbiguousInputError",
    "ChecksumError",
    "DataError",
    "InputError",
    "KnowledgeBaseError",
    "ModelError",
    "NotFoundError",
]


class AiImpactError(Exception):
    """Base of every error raised on purpose by ai-impact."""

    exit_code: int = 1
    http_status: int = 500

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message

    def to_dict(self) -> dict[str, Any]:
        """The error as the JSON body every face uses: ``{ok, error, status}``."""
        return {"ok": False, "error": str(self), "status": self.http_status}


class DataError(AiImpactError):
    """A pinned source file is missing, unreadable or malformed."""

    exit_code = 3
    http_status = 500


class ChecksumError(DataError):
    """A vendored data file does not match the checksum recorded in data/MANIFEST."""


class KnowledgeBaseError(AiImpactError):
    """The SQLite knowledge base is missing, stale or cannot be built."""

    exit_code = 3
    http_status = 503


class ModelError(AiImpactError):
    """A shipped model artefact is missing, corrupt or of the wrong version."""

    exit_code = 3
    http_status = 500


class InputError(AiImpactError):
    """The user's input (a title, code, file or option) cannot be used as given."""

    exit_code = 2
    http_status = 422


class AmbiguousInputError(InputError):
    """Several candidates fit and none is confident enough: the user must choose.

    ``candidates`` keeps those with some confidence (0.01 or more as shown), at least the
    best: a 0.00 candidate is noise to choose from (:meth:`worth_showing`).
    """

    http_status = 300

    def __init__(
        self, message: str, *, candidates: Sequence[Any] = (), hint: str | None = None
    ) -> None:
        super().__init__(message, hint=hint)
        self.candidates = self.worth_showing(candidates)

    @staticmethod
    def worth_showing(candidates: Sequence[Any]) -> list[Any]:
        """The candidates with some confidence, at least the first (best) one."""
        return [
            c
            for i, c in enumerate(candidates)
            if i == 0 or round(float(getattr(c, "confidence", 1.0)), 2) > 0
        ]


class NotFoundError(AiImpactError):
    """Nothing matches: an occupation code, an area, an industry."""

    exit_code = 4
    http_status = 404
