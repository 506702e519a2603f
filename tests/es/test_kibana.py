"""The shipped Kibana saved objects: structure, references, and the import request."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from monitor.kibana.importer import shipped_ndjson, with_index
from monitor.kibana.objects import saved_objects, to_ndjson

MONITOR = str(Path(sys.executable).parent / "monitor")


def _objects() -> list[dict]:
    return [json.loads(line) for line in shipped_ndjson().splitlines()]


def test_shipped_file_is_what_the_builder_makes() -> None:
    assert shipped_ndjson() == to_ndjson(saved_objects()), (
        "regenerate: python -m monitor.kibana.objects > monitor/kibana/saved_objects.ndjson"
    )


def test_ids_are_unique_and_every_reference_resolves() -> None:
    objects = _objects()
    known = {(o["type"], o["id"]) for o in objects}
    assert len(known) == len(objects)
    for obj in objects:
        assert obj["coreMigrationVersion"] and obj["typeMigrationVersion"]
        for ref in obj["references"]:
            assert (ref["type"], ref["id"]) in known, (obj["id"], ref)


def test_data_view_reads_the_alias_with_first_seen_as_time() -> None:
    (view,) = [o for o in _objects() if o["type"] == "index-pattern"]
    assert view["attributes"]["title"] == "monitor-listings"
    assert view["attributes"]["timeFieldName"] == "first_seen"
    moved = [json.loads(line) for line in with_index(shipped_ndjson(), "leaks").splitlines()]
    assert [o["attributes"]["title"] for o in moved if o["type"] == "index-pattern"] == ["leaks"]


def test_searches_and_visualizations_name_their_data_view() -> None:
    for obj in _objects():
        if obj["type"] not in ("search", "visualization"):
            continue
        source = json.loads(obj["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
        ref = next(r for r in obj["references"] if r["name"] == source["indexRefName"])
        assert ref["type"] == "index-pattern"
        assert source["query"]["language"] == "lucene"
        if obj["type"] == "visualization":
            vis = json.loads(obj["attributes"]["visState"])
            assert vis["title"] == obj["attributes"]["title"]
            assert {a["schema"] for a in vis["aggs"]} >= {"metric"}


def test_dashboard_panels_match_its_references() -> None:
    (board,) = [o for o in _objects() if o["type"] == "dashboard"]
    panels = json.loads(board["attributes"]["panelsJSON"])
    refs = {r["name"]: r for r in board["references"]}
    assert len(panels) == len(refs) == 6
    for panel in panels:
        ref = refs[f"{panel['panelIndex']}:{panel['panelRefName']}"]
        assert ref["type"] == panel["type"]
        grid = panel["gridData"]
        assert grid["i"] == panel["panelIndex"] and grid["x"] + grid["w"] <= 48
    titles = {o["attributes"]["title"] for o in _objects() if o["type"] == "visualization"}
    assert titles == {
        "Offers over time (first seen)",
        "Price per record, by currency",
        "Top claimed sources",
        "Top seller contacts",
        "Offers by platform",
    }


class _FakeKibana:
    """Answers the import API like Kibana, after checking what a real one requires."""

    def __init__(self, status: int = 200) -> None:
        self.requests: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                fake.requests.append({"path": self.path, "headers": self.headers, "body": body})
                if status != 200:
                    self._json(status, {"statusCode": status, "message": "Unauthorized"})
                    return
                if self.headers.get("kbn-xsrf") is None:
                    self._json(400, {"message": "Request must contain a kbn-xsrf header."})
                    return
                msg = BytesParser(policy=HTTP).parsebytes(
                    b"Content-Type: " + self.headers["Content-Type"].encode() + b"\r\n\r\n" + body
                )
                parts = [
                    p
                    for p in msg.iter_parts()
                    if p.get_param("name", header="content-disposition") == "file"
                ]
                lines = parts[0].get_payload(decode=True).decode().splitlines()
                assert parts[0].get_filename().endswith(".ndjson")
                self._json(200, {"success": True, "successCount": len(lines), "successResults": []})

            def _json(self, code, data):
                raw = json.dumps(data).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def kibana():
    fake = _FakeKibana()
    yield fake
    fake.close()


def test_import_posts_the_objects_as_multipart_with_the_xsrf_header(kibana, monkeypatch) -> None:
    env = {"PATH": "/usr/bin:/bin", "KIBANA_USERNAME": "elastic", "KIBANA_PASSWORD": "changeme"}
    out = subprocess.run(
        [MONITOR, "kibana", "import", "--url", kibana.url, "--space", "t&s", "--index", "leaks"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "imported 11 saved object(s)" in out.stdout
    (req,) = kibana.requests
    assert req["path"] == "/s/t%26s/api/saved_objects/_import?overwrite=true"
    assert req["headers"]["kbn-xsrf"] == "true"
    assert req["headers"]["Content-Type"].startswith("multipart/form-data; boundary=")
    assert req["headers"]["Authorization"].startswith("Basic ")
    assert b'"title": "leaks"' in req["body"]


def test_import_refused_is_one_clear_line() -> None:
    fake = _FakeKibana(status=401)
    try:
        out = subprocess.run(
            [MONITOR, "kibana", "import", "--url", fake.url],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        fake.close()
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"monitor: Kibana at {fake.url} refused the credentials (HTTP 401); set "
        "KIBANA_USERNAME/KIBANA_PASSWORD or KIBANA_API_KEY"
    ]
