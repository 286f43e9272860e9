"""The built-in readers, registered as a plugin like any other.

The DOCX, PDF and HTML readers are registered as :class:`LazyReader` stand-ins: their
modules (lxml, ctypes, a few dozen regular expressions) are imported the first time a
file could be theirs, so checking a text report imports none of them. A stand-in
shares with its reader the declarations the engine asks of every reader before reading
(name, suffixes, magic bytes, labels: one class each in :mod:`linter.readers.declared`)
and adds a cheap ``could_be`` test that is true whenever the real reader's ``sniff``
could be above 0; only then does it ask the real reader.
``tests/test_lazy_readers.py`` holds each stand-in to its reader's declarations and
sniffing.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, ClassVar

from linter.document import Document
from linter.hookspecs import hookimpl
from linter.readers import Limits, Reader
from linter.readers.declared import DocxForm, HtmlForm, PdfForm, is_mhtml


class LazyReader(Reader):
    """A reader whose module is imported on first use (see the module docstring)."""

    # "package.module:Class" of the real reader.
    target: ClassVar[str]

    def __init__(self) -> None:
        self._real: Reader | None = None
        self._missing = False

    def real(self) -> Reader | None:
        """The real reader; None when its module cannot be imported (a PDF library
        missing: the file is then reported as unreadable, as without the reader)."""
        if self._real is None and not self._missing:
            module, _, name = self.target.partition(":")
            try:
                self._real = getattr(import_module(module), name)()
            except ImportError:
                self._missing = True
        return self._real

    def could_be(self, head: bytes, suffix: str) -> bool:
        """False only when the real reader's ``sniff`` is certainly 0."""
        return True

    def has_magic(self, head: bytes) -> bool:
        return Reader.has_magic(self, head)

    def sniff(self, head: bytes, suffix: str) -> int:
        if not self.could_be(head, suffix):
            return 0
        real = self.real()
        return real.sniff(head, suffix) if real is not None else 0

    def read(self, path: str, data: bytes, limits: Limits) -> Document:
        real = self.real()
        if real is None:  # sniff said 0, so the engine never picks it
            raise RuntimeError(f"the {self.name} reader cannot be imported")
        return real.read(path, data, limits)

    def __getattr__(self, attribute: str) -> Any:
        # Anything else a caller asks of a reader (not the underscored own state).
        if attribute.startswith("_"):
            raise AttributeError(attribute)
        real = self.real()
        if real is None:
            raise AttributeError(attribute)
        return getattr(real, attribute)


class LazyDocxReader(DocxForm, LazyReader):
    target = "linter.readers.docx:DocxReader"

    def could_be(self, head: bytes, suffix: str) -> bool:
        # A ZIP package or an OLE file, nothing else (DocxReader.sniff).
        return self.has_magic(head)


class LazyPdfReader(PdfForm, LazyReader):
    target = "linter.readers.pdf:PdfReader"

    def could_be(self, head: bytes, suffix: str) -> bool:
        return self.has_magic(head)


class LazyHtmlReader(HtmlForm, LazyReader):
    target = "linter.readers.html:HtmlReader"

    def could_be(self, head: bytes, suffix: str) -> bool:
        # HtmlReader.sniff scores a file by its markup (a "<", also in UTF-16), an MHTML
        # archive's headers or an HTML suffix; without any of them it is 0.
        return b"<" in head or suffix.lower() in self.suffixes or is_mhtml(head)


@hookimpl
def gongkai_lint_readers() -> list[type]:
    from linter.readers.formats import OtherFormatsReader
    from linter.readers.text import TextReader

    return [TextReader, LazyDocxReader, OtherFormatsReader, LazyPdfReader, LazyHtmlReader]
