"""``takedown export``: one package per platform and selection, written whole or not at all.

The package (``OUT/<request id>/``): notice.json (checked against notice.schema.json, shipped
beside it), notice.csv, letter.html and letter.pdf, evidence/ (the redacted snapshot and
screenshot of each listing; raw WARCs only with ``include_raw``), manifest.json and
manifest-sha256.txt (``sha256sum -c`` format).

Idempotence is by platform and set of listings: the request id is a hash of them, so exporting
the same selection again rewrites the same package under the same id and date and records
nothing new; a different selection (a new listing appeared, one was taken down) is a new
request. A listing's ``requested_at`` stays that of its first request.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema

from monitor.evidence import EvidenceFileError, sha256_hex
from monitor.items import utc_now
from monitor.store import ListingFilter
from monitor.takedown.letter import html_to_pdf, render_letter
from monitor.takedown.notice import CSV_FIELDS, build_notice, csv_rows, request_id
from monitor.takedown.platforms import Platform
from monitor.takedown.platforms import platform as get_platform

if TYPE_CHECKING:
    from monitor.evidence import EvidenceFiles
    from monitor.store import Store
    from monitor.takedown.reporter import Reporter

OPEN_STATUSES = ("requested", "still_up", "unknown", "reappeared")


class TakedownError(RuntimeError):
    """An export or verification cannot be done; the message says why. Nothing was written."""


@dataclass
class ExportOptions:
    platform: str
    out: Path
    since: str | None = None  # ISO UTC: listings last seen since then
    min_severity: int | None = None
    include_raw: bool = False
    kind: str = "notice"  # or "report_12377"
    notice_older_than: str | None = None  # 12377: notices sent before this ISO time


@dataclass
class ExportResult:
    request: dict[str, Any]
    created: bool
    path: Path
    files: list[str] = field(default_factory=list)


def schema() -> dict[str, Any]:
    text = resources.files("monitor.takedown").joinpath("notice.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _select_notice(store: Store, opts: ExportOptions) -> list[dict[str, Any]]:
    flt = ListingFilter(
        platform=opts.platform, offers_only=True, since=opts.since, min_severity=opts.min_severity
    )
    return [
        d
        for d in store.listings(flt)
        if d.get("url") and (d.get("takedown") or {}).get("status") != "removed"
    ]


def _select_12377(store: Store, opts: ExportOptions, plat: Platform) -> list[dict[str, Any]]:
    if plat.ignores_notices:
        return _select_notice(store, opts)
    docs = []
    for d in _select_notice(store, opts):
        t = d.get("takedown") or {}
        if t.get("status") != "still_up" or not t.get("requested_at"):
            continue
        if opts.notice_older_than and t["requested_at"] > opts.notice_older_than:
            continue
        docs.append(d)
    return docs


def select(store: Store, opts: ExportOptions) -> list[dict[str, Any]]:
    plat = get_platform(opts.platform)
    docs = (
        _select_12377(store, opts, plat)
        if opts.kind == "report_12377"
        else _select_notice(store, opts)
    )
    return sorted(docs, key=lambda d: d["id"])


def _describe(opts: ExportOptions) -> str:
    parts = [f"platform {opts.platform}", "offers not yet removed"]
    if opts.since:
        parts.append(f"last seen since {opts.since}")
    if opts.min_severity is not None:
        parts.append(f"severity >= {opts.min_severity}")
    if opts.kind == "report_12377":
        parts.append(
            "still up after a notice"
            + (f" sent before {opts.notice_older_than}" if opts.notice_older_than else "")
        )
    return ", ".join(parts)


def _prior_notices(store: Store, plat: Platform, ids: set[str]) -> list[dict[str, Any]]:
    out = []
    for req in store.takedown_requests(platform=plat.key):
        if req.get("kind") == "notice" and ids & set(req.get("listing_ids") or ()):
            out.append(
                {
                    "id": req["id"],
                    "date_sent": req["created_at"],
                    "recipient": plat.operator or plat.name,
                }
            )
    return out


def export(
    store: Store,
    evidence: EvidenceFiles,
    reporter: Reporter,
    opts: ExportOptions,
    now: str | None = None,
) -> ExportResult:
    """Write the package and record the request; see the module docstring."""
    plat = get_platform(opts.platform)
    docs = select(store, opts)
    if not docs:
        raise TakedownError(
            f"nothing to export: no listing matches ({_describe(opts)}); nothing written"
        )
    ids = [d["id"] for d in docs]
    req_id = request_id(opts.kind, plat.key, ids)
    existing = store.get_takedown_request(req_id)
    req = existing or {
        "id": req_id,
        "kind": opts.kind,
        "platform": plat.key,
        "created_at": now or utc_now(),
        "status": "open",
        "listing_ids": ids,
        "listing_count": len(ids),
        "recipient": plat.operator or plat.name,
        "reporter": reporter.organisation,
        "selection": _describe(opts),
    }
    included = _included_files(docs, opts.include_raw)
    notice = build_notice(req=req, platform=plat, reporter=reporter, docs=docs, included=included)
    if opts.kind == "report_12377":
        notice["prior_notices"] = _prior_notices(store, plat, set(ids))
        for w, d in zip(notice["works"], docs, strict=True):
            t = d.get("takedown") or {}
            w["verification"] = {
                "status": t.get("status", "unverified"),
                "verified_at": t.get("verified_at"),
                "requested_at": t.get("requested_at"),
            }
    try:
        jsonschema.validate(notice, schema())
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path)
        raise TakedownError(
            f"the notice does not match notice.schema.json at {where or '/'}: "
            f"{exc.message}; nothing written"
        ) from exc
    package = _Package(notice, docs, plat, reporter, evidence, included)
    path = _write_package(opts.out, req_id, package)
    created = store.put_takedown_request(req) if existing is None else False
    _mark_listings(store, docs, req)
    return ExportResult(
        req, created, path, sorted(str(p.relative_to(path)) for p in path.rglob("*") if p.is_file())
    )


def _included_files(docs: list[dict[str, Any]], include_raw: bool) -> set[str]:
    return {
        f["name"]
        for d in docs
        for f in (d.get("evidence") or {}).get("files") or []
        if include_raw or not f.get("restricted")
    }


def _csv_bytes(notice: dict[str, Any]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csv_rows(notice))
    return buf.getvalue().encode("utf-8-sig")  # the BOM makes spreadsheet programs read UTF-8


@dataclass(frozen=True)
class _Package:
    notice: dict[str, Any]
    docs: list[dict[str, Any]]
    platform: Platform
    reporter: Reporter
    evidence: EvidenceFiles
    included: set[str]


def _write_package(out: Path, req_id: str, package: _Package) -> Path:
    made_out = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{req_id}.", dir=out))
    except OSError as exc:
        raise TakedownError(f"cannot write to {out}: {exc}") from exc
    try:
        _fill(tmp, package)
        return _swap_in(tmp, out / req_id)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if made_out:
            shutil.rmtree(out, ignore_errors=True)
        raise


def _fill(tmp: Path, package: _Package) -> None:
    notice = package.notice
    html = render_letter(notice, package.platform, package.reporter)
    files: dict[str, bytes] = {
        "notice.json": json.dumps(notice, ensure_ascii=False, indent=2).encode("utf-8"),
        "notice.schema.json": json.dumps(schema(), ensure_ascii=False, indent=2).encode(),
        "notice.csv": _csv_bytes(notice),
        "letter.html": html.encode("utf-8"),
        "letter.pdf": html_to_pdf(html),
    }
    withheld = []
    for doc in package.docs:
        for f in (doc.get("evidence") or {}).get("files") or []:
            if f["name"] not in package.included:
                withheld.append(
                    {
                        "name": f["name"],
                        "kind": f["kind"],
                        "sha256": f["sha256"],
                        "listing_id": doc["id"],
                    }
                )
                continue
            files[f"evidence/{f['name']}"] = _evidence_bytes(package.evidence, f)
    for rel, data in files.items():
        target = tmp.joinpath(*rel.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    manifest = {
        "request_id": notice["id"],
        "date_sent": notice["date_sent"],
        "generated_at": utc_now(),
        "files": [
            {"path": rel, "sha256": sha256_hex(data), "bytes": len(data)}
            for rel, data in sorted(files.items())
        ],
        "withheld": withheld,
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    (tmp / "manifest.json").write_bytes(manifest_bytes)
    files["manifest.json"] = manifest_bytes
    lines = [f"{sha256_hex(data)}  {rel}\n" for rel, data in sorted(files.items())]
    (tmp / "manifest-sha256.txt").write_text("".join(lines), "utf-8")


def _evidence_bytes(evidence: EvidenceFiles, entry: dict[str, Any]) -> bytes:
    try:
        data = evidence.read(entry["name"], restricted=bool(entry.get("restricted")))
    except EvidenceFileError as exc:
        raise TakedownError(f"{exc}; nothing written") from exc
    if sha256_hex(data) != entry["sha256"]:
        raise TakedownError(
            f"evidence file {entry['name']} does not match its recorded SHA-256 "
            "(changed or corrupted since capture); nothing written"
        )
    return data


def _swap_in(tmp: Path, final: Path) -> Path:
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        final.rename(old)
    tmp.rename(final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return final


def _mark_listings(store: Store, docs: list[dict[str, Any]], req: dict[str, Any]) -> None:
    for doc in docs:
        t = dict(doc.get("takedown") or {})
        if req["kind"] == "report_12377":
            t.setdefault("reported_12377_at", req["created_at"])
            t["report_id"] = req["id"]
        else:
            if t.get("status") == "reappeared":
                # A new takedown cycle: time to takedown counts from this request.
                t.update(
                    status="requested",
                    requested_at=req["created_at"],
                    removed_at=None,
                    hours_to_takedown=None,
                )
            t.setdefault("requested_at", req["created_at"])
            t["request_id"] = req["id"]
            t["request_ids"] = sorted({*(t.get("request_ids") or []), req["id"]})
            t.setdefault("status", "requested")
            for key in (
                "verified_at",
                "removed_at",
                "last_seen_up_at",
                "hours_to_takedown",
                "http_status",
                "reason",
            ):
                t.setdefault(key, None)
            t.setdefault("checks", 0)
        store.update_fields(doc["id"], {"takedown": t})


def hours_between(start: str, end: str) -> float:
    delta = datetime.fromisoformat(end) - datetime.fromisoformat(start)
    return round(delta.total_seconds() / 3600, 2)
