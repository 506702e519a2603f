"""ELASTICSEARCH_* settings: one typed dataclass, errors that name the setting. No node needed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from scrapy.settings import Settings

from monitor.config import ConfigError
from monitor.store.es_config import ElasticsearchConfig, public_url, redacted

URL = "http://127.0.0.1:9200"


@pytest.fixture(autouse=True)
def _no_settings_from_env(monkeypatch):
    for name in [n for n in os.environ if n.startswith("ELASTICSEARCH_")]:
        monkeypatch.delenv(name)


def test_defaults() -> None:
    config = ElasticsearchConfig.from_settings(Settings({"ELASTICSEARCH_URL": URL}))
    assert config == ElasticsearchConfig(url=URL)
    assert (config.index, config.bulk_size, config.flush_seconds) == ("monitor-listings", 500, 5.0)
    assert config.spool_path == Path("data/es-spool.jsonl")
    assert (config.timeout, config.max_retries, config.verify_certs) == (30.0, 3, True)


def test_every_setting_is_read_with_its_type() -> None:
    config = ElasticsearchConfig.from_settings(
        Settings(
            {
                "ELASTICSEARCH_URL": "https://es.example:9243",
                "ELASTICSEARCH_INDEX": "leaks",
                "ELASTICSEARCH_BULK_SIZE": "250",
                "ELASTICSEARCH_FLUSH_SECONDS": "1.5",
                "ELASTICSEARCH_SPOOL_PATH": "/tmp/s.jsonl",
                "ELASTICSEARCH_VERIFY_CERTS": "false",
                "ELASTICSEARCH_TIMEOUT": "10",
                "ELASTICSEARCH_MAX_RETRIES": "0",
                "ELASTICSEARCH_API_KEY": "abcdefghijklmnop",
            }
        )
    )
    assert (config.index, config.bulk_size, config.flush_seconds) == ("leaks", 250, 1.5)
    assert (config.spool_path, config.verify_certs) == (Path("/tmp/s.jsonl"), False)
    assert (config.timeout, config.max_retries, config.api_key) == (10.0, 0, "abcdefghijklmnop")
    assert config.describe_credentials() == "API key abcdefg…"
    assert "abcdefghijklmnop" not in repr(config)


def test_credentials_come_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("ELASTICSEARCH_USERNAME", "monitor")
    monkeypatch.setenv("ELASTICSEARCH_PASSWORD", "s3cret-password")
    config = ElasticsearchConfig.from_settings({"ELASTICSEARCH_URL": URL})
    assert (config.username, config.password) == ("monitor", "s3cret-password")
    assert "s3cret" not in repr(config) and "s3cret" not in config.describe_credentials()


def test_credentials_in_the_url_are_taken_out_of_it() -> None:
    config = ElasticsearchConfig.from_settings({"ELASTICSEARCH_URL": "http://u:pw@h:9200"})
    assert (config.url, config.username, config.password) == ("http://h:9200", "u", "pw")
    assert public_url("https://u:pw@h/x") == "https://h/x"
    assert redacted("abc") == "…" and redacted("") == "(none)"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"ELASTICSEARCH_URL": "localhost:9200"}, "ELASTICSEARCH_URL must be an http"),
        ({"ELASTICSEARCH_URL": "ftp://h"}, "ELASTICSEARCH_URL must be an http"),
        ({"ELASTICSEARCH_INDEX": "Listings"}, "ELASTICSEARCH_INDEX must be a lowercase"),
        ({"ELASTICSEARCH_BULK_SIZE": "0"}, "ELASTICSEARCH_BULK_SIZE must be >= 1"),
        ({"ELASTICSEARCH_BULK_SIZE": "many"}, "ELASTICSEARCH_BULK_SIZE must be an integer"),
        ({"ELASTICSEARCH_FLUSH_SECONDS": "0"}, "ELASTICSEARCH_FLUSH_SECONDS must be > 0"),
        ({"ELASTICSEARCH_TIMEOUT": "-1"}, "ELASTICSEARCH_TIMEOUT must be > 0"),
        ({"ELASTICSEARCH_MAX_RETRIES": "-1"}, "ELASTICSEARCH_MAX_RETRIES must be >= 0"),
        (
            {"ELASTICSEARCH_VERIFY_CERTS": "maybe"},
            "ELASTICSEARCH_VERIFY_CERTS must be true or false",
        ),
        ({"ELASTICSEARCH_CA_CERTS": "/nonexistent/ca.pem"}, "ELASTICSEARCH_CA_CERTS: no such file"),
        (
            {
                "ELASTICSEARCH_API_KEY": "k",
                "ELASTICSEARCH_USERNAME": "u",
                "ELASTICSEARCH_PASSWORD": "p",
            },
            "either ELASTICSEARCH_API_KEY or",
        ),
        ({"ELASTICSEARCH_USERNAME": "u"}, "ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD go"),
    ],
)
def test_invalid_settings_name_the_setting(settings: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        ElasticsearchConfig.from_settings(Settings({"ELASTICSEARCH_URL": URL, **settings}))
