"""Batch rules' per-report facts off the heap: a SQLite file, read by rule at the end.

Each report's facts are pickled once, in the worker that linted it (:class:`PackedFacts`:
a few hundred bytes), and the parent appends them to a SQLite file: a temporary one
that is deleted at the end of the run, or the audit store named with ``--store`` that
keeps them (and the run's findings) across runs. The batch rules then read one rule's
reports at a time through :class:`StoredFacts`, which decodes a report's facts only
when a rule asks for it, so the parent's memory does not grow with the batch.

With ``--store``, a report whose previous year is not in this batch is paired with
that year's report from an earlier run held in the store (the latest run that has it),
so next year's batch is compared with this year's without linting it again.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from linter.rule import ReportFacts

# 2: each report's form digest (table ``forms``, see linter.forms). A version-1 store
# is upgraded in place when opened: its earlier runs have no digests, so their reports
# pair as before (several files of one agency and year stay ambiguous).
SCHEMA_VERSION = 2
# Rows a temporary store keeps in memory before it moves to a file (~1 MB of facts).
SPILL_ROWS = 4000
# Rows inserted per transaction: a commit per report would be a disk sync per report.
_BATCH = 500
# Entries a SpillDict holds in memory before it writes them to its database.
SPILL_PENDING = 1000
# SQLite's page cache per database, in KiB (its default, 2 MB, is reached as a batch
# grows: the parent's memory would grow with it; the operating system caches the file).
CACHE_KIB = 512
# Schema versions this version opens (older ones are upgraded).
_READS = frozenset({"1", str(SCHEMA_VERSION)})


@dataclass(frozen=True)
class PackedFacts(ReportFacts):
    """A report's identity with its facts pickled (``facts`` is bytes): what a worker
    sends and what the store keeps. ``unpack`` gives the rule its facts back."""

    def unpack(self) -> ReportFacts:
        return ReportFacts(
            self.path, self.agency, self.year, self.edition, _loads(self.facts), self.form
        )

    @classmethod
    def pack(cls, facts: ReportFacts) -> PackedFacts:
        if isinstance(facts, PackedFacts):
            return facts
        return cls(
            facts.path, facts.agency, facts.year, facts.edition, _dumps(facts.facts), facts.form
        )


def unpack(facts: ReportFacts) -> ReportFacts:
    return facts.unpack() if isinstance(facts, PackedFacts) else facts


def _dumps(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _loads(blob: bytes) -> Any:
    return pickle.loads(blob)


class StoreError(Exception):
    """The audit store cannot be opened or written (message names the file)."""


class Identity(NamedTuple):
    """What pairing needs of a report, without its facts: ``handle`` loads them."""

    handle: int
    path: str
    agency: str | None
    year: int | None
    # The run that linted the report: this run's reports have the highest.
    run: int = 0


class FactSource:
    """The reports a batch rule sees: iterable as :class:`ReportFacts`, and readable
    by identity first (pairing looks at agencies and years before any facts)."""

    def identities(self) -> Iterator[Identity]:
        raise NotImplementedError

    def earlier(self, years: set[int]) -> Iterator[Identity]:
        """Reports of those years from earlier runs (an audit store); none by default."""
        return iter(())

    def load(self, handle: int) -> ReportFacts:
        raise NotImplementedError

    def form(self, identity: Identity) -> bytes | None:
        """The report's form digest (linter.forms), None when it is not known."""
        return None

    def __iter__(self) -> Iterator[ReportFacts]:
        for identity in self.identities():
            yield self.load(identity.handle)


class ListSource(FactSource):
    """Facts held in a list (a test, a library caller): handles are list positions."""

    def __init__(self, reports: Iterable[ReportFacts]) -> None:
        self.reports = list(reports)

    def identities(self) -> Iterator[Identity]:
        for i, r in enumerate(self.reports):
            yield Identity(i, r.path, r.agency, r.year)

    def load(self, handle: int) -> ReportFacts:
        return unpack(self.reports[handle])

    def form(self, identity: Identity) -> bytes | None:
        return self.reports[identity.handle].form

    def __len__(self) -> int:
        return len(self.reports)

    def __getitem__(self, i: int) -> ReportFacts:
        return unpack(self.reports[i])


