"""The built-in readers, registered as a plugin like any other."""

from __future__ import annotations

from linter.hookspecs import hookimpl


@hookimpl
def gongkai_lint_readers() -> list[type]:
    from linter.readers.docx import DocxReader
    from linter.readers.formats import OtherFormatsReader
    from linter.readers.text import TextReader

    readers: list[type] = [TextReader, DocxReader, OtherFormatsReader]
    try:
        from linter.readers.pdf import PdfReader

        readers.append(PdfReader)
    except ImportError:  # pypdfium2 missing: a PDF is then reported as unreadable
        pass
    try:
        from linter.readers.html import HtmlReader

        readers.append(HtmlReader)
    except ImportError:
        pass
    return readers
