"""Throughput of the extraction engine on one core.

Replicates the labeled dev corpus to ``--n`` listings (50,000 by default) and times
``monitor.extract.analyze`` over them, then a plain baseline over the same texts (NFKC plus
one precompiled regex search), and prints both rates and their ratio. With the compiled
engine built (``make native``), the Python sources' rate is measured too, in a subprocess
(``MONITOR_EXTRACT_PURE=1``), side by side.

    .venv/bin/python benchmarks/bench_extract.py [--n 50000] [--corpus tests/data/dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.extract import NATIVE, analyze  # noqa: E402 - after the path set-up above

BASELINE_RE = re.compile(r"简历|求职者|resumes?|cvs?|job seekers?", re.IGNORECASE)


def load(path: Path, n: int) -> list[tuple[str, str]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                rows.append((obj["title"], obj["text"]))
    if not rows:
        sys.exit(f"{path}: no listings")
    return [rows[i % len(rows)] for i in range(n)]


def run_engine(listings: list[tuple[str, str]]) -> tuple[float, int]:
    start = time.perf_counter()
    offers = 0
    for title, text in listings:
        offers += analyze(title, text).is_offer
    return time.perf_counter() - start, offers


def run_baseline(listings: list[tuple[str, str]]) -> tuple[float, int]:
    start = time.perf_counter()
    hits = 0
    for title, text in listings:
        blob = unicodedata.normalize("NFKC", f"{title}\n{text}")
        hits += BASELINE_RE.search(blob) is not None
    return time.perf_counter() - start, hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000, help="listings to analyse")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "dev.jsonl")
    parser.add_argument("--engine-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    listings = load(args.corpus, args.n)
    analyze(*listings[0])  # import-time tables and caches are not part of the rate
    engine_s, offers = run_engine(listings)
    if args.engine_only:
        print(f"{len(listings) / engine_s:.1f}")
        return 0
    base_s, hits = run_baseline(listings)
    engine_rate = len(listings) / engine_s
    base_rate = len(listings) / base_s
    print(f"listings:  {len(listings)} (from {args.corpus.name}), one core")
    print(f"engine:    {engine_rate:10,.0f} listings/s  ({engine_s:.2f} s, {offers} offers)")
    print(f"baseline:  {base_rate:10,.0f} listings/s  ({base_s:.2f} s, {hits} keyword hits)")
    print(f"ratio:     baseline is {base_rate / engine_rate:.1f}x faster than the engine")
    print(f"build:     {'compiled (mypyc)' if NATIVE else 'Python sources'}")
    if NATIVE:
        command = [sys.executable, __file__, "--engine-only", "--n", str(args.n)]
        pure = subprocess.run(
            [*command, "--corpus", str(args.corpus)],
            env={**os.environ, "MONITOR_EXTRACT_PURE": "1"},
            capture_output=True,
            text=True,
            check=True,
        )
        pure_rate = float(pure.stdout.strip())
        print(f"python:    {pure_rate:10,.0f} listings/s  (the same engine from its sources)")
        print(f"speed-up:  compiled is {engine_rate / pure_rate:.2f}x the Python sources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
