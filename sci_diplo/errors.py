"""Our exceptions, and the exit codes the command line maps them to."""

from __future__ import annotations

# Exit codes (documented in the README).
EXIT_OK = 0
EXIT_ERROR = 1  # the command failed: nothing was done or stored
EXIT_USAGE = 2  # bad option or argument (Click's own code for usage errors)
EXIT_PARTIAL = 3  # some inputs could not be read; the others were processed and stored
EXIT_INTERRUPTED = 130  # Ctrl-C: finished documents were stored


class SciDiploError(Exception):
    """Base class: a problem to report to the user in one line."""

    exit_code = EXIT_ERROR


class InputError(SciDiploError):
    """One input file cannot be read; the message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(SciDiploError):
    """The store cannot be read, validated or written."""


class StoreLockedError(StoreError):
    """Another scidip process holds the store's lock for too long."""


class WorkerError(SciDiploError):
    """A worker process stopped before it returned its batch (killed, out of memory, crashed)."""


class UsageError(SciDiploError):
    """An option value is wrong (an unknown country, a bad date)."""

    exit_code = EXIT_USAGE
