"""Hostile and broken inputs in one batch: each gives one clear XT001, the rest is linted."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

from tests.conftest import SAMPLE_2019
from tests.test_cli import run


def _zip_bomb(limit_ratio: int = 200) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (4 << 20))  # 4 MiB of zeros, ~4 KiB packed
    return buffer.getvalue()


def _claims_a_gigabyte() -> bytes:
    """A zip whose central directory claims a 1 GiB document.xml (it holds a few bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", b"<w:document/>")
    data = bytearray(buffer.getvalue())
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (1 << 30).to_bytes(4, "little")  # uncompressed size
    return bytes(data)


HOSTILE = {
    "zip_bomb.docx": _zip_bomb(),
    "gigabyte_claim.docx": _claims_a_gigabyte(),
    "truncated.docx": _zip_bomb()[:200],
    "really_html.docx": b"<html><body><p>\xe4\xb8\x80\xe3\x80\x81</p></body></html>",
    "laughs.html": b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><html><body><p>&b;</p></body></html>',
    "xxe.html": b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><html><body><p>&e;</p></body></html>',
    "old.docx": bytes.fromhex("D0CF11E0A1B11AE1") + bytes(4000),
    "empty.txt": b"",
}


def test_each_hostile_file_gives_one_xt001_and_the_rest_is_linted(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, data in HOSTILE.items():
        (folder / name).write_bytes(data)
    shutil.copy(SAMPLE_2019, folder / "good.txt")
    result = run(
        [
            "check",
            "batch",
            "--output-format",
            "json",
            "-o",
            "out.json",
            "--isolated",
            "--select",
            "XT,PI002",
        ],
        tmp_path,
    )
    assert result.exit_code == 1
    items = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["findings"]
    per_file: dict[str, list[str]] = {}
    for item in items:
        per_file.setdefault(item["path"].split("/")[-1], []).append(item["code"])
    assert {name: per_file.get(name) for name in HOSTILE} == {name: ["XT001"] for name in HOSTILE}
    assert per_file["good.txt"] == ["PI002"]
    messages = {i["path"].split("/")[-1]: i["message"] for i in items}
    assert "压缩炸弹" in messages["zip_bomb.docx"]
    assert "不是 Word 文档" in messages["really_html.docx"]
    assert "ENTITY" in messages["xxe.html"] and "root:" not in messages["xxe.html"]
