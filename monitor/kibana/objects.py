"""The Kibana saved objects, as data: run ``python -m monitor.kibana.objects`` to regenerate
``saved_objects.ndjson`` (a test checks the shipped file matches).

Aggregation-based visualizations (valid in Kibana 8.19; Kibana migrates them on import) and
saved searches written in Lucene syntax, so that the same queries run on Elasticsearch,
in ``monitor search`` and on the embedded store.
"""

from __future__ import annotations

import json
import sys
from typing import Any

DATA_VIEW_ID = "monitor-listings"
DEFAULT_TITLE = "monitor-listings"  # the write alias; ``monitor kibana import`` rewrites it
TIME_FIELD = "first_seen"
_CORE = "8.8.0"

# (id, title, Lucene query, columns, sort)
SAVED_SEARCHES: list[tuple[str, str, str, list[str], list[list[str]]]] = [
    (
        "monitor-new-offers-24h",
        "New offers, last 24h",
        "is_offer:true AND first_seen:[now-24h TO *]",
        [
            "platform",
            "title",
            "unit_price.amount",
            "unit_price.currency",
            "volume_records",
            "sources",
            "contact_values",
        ],
        [["first_seen", "desc"]],
    ),
    (
        "monitor-58com-data",
        "58.com data",
        'is_offer:true AND sources:"58.com"',
        ["platform", "title", "unit_price.amount", "volume_records", "seller", "contact_values"],
        [["last_seen", "desc"]],
    ),
    (
        "monitor-volume-100k",
        "Volume >= 100k",
        "is_offer:true AND volume_records:>=100000",
        ["platform", "title", "volume_records", "sources", "unit_price.amount", "contact_values"],
        [["volume_records", "desc"]],
    ),
    (
        "monitor-by-seller-contact",
        "By seller contact",
        "is_offer:true AND _exists_:contact_values",
        ["contact_values", "seller", "platform", "title", "last_seen"],
        [["contact_values", "asc"], ["last_seen", "desc"]],
    ),
]


def _source(query: str = "", with_index: bool = True) -> dict[str, Any]:
    src: dict[str, Any] = {"query": {"query": query, "language": "lucene"}, "filter": []}
    if with_index:
        src["indexRefName"] = "kibanaSavedObjectMeta.searchSourceJSON.index"
    return {"searchSourceJSON": json.dumps(src, ensure_ascii=False)}


_INDEX_REF = [
    {
        "id": DATA_VIEW_ID,
        "name": "kibanaSavedObjectMeta.searchSourceJSON.index",
        "type": "index-pattern",
    }
]


def data_view(title: str = DEFAULT_TITLE) -> dict[str, Any]:
    return {
        "id": DATA_VIEW_ID,
        "type": "index-pattern",
        "coreMigrationVersion": _CORE,
        "typeMigrationVersion": "8.0.0",
        "managed": False,
        "references": [],
        "attributes": {
            "title": title,
            "name": "Resume market listings",
            "timeFieldName": TIME_FIELD,
            "fields": "[]",
            "fieldFormatMap": "{}",
            "runtimeFieldMap": "{}",
            "sourceFilters": "[]",
            "typeMeta": "{}",
            "allowNoIndex": False,
        },
    }


def saved_search(
    obj_id: str, title: str, query: str, columns: list[str], sort: list[list[str]]
) -> dict[str, Any]:
    return {
        "id": obj_id,
        "type": "search",
        "coreMigrationVersion": _CORE,
        "typeMigrationVersion": "8.0.0",
        "managed": False,
        "references": _INDEX_REF,
        "attributes": {
            "title": title,
            "description": f"Lucene: {query}",
            "columns": columns,
            "sort": sort,
            "grid": {},
            "hideChart": False,
            "isTextBasedQuery": False,
            "kibanaSavedObjectMeta": _source(query),
        },
    }


def _count() -> dict[str, Any]:
    return {
        "id": "1",
        "enabled": True,
        "type": "count",
        "params": {"emptyAsNull": False},
        "schema": "metric",
    }


