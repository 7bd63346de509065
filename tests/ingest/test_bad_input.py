"""Bad input: a clear error naming the file, the rest of the batch goes on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app
from dateline.errors import InputError
from dateline.ingest import read_bytes, read_path
from helpers import ARTICLES


def _one(data: bytes, name: str = "f.txt") -> InputError:
    items = list(read_bytes(data, name))
    assert len(items) == 1 and isinstance(items[0], InputError), items
    return items[0]


def test_empty_file() -> None:
    e = _one(b"   \n\n")
    assert e.source == "f.txt" and "empty" in e.problem


def test_binary_file() -> None:
    e = _one(bytes(range(256)) * 10, "image.bin")
    assert "binary" in e.problem


def test_invalid_utf8_is_replaced_and_noted() -> None:
    items = list(read_bytes("Caf\u00e9 owner said the town was quiet.".encode() + b"\xff\xfe bad", "latin.txt"))
    article = items[0]
    assert not isinstance(article, InputError)
    assert "\ufffd" in article.text
    assert any("invalid UTF-8" in n for n in article.notes)


def test_ten_megabyte_file_is_refused_with_advice(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    big.write_bytes(b"The army said the town was quiet. " * 300_000)
    (err,) = list(read_path(big))
    assert isinstance(err, InputError)
    assert str(big) in str(err) and "MB" in err.problem and "split" in err.problem


def test_missing_file() -> None:
    (err,) = list(read_path("/nonexistent/article.txt"))
    assert isinstance(err, InputError) and "no such file" in err.problem


def test_directory_with_one_bad_file_analyses_the_good_ones(tmp_path: Path) -> None:
    shutil.copy(ARTICLES / "delhi.md", tmp_path / "a_delhi.md")
    shutil.copy(ARTICLES / "nairobi.txt", tmp_path / "b_nairobi.txt")
    (tmp_path / "c_broken.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    result = CliRunner().invoke(app, ["analyze", str(tmp_path)])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [obj["article"]["title"] for obj in lines] == [
        "India and Pakistan agree to restore ceasefire along Kashmir border",
        "Kenyan troops repel attack near Somali border",
    ]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and "c_broken.txt" in errors[0] and "binary" in errors[0]
