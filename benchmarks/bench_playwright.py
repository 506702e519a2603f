"""Memory over a long browser crawl: render the demo world's JavaScript search pages (Taobao-
and Xianyu-like, with the user's session) again and again and print the memory (PSS) of the
crawler and of the browser every few pages. Flat numbers mean pages and contexts are released.

    .venv/bin/python benchmarks/bench_playwright.py --rounds 30 --every 20

Not a timed test: run it by hand (``make bench-playwright``) after changing the browser code.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess

from monitor.crawl import project_settings
from monitor.demo import DemoWorld
from spiders.taobao import TaobaoSpider


def _pss_kb(pid: int) -> int:
    """Proportional set size: shared pages split between the processes sharing them, so the
    sum over Chromium's processes is not inflated by what they share."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def memory_mb() -> tuple[float, float, int]:
    """(crawler PSS, browser PSS summed over its processes, browser process count), in MB."""
    me = os.getpid()
    browser = _descendants(me)
    return _pss_kb(me) / 1024, sum(_pss_kb(p) for p in browser) / 1024, len(browser)


class BenchSpider(TaobaoSpider):
    """The Taobao spider, asked for the same search pages ``rounds`` times."""

    name = "bench_playwright"

    def __init__(self, *args: Any, rounds: int = 20, every: int = 20, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rounds, self.every, self.rendered = int(rounds), int(every), 0

    async def start(self) -> Any:
        for _ in range(self.rounds):
            for keyword in self.keywords:
                request = self.search_request(keyword, 0, 1)
                yield request.replace(dont_filter=True)

    async def parse_search(self, response: Any, page: int) -> Any:
        await self.close_page(response)
        self.rendered += 1
        if self.rendered % self.every == 0:
            crawler_mb, browser_mb, processes = memory_mb()
            print(
                f"{self.rendered:6d} pages  crawler {crawler_mb:7.1f} MB  "
                f"browser {browser_mb:7.1f} MB in {processes} processes",
                flush=True,
            )
        return
        yield scrapy.Request("")  # an async generator, like the parent's


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="times every search is rendered")
    parser.add_argument("--every", type=int, default=20, help="print memory every N pages")
    parser.add_argument("--keywords", default="简历,简历库,应届生简历,求职者数据")
    args = parser.parse_args()
    with DemoWorld() as world:
        settings = project_settings(
            {
                **world.crawl_settings(),
                "ITEM_PIPELINES": {},
                "LOG_LEVEL": "ERROR",
                "MONITOR_PROGRESS": False,
                "TAOBAO_ITEM_PLAYWRIGHT": False,
            }
        )
        process = CrawlerProcess(settings)
        print(
            f"rendering {args.rounds} x {len(args.keywords.split(','))} search pages",
            file=sys.stderr,
        )
        process.crawl(BenchSpider, rounds=args.rounds, every=args.every, keywords=args.keywords)
        process.start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
