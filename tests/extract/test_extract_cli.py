"""``monitor extract``: JSON Lines in and out, bad lines reported by number."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.extract import cli

DATA = Path(__file__).resolve().parent.parent / "data"


def run(tmp_path: Path, lines: list[str]) -> tuple[int, list[dict[str, object]], str]:
    src = tmp_path / "in.jsonl"
    dst = tmp_path / "out.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parser = argparse.ArgumentParser()
    cli.add_parser(parser.add_subparsers())
    args = parser.parse_args(["extract", "--input", str(src), "--output", str(dst)])
    err = io.StringIO()
    old, sys.stderr = sys.stderr, err
    try:
        status = args.func(args)
    finally:
        sys.stderr = old
    rows = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    return status, rows, err.getvalue()


def test_good_lines(tmp_path: Path) -> None:
    line = json.dumps(
        {"id": "a1", "title": "出售简历", "text": "智联简历0.2元/条，库存10万条，QQ 12345678"}
    )
    status, rows, err = run(tmp_path, [line])
    assert status == 0 and err == ""
    assert rows[0]["id"] == "a1" and rows[0]["is_offer"] is True
    for key in (
        "unit_price",
        "volume_records",
        "sources",
        "contacts",
        "categories",
        "severity",
        "signals",
    ):
        assert key in rows[0]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "invalid JSON"),
        (json.dumps({"id": "x", "title": "t"}), "missing key(s): text"),
        (json.dumps({"id": "x", "title": 3, "text": ""}), "'title' must be a string"),
        (json.dumps(["a", "b"]), "expected a JSON object"),
    ],
)
def test_bad_line_is_reported_and_others_processed(tmp_path: Path, bad: str, message: str) -> None:
    good = json.dumps({"id": "g", "title": "", "text": "hello"})
    status, rows, err = run(tmp_path, [good, bad, good])
    assert status == 1
    assert [r["id"] for r in rows] == ["g", "g"]
    assert ":2: " in err and message in err


def test_stdin_to_stdout_scores_with_the_corpus_tool(tmp_path: Path) -> None:
    """End to end through the console entry module, scored by tests/data/score_corpus.py."""
    code = (
        "import sys, argparse\n"
        "from monitor.extract import cli\n"
        "p = argparse.ArgumentParser(); cli.add_parser(p.add_subparsers())\n"
        "a = p.parse_args(['extract', '--input', '-', '--output', '-'])\n"
        "sys.exit(a.func(a))\n"
    )
    corpus = (DATA / "dev.jsonl").read_text(encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", code], input=corpus, capture_output=True, text=True, check=True
    )
    pred = tmp_path / "pred.jsonl"
    pred.write_text(done.stdout, encoding="utf-8")
    scorer = [sys.executable, str(DATA / "score_corpus.py"), str(DATA / "dev.jsonl"), str(pred)]
    score = subprocess.run([*scorer, "--json"], capture_output=True, text=True, check=True)
    assert json.loads(score.stdout)["f1"] >= 0.95
