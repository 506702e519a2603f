"""The evidence pipeline on one offer page with sample rows: files, hashes, WARC, redaction,
access control. Uses real headless Chromium for the screenshot."""

from __future__ import annotations

import gzip
import hashlib
import stat
from pathlib import Path

import pytest
import pytest_twisted
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.test import get_crawler
from warcio.archiveiterator import ArchiveIterator

from monitor.config import ConfigError
from monitor.evidence import EvidenceConfig
from monitor.extract import analyze
from monitor.items import Listing, PageSnapshot
from pipelines.evidence import EvidencePipeline

PAGE = """<html><head><title>应届生简历 5万条</title>
<script>var secret = "13800001234";</script></head><body>
<h1>应届生简历 5万条 0.2元一条</h1>
<div class="desc">样例：<br>王小明,13800001234,本科,深圳<br>张** 138****1234 大专<br>
购买加微信 qzdata_hz88</div>
<table><tr><td>李娜</td><td>13700002222</td><td>硕士</td></tr></table>
<a href="mailto:victim@example.net">mail</a><!-- 赵强 110105199003072316 -->
<p>样例截图：<img src="/img/sample-rows.png" alt="样例"></p>
</body></html>"""
SECRETS = [
    "王小明",
    "13800001234",
    "138****1234",
    "张**",
    "李娜",
    "13700002222",
    "victim@example.net",
    "110105199003072316",
    "赵强",
]


def _listing(rendered: bool = False, screenshot: bytes | None = None) -> Listing:
    body = PAGE.encode("gbk")
    text = "样例：\n王小明,13800001234,本科,深圳\n张** 138****1234 大专\n购买加微信 qzdata_hz88"
    item = Listing(
        platform="discuz",
        url="http://forum.example/thread-7-1-1.html",
        title="应届生简历 5万条 0.2元一条",
        text=text,
        native_id="7",
    )
    item.analysis = analyze(item.title, item.text).to_dict()
    assert item.analysis["is_offer"]
    item.snapshot = PageSnapshot(
        url=item.url,
        status=200,
        body=body,
        captured_at="2026-11-29T07:00:00+00:00",
        rendered=rendered,
        request_url=item.url,
        request_headers=(("User-Agent", "monitor-test"), ("Accept-Language", "zh-CN")),
        response_headers=(
            ("Content-Type", "text/html; charset=gbk"),
            ("Content-Length", "999"),
            ("Server", "demo"),
        ),
        encoding="gbk",
        protocol="HTTP/1.1",
        ip_address="127.0.0.1",
        screenshot=screenshot,
    )
    return item


async def _process(pipeline: EvidencePipeline, item: Listing) -> Listing:
    # As Scrapy runs pipelines under the asyncio reactor: as an asyncio task; then closed, as
    # at the end of a crawl (the last user of the shared browser closes it).
    try:
        result: Listing = await deferred_from_coro(pipeline.process_item(item))
    finally:
        await deferred_from_coro(pipeline.close_spider())
    return result


def _pipeline(tmp_path: Path, **settings: object) -> EvidencePipeline:
    crawler = get_crawler(
        settings_dict={
            "MONITOR_EVIDENCE_STORE": str(tmp_path / "evidence"),
            "MONITOR_EVIDENCE_RAW_STORE": str(tmp_path / "raw"),
            **settings,
        }
    )
    return EvidencePipeline.from_crawler(crawler)