def as_source(reports: Iterable[ReportFacts] | FactSource) -> FactSource:
    return reports if isinstance(reports, FactSource) else ListSource(reports)


class StoredFacts(FactSource):
    """One rule's reports of this run, in a :class:`FactStore`."""

    def __init__(self, store: FactStore, rule: str) -> None:
        self.store = store
        self.rule = rule

    def identities(self) -> Iterator[Identity]:
        rows = self.store.db.execute(
            "SELECT id, path, agency, year FROM facts WHERE rule = ? AND run = ? ORDER BY id",
            (self.rule, self.store.run),
        )
        for handle, path, agency, year in rows:
            yield Identity(handle, path, agency, year, self.store.run)

    def earlier(self, years: set[int]) -> Iterator[Identity]:
        if not years or not self.store.persistent:
            return
        marks = ",".join("?" * len(years))
        rows = self.store.db.execute(
            f"SELECT id, path, agency, year, run FROM facts WHERE rule = ? AND run < ? "
            f"AND year IN ({marks}) AND run IN (SELECT id FROM runs WHERE complete = 1) "
            "ORDER BY id",
            (self.rule, self.store.run, *sorted(years)),
        )
        for handle, path, agency, year, run in rows:
            yield Identity(handle, path, agency, year, run)

    def load(self, handle: int) -> ReportFacts:
        row = self.store.db.execute(
            "SELECT path, agency, year, edition, data FROM facts WHERE id = ?", (handle,)
        ).fetchone()
        path, agency, year, edition, data = row
        return ReportFacts(path, agency, year, edition, _loads(data))

    def form(self, identity: Identity) -> bytes | None:
        row = self.store.db.execute(
            "SELECT data FROM forms WHERE run = ? AND path = ?", (identity.run, identity.path)
        ).fetchone()
        return row[0] if row else None

    def __len__(self) -> int:
        (count,) = self.store.db.execute(
            "SELECT count(*) FROM facts WHERE rule = ? AND run = ?", (self.rule, self.store.run)
        ).fetchone()
        return count


