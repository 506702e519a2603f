"""The takedown cycle on the Elasticsearch store: export records a request and marks the
listings, verify results close it, a removed listing seen again becomes ``reappeared``."""

from __future__ import annotations

import io

from monitor.documents import listing_to_document
from monitor.evidence import EvidenceConfig, EvidenceFiles, sha256_hex
from monitor.extract import analyze
from monitor.items import Listing
from monitor.takedown.export import ExportOptions, export
from monitor.takedown.reporter import load_reporter
from monitor.takedown.verify import apply_results, targets

REPORTER = """organisation: 求职者数据保护联盟
name: 李明
email: takedown@example.org
address: 北京市海淀区示例路1号
jurisdiction: CN
"""
OFFERS = [
    ("101", "出售58同城简历 0.3元/条 库存28万条", "样例：王小明,13800001234\n加微信 qzdata_hz88"),
    ("102", "应届生简历库 10w+ 打包出售 500元", "样本：李娜 13700002222\nQQ 2850001137"),
]


def _doc(native_id: str, title: str, text: str, files: list[dict], when: str) -> dict:
    item = Listing(
        platform="taobao",
        url=f"https://item.taobao.example/item.htm?id={native_id}",
        title=title,
        text=text,
        native_id=native_id,
        seller="鑫源信息小铺",
        seller_id="1036093846",
        price_text="0.30",
        fetched_at=when,
    )
    item.analysis = analyze(title, text).to_dict()
    item.evidence = {"page_sha256": "0" * 64, "captured_at": when, "files": files}
    return listing_to_document(item)


def test_takedown_cycle_on_elasticsearch(es_store, tmp_path) -> None:
    config = EvidenceConfig(store=str(tmp_path / "ev"), raw_store=str(tmp_path / "raw"))
    files = EvidenceFiles(config)
    when = "2026-11-20T08:00:00+00:00"
    for native_id, title, text in OFFERS:
        data = f"<p>{title}</p>".encode()
        name = f"taobao/taobao_{native_id}/20261120T080000Z/page.html"
        files._store(False).persist_file(name, io.BytesIO(data), None)
        meta = {
            "name": name,
            "kind": "html",
            "sha256": sha256_hex(data),
            "bytes": len(data),
            "captured_at": when,
            "url": "https://item.taobao.example/",
            "restricted": False,
        }
        assert es_store.upsert([_doc(native_id, title, text, [meta], when)]).errors == []
    es_store.refresh()
    (tmp_path / "reporter.yaml").write_text(REPORTER, "utf-8")
    reporter = load_reporter(tmp_path / "reporter.yaml")
    opts = ExportOptions(platform="taobao", out=tmp_path / "out")

    first = export(es_store, files, reporter, opts, now="2026-11-21T09:00:00+00:00")
    assert first.created and first.request["listing_count"] == 2
    again = export(es_store, files, reporter, opts, now="2026-11-22T09:00:00+00:00")
    assert not again.created and again.request["id"] == first.request["id"]
    assert [r["id"] for r in es_store.takedown_requests(open_only=True)] == [first.request["id"]]
    assert {t.listing_id for t in targets(es_store, "taobao")} == {"taobao:101", "taobao:102"}
    assert es_store.get("taobao:101")["takedown"]["status"] == "requested"

    results = [
        {
            "listing_id": f"taobao:{n}",
            "status": "removed",
            "http_status": 404,
            "reason": "http_404",
            "final_url": "https://item.taobao.example/",
            "sha256": "1" * 64,
        }
        for n in ("101", "102")
    ]
    summary = apply_results(es_store, results, now="2026-11-23T09:00:00+00:00")
    assert summary.closed_requests == [first.request["id"]]
    assert list(es_store.takedown_requests(open_only=True)) == []
    doc = es_store.get("taobao:101")
    assert doc["takedown"]["status"] == "removed"
    assert doc["takedown"]["hours_to_takedown"] == 48.0

    # Seen again by a later crawl: merge_documents marks it, in Elasticsearch as in SQLite.
    native_id, title, text = OFFERS[0]
    es_store.upsert([_doc(native_id, title, text, [], "2026-11-25T08:00:00+00:00")])
    doc = es_store.get("taobao:101")
    assert doc["takedown"]["status"] == "reappeared"
    assert doc["seen_count"] == 2
    es_store.refresh()
    hits = list(es_store.search("takedown.status:reappeared"))
    assert [d["id"] for d in hits] == ["taobao:101"]