def _terms(agg_id: str, field: str, size: int, schema: str, label: str) -> dict[str, Any]:
    return {
        "id": agg_id,
        "enabled": True,
        "type": "terms",
        "schema": schema,
        "params": {
            "field": field,
            "orderBy": "1",
            "order": "desc",
            "size": size,
            "otherBucket": False,
            "otherBucketLabel": "Other",
            "missingBucket": False,
            "missingBucketLabel": "Missing",
            "customLabel": label,
        },
    }


def _bar_params(value_label: str) -> dict[str, Any]:
    return {
        "type": "histogram",
        "grid": {"categoryLines": False},
        "categoryAxes": [
            {
                "id": "CategoryAxis-1",
                "type": "category",
                "position": "bottom",
                "show": True,
                "style": {},
                "scale": {"type": "linear"},
                "labels": {"show": True, "filter": True, "truncate": 100},
                "title": {},
            }
        ],
        "valueAxes": [
            {
                "id": "ValueAxis-1",
                "name": "LeftAxis-1",
                "type": "value",
                "position": "left",
                "show": True,
                "style": {},
                "scale": {"type": "linear", "mode": "normal"},
                "labels": {"show": True, "rotate": 0, "filter": False, "truncate": 100},
                "title": {"text": value_label},
            }
        ],
        "seriesParams": [
            {
                "show": True,
                "type": "histogram",
                "mode": "stacked",
                "data": {"label": value_label, "id": "1"},
                "valueAxis": "ValueAxis-1",
                "drawLinesBetweenPoints": True,
                "lineWidth": 2,
                "showCircles": True,
            }
        ],
        "addTooltip": True,
        "addLegend": True,
        "legendPosition": "right",
        "times": [],
        "addTimeMarker": False,
        "labels": {"show": False},
        "thresholdLine": {
            "show": False,
            "value": 10,
            "width": 1,
            "style": "full",
            "color": "#E7664C",
        },
    }


_TABLE_PARAMS = {
    "perPage": 10,
    "showPartialRows": False,
    "showMetricsAtAllLevels": False,
    "showTotal": False,
    "totalFunc": "sum",
    "percentageCol": "",
}
_PIE_PARAMS = {
    "type": "pie",
    "addTooltip": True,
    "legendDisplay": "show",
    "legendPosition": "right",
    "nestedLegend": False,
    "truncateLegend": True,
    "maxLegendLines": 1,
    "distinctColors": False,
    "isDonut": True,
    "emptySizeRatio": 0.3,
    "palette": {"type": "palette", "name": "default"},
    "labels": {
        "show": True,
        "last_level": False,
        "values": True,
        "valuesFormat": "percent",
        "percentDecimals": 1,
        "truncate": 100,
        "position": "default",
    },
}


def visualization(
    obj_id: str,
    title: str,
    vis_type: str,
    *,
    aggs: list[dict[str, Any]],
    params: dict[str, Any],
    query: str = "is_offer:true",
) -> dict[str, Any]:
    vis_state = {"title": title, "type": vis_type, "aggs": aggs, "params": params}
    return {
        "id": obj_id,
        "type": "visualization",
        "coreMigrationVersion": _CORE,
        "typeMigrationVersion": "8.5.0",
        "managed": False,
        "references": _INDEX_REF,
        "attributes": {
            "title": title,
            "description": "",
            "uiStateJSON": "{}",
            "version": 1,
            "visState": json.dumps(vis_state, ensure_ascii=False),
            "kibanaSavedObjectMeta": _source(query),
        },
    }


