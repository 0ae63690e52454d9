"""newsgraph's exceptions. Every error says what went wrong and what to do about it.

NewsgraphError                 root: catch this to catch everything newsgraph raises
├── InputError                 a user's input cannot be read (the run goes on with others)
│   ├── NotFoundError          no such file, or a folder without pages
│   ├── BinaryInputError       the bytes are not text or HTML (an image, an archive...)
│   ├── DecodeError            the bytes cannot be decoded in any plausible encoding
│   ├── EmptyInputError        nothing there: an empty file or a page without text
│   ├── NoArticleError         a page, but no article in it (a login form, a menu)
│   └── FetchError             a URL could not be fetched (network, status, size, refused)
├── PipelineError              the pipeline is misconfigured (unknown stage, unmet requires)
└── StoreError                 a database cannot be opened, read or written
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Root of all newsgraph errors."""


class InputError(NewsgraphError):
    """A user's input could not be turned into an article."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source
        self.message = message

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class NotFoundError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class DecodeError(InputError):
    pass


class EmptyInputError(InputError):
    pass


class NoArticleError(InputError):
    pass


class FetchError(InputError):
    pass


class PipelineError(NewsgraphError):
    """The pipeline cannot be built or run as configured."""


class StoreError(NewsgraphError):
    """The store cannot be opened, read or written."""
