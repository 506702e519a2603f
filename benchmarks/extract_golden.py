"""Byte-identical check of ``monitor extract`` output across engine refactors.

Builds a fixed, varied input set (dev.jsonl, extra_cases.jsonl, the demo listings and
~9,000 generated variants: traditional script, full-width, case changes, exotic case-folding
letters, zero-width characters, spliced and truncated listings, noise fragments, random
Unicode, adversarial runs), runs it through the CLI code path and either saves the output
or compares it line by line with a saved run::

    .venv/bin/python benchmarks/extract_golden.py save /tmp/golden.jsonl
    .venv/bin/python benchmarks/extract_golden.py check /tmp/golden.jsonl

The generator is seeded, so the inputs are the same on every run.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
from pathlib import Path

import opencc
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.extract.cli import process  # noqa: E402 - after the path set-up above

_S2T = opencc.OpenCC("s2t")

FRAGMENTS = [
    "0.3元/条",
    "5w起",
    "两毛五一条",
    "$25 per 1k",
    "₹1,80,000",
    "1 lakh CVs",
    "整包 5000 元",
    "QQ：2233445566",
    "加V: abc_123",
    "TG @seller_x1",
    "t.me/some_channel",
    "电话/微信同号 13912345678",
    "mail me: a.b[at]example(dot)com",
    "库存80w+",
    "不含任何数据",
    "只是源码",
    "no data included",
    "not for sale",
    "research notes",
    "we observed 14 posts advertising resume databases",
    "monitoring report",
    "出售",
    "求购",
    "简历",
    "resumes",
    "job seekers",
    "智联",
    "51job",
    "zl",
    "58",
    "Indeed",
    "Naukri",
    "记者",
    "模板",
    "price on request",
    "DM me",
    "100 USDT",
    "八折",
    "一万二",
    "三百多万",
    "1,00,000 records",
    "each",
    "per record",
    "\u200b",
    "刘** 139****0271 深圳",
    "name | phone | email | city",
]
EXOTIC = ["ı", "İ", "ſ", "K", "ß", "Σ", "ﬁ", "Å", "ǅ", "ﬀ", "Ω", "ẞ", "ϑ", "µ"]
ADVERSARIAL = [
    "9" * 64 + ",",
    "1,2,3,4,5,6,7,8,9,0,",
    "万万万千千百十",
    "(([[{{【（",
    "简历简历",
    " " * 20 + "." * 20,
    "0.3元/条 5w起 ",
    "QQ 1 2 3 4 5 6 ",
    "a[at]b(dot)c",
    "@@aa__@",
    "$$¥¥€€ 1 k w ",
    "1-1-1-1-",
    "两毛五一块五",
    "t.me/xxxxxxxx ",
    "a.b.",
    "1,00",
]


def _fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def _base() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for name in ("dev.jsonl", "extra_cases.jsonl"):
        with (ROOT / "tests" / "data" / name).open(encoding="utf-8") as f:
            rows += [(o["title"], o["text"]) for o in map(json.loads, f) if o]
    demo = yaml.safe_load((ROOT / "monitor" / "demo" / "listings.yaml").read_text("utf-8"))
    rows += [(str(d.get("title", "")), str(d.get("text", ""))) for d in demo]
    return rows


def _variant(rng: random.Random, base: list[tuple[str, str]]) -> tuple[str, str]:
    title, text = rng.choice(base)
    kind = rng.randrange(14)
    if kind == 0:
        return _S2T.convert(title), _S2T.convert(text)
    if kind == 1:
        return title, _fullwidth(text)
    if kind == 2:
        return title.upper(), text.upper()
    if kind == 3:
        chars = list(text)
        for _ in range(rng.randrange(1, 6)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(EXOTIC))
        return title, "".join(chars)
    if kind == 4:
        chars = list(text)
        for _ in range(rng.randrange(1, 8)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(["\u200b", "\u00ad", " ", "*"]))
        return title, "".join(chars)
    if kind == 5:
        _t2, x2 = rng.choice(base)
        return title, text + "\n" + x2
    if kind == 6:
        return title, text[: rng.randrange(len(text) + 1)]
    if kind == 7:
        lines = text.split("\n")
        rng.shuffle(lines)
        return title, "\n".join(lines)
    if kind == 8:
        parts = [text]
        for _ in range(rng.randrange(1, 6)):
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(FRAGMENTS))
        return title, rng.choice([" ", "\n", "，", ""]).join(parts)
    if kind == 9:
        return title, "".join(
            str(rng.randrange(10)) if c.isdigit() and rng.random() < 0.5 else c for c in text
        )
    if kind == 10:
        n = rng.randrange(0, 300)
        return "", "".join(
            chr(rng.choice([rng.randrange(32, 0x3000), rng.randrange(0x4E00, 0x9FA5)]))
            for _ in range(n)
        )
    if kind == 11:
        head = rng.choice(FRAGMENTS)
        return head, " ".join(rng.choice(FRAGMENTS) for _ in range(rng.randrange(1, 12)))
    if kind == 12:
        piece = rng.choice(ADVERSARIAL)
        return "出售简历", piece * rng.randrange(1, 300) + " 0.3元/条"
    return title.swapcase(), text.swapcase()


def inputs(n_generated: int = 9000) -> list[str]:
    base = _base()
    rng = random.Random(20261129)
    rows = base + [_variant(rng, base) for _ in range(n_generated)]
    return [
        json.dumps({"id": i, "title": t, "text": x}, ensure_ascii=False)
        for i, (t, x) in enumerate(rows)
    ]


def run() -> list[str]:
    out, err = io.StringIO(), io.StringIO()
    process(inputs(), out, err)
    return out.getvalue().splitlines()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["save", "check"])
    parser.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    lines = run()
    if args.mode == "save":
        args.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"saved {len(lines)} lines to {args.path}")
        return 0
    saved = args.path.read_text(encoding="utf-8").splitlines()
    diffs = [i for i, (a, b) in enumerate(zip(saved, lines, strict=False)) if a != b]
    if len(saved) != len(lines):
        print(f"line count differs: saved {len(saved)}, now {len(lines)}")
    for i in diffs[:10]:
        print(f"- {saved[i][:600]}\n+ {lines[i][:600]}")
    print(f"{len(lines)} lines, {len(diffs)} differ")
    return 1 if diffs or len(saved) != len(lines) else 0


if __name__ == "__main__":
    sys.exit(main())
