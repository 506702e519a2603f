"""Takedown export on a small store: every file of the package, idempotence, clear errors that
leave nothing half-done, 12377 selection."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from monitor.cli import main
from monitor.config import ConfigError
from monitor.documents import listing_to_document
from monitor.evidence import EvidenceConfig, EvidenceFiles, sha256_hex
from monitor.extract import analyze
from monitor.items import Listing
from monitor.store.sqlite import SQLiteStore
from monitor.takedown.export import ExportOptions, TakedownError, export, schema
from monitor.takedown.reporter import load_reporter

REPORTER = """organisation: 求职者数据保护联盟
name: 李明
email: takedown@example.org
address: 北京市海淀区示例路1号
jurisdiction: CN
"""

OFFERS = [
    (
        "101",
        "出售58同城简历 0.3元/条 库存28万条",
        "样例：王小明,13800001234,本科\n加微信 qzdata_hz88",
    ),
    ("102", "应届生简历库 10w+ 打包出售 500元", "样本：李娜 13700002222 硕士\nQQ 2850001137"),
]


def _doc(native_id: str, title: str, text: str, files: list[dict]) -> dict:
    item = Listing(
        platform="taobao",
        url=f"https://item.taobao.example/item.htm?id={native_id}",
        title=title,
        text=text,
        native_id=native_id,
        seller="鑫源信息小铺",
        seller_id="1036093846",
        price_text="0.30",
        fetched_at="2026-11-20T08:00:00+00:00",
    )
    item.analysis = analyze(title, text).to_dict()
    item.evidence = {"page_sha256": "0" * 64, "captured_at": item.fetched_at, "files": files}
    return listing_to_document(item)


def _put(files: EvidenceFiles, name: str, data: bytes, restricted: bool) -> dict:
    # Local stores write synchronously (what the pipeline awaits is a no-op for them).
    files._store(restricted).persist_file(name, io.BytesIO(data), None)
    return {
        "name": name,
        "kind": "warc" if restricted else "html",
        "sha256": sha256_hex(data),
        "bytes": len(data),
        "captured_at": "2026-11-20T08:00:00+00:00",
        "url": "https://item.taobao.example/",
        "restricted": restricted,
    }


@pytest.fixture
def world(tmp_path: Path):
    config = EvidenceConfig(store=str(tmp_path / "ev"), raw_store=str(tmp_path / "raw"))
    files = EvidenceFiles(config)
    store = SQLiteStore(tmp_path / "s.sqlite3")
    for native_id, title, text in OFFERS:
        folder = f"taobao/taobao_{native_id}/20261120T080000Z"
        store.upsert(
            [
                _doc(
                    native_id,
                    title,
                    text,
                    [
                        _put(files, f"{folder}/page.warc.gz", b"raw " + native_id.encode(), True),
                        _put(files, f"{folder}/page.html", f"<p>{title}</p>".encode(), False),
                    ],
                )
            ]
        )
    (tmp_path / "reporter.yaml").write_text(REPORTER, "utf-8")
    yield {
        "store": store,
        "files": files,
        "reporter": load_reporter(tmp_path / "reporter.yaml"),
        "out": tmp_path / "out",
        "tmp": tmp_path,
    }
    store.close()


def _export(world, now: str = "2026-11-21T09:00:00+00:00", **kw):
    opts = ExportOptions(platform=kw.pop("platform", "taobao"), out=world["out"], **kw)
    return export(world["store"], world["files"], world["reporter"], opts, now=now)


def test_package_has_every_file_and_they_verify(world) -> None:
    result = _export(world)
    pkg = result.path
    assert result.created and pkg.name == result.request["id"]
    assert {p.name for p in pkg.iterdir()} == {
        "notice.json",
        "notice.schema.json",
        "notice.csv",
        "letter.html",
        "letter.pdf",
        "manifest.json",
        "manifest-sha256.txt",
        "evidence",
    }
    notice = json.loads((pkg / "notice.json").read_text("utf-8"))
    jsonschema.validate(notice, schema())
    assert [w["listing_id"] for w in notice["works"]] == ["taobao:101", "taobao:102"]
    assert notice["date_sent"] == "2026-11-21T09:00:00+00:00"
    assert {r["code"] for r in notice["regulations"]} == {"PIPL-10", "ECL-42", "CC-1195"}

    rows = list(csv.DictReader(io.StringIO((pkg / "notice.csv").read_text("utf-8-sig"))))
    assert [r["infringing_url"] for r in rows] == [
        "https://item.taobao.example/item.htm?id=101",
        "https://item.taobao.example/item.htm?id=102",
    ]
    assert rows[0]["seller_id"] == "1036093846"
    assert "wechat:qzdata_hz88" in rows[0]["seller_contacts"]
    assert rows[0]["legal_basis"] == "PIPL-10;ECL-42;CC-1195"
    for secret in ("王小明", "13800001234", "李娜", "13700002222"):
        assert secret not in (pkg / "notice.csv").read_text("utf-8-sig")
        assert secret not in (pkg / "letter.html").read_text("utf-8")

    # Raw WARCs stay out of the package unless asked for; their hashes are listed.
    assert not list(pkg.rglob("*.warc.gz"))
    manifest = json.loads((pkg / "manifest.json").read_text())
    assert {w["name"].rsplit("/", 1)[1] for w in manifest["withheld"]} == {"page.warc.gz"}
    check = subprocess.run(
        ["sha256sum", "--strict", "-c", "manifest-sha256.txt"],
        cwd=pkg,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    listed = {
        line.split("  ", 1)[1] for line in (pkg / "manifest-sha256.txt").read_text().splitlines()
    }
    on_disk = {str(p.relative_to(pkg)) for p in pkg.rglob("*") if p.is_file()}
    assert listed == on_disk - {"manifest-sha256.txt"}

    letter = (pkg / "letter.html").read_text("utf-8")
    assert "关于删除" in letter and "个人信息保护法" in letter and "takedown@example.org" in letter


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_letter_pdf_renders(world, tmp_path: Path) -> None:
    pkg = _export(world).path
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "40",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(pkg / "letter.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    png = next(tmp_path.glob("page*.png"))
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 2000
    fonts = subprocess.run(
        ["pdffonts", str(pkg / "letter.pdf")], capture_output=True, text=True, check=True
    )
    assert "WenQuanYi" in fonts.stdout  # the Chinese text is set in an embedded CJK font


def test_export_again_is_idempotent(world) -> None:
    first = _export(world)
    second = _export(world, now="2026-11-25T00:00:00+00:00")
    assert second.request["id"] == first.request["id"] and not second.created
    assert second.request["created_at"] == "2026-11-21T09:00:00+00:00"
    assert len(list(world["store"].takedown_requests())) == 1
    assert sorted(p.name for p in world["out"].iterdir()) == [first.request["id"]]
    doc = world["store"].get("taobao:101")
    assert doc["takedown"]["requested_at"] == "2026-11-21T09:00:00+00:00"
    assert doc["takedown"]["status"] == "requested"
    assert doc["takedown"]["request_ids"] == [first.request["id"]]


def test_a_new_listing_makes_a_new_request_and_keeps_first_request_dates(world) -> None:
    first = _export(world)
    world["store"].upsert([_doc("103", "出售前程简历 每千条150元", "zl 前程 数据 加V abc_123", [])])
    second = _export(world, now="2026-11-22T09:00:00+00:00")
    assert second.created and second.request["id"] != first.request["id"]
    assert second.request["listing_count"] == 3
    doc = world["store"].get("taobao:101")
    assert doc["takedown"]["requested_at"] == "2026-11-21T09:00:00+00:00"
    assert set(doc["takedown"]["request_ids"]) == {first.request["id"], second.request["id"]}


def test_include_raw_copies_the_warcs(world) -> None:
    pkg = _export(world, include_raw=True).path
    assert len(list(pkg.rglob("*.warc.gz"))) == 2


def test_empty_selection_is_an_error_and_writes_nothing(world) -> None:
    with pytest.raises(TakedownError, match=r"nothing to export.*severity >= 2"):
        _export(world, min_severity=2, since="2030-01-01T00:00:00+00:00")
    assert not world["out"].exists()
    assert list(world["store"].takedown_requests()) == []


def test_tampered_evidence_stops_the_export_and_writes_nothing(world) -> None:
    first = _export(world)
    before = sorted((p.name, p.read_bytes()) for p in first.path.rglob("*") if p.is_file())
    world["store"].upsert([_doc("103", "出售前程简历 每千条150元", "加V abc_123", [])])
    html = next((world["tmp"] / "ev").rglob("page.html"))
    html.write_bytes(b"<p>edited</p>")
    with pytest.raises(TakedownError, match="does not match its recorded SHA-256"):
        _export(world, now="2026-11-22T09:00:00+00:00")
    assert sorted(p.name for p in world["out"].iterdir()) == [first.request["id"]]
    assert sorted((p.name, p.read_bytes()) for p in first.path.rglob("*") if p.is_file()) == before
    assert len(list(world["store"].takedown_requests())) == 1


def test_12377_report_takes_listings_still_up_after_a_notice(world) -> None:
    notice = _export(world)
    with pytest.raises(TakedownError, match="still up after a notice"):
        _export(world, kind="report_12377")
    world["store"].update_fields(
        "taobao:102",
        {
            "takedown": {
                **world["store"].get("taobao:102")["takedown"],
                "status": "still_up",
                "verified_at": "2026-11-28T00:00:00+00:00",
            }
        },
    )
    report = _export(world, kind="report_12377", notice_older_than="2026-11-27T00:00:00+00:00")
    data = json.loads((report.path / "notice.json").read_text("utf-8"))
    assert report.request["id"].startswith("R12377-taobao-")
    assert [w["listing_id"] for w in data["works"]] == ["taobao:102"]
    assert data["prior_notices"][0]["id"] == notice.request["id"]
    assert data["recipient"]["url"] == "https://www.12377.cn/"
    assert "违法和不良信息举报" in (report.path / "letter.html").read_text("utf-8")
    assert world["store"].get("taobao:102")["takedown"]["report_id"] == report.request["id"]


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("organisation: X\nname: Y\n", "lacks email, address, jurisdiction"),
        ("organisation: X\nname: Y\nemail: nope\naddress: A\njurisdiction: CN\n", "not an address"),
        (REPORTER + "signature: z\n", "unknown fields: signature"),
        ("- just a list\n", "mapping"),
    ],
)
def test_incomplete_reporter_config_is_a_clear_error(
    tmp_path: Path, yaml_text: str, message: str
) -> None:
    path = tmp_path / "reporter.yaml"
    path.write_text(yaml_text, "utf-8")
    with pytest.raises(ConfigError, match=message):
        load_reporter(path)


def test_cli_errors_are_clear_and_write_nothing(world, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("MONITOR_REPORTER_CONFIG", raising=False)
    db = str(tmp_path / "s.sqlite3")
    out = tmp_path / "cli-out"
    base = [
        "takedown",
        "export",
        "--out",
        str(out),
        "--sqlite",
        db,
        "-s",
        f"MONITOR_EVIDENCE_STORE={tmp_path / 'ev'}",
        "-s",
        f"MONITOR_EVIDENCE_RAW_STORE={tmp_path / 'raw'}",
    ]
    assert main([*base, "--platform", "ebay", "--reporter", str(tmp_path / "reporter.yaml")]) == 2
    assert "unknown platform 'ebay'" in capsys.readouterr().err
    assert main([*base, "--platform", "taobao"]) == 2
    assert "MONITOR_REPORTER_CONFIG" in capsys.readouterr().err
    assert main([*base, "--platform", "xianyu", "--reporter", str(tmp_path / "reporter.yaml")]) == 2
    assert "nothing to export" in capsys.readouterr().err
    assert not out.exists()
    monkeypatch.setenv("MONITOR_REPORTER_CONFIG", str(tmp_path / "reporter.yaml"))
    assert main([*base, "--platform", "taobao"]) == 0
    assert "recorded" in capsys.readouterr().out
    assert len(list(out.iterdir())) == 1


def test_a_notice_that_breaks_the_schema_is_an_error(world) -> None:
    world["store"].update_fields("taobao:101", {"url": "ftp://item.taobao.example/101"})
    with pytest.raises(TakedownError, match=r"notice.schema.json at works/0/infringing_urls/0"):
        _export(world)
    assert not world["out"].exists()
