"""Indexing throughput: the Elasticsearch pipeline against a plain ``helpers.bulk``.

Makes ``--n`` listings (100,000 by default) from the demo world's texts, indexes them through
``pipelines.elasticsearch.ElasticsearchPipeline`` (mget + merge + bulk with optimistic
concurrency, in threads, on Scrapy's asyncio reactor) into one fresh alias, and the same
documents with a plain ``helpers.bulk`` (index op, no read, no merge) into another, then
prints both rates and their ratio. Target: the pipeline at >= 0.8 of plain bulk.

    make bench-es     (starts the dev node when ELASTICSEARCH_URL is unset)
    .venv/bin/python benchmarks/bench_es.py [--n 100000] [--bulk-size 500]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrapy.utils.reactor import install_reactor  # noqa: E402

install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")

from elasticsearch import helpers  # noqa: E402
from scrapy.utils.defer import deferred_from_coro  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402
from twisted.internet import task  # noqa: E402

from monitor.demo.world import load_listings  # noqa: E402
from monitor.documents import listing_to_document  # noqa: E402
from monitor.extract import analyze  # noqa: E402
from monitor.items import Listing  # noqa: E402
from monitor.store.elasticsearch import ElasticsearchStore  # noqa: E402
from monitor.store.es_admin import setup  # noqa: E402
from pipelines.elasticsearch import ElasticsearchPipeline  # noqa: E402


def make_listings(n: int) -> list[Listing]:
    base = load_listings()
    analyses = [analyze(item.title, item.text).to_dict() for item in base]
    out = []
    for i in range(n):
        item, analysis = base[i % len(base)], analyses[i % len(base)]
        listing = Listing(
            platform="paste",
            url=f"http://bench.invalid/{i}",
            title=item.title,
            text=item.text,
            native_id=f"bench-{i}",
            price_text=item.price,
            seller=item.seller,
            posted_at=item.posted or None,
            fetched_at="2026-11-01T00:00:00+00:00",
        )
        listing.analysis = analysis
        out.append(listing)
    return out


def settings(url: str, alias: str, bulk_size: int, tmp: Path) -> dict[str, Any]:
    return {
        "ELASTICSEARCH_URL": url,
        "ELASTICSEARCH_INDEX": alias,
        "ELASTICSEARCH_BULK_SIZE": bulk_size,
        "ELASTICSEARCH_FLUSH_SECONDS": 5,
        "ELASTICSEARCH_SPOOL_PATH": str(tmp / f"{alias}.spool.jsonl"),
    }


class PrebuiltPipeline(ElasticsearchPipeline):
    """The same pipeline fed documents already built: the store path alone."""

    to_document = staticmethod(lambda doc: doc)


async def run_pipeline(
    cfg: dict[str, Any], items: list[Any], cls: type = ElasticsearchPipeline
) -> tuple[float, dict]:
    crawler = get_crawler(settings_dict=cfg)
    assert crawler.stats is not None
    crawler.stats.open_spider()
    pipe = cls.from_crawler(crawler)
    await pipe.open_spider()
    start = time.perf_counter()
    for item in items:
        await pipe.process_item(item)
    await pipe.close_spider()  # the last batch and a refresh
    return time.perf_counter() - start, crawler.stats.get_stats()


def run_plain(store: ElasticsearchStore, docs: list[dict[str, Any]], bulk_size: int) -> float:
    start = time.perf_counter()
    ok, errors = helpers.bulk(
        store.client,
        ({"_index": store.alias, "_id": d["id"], "_source": d} for d in docs),
        chunk_size=bulk_size,
    )
    store.refresh()
    assert ok == len(docs) and not errors
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--bulk-size", type=int, default=500)
    args = parser.parse_args(argv)
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        sys.exit("ELASTICSEARCH_URL is not set (make bench-es starts a node)")
    tmp = ROOT / "data"
    tmp.mkdir(exist_ok=True)
    prefix = f"bench-{uuid.uuid4().hex[:6]}"
    runs = ("plain", "pipeline", "prebuilt")
    warm = "warmup"
    cfgs = {name: settings(url, f"{prefix}-{name}", args.bulk_size, tmp) for name in (*runs, warm)}
    stores = {
        name: ElasticsearchStore.from_settings(cfgs[name], check=False) for name in (*runs, warm)
    }
    for store in stores.values():
        setup(store)
    listings = make_listings(args.n)
    start = time.perf_counter()
    docs = [listing_to_document(item) for item in listings]  # the same documents, prebuilt
    build_s = time.perf_counter() - start
    result: dict[str, Any] = {}
    try:
        # A cold node (JIT, first index, first merges) would slow whichever run goes first:
        # warm it with a plain bulk of the same documents into an index of its own.
        run_plain(stores[warm], docs[: min(len(docs), 20_000)], args.bulk_size)
        result["plain"] = run_plain(stores["plain"], docs, args.bulk_size), {}

        async def bench() -> None:
            result["pipeline"] = await run_pipeline(cfgs["pipeline"], listings)
            result["prebuilt"] = await run_pipeline(cfgs["prebuilt"], docs, PrebuiltPipeline)

        task.react(lambda _reactor: deferred_from_coro(bench()), [])
    except SystemExit as exc:  # task.react ends with sys.exit(0)
        if exc.code not in (0, None):
            raise
    finally:
        counts = {name: s.count() for name, s in stores.items() if name != warm}
        for s in stores.values():
            s.client.indices.delete(index=f"{s.alias}*", ignore_unavailable=True)
            s.client.indices.delete_index_template(name=s.alias)
            s.close()
    rate = {name: args.n / result[name][0] for name in runs}
    print(f"documents: {args.n:,} (demo-world texts), bulk size {args.bulk_size}, {url}")
    print(
        f"plain bulk:           {rate['plain']:8,.0f} docs/s  ({result['plain'][0]:.1f} s, "
        f"documents prebuilt; {counts['plain']:,} stored)"
    )
    for name, label in (("pipeline", "pipeline (items in):"), ("prebuilt", "pipeline, docs in:  ")):
        elapsed, stats = result[name]
        print(
            f"{label} {rate[name]:8,.0f} docs/s  ({elapsed:.1f} s; indexed "
            f"{stats.get('elasticsearch/indexed', 0):,}, errors {stats.get('store/errors', 0)}, "
            f"spooled {stats.get('elasticsearch/spooled', 0)}; {counts[name]:,} stored)"
        )
    print(f"building the documents alone (listing_to_document): {build_s:.1f} s")
    print(
        f"ratio:      pipeline / plain bulk = {rate['pipeline'] / rate['plain']:.2f} "
        f"(target >= 0.8); store path alone = {rate['prebuilt'] / rate['plain']:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