@pytest_twisted.ensureDeferred
async def test_offer_gets_warc_redacted_html_and_hashes(tmp_path: Path) -> None:
    pipeline = _pipeline(tmp_path, MONITOR_EVIDENCE_SCREENSHOTS=False)
    item = await _process(pipeline, _listing())
    ev = item.evidence
    assert item.snapshot is None
    assert ev["page_sha256"] == hashlib.sha256(PAGE.encode("gbk")).hexdigest()
    files = {f["kind"]: f for f in ev["files"]}
    assert set(files) == {"warc", "html"}
    for entry in files.values():
        base = tmp_path / ("raw" if entry["restricted"] else "evidence")
        data = (base / entry["name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert len(data) == entry["bytes"]
        assert entry["captured_at"] == "2026-11-29T07:00:00+00:00"
        assert entry["url"] == item.url
    assert files["warc"]["restricted"] and not files["html"]["restricted"]
    assert files["html"]["name"] == "discuz/discuz_7/20261129T070000Z/page.html"

    html = (tmp_path / "evidence" / files["html"]["name"]).read_text("utf-8")
    for secret in SECRETS:
        assert secret not in html, secret
    assert "qzdata_hz88" in html and "本科" in html and "<script" not in html
    # A picture of sample rows is withheld, not shown.
    assert "<img" not in html and "sample-rows.png" not in html and "图片未显示" in html
    assert "[姓名已隐去]" in html and "[手机号已隐去]" in html
    assert ev["page_sha256"] in html  # the banner ties the snapshot to the original


@pytest_twisted.ensureDeferred
async def test_warc_is_the_untouched_exchange_with_both_headers(tmp_path: Path) -> None:
    pipeline = _pipeline(tmp_path, MONITOR_EVIDENCE_SCREENSHOTS=False)
    item = await _process(pipeline, _listing())
    entry = next(f for f in item.evidence["files"] if f["kind"] == "warc")
    path = tmp_path / "raw" / entry["name"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "raw").stat().st_mode) == 0o700
    assert gzip.decompress(path.read_bytes())  # a valid gzip member stream
    with path.open("rb") as fh:
        records = {r.rec_type: (r, r.content_stream().read()) for r in ArchiveIterator(fh)}
    assert set(records) == {"warcinfo", "response", "request", "metadata"}
    response, body = records["response"]
    assert body == PAGE.encode("gbk")  # raw: the victims' data is there, untouched
    assert response.http_headers.get_statuscode() == "200"
    assert response.http_headers.get_header("Server") == "demo"
    assert response.http_headers.get_header("Content-Length") == str(len(body))
    assert response.http_headers.get_header("X-Archive-Orig-Content-Length") == "999"
    assert response.rec_headers.get_header("WARC-Target-URI") == item.url
    assert response.rec_headers.get_header("WARC-Date") == "2026-11-29T07:00:00Z"
    assert response.rec_headers.get_header("WARC-IP-Address") == "127.0.0.1"
    request, _ = records["request"]
    assert request.http_headers.get_header("User-Agent") == "monitor-test"
    assert request.http_headers.protocol == "GET"
    assert request.http_headers.statusline == "/thread-7-1-1.html HTTP/1.1"
    assert request.rec_headers.get_header("WARC-Concurrent-To") == response.rec_headers.get_header(
        "WARC-Record-ID"
    )


@pytest_twisted.ensureDeferred
async def test_raw_warc_can_be_disabled(tmp_path: Path) -> None:
    pipeline = _pipeline(
        tmp_path, MONITOR_EVIDENCE_SCREENSHOTS=False, MONITOR_EVIDENCE_RAW_WARC=False
    )
    item = await _process(pipeline, _listing(screenshot=b"\x89PNG raw"))
    assert [f["kind"] for f in item.evidence["files"]] == ["html"]
    assert not (tmp_path / "raw").exists()


@pytest_twisted.ensureDeferred
async def test_non_offer_kept_for_review_gets_hashes_only(tmp_path: Path) -> None:
    pipeline = _pipeline(tmp_path)
    item = _listing()
    item.analysis = {**item.analysis, "is_offer": False}
    item = await _process(pipeline, item)
    assert item.evidence["files"] == []
    assert item.evidence["page_sha256"]
    assert not (tmp_path / "evidence").exists() or not any((tmp_path / "evidence").rglob("*.*"))


@pytest.mark.browser
@pytest_twisted.ensureDeferred
async def test_screenshot_is_rendered_from_the_redacted_snapshot(tmp_path: Path) -> None:
    pipeline = _pipeline(tmp_path)
    item = await _process(pipeline, _listing(rendered=True, screenshot=b"\x89PNG raw"))
    files = {f["kind"]: f for f in item.evidence["files"]}
    assert set(files) == {"warc", "screenshot_raw", "html", "screenshot"}
    png = (tmp_path / "evidence" / files["screenshot"]["name"]).read_bytes()
    assert png.startswith(b"\x89PNG") and files["screenshot"]["truncated"] is False
    assert files["screenshot_raw"]["restricted"]
    assert (tmp_path / "raw" / files["screenshot_raw"]["name"]).read_bytes() == b"\x89PNG raw"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"MONITOR_EVIDENCE_STORE": "x", "MONITOR_EVIDENCE_RAW_STORE": "x"}, "RAW_STORE"),
        ({"MONITOR_EVIDENCE_RAW_WARC": "maybe"}, "MONITOR_EVIDENCE_RAW_WARC"),
        ({"MONITOR_EVIDENCE_RENDER_TIMEOUT": "0"}, "RENDER_TIMEOUT"),
    ],
)
def test_invalid_settings_name_the_setting(settings: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        EvidenceConfig.from_settings(settings)


def test_same_store_is_fine_when_raw_warc_is_off() -> None:
    cfg = EvidenceConfig.from_settings(
        {
            "MONITOR_EVIDENCE_STORE": "x",
            "MONITOR_EVIDENCE_RAW_STORE": "x",
            "MONITOR_EVIDENCE_RAW_WARC": "False",
        }
    )
    assert not cfg.raw_warc and cfg.render_all and cfg.screenshots


@pytest.mark.parametrize(
    ("settings", "store", "raw"),
    [
        ({}, "data/evidence", "data/evidence-raw"),
        ({"MONITOR_SQLITE_PATH": "/tmp/x/s.sqlite3"}, "/tmp/x/evidence", "/tmp/x/evidence-raw"),
        (
            {"MONITOR_SQLITE_PATH": "/tmp/x/s.sqlite3", "ELASTICSEARCH_URL": "http://es:9200"},
            "data/evidence",
            "data/evidence-raw",
        ),
        (
            {"MONITOR_EVIDENCE_STORE": "s3://b/ev/", "MONITOR_EVIDENCE_RAW_STORE": "/secure/raw"},
            "s3://b/ev/",
            "/secure/raw",
        ),
    ],
)
def test_evidence_lives_beside_the_store_by_default(settings: dict, store: str, raw: str) -> None:
    cfg = EvidenceConfig.from_settings(settings)
    assert (cfg.store, cfg.raw_store) == (store, raw)


@pytest_twisted.ensureDeferred
async def test_plain_pages_get_no_screenshot_when_render_is_off(tmp_path: Path) -> None:
    pipeline = _pipeline(tmp_path, MONITOR_EVIDENCE_RENDER=False)
    item = await _process(pipeline, _listing(rendered=False))
    assert {f["kind"] for f in item.evidence["files"]} == {"warc", "html"}
    assert not pipeline.stats.get_value("evidence/files/screenshot")
