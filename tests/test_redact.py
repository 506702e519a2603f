"""Redaction of the data subjects' personal data: a table of realistic sample rows (all data
invented) and the seller contacts that must survive."""

from __future__ import annotations

import time

import pytest

from monitor.extract import analyze
from monitor.redact import find_personal, redact, redact_values

SELLER = [
    {"type": "wechat", "value": "qzdata_hz88"},
    {"type": "phone", "value": "13912345678"},
    {"type": "qq", "value": "2850001137"},
    {"type": "email", "value": "shop@example.com"},
    {"type": "whatsapp", "value": "919811122233"},
]

# (text, substrings that must be gone, substrings that must stay)
CASES = [
    ("样例：张** 138****1234 本科", ["张**", "138****1234"], ["本科", "样例"]),
    ("王小明, 13800001234, 本科", ["王小明", "13800001234"], ["本科"]),
    ("李华\t13900002222\t硕士\t上海", ["李华", "13900002222"], ["硕士", "上海"]),
    ("欧阳娜娜|15011112222|2026届|会计学", ["欧阳娜娜", "15011112222"], ["2026届", "会计学"]),
    ("样本：陈*，某某大学，会计学，137****5580", ["陈*", "137****5580"], ["某某大学"]),
    ("王* 男 28岁 Java 186****3302 期望20-25K", ["王*", "186****3302"], ["Java", "28岁"]),
    ("赵强 110105199003072316 北京 销售", ["赵强", "110105199003072316"], ["北京", "销售"]),
    ("身份证 440301********123X 手机 13722223333", ["440301********123X", "13722223333"], []),
    ("旧证 110105900307231", ["110105900307231"], ["旧证"]),
    (
        "刘洋 +86 138-0000-1111 liuyang1990@example.net",
        ["刘洋", "138-0000-1111", "liuyang1990@example.net"],
        [],
    ),
    ("邮箱样例 zh***@example.cn", ["zh***@example.cn"], []),
    ("姓名：孙丽丽 学历：本科", ["孙丽丽"], ["学历：本科"]),
    (
        "Rahul Sharma, rahul.s@example.com, +91 98765 43210, B.Tech, Pune",
        ["Rahul Sharma", "rahul.s@example.com", "98765 43210"],
        ["B.Tech", "Pune"],
    ),
    (
        "Priya Nair | 9876501234 | Java Developer | Bengaluru",
        ["Priya Nair", "9876501234"],
        ["Java Developer", "Bengaluru"],
    ),
    ("Sample: John Smith, (555) 123-4567, Boston", ["John Smith", "(555) 123-4567"], []),
    ("Name: Maria Garcia", ["Maria Garcia"], []),
    ("+91 98XXXXXX21 masked", ["98XXXXXX21"], []),
    ("1) Amit Kumar - amit.k@example.com - 98765 43210", ["Amit Kumar", "amit.k@example.com"], []),
    ("Amit Kumar <amit.k@example.com>", ["Amit Kumar", "amit.k@example.com"], []),
    ("- Rohan Mehta, B.Com, 8123456789", ["Rohan Mehta", "8123456789"], ["B.Com"]),
    ("1. 王小明 男 24岁 本科 计算机 13800001234", ["王小明", "13800001234"], ["24岁", "计算机"]),
    ("王小明/男/24/13800001234/北京", ["王小明", "13800001234"], ["北京"]),
    ('{"name":"王小明","phone":"13800001234","edu":"本科"}', ["王小明", "13800001234"], ["本科"]),
    ("样本如下：\n陈思思 女 22 应届 159xxxx2345", ["陈思思", "159xxxx2345"], ["应届"]),
    # Seller contacts stay; lines that only hold them are no record rows.
    ("联系微信 qzdata_hz88 电话 13912345678", [], ["qzdata_hz88", "13912345678"]),
    ("店主 王老板 电话 139 1234 5678", [], ["王老板", "139 1234 5678"]),
    ("QQ 2850001137，邮箱 shop@example.com", [], ["2850001137", "shop@example.com"]),
    ("WhatsApp +91 98111 22233 for the full DB", [], ["+91 98111 22233"]),
    # Not personal data: prices, volumes, dates, keyword obfuscation.
    ("单价 0.3元/条，满1万条 0.22元/条，库存约280000条", [], ["0.3元/条", "280000"]),
    ("简*历 全行业 2026-11-03 上新", [], ["简*历", "2026-11-03"]),
    # Trade talk in a record row is no name, though 万 and 高 are surnames.
    (
        "2万条以上0.2元，样本：张** 13800001234，高价收",
        ["张**", "13800001234"],
        ["万条以上", "高价收"],
    ),
    ("500k fresh CV database from Naukri, $25 per 1k", [], ["500k", "$25"]),
    # Rare surnames (禚, 亓官) are caught by their column in a sample table; the other
    # columns (gender, degree, city) are not names.
    (
        "样例：\n张伟 | 男 | 本科 | 13800001111\n禚明轩 | 女 | 硕士 | 13900002222\n"
        "亓官文 | 男 | 大专 | 13700003333",
        ["张伟", "禚明轩", "亓官文", "13900002222"],
        ["本科", "硕士", "大专", "| 男 |"],
    ),
    ("禚明轩 13900002222", ["13900002222"], []),  # alone, the rare surname is the known gap
    # Ids inside URLs are the evidence, not phone numbers.
    (
        "详见 https://tieba.example/p/9100000429 和 www.shop.example/item?id=13800001234",
        [],
        ["https://tieba.example/p/9100000429", "id=13800001234"],
    ),
]


@pytest.mark.parametrize(("text", "gone", "kept"), CASES)
def test_redaction_table(text: str, gone: list[str], kept: list[str]) -> None:
    result = redact(text, SELLER)
    for value in gone:
        assert value not in result.text, (value, result.text)
    for value in kept:
        assert value in result.text, (value, result.text)
    assert result.count == len(find_personal(text, SELLER))
    assert (result.count > 0) == bool(gone)


def test_placeholders_follow_the_text_language() -> None:
    assert redact("王小明, 13800001234").text == "[姓名已隐去], [手机号已隐去]"
    assert redact("John Smith, john@example.org").text == "[name removed], [email removed]"


def test_values_let_a_split_row_be_redacted_elsewhere() -> None:
    result = redact("王小明\t13800001234\t本科")
    assert ("name", "王小明") in result.values
    assert redact_values("<td>王小明</td>", result.values) == "<td>[姓名已隐去]</td>"


def test_a_whole_listing_keeps_the_seller_found_by_the_extractor() -> None:
    text = (
        "出售应届生简历 5万条 0.2元一条\n样例：\n王小明,13800001234,本科,深圳\n"
        "李娜,13700002222,硕士,广州\n张** 138****1234 大专\n"
        "购买加微信 qzdata_hz88 或电话 13912345678"
    )
    contacts = analyze("应届生简历", text).to_dict()["contacts"]
    out = redact(text, contacts).text
    for secret in ("王小明", "13800001234", "李娜", "13700002222", "138****1234", "张**"):
        assert secret not in out
    assert "qzdata_hz88" in out and "13912345678" in out
    assert "深圳" in out and "本科" in out


def test_adversarial_input_stays_fast() -> None:
    text = ("王" * 5000 + "1" * 5000 + "*" * 5000 + "a@" * 3000 + "\n") * 4
    started = time.perf_counter()
    redact(text)
    assert time.perf_counter() - started < 2.0
