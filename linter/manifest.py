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


def load_manifest(path: Path) -> Manifest:
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read the manifest: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{path}: the manifest is not UTF-8 text: save it as UTF-8") from exc
    rows: Any
    if path.suffix.lower() == ".json" or raw.lstrip().startswith(("[", "{")):
        try:
            rows = json.loads(raw)
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
    for row in rows:
        key = str((base / row["path"]).resolve())
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
