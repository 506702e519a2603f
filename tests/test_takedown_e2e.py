"""End to end on the demo world, as a user runs it: crawl (subprocess), export a notice per
platform, check every file, take listings down in the world, verify, read the statuses."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import jsonschema
import lxml.html
import pytest

from monitor.demo.world import DemoListing
from monitor.redact import find_personal
from monitor.store.sqlite import SQLiteStore
from monitor.takedown.export import schema

pytestmark = [pytest.mark.slow, pytest.mark.browser]

MONITOR = str(Path(sys.executable).parent / "monitor")
DEMO_PLATFORM = {
    "taobao": "ecommerce",
    "xianyu": "secondhand",
    "tieba": "tieba",
    "discuz": "discuz",
    "telegram": "telegram",
    "paste": "paste",
}
REASON = {
    "taobao": "gone_page:宝贝不存在",
    "xianyu": "http_404",
    "tieba": "http_404",
    "discuz": "gone_page:指定的主题不存在或已被删除",
    "telegram": "http_404",
    "paste": "http_404",
}
# Sample-row values in the demo listings: masked phones and names ("刘** 139****0271").
_MASKED = re.compile(r"1[3-9]\d\*{4}\d{4}|[\u4e00-\u9fff]\*{1,2}(?=[ ，,])")
REPORTER = (
    "organisation: 求职者数据保护联盟\nname: 李明\nemail: takedown@example.org\n"
    "address: 北京市海淀区示例路1号\njurisdiction: CN\n"
)


def _run(args: list[str], env: dict[str, str], tmp: Path) -> subprocess.CompletedProcess[str]:
    store = [
        "-s",
        f"MONITOR_EVIDENCE_STORE={tmp / 'ev'}",
        "-s",
        f"MONITOR_EVIDENCE_RAW_STORE={tmp / 'raw'}",
    ]
    return subprocess.run(
        [MONITOR, *args, *store], env=env, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.fixture(scope="module")
def crawled(demo_world, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("takedown")
    env = dict(os.environ)
    env.pop("ELASTICSEARCH_URL", None)
    env["MONITOR_SQLITE_PATH"] = str(tmp / "store.sqlite3")
    (tmp / "reporter.yaml").write_text(REPORTER, "utf-8")
    env["MONITOR_REPORTER_CONFIG"] = str(tmp / "reporter.yaml")
    crawl = _run(
        [
            "crawl",
            "--demo-url",
            demo_world.url,
            "--no-progress",
            "-s",
            f"MONITOR_SQLITE_PATH={tmp / 'store.sqlite3'}",
        ],
        env,
        tmp,
    )
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    return {"tmp": tmp, "env": env, "db": tmp / "store.sqlite3", "world": demo_world}


def _docs(db: Path, platform: str) -> list[dict]:
    with SQLiteStore(db) as store:
        return sorted(
            (d for d in store.listings() if d["platform"] == platform and d["is_offer"]),
            key=lambda d: d["id"],
        )


def _demo_item(world, doc: dict) -> DemoListing:
    url = doc["url"].split("#")[0]
    for item in world.site.listings:
        if item.platform == DEMO_PLATFORM[doc["platform"]] and re.search(
            rf"(?<![0-9A-Za-z]){re.escape(item.public_id)}(?![0-9A-Za-z])", url
        ):
            return item
    raise AssertionError(f"no demo listing behind {doc['url']}")


def test_every_offer_has_evidence_and_no_sample_row_values(crawled) -> None:
    checked = 0
    for platform in DEMO_PLATFORM:
        docs = _docs(crawled["db"], platform)
        assert docs, platform
        for doc in docs:
            kinds = {f["kind"]: f for f in doc["evidence"]["files"]}
            assert set(kinds) == {"warc", "html", "screenshot"}, (doc["id"], kinds)
            html = (crawled["tmp"] / "ev" / kinds["html"]["name"]).read_text("utf-8")
            # Nothing the redactor knows as personal data is left, in the snapshot or the text.
            visible = "\n".join(lxml.html.document_fromstring(html).itertext())
            assert find_personal(visible, doc["contacts"]) == [], doc["id"]
            assert find_personal(doc["text"], doc["contacts"]) == [], doc["id"]
            for row in _demo_item(crawled["world"], doc).text.splitlines():
                for masked in _MASKED.findall(row):
                    assert masked not in html, (doc["id"], masked)
                    assert masked not in doc["text"], (doc["id"], masked)
                    checked += 1
    assert checked >= 10  # the demo's sample rows were there to be redacted


@pytest.mark.parametrize("platform", list(DEMO_PLATFORM))
def test_export_verify_and_time_to_takedown(crawled, platform: str) -> None:
    tmp, env = crawled["tmp"], crawled["env"]
    out = tmp / "packages"
    result = _run(["takedown", "export", "--platform", platform, "--out", str(out)], env, tmp)
    assert result.returncode == 0, result.stderr
    request_id = re.search(r"^(TD-\S+):", result.stdout, re.M).group(1)
    pkg = out / request_id
    docs = _docs(crawled["db"], platform)

    notice = json.loads((pkg / "notice.json").read_text("utf-8"))
    jsonschema.validate(notice, schema())
    rows = list(csv.DictReader(io.StringIO((pkg / "notice.csv").read_text("utf-8-sig"))))
    assert sorted(r["listing_id"] for r in rows) == [d["id"] for d in docs]
    assert notice["language"] == ("en" if platform in ("telegram", "paste") else "zh")
    check = subprocess.run(
        ["sha256sum", "--strict", "-c", "manifest-sha256.txt"],
        cwd=pkg,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout
    assert len(list(pkg.glob("evidence/**/screenshot.png"))) == len(docs)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "30",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(pkg / "letter.pdf"),
            str(tmp / f"letter-{platform}"),
        ],
        check=True,
    )
    assert next(tmp.glob(f"letter-{platform}*.png")).stat().st_size > 1000

    # Take the first listing down in the demo world, verify, read the statuses back.
    gone = _demo_item(crawled["world"], docs[0])
    request = urllib.request.Request(
        f"{crawled['world'].url}/_demo/remove?key={gone.key}", method="POST"
    )
    assert urllib.request.urlopen(request).status == 200
    result = _run(
        [
            "takedown",
            "verify",
            "--platform",
            platform,
            "-s",
            "DOWNLOAD_DELAY=0",
            "-s",
            "AUTOTHROTTLE_ENABLED=False",
        ],
        env,
        tmp,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    with SQLiteStore(crawled["db"]) as store:
        statuses = {d["id"]: store.get(d["id"])["takedown"] for d in docs}
        req = store.get_takedown_request(request_id)
    for listing_id, t in statuses.items():
        removed = (
            _demo_item(
                crawled["world"],
                {
                    "platform": platform,
                    "url": next(d["url"] for d in docs if d["id"] == listing_id),
                },
            )
            == gone
        )
        assert t["status"] == ("removed" if removed else "still_up"), (
            listing_id,
            t["reason"],
            result.stderr[-2000:],
        )
        assert t["requested_at"] and t["verified_at"] and t["checks"] == 1
        assert re.fullmatch(r"[0-9a-f]{64}", t["check_sha256"])
        if removed:
            assert t["reason"] == REASON[platform]
            assert t["removed_at"] == t["verified_at"] and t["hours_to_takedown"] >= 0
        else:
            assert t["removed_at"] is None and t["last_seen_up_at"] == t["verified_at"]
    assert req["status"] == ("closed" if len(docs) == 1 else "open")
    assert req["removed_count"] == sum(t["status"] == "removed" for t in statuses.values())


def test_12377_report_for_listings_still_up_after_the_notice(crawled) -> None:
    tmp, env = crawled["tmp"], crawled["env"]
    with SQLiteStore(crawled["db"]) as store:
        still_up = sorted(
            d["id"]
            for d in store.listings()
            if d["platform"] == "tieba" and (d.get("takedown") or {}).get("status") == "still_up"
        )
    assert still_up  # left by the verification above
    result = _run(
        [
            "takedown",
            "report-12377",
            "--platform",
            "tieba",
            "--notice-age",
            "0s",
            "--out",
            str(tmp / "reports"),
        ],
        env,
        tmp,
    )
    assert result.returncode == 0, result.stderr
    pkg = next((tmp / "reports").glob("R12377-tieba-*"))
    report = json.loads((pkg / "notice.json").read_text("utf-8"))
    jsonschema.validate(report, schema())
    assert sorted(w["listing_id"] for w in report["works"]) == still_up
    assert {w["verification"]["status"] for w in report["works"]} == {"still_up"}
    assert report["prior_notices"] and report["prior_notices"][0]["id"].startswith("TD-tieba-")
    assert "12377" in (pkg / "letter.html").read_text("utf-8")