def visualizations() -> list[dict[str, Any]]:
    metric = {
        "id": "2",
        "enabled": True,
        "schema": "metric",
        "params": {"field": "unit_price.amount"},
    }
    return [
        visualization(
            "monitor-vis-offers-over-time",
            "Offers over time (first seen)",
            "histogram",
            aggs=[
                _count(),
                {
                    "id": "2",
                    "enabled": True,
                    "type": "date_histogram",
                    "schema": "segment",
                    "params": {
                        "field": TIME_FIELD,
                        "interval": "auto",
                        "min_doc_count": 1,
                        "extended_bounds": {},
                        "customLabel": "first seen",
                    },
                },
            ],
            params=_bar_params("Offers"),
        ),
        visualization(
            "monitor-vis-price-per-record",
            "Price per record, by currency",
            "table",
            aggs=[
                _count(),
                {**metric, "type": "min"},
                {**metric, "id": "3", "type": "median"},
                {**metric, "id": "4", "type": "max"},
                _terms("5", "unit_price.currency", 20, "bucket", "currency"),
            ],
            params=_TABLE_PARAMS,
            query="is_offer:true AND _exists_:unit_price.amount",
        ),
        visualization(
            "monitor-vis-top-sources",
            "Top claimed sources",
            "histogram",
            aggs=[_count(), _terms("2", "sources", 15, "segment", "claimed source")],
            params=_bar_params("Offers"),
        ),
        visualization(
            "monitor-vis-top-contacts",
            "Top seller contacts",
            "table",
            aggs=[_count(), _terms("2", "contact_values", 20, "bucket", "contact")],
            params=_TABLE_PARAMS,
        ),
        visualization(
            "monitor-vis-platforms",
            "Offers by platform",
            "pie",
            aggs=[_count(), _terms("2", "platform", 10, "segment", "platform")],
            params=_PIE_PARAMS,
        ),
    ]


def dashboard(panels: list[tuple[str, str, int, int, int, int]]) -> dict[str, Any]:
    """``panels``: (object type, object id, x, y, w, h) on Kibana's 48-column grid."""
    panels_json, references = [], []
    for n, (obj_type, obj_id, x, y, w, h) in enumerate(panels, start=1):
        index = f"p{n}"
        panels_json.append(
            {
                "type": obj_type,
                "panelIndex": index,
                "gridData": {"x": x, "y": y, "w": w, "h": h, "i": index},
                "embeddableConfig": {"enhancements": {}},
                "panelRefName": f"panel_{index}",
            }
        )
        references.append({"id": obj_id, "name": f"{index}:panel_{index}", "type": obj_type})
    return {
        "id": "monitor-dashboard",
        "type": "dashboard",
        "coreMigrationVersion": _CORE,
        "typeMigrationVersion": "8.9.0",
        "managed": False,
        "references": references,
        "attributes": {
            "title": "Resume market: offers",
            "version": 1,
            "description": "Offers of job seekers' personal data found by the monitor",
            "panelsJSON": json.dumps(panels_json),
            "timeRestore": True,
            "timeFrom": "now-30d",
            "timeTo": "now",
            "refreshInterval": {"pause": True, "value": 0},
            "optionsJSON": json.dumps(
                {
                    "useMargins": True,
                    "syncColors": False,
                    "syncCursor": True,
                    "syncTooltips": False,
                    "hidePanelTitles": False,
                }
            ),
            "kibanaSavedObjectMeta": _source("", with_index=False),
        },
    }


def saved_objects(title: str = DEFAULT_TITLE) -> list[dict[str, Any]]:
    """Every object, referenced ones before those that reference them."""
    searches = [saved_search(*s) for s in SAVED_SEARCHES]
    vis = visualizations()
    board = dashboard(
        [
            ("visualization", "monitor-vis-offers-over-time", 0, 0, 32, 14),
            ("visualization", "monitor-vis-platforms", 32, 0, 16, 14),
            ("visualization", "monitor-vis-price-per-record", 0, 14, 16, 14),
            ("visualization", "monitor-vis-top-sources", 16, 14, 16, 14),
            ("visualization", "monitor-vis-top-contacts", 32, 14, 16, 14),
            ("search", "monitor-new-offers-24h", 0, 28, 48, 16),
        ]
    )
    return [data_view(title), *searches, *vis, board]


def to_ndjson(objects: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(o, ensure_ascii=False, sort_keys=True) + "\n" for o in objects)


if __name__ == "__main__":
    sys.stdout.write(to_ndjson(saved_objects()))
