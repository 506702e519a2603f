"""Telegram ``t.me/s/<channel>`` parsing on the saved real pages."""

from __future__ import annotations

import pytest
from parsel import Selector

from monitor.pages.common import ParseError
from monitor.pages.telegram import parse_channel_page


def test_feedjam_last_page_has_every_post_and_no_older_page(real) -> None:
    page = parse_channel_page(real("telegram/tme-s-feedjam-2023.html"))
    assert (page.channel, page.title, page.description, page.subscribers) == (
        "feedjam",
        "feedjam",
        "feedjam test",
        1,
    )
    assert [m.message_id for m in page.messages] == [1, 2, 3, 4, 5, 6, 7]
    # Only link[rel=canonical] (?before=8): the oldest page, nothing older to fetch.
    assert page.before is None
    created, hello, images = page.messages[:3]
    assert created.service and created.text == "Channel created" and created.views is None
    assert hello.url == "https://t.me/feedjam/2"
    assert hello.text == "what’s upp"
    assert hello.posted_at == "2023-07-29T08:50:12+00:00"
    assert (hello.views, hello.views_count, hello.author) == ("2", 2, "feedjam")
    assert images.text == "test with images" and len(images.photos) == 1
    assert images.photos[0].startswith("https://cdn4.telegram-cdn.org/file/FYc9G7F7")
    lorem = page.messages[5]
    assert lorem.text.startswith('The standard Lorem Ipsum passage, used since the 1500s\n"Lorem')
    assert "\n\nSection 1.10.32 of" in lorem.text  # <br><br> is a blank line


def test_topwar_page_with_albums_videos_forwards_and_links(real) -> None:
    page = parse_channel_page(real("telegram/tme-s-topwar_official-2023-reformatted.html"))
    assert (page.channel, page.title, page.subscribers) == (
        "topwar_official",
        "Военное обозрение",
        109_000,
    )
    assert page.description.startswith("Официальный канал сайта topwar.ru\n\nДля обратной связи")
    assert page.before == 70989  # link[rel=prev]
    assert [m.message_id for m in page.messages] == [
        70989,
        70990,
        70992,
        70995,
        70996,
        70997,
        70998,
        70999,
        71000,
        71006,
        71007,
        71008,
    ]
    first = page.messages[0]
    # Re-indented source: line breaks inside text nodes are spaces, only <br> breaks lines.
    assert first.text == (
        "В Санкт-Петербурге в небо над городом подняли истребители из-за неизвестного объекта "
        "в воздухе, аэропорт Пулково не принимает самолеты, сообщает Baza.\n"
        "Судя по сервису Flightradar, гражданские самолеты не приближаются к Санкт-Петербургу."
    )
    assert (first.views, first.views_count) == ("37.2K", 37_200)
    assert first.posted_at == "2023-02-28T07:47:53+00:00"
    forwarded = page.messages[4]
    assert forwarded.forwarded_from == "Военкор Ярем"
    assert forwarded.links == ["https://t.me/infantmilitario/93419", "https://t.me/yaremshooter"]
    album = page.messages[8]
    assert album.message_id == 71000 and len(album.photos) == 6
    assert (
        album.text
        == "Последствия ночного удара БПЛА-камикадзе ВСУ по нефтебазе в Туапсе сегодня ночью."
    )
    assert [m.message_id for m in page.messages if m.has_video] == [70992, 71006, 71007, 71008]
    assert not any(m.service for m in page.messages)


def test_forwarded_fragment(real) -> None:
    page = parse_channel_page(real("telegram/fragment-message-forwarded-2023.html"))
    (msg,) = page.messages
    assert (msg.channel, msg.message_id, msg.url) == (
        "oper_goblin",
        22358,
        "https://t.me/oper_goblin/22358",
    )
    assert msg.text == "Британская разведка выяснила, почему Ким Чен Ын начал выводить дочку в свет"
    assert (msg.forwarded_from, msg.author) == ("Пул N3", "Tynu40k Goblina (oper.ru)")
    assert (msg.views_count, len(msg.photos)) == (214_400, 1)
    assert page.channel == "oper_goblin" and page.before is None


def test_poll_fragment_text_is_question_and_options(real) -> None:
    (msg,) = parse_channel_page(real("telegram/fragment-message-poll-2023.html")).messages
    assert msg.text == (
        "Как лучше? / Несколько постов в день / Один пост в несколько дней / "
        "Свой вариант в комментарии"
    )
    assert (msg.message_id, msg.views_count, msg.posted_at) == (
        488,
        1100,
        "2023-02-27T16:21:02+00:00",
    )


def test_a_page_that_is_not_a_channel_preview_is_a_parse_error(real) -> None:
    # What t.me/<channel> (no /s/) shows for a channel without a public preview.
    html = (
        '<div class="tgme_page"><div class="tgme_page_title"><span>x</span></div>'
        '<a class="tgme_action_button_new" href="tg://resolve?domain=x">View in Telegram</a></div>'
    )
    with pytest.raises(ParseError):
        parse_channel_page(Selector(text=html))