class FactStore(Mapping[str, StoredFacts]):
    """Facts of every batch rule for one run, by rule code (``store[code]``).

    ``path`` None: a temporary file, removed by :meth:`close`. A path: the audit store,
    created if needed, kept; each run is numbered and its facts and findings added.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.persistent = path is not None
        # A temporary store starts in memory and moves to a file past SPILL_ROWS rows:
        # one report's run creates no file, a national batch keeps no facts in memory.
        self.path = Path(path) if path is not None else None
        self._rows = 0
        try:
            self.db = sqlite3.connect(
                str(self.path) if self.path else ":memory:", isolation_level=None
            )
            self._prepare()
        except sqlite3.Error as exc:
            self._discard()
            raise StoreError(
                f"cannot use {self.path} as the audit store: {exc} (name a new file, or an "
                "audit store written by gongkai-lint)"
            ) from exc
        self._pending: list[tuple] = []
        self._forms: list[tuple] = []
        # The path whose form digest was queued last: a report's facts for every rule
        # come one after the other, each with the same digest, kept once.
        self._form_path: str | None = None
        self._findings: list[tuple] = []
        self._rules: set[str] = set()
        self._finished = False

    def _prepare(self) -> None:
        db = self.db
        db.executescript(
            """
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE IF NOT EXISTS runs (
                id INTEGER PRIMARY KEY, started TEXT, tool_version TEXT, files INTEGER,
                complete INTEGER DEFAULT 0);
            CREATE TABLE IF NOT EXISTS facts (
                id INTEGER PRIMARY KEY, run INTEGER, rule TEXT, path TEXT,
                agency TEXT, year INTEGER, edition TEXT, data BLOB);
            CREATE INDEX IF NOT EXISTS facts_by_rule ON facts (rule, run, year);
            CREATE TABLE IF NOT EXISTS findings (
                run INTEGER, path TEXT, code TEXT, sub_id TEXT, level TEXT,
                logical TEXT, line INTEGER, col INTEGER, message_zh TEXT, message_en TEXT);
            """
        )
        found = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if found is not None and found[0] not in _READS:
            raise sqlite3.DatabaseError(
                f"store schema version {found[0]}, this version of gongkai-lint reads "
                f"{', '.join(sorted(_READS))}"
            )
        # One form digest per report of a run (version 2; added to a version-1 store).
        db.execute(
            "CREATE TABLE IF NOT EXISTS forms (run INTEGER, path TEXT, data BLOB, "
            "PRIMARY KEY (run, path))"
        )
        db.execute(
            "INSERT INTO meta VALUES ('schema', ?) ON CONFLICT (key) DO UPDATE SET value = "
            "excluded.value",
            (str(SCHEMA_VERSION),),
        )
        from linter import __version__

        cursor = db.execute(
            "INSERT INTO runs (started, tool_version, files) VALUES (?, ?, 0)",
            (time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), __version__),
        )
        self.run = cursor.lastrowid

    # --- writing -------------------------------------------------------------------

    def add(self, rule: str, facts: ReportFacts) -> None:
        """One report's facts for ``rule`` (packed in the worker, or packed here)."""
        packed = PackedFacts.pack(facts)
        self._pending.append(
            (
                self.run,
                rule,
                packed.path,
                packed.agency,
                packed.year,
                packed.edition,
                packed.facts,
            )
        )
        self._rules.add(rule)
        if packed.form is not None and packed.path != self._form_path:
            self._forms.append((self.run, packed.path, packed.form))
            self._form_path = packed.path
        if len(self._pending) >= _BATCH:
            self._flush()

    def add_findings(self, findings: Iterable) -> None:
        """Keep a run's findings too (the audit store only)."""
        if not self.persistent:
            return
        for f in findings:
            a = f.location.anchor
            self._findings.append(
                (
                    self.run,
                    f.path,
                    f.code,
                    f.sub_id,
                    f.level,
                    f.location.logical,
                    a.line,
                    a.column,
                    f.message_zh,
                    f.message_en,
                )
            )
        if len(self._findings) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        try:
            self.db.execute("BEGIN")
            if self._pending:
                self.db.executemany(
                    "INSERT INTO facts (run, rule, path, agency, year, edition, data) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    self._pending,
                )
            if self._forms:
                self.db.executemany("INSERT OR IGNORE INTO forms VALUES (?, ?, ?)", self._forms)
            if self._findings:
                self.db.executemany(
                    "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self._findings
                )
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot write the fact store {self.path or '(in memory)'}: {exc}"
            ) from exc
        self._rows += len(self._pending)
        self._pending = []
        self._forms = []
        self._findings = []
        if self.path is None and self._rows > SPILL_ROWS:
            self._spill()

    def _spill(self) -> None:
        """Move the temporary store from memory to a file (deleted by ``close``)."""
        import tempfile  # only for a batch that outgrows memory (start-up)

        fd, name = tempfile.mkstemp(prefix="gongkai-lint-facts-", suffix=".sqlite")
        os.close(fd)
        self.path = Path(name)
        try:
            disk = sqlite3.connect(name, isolation_level=None)
            # A scratch file: losing it in a crash loses nothing.
            disk.execute("PRAGMA journal_mode = OFF")
            disk.execute("PRAGMA synchronous = OFF")
            disk.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
            self.db.backup(disk)
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot write the fact store {self.path or '(in memory)'}: {exc}"
            ) from exc
        self.db.close()
        self.db = disk

    def finish(self, files: int) -> None:
        """The run is complete: write what is pending and record the run's size."""
        self._flush()
        self.db.execute("UPDATE runs SET files = ?, complete = 1 WHERE id = ?", (files, self.run))
        self._finished = True

    def in_order(self, findings: Iterable[tuple[str, Any]]) -> Iterator[list]:
        """The batch rules' findings (``(rule code, finding)``, as
        :meth:`Engine.iter_batch` yields them) sorted as ``Finding.sort_key`` sorts
        them, one report's at a time: they wait in a scratch table of this store, not
        in memory (a national batch's cross-year findings and notes are hundreds of
        thousands). ``(code, None)`` drops what rule ``code`` gave so far. Ties keep
        their order, as a stable sort does; SQLite compares text by its UTF-8 bytes,
        which orders as Python's code points do."""
        db = self.db
        db.execute(f"PRAGMA temp.cache_size = {-CACHE_KIB}")
        db.execute(
            "CREATE TEMP TABLE IF NOT EXISTS later (rule TEXT, path TEXT, k1 INTEGER, "
            "k2 INTEGER, k3 INTEGER, k4 INTEGER, k5 INTEGER, code TEXT, sub_id TEXT, "
            "data BLOB)"
        )
        db.execute("DELETE FROM later")
        rows: list[tuple] = []

        def flush() -> None:
            db.execute("BEGIN")
            db.executemany("INSERT INTO later VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            db.execute("COMMIT")
            rows.clear()

        for rule, f in findings:
            if f is None:
                rows[:] = [r for r in rows if r[0] != rule]
                db.execute("DELETE FROM later WHERE rule = ?", (rule,))
                continue
            rows.append((rule, *f.sort_key(), _dumps(f)))
            if len(rows) >= _BATCH:
                flush()
        if rows:
            flush()
        group: list = []
        cursor = db.execute(
            "SELECT path, data FROM later ORDER BY path, k1, k2, k3, k4, k5, code, sub_id, rowid"
        )
        for path, data in cursor:
            if group and group[0].path != path:
                yield group
                group = []
            group.append(_loads(data))
        if group:
            yield group
        db.execute("DELETE FROM later")

    # --- reading -------------------------------------------------------------------

    def __getitem__(self, rule: str) -> StoredFacts:
        if rule not in self._rules and not self.persistent:
            raise KeyError(rule)
        self._flush()
        return StoredFacts(self, rule)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._rules))

    def __len__(self) -> int:
        return len(self._rules)

    def get(self, rule: str, default: Any = None) -> Any:  # type: ignore[override]
        # With an audit store, a rule with no report in this batch still sees earlier runs.
        if rule in self._rules or self.persistent:
            return self[rule]
        return default

    # --- closing -------------------------------------------------------------------

    def close(self) -> None:
        try:
            if self.persistent and self._finished:
                self._flush()  # the batch rules' findings
            self.db.close()
        except sqlite3.Error:
            pass
        self._discard()

    def _discard(self) -> None:
        if not self.persistent and self.path is not None:
            try:
                self.path.unlink()
            except OSError:
                pass

    def __enter__(self) -> FactStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SpillDict(MutableMapping[str, Any]):
    """A ``dict`` of str keys whose entries live in a private temporary SQLite database
    (deleted when closed or collected): what a reporter keeps per file until the end of
    the run (an artifact's index, its fingerprint identities) without the parent's memory
    growing with the batch. Values are pickled; writes are batched.

    SQLite keeps a temporary database's pages in its own cache (2 MB by default) and
    writes the rest to a file it deletes itself, so a small run touches no disk."""

    def __init__(self, pending: int | None = None) -> None:
        self._db: sqlite3.Connection | None = None
        self._pending: dict[str, Any] = {}
        self._limit = pending or SPILL_PENDING

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect("", isolation_level=None)
            # Its own page cache (2 MB by default) would grow with the batch too.
            self._db.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
            self._db.execute("CREATE TABLE kv (key TEXT PRIMARY KEY, value BLOB)")
        return self._db

    def _flush(self) -> None:
        if not self._pending:
            return
        rows = [(k, _dumps(v)) for k, v in self._pending.items()]
        self._pending = {}
        db = self.db
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO kv VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            rows,
        )
        db.execute("COMMIT")

    def __setitem__(self, key: str, value: Any) -> None:
        self._pending[key] = value
        if len(self._pending) >= self._limit:
            self._flush()

    def __getitem__(self, key: str) -> Any:
        if key in self._pending:
            return self._pending[key]
        if self._db is None:
            raise KeyError(key)
        row = self._db.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return _loads(row[0])

    def __delitem__(self, key: str) -> None:
        found = self._pending.pop(key, _MISSING) is not _MISSING
        if self._db is not None:
            found = self._db.execute("DELETE FROM kv WHERE key = ?", (key,)).rowcount > 0 or found
        if not found:
            raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        self._flush()
        if self._db is None:
            return iter(())
        return (key for (key,) in self._db.execute("SELECT key FROM kv ORDER BY rowid"))

    def __len__(self) -> int:
        self._flush()
        if self._db is None:
            return 0
        return self._db.execute("SELECT count(*) FROM kv").fetchone()[0]

    def close(self) -> None:
        self._pending = {}
        if self._db is not None:
            self._db.close()
            self._db = None


_MISSING = object()
