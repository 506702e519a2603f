"""The notice: one request to one platform for a set of listings, after Lumen's notice model
(sender, principal, recipient, target; works with their infringing URLs; jurisdictions,
regulations, requested action), as a JSON document and as CSV rows."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from monitor.redact import redact

if TYPE_CHECKING:
    from monitor.takedown.platforms import Platform
    from monitor.takedown.reporter import Reporter

SCHEMA_ID = "https://resume-market-monitor.invalid/schemas/takedown-notice-1.json"


@cache
def legal_basis() -> tuple[dict[str, str], ...]:
    """The cited law (``legal_basis.yaml``, shipped beside this module)."""
    text = resources.files("monitor.takedown").joinpath("legal_basis.yaml").read_text("utf-8")
    return tuple(yaml.safe_load(text))


REQUESTED_ACTION = {
    "zh": "删除或屏蔽上述商品/帖子，终止相关交易与服务，保存相关记录，并对发布者依平台规则处理。",
    "en": "Remove or disable access to the listed items, stop the related transactions and "
    "services, preserve the records, and act against the poster under your rules.",
}


def request_id(kind: str, platform: str, listing_ids: Iterable[str]) -> str:
    """Stable id of a request: the same kind, platform and set of listings give the same id."""
    key = "\n".join([kind, platform, *sorted(set(listing_ids))])
    prefix = {"notice": "TD", "report_12377": "R12377"}[kind]
    return f"{prefix}-{platform}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"


def _safe(text: str | None, keep: Sequence[dict[str, str]]) -> str:
    # Stored text is redacted already; exports redact again, so that an older store (or a
    # better redactor since) never lets a data subject's details out.
    return redact(text or "", keep).text


def listing_claims(doc: dict[str, Any]) -> dict[str, Any]:
    price = doc.get("unit_price") or {}
    return {
        "price_text": doc.get("price_text"),
        "unit_price": price.get("amount"),
        "currency": price.get("currency"),
        "volume_records": doc.get("volume_records"),
        "sources": list(doc.get("sources") or []),
        "categories": list(doc.get("categories") or []),
    }


def evidence_entries(doc: dict[str, Any], included: set[str]) -> list[dict[str, Any]]:
    files = (doc.get("evidence") or {}).get("files") or []
    return [
        {
            "name": f["name"],
            "kind": f["kind"],
            "sha256": f["sha256"],
            "bytes": f["bytes"],
            "captured_at": f["captured_at"],
            "restricted": bool(f.get("restricted")),
            "included": f["name"] in included,
        }
        for f in files
    ]


def work(doc: dict[str, Any], included: set[str]) -> dict[str, Any]:
    keep = doc.get("contacts") or []
    return {
        "listing_id": doc["id"],
        "description": _safe(doc.get("title"), keep),
        "infringing_urls": [{"url": doc["url"]}],
        "seller": doc.get("seller"),
        "seller_id": doc.get("seller_id"),
        "seller_contacts": [f"{c['type']}:{c['value']}" for c in keep],
        "claims": listing_claims(doc),
        "severity": int(doc.get("severity") or 0),
        "first_seen": doc.get("first_seen"),
        "last_seen": doc.get("last_seen"),
        "page_sha256": (doc.get("evidence") or {}).get("page_sha256"),
        "evidence": evidence_entries(doc, included),
    }


def _entity(name: str, kind: str, **fields: str) -> dict[str, Any]:
    return {"name": name, "kind": kind, **{k: v for k, v in fields.items() if v}}


def build_notice(
    *,
    req: dict[str, Any],
    platform: Platform,
    reporter: Reporter,
    docs: Sequence[dict[str, Any]],
    included: set[str],
) -> dict[str, Any]:
    """The notice document (validated against ``notice.schema.json`` by the exporter)."""
    zh = platform.language == "zh"
    kind = req["kind"]
    recipient = (
        _entity("违法和不良信息举报中心 (12377)", "organization", url="https://www.12377.cn/")
        if kind == "report_12377"
        else _entity(
            platform.operator or platform.name,
            "organization",
            channel="; ".join(r.get("channel", "") for r in platform.recipients),
            email="; ".join(r["email"] for r in platform.recipients if r.get("email")),
            url="; ".join(r["url"] for r in platform.recipients if r.get("url")),
            country_code=platform.jurisdiction,
        )
    )
    title = (
        f"关于删除{platform.name}上出售求职者个人信息内容的通知"
        if zh
        else f"Notice: personal data of job seekers offered for sale on {platform.name}"
    )
    return {
        "$schema": SCHEMA_ID,
        "id": req["id"],
        "type": "DataProtection",
        "kind": kind,
        "title": title,
        "subject": "Sale of job seekers' personal information (resumes)",
        "language": platform.language,
        "date_sent": req["created_at"],
        "date_received": None,
        "action_taken": None,
        "jurisdictions": sorted({reporter.jurisdiction, "CN"} if zh else {reporter.jurisdiction}),
        "regulations": [dict(b) for b in legal_basis()],
        "requested_action": REQUESTED_ACTION[platform.language],
        "tags": ["personal-information", "resume", "data-sale", platform.key],
        "sender": _entity(
            reporter.name,
            "individual",
            organisation=reporter.organisation,
            email=reporter.email,
            address=reporter.address,
            phone=reporter.phone,
        ),
        "principal": _entity(
            reporter.principal_name,
            "organization",
            on_behalf_of="affected job seekers (data subjects)",
        ),
        "recipient": recipient,
        "target": _entity(platform.name, "organization", platform=platform.key),
        "works": [work(doc, included) for doc in docs],
    }


CSV_FIELDS = (
    "notice_id",
    "notice_type",
    "date_sent",
    "sender_name",
    "sender_organisation",
    "sender_email",
    "principal_name",
    "recipient_name",
    "target",
    "jurisdictions",
    "legal_basis",
    "requested_action",
    "listing_id",
    "infringing_url",
    "seller",
    "seller_id",
    "seller_contacts",
    "title",
    "price_text",
    "unit_price",
    "currency",
    "volume_records",
    "sources",
    "severity",
    "first_seen",
    "last_seen",
    "page_sha256",
    "evidence_files",
    "evidence_sha256",
)


def csv_rows(notice: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for w in notice["works"]:
        claims = w["claims"]
        rows.append(
            {
                "notice_id": notice["id"],
                "notice_type": notice["type"],
                "date_sent": notice["date_sent"],
                "sender_name": notice["sender"]["name"],
                "sender_organisation": notice["sender"].get("organisation", ""),
                "sender_email": notice["sender"].get("email", ""),
                "principal_name": notice["principal"]["name"],
                "recipient_name": notice["recipient"]["name"],
                "target": notice["target"]["name"],
                "jurisdictions": ";".join(notice["jurisdictions"]),
                "legal_basis": ";".join(f"{r['code']}" for r in notice["regulations"]),
                "requested_action": notice["requested_action"],
                "listing_id": w["listing_id"],
                "infringing_url": w["infringing_urls"][0]["url"],
                "seller": w["seller"] or "",
                "seller_id": w["seller_id"] or "",
                "seller_contacts": ";".join(w["seller_contacts"]),
                "title": w["description"],
                "price_text": claims["price_text"] or "",
                "unit_price": "" if claims["unit_price"] is None else claims["unit_price"],
                "currency": claims["currency"] or "",
                "volume_records": ""
                if claims["volume_records"] is None
                else claims["volume_records"],
                "sources": ";".join(claims["sources"]),
                "severity": w["severity"],
                "first_seen": w["first_seen"] or "",
                "last_seen": w["last_seen"] or "",
                "page_sha256": w["page_sha256"] or "",
                "evidence_files": ";".join(e["name"] for e in w["evidence"]),
                "evidence_sha256": ";".join(e["sha256"] for e in w["evidence"]),
            }
        )
    return rows
