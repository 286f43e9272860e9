"""Batch manifests: what the inspector knows about each report (``--manifest FILE``).

A CSV (UTF-8, with or without BOM) or JSON file with the columns ``path`` (relative to
the manifest), ``agency``, ``issuer_kind``, ``year``, ``published`` (YYYY-MM-DD) and
``url``; every column but ``path`` is optional. Validated against
``schemas/manifest.schema.json``; its values override what was read from the document.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ISSUER_KINDS = {
    "government": "government",
    "department": "department",
    "township": "township",
    "other": "other",
    "人民政府": "government",
    "部门": "department",
    "乡镇街道": "township",
    "其他": "other",
}


class ManifestError(Exception):
    """A manifest that cannot be read or does not conform to its schema."""


# A row per report: even 100,000 reports are a few megabytes.
MAX_MANIFEST_BYTES = 64 << 20
MAX_DEPTH = 8


@dataclass(frozen=True)
class Entry:
    agency: str | None = None
    issuer_kind: str | None = None
    year: int | None = None
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Manifest:
    path: Path
    # resolved file path -> what the manifest says about it
    entries: dict[str, Entry] = field(default_factory=dict)

    def get(self, file: Path) -> Entry | None:
        return self.entries.get(str(file.resolve()))

    def missing(self) -> list[str]:
        """Rows naming a file that does not exist (relative to the manifest's folder)."""
        base = self.path.resolve().parent
        out = []
        for key in self.entries:
            if not Path(key).exists():
                try:
                    out.append(Path(key).relative_to(base).as_posix())
                except ValueError:
                    out.append(key)
        return out


def load_manifest(path: Path) -> Manifest:
    try:
        size = path.stat().st_size
        if size > MAX_MANIFEST_BYTES:
            raise ManifestError(
                f"{path}: the manifest is {size:,} bytes, over the limit of {MAX_MANIFEST_BYTES:,}"
            )
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read the manifest: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{path}: the manifest is not UTF-8 text: save it as UTF-8") from exc
    rows: Any
    if path.suffix.lower() == ".json" or raw.lstrip().startswith(("[", "{")):
        from linter.safejson import JsonLimitError, loads

        try:
            rows = loads(raw, max_depth=MAX_DEPTH)
        except JsonLimitError as exc:
            raise ManifestError(f"{path}: {exc}") from exc
        except json.JSONDecodeError as exc:
            raise ManifestError(f"{path}: not valid JSON: {exc}") from exc
        if isinstance(rows, dict) and isinstance(rows.get("reports"), list):
            rows = rows["reports"]
    else:
        rows = _csv_rows(raw, path)
    errors = _validate(rows)
    if errors:
        raise ManifestError(f"{path}: " + "; ".join(errors[:5]))
    base = path.resolve().parent
    entries: dict[str, Entry] = {}
    for number, row in enumerate(rows, start=1):
        if "\x00" in row["path"]:
            raise ManifestError(f"{path}: row {number}: the path contains a NUL byte")
        try:
            key = str((base / row["path"]).resolve())
        except (OSError, RuntimeError, ValueError) as exc:
            raise ManifestError(
                f"{path}: row {number}: unusable path {row['path']!r}: {exc}"
            ) from exc
        if key in entries:
            raise ManifestError(f"{path}: the report {row['path']} is listed twice")
        entries[key] = Entry(
            agency=row.get("agency"),
            issuer_kind=ISSUER_KINDS.get(row.get("issuer_kind", "")),
            year=row.get("year"),
            published=row.get("published"),
            url=row.get("url"),
        )
    return Manifest(path, entries)


def _csv_rows(raw: str, path: Path) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(raw))
    if not reader.fieldnames or "path" not in [f.strip() for f in reader.fieldnames]:
        raise ManifestError(f"{path}: the CSV manifest needs a header row with a 'path' column")
    rows = []
    for number, record in enumerate(reader, start=2):
        row: dict[str, Any] = {}
        for key, value in record.items():
            if key is None:
                raise ManifestError(f"{path}, line {number}: more cells than header columns")
            value = (value or "").strip()
            if value:
                row[key.strip()] = value
        if "year" in row:
            try:
                row["year"] = int(row["year"])
            except ValueError as exc:
                raise ManifestError(
                    f"{path}, line {number}: year {row['year']!r} is not a year"
                ) from exc
        rows.append(row)
    return rows


def _validate(rows: Any) -> list[str]:
    from linter.schema import schema_errors

    return schema_errors("manifest.schema.json", rows)
