"""docker-compose.yml: Elasticsearch and Kibana of the dev node's version, on loopback only."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def test_compose_runs_elasticsearch_and_kibana_of_the_dev_nodes_version() -> None:
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text("utf-8"))
    services = compose["services"]
    dev = re.search(r"<es.version>([\d.]+)</es.version>", (REPO / "es" / "pom.xml").read_text())
    assert dev is not None
    versions = {
        name: services[name]["image"].rsplit(":-", 1)[1].rstrip("}")
        for name in ("elasticsearch", "kibana")
    }
    assert versions == {"elasticsearch": dev.group(1), "kibana": dev.group(1)}
    for name in ("elasticsearch", "kibana"):
        assert all(p.startswith("127.0.0.1:") for p in services[name]["ports"])
    env = services["elasticsearch"]["environment"]
    assert "xpack.security.enabled=true" in env
    example = (REPO / ".env.example").read_text("utf-8")
    assert f"ELASTIC_VERSION={dev.group(1)}" in example
