"""Writing output files safely: checked before the run, written atomically, any path shown.

``-o FILE`` is written to a temporary file in the same folder and renamed over FILE only
when the whole run succeeded; an interrupt, a full disk or any error leaves the previous
FILE untouched (and no temporary file behind). Paths are carried as the operating system
gave them: a name that is not valid UTF-8 (a GBK name unpacked from a zip archive) lives
in a ``str`` as surrogate escapes (:func:`os.fsdecode`), is percent-encoded byte by byte
in URIs (:func:`path_uri`) and shown with U+FFFD replacement characters in text output
(the ``gongkai-lint-replace`` codec error handler), never a crash.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

ERRORS = "gongkai-lint-replace"


def _replace_unencodable(exc: UnicodeError) -> tuple[str | bytes, int]:
    """A lone surrogate (an undecodable byte of a file name) becomes U+FFFD; a character
    another encoding (a console's) cannot hold becomes ``?``."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    count = exc.end - exc.start
    if exc.encoding.replace("_", "-").lower() in ("utf-8", "utf8", "utf-8-sig"):
        # The UTF-8 encoder takes only ASCII text from a handler: give it the bytes.
        return "\ufffd".encode() * count, exc.end
    return "?" * count, exc.end


codecs.register_error(ERRORS, _replace_unencodable)


def shown(text: str) -> str:
    """``text`` safe to encode as UTF-8: undecodable bytes of a path shown as U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", ERRORS).decode("utf-8")


def path_bytes(path: str) -> bytes:
    """The bytes of a path as the file system holds them (surrogate escapes undone)."""
    return os.fsencode(path) if os.name != "nt" else path.encode("utf-8", "surrogatepass")


def path_uri(path: str) -> str:
    """A relative URI reference for a ``/``-separated path: each byte that is not
    unreserved percent-encoded, so a GBK or broken name round-trips exactly."""
    return quote(path_bytes(path), safe="/")


class OutputError(Exception):
    """An output path that cannot be written (a one-line message for the user)."""


def check_output_path(path: Path) -> None:
    """Refuse, before any file is read, an output path that cannot be written."""
    text = str(path)
    if "\x00" in text:
        raise OutputError(f"{shown(text)!r}: an output path cannot contain a NUL byte")
    if path.is_dir():
        raise OutputError(f"{shown(text)}: is a folder; name a file to write")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        raise OutputError(
            f"{shown(text)}: the folder {shown(str(folder))} does not exist; create it first"
        )
    if not folder.is_dir():
        raise OutputError(f"{shown(text)}: {shown(str(folder))} is not a folder")
    if path.exists():
        if not os.access(path, os.W_OK):
            raise OutputError(f"{shown(text)}: the file is read-only; no output was written")
        if _is_special(path):
            return  # /dev/null, /dev/stdout, a FIFO: written in place
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(
            f"{shown(text)}: the folder {shown(str(folder))} is not writable; no output was written"
        )


def _is_special(path: Path) -> bool:
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


class AtomicFile:
    """A file written under a temporary name in its folder, renamed into place on
    :meth:`commit`; :meth:`discard` removes it. A special file (a device, a FIFO) is
    written in place, as nothing can be renamed over it."""

    def __init__(self, path: Path, mode: str = "w", **open_args: Any) -> None:
        self.path = Path(path)
        self.special = self.path.exists() and _is_special(self.path)
        if "b" not in mode:
            open_args.setdefault("encoding", "utf-8")
            open_args.setdefault("errors", ERRORS)
        if self.special:
            self.temp: Path | None = None
            self.stream: IO[Any] = open(self.path, mode, **open_args)  # noqa: SIM115
            return
        import tempfile  # only when writing a file (start-up)

        fd, name = tempfile.mkstemp(
            dir=self.path.parent if str(self.path.parent) else ".",
            prefix=f".{self.path.name}.",
            suffix=".tmp",
        )
        self.temp = Path(name)
        try:
            self.stream = os.fdopen(fd, mode, **open_args)
        except BaseException:
            os.close(fd)
            self.temp.unlink(missing_ok=True)
            raise
        if self.path.exists():  # keep the permissions of the file being replaced
            try:
                os.chmod(self.temp, stat.S_IMODE(self.path.stat().st_mode))
            except OSError:
                pass
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self.temp, 0o666 & ~umask)

    def commit(self) -> None:
        if not self.stream.closed:  # a reporter may close its own file when done
            self.stream.flush()
            if self.temp is not None:
                os.fsync(self.stream.fileno())
            self.stream.close()
        if self.temp is not None:
            os.replace(self.temp, self.path)
            self.temp = None

    def discard(self) -> None:
        try:
            self.stream.close()
        except OSError:  # the disk was full: closing flushes and fails again
            pass
        if self.temp is not None:
            self.temp.unlink(missing_ok=True)
            self.temp = None


class Staging:
    """Every file one run writes (``-o`` and its siblings), committed or discarded
    together: either all of the new output is in place or none of it."""

    def __init__(self) -> None:
        self.files: list[AtomicFile] = []

    def open(self, path: Path, mode: str = "w", **open_args: Any) -> IO[Any]:
        handle = AtomicFile(path, mode, **open_args)
        self.files.append(handle)
        return handle.stream

    def temp_path(self, path: Path) -> Path:
        """A temporary path beside ``path`` for a writer that saves by name (openpyxl);
        renamed to ``path`` on commit."""
        handle = AtomicFile(path, "wb")
        self.files.append(handle)
        return handle.temp if handle.temp is not None else handle.path

    def commit(self) -> None:
        try:
            for handle in self.files:
                handle.commit()
        except BaseException:
            self.discard()
            raise
        self.files = []

    def discard(self) -> None:
        for handle in self.files:
            handle.discard()
        self.files = []


def open_output(options: Any, path: Path, mode: str = "w", **open_args: Any) -> IO[Any]:
    """A reporter's extra output file: staged with the run's ``-o`` when there is one."""
    staging = getattr(options, "staging", None)
    if staging is not None:
        return staging.open(path, mode, **open_args)
    if "b" not in mode:
        open_args.setdefault("encoding", "utf-8")
        open_args.setdefault("errors", ERRORS)
    return open(path, mode, **open_args)  # noqa: SIM115


def save_path(options: Any, path: Path) -> Path:
    """Where a writer that saves by name should save ``path`` (a staged temporary)."""
    staging = getattr(options, "staging", None)
    return staging.temp_path(path) if staging is not None else path
