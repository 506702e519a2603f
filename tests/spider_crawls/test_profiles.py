"""Site profiles are validated on load: errors name the file and the bad key."""

from __future__ import annotations

import copy

import pytest
import yaml

from monitor.config import ConfigError
from monitor.profiles import find_profile, parse_profile, shipped_profiles_dir

GOOD = {
    "name": "shop",
    "platform": "shop",
    "start_urls": ["https://shop.example/list"],
    "listing": {"item": "div.card", "fields": {"url": "a::attr(href)", "title": "a::text"}},
    "next_page": "a.next::attr(href)",
    "rate_limit": {"download_delay": 2, "concurrent_requests_per_domain": 1},
}


def _with(path: str, value: object) -> dict:
    data = copy.deepcopy(GOOD)
    *parents, last = path.split(".")
    node = data
    for key in parents:
        node = node[key]
    if value is KeyError:
        del node[last]
    else:
        node[last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("colour", "red", "shop.yaml: colour: unknown key"),
        ("listing.fields.titel", "h1::text", "shop.yaml: listing.fields.titel: unknown key"),
        ("rate_limit.delay", 3, "shop.yaml: rate_limit.delay: unknown key"),
        ("name", KeyError, "shop.yaml: name: missing required key"),
        ("listing.item", KeyError, "shop.yaml: listing.item: missing required key"),
        ("listing.fields.url", KeyError, "shop.yaml: listing.fields.url: missing required key"),
        ("start_urls", KeyError, "shop.yaml: start_urls: missing required key (or search_url)"),
        ("javascript", "yes", "shop.yaml: javascript: expected bool, got str"),
        ("max_pages", "10", "shop.yaml: max_pages: expected int, got str"),
        (
            "rate_limit.download_delay",
            True,
            "shop.yaml: rate_limit.download_delay: expected int or float",
        ),
        ("start_urls", "https://shop.example", "shop.yaml: start_urls: expected list, got str"),
        ("listing.item", "div..card", "shop.yaml: listing.item: invalid selector 'div..card'"),
        ("listing.fields.title", "a::txet", "shop.yaml: listing.fields.title: invalid selector"),
        ("next_page", "xpath://a[@class=", "shop.yaml: next_page: invalid selector"),
        (
            "search_url",
            "https://shop.example/s?q=",
            "shop.yaml: search_url: must contain {keyword}",
        ),
        ("timezone", "CST", "shop.yaml: timezone: expected an offset like +08:00"),
        ("id_pattern", "(", "shop.yaml: id_pattern: invalid regular expression"),
        ("session", "taobao", "shop.yaml: session: expected a settings prefix like TAOBAO"),
    ],
)
def test_bad_profiles_name_the_key(path: str, value: object, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_profile(_with(path, value), "shop.yaml")
    assert str(info.value).startswith(message), str(info.value)


def test_a_good_profile() -> None:
    profile = parse_profile(_with("search_url", "https://shop.example/s?q={keyword}"), "shop.yaml")
    assert profile.rate_limit.download_delay == 2
    assert profile.start_requests_urls(["简历"]) == [
        ("https://shop.example/list", None),
        ("https://shop.example/s?q=%E7%AE%80%E5%8E%86", "简历"),
    ]


@pytest.mark.parametrize("path", sorted(p.name for p in shipped_profiles_dir().glob("*.yaml")))
def test_shipped_profiles_load(path: str) -> None:
    profile = find_profile(path.removesuffix(".yaml"))
    assert profile.start_urls and profile.rate_limit.download_delay
    assert profile.detail_fields and profile.id_pattern is not None


def test_user_folder_and_unknown_names(tmp_path) -> None:
    (tmp_path / "shop.yaml").write_text(yaml.safe_dump(GOOD), "utf-8")
    assert find_profile("shop", str(tmp_path)).platform == "shop"
    with pytest.raises(ConfigError, match=r"no profile named 'nope'.*douban_group"):
        find_profile("nope", str(tmp_path))
    (tmp_path / "other.yaml").write_text(yaml.safe_dump(GOOD), "utf-8")
    with pytest.raises(ConfigError, match=r"other\.yaml: name: 'shop' differs from the file name"):
        find_profile("other", str(tmp_path))
