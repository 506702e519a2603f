"""The mypyc-compiled engine (``make`` builds it, see monitor/extract/_native.py) gives the
same analyses as the Python sources, and a stale build is never imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import monitor.extract
from monitor.extract import analyze
from monitor.extract._native import NATIVE_MODULES, native_dir, sources_digest

DATA = Path(__file__).resolve().parent.parent / "data"
# Every labelled set, and inputs that stress the types the compiled code checks.
SETS = sorted(DATA.glob("*.jsonl"))
ODD = [
    ("", ""),
    ("\ud800", "简历 ¥0.3/条 \udfff"),
    ("x" * 5000, "1" * 20000),
    ("万" * 3000, "0.3元/条" * 500),
    ("出简历", "三十一千 一个W 一百五 twenty bucks per thousand ₹2,999/month – 5,000 CVs"),
]
_PURE = """
import json, sys
from monitor.extract import NATIVE, analyze
assert not NATIVE
for line in sys.stdin:
    title, text = json.loads(line)
    print(json.dumps(analyze(title, text).to_dict(), ensure_ascii=False, sort_keys=True))
"""


def _inputs() -> list[tuple[str, str]]:
    rows = [(t, x) for t, x in ODD]
    for path in SETS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.append((row["title"], row["text"]))
    return rows


@pytest.mark.skipif(not monitor.extract.NATIVE, reason="the compiled engine is not built")
def test_compiled_engine_matches_the_python_sources() -> None:
    rows = _inputs()
    assert len(rows) > 3000
    compiled = [
        json.dumps(analyze(title, text).to_dict(), ensure_ascii=False, sort_keys=True)
        for title, text in rows
    ]
    env = {**os.environ, "MONITOR_EXTRACT_PURE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _PURE],
        input="\n".join(json.dumps(row) for row in rows) + "\n",
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    pure = done.stdout.splitlines()
    assert len(pure) == len(compiled)
    mismatches = [i for i, (a, b) in enumerate(zip(compiled, pure, strict=True)) if a != b]
    assert not mismatches, (rows[mismatches[0]], compiled[mismatches[0]], pure[mismatches[0]])


@pytest.mark.skipif(not monitor.extract.NATIVE, reason="the compiled engine is not built")
def test_compiled_modules_are_the_ones_imported() -> None:
    for name in NATIVE_MODULES:
        module = sys.modules[f"monitor.extract.{name}"]
        assert not (module.__file__ or "").endswith(".py"), name


def test_a_stale_or_missing_build_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MONITOR_EXTRACT_PURE", raising=False)
    digest = tmp_path / "SOURCES.sha256"
    assert native_dir(digest) is None  # never built
    digest.write_text("0" * 64 + "\n", encoding="ascii")
    assert native_dir(digest) is None  # built from other sources
    digest.write_text(sources_digest() + "\n", encoding="ascii")
    assert native_dir(digest) == tmp_path / "monitor" / "extract"


def test_pure_python_can_be_forced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    digest = tmp_path / "SOURCES.sha256"
    digest.write_text(sources_digest() + "\n", encoding="ascii")
    monkeypatch.setenv("MONITOR_EXTRACT_PURE", "1")
    assert native_dir(digest) is None


def test_the_digest_covers_every_compiled_source(tmp_path: Path) -> None:
    package = tmp_path / "extract"
    package.mkdir()
    source = Path(monitor.extract.__file__).resolve().parent
    for name in NATIVE_MODULES:
        (package / f"{name}.py").write_bytes((source / f"{name}.py").read_bytes())
    before = sources_digest(package)
    assert before == sources_digest()
    (package / "prices.py").write_text("# edited\n", encoding="utf-8")
    assert sources_digest(package) != before
