"""Pasted threads: a forum thread, a comment section or a chat log copied as one listing.

``thread_posts(text)`` tells the posts of other people than the thread's author (``others``),
the "@name" that open a reply (``addressed``), the others' posts that name a price
(``priced``) and whether the author names one. contacts.py keeps the seller's contacts with
it; analyze() reads the negative cues from the author's posts only and looks for an offer in a
priced reply when the author asks.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from monitor.extract.fastre import Gate
from monitor.extract.spans import Spans

logger = logging.getLogger(__name__)


# A post header of a pasted forum thread, at a line start: "3楼 name：", "#2 name", "2# 發表於",
# "沙发 name", "回复 #3 name", "Reply by user name:", "Reply (name):", "Re:". Group "who" is
# what stands for the author (may hold a date, "楼主", "OP").
# Searched on "\n" + text: led by the literal "\n", the pattern is tried at line starts only
# (with "^" and re.MULTILINE the regex engine tries every position).
_POST_HEADER = re.compile(
    r"\n[ \t]*(?:[【\[(（]?[ \t]*(?:\d{1,4}[ \t]*(?:[楼#]|[fl](?![a-z]))|#[ \t]?\d{1,4}|"
    r"沙发|板凳|地板|"
    # an unnamed reply: "回复：两毛卖不卖"
    r"回复(?=[ \t]*[:：])|"
    # "楼主" alone heads a post only as a label ("【楼主】", "楼主:"), not "楼主呢啲..."
    r"楼主(?=[】\])）:：]|[ \t]*(?=\n|\Z))|"
    r"回复[ \t]*#[ \t]?\d{1,4})(?![\d])[】\])）]?"
    r"[ \t]*(?P<who>[^\n:：]{0,40}?)[ \t]*(?:[:：]|(?=\n|\Z))"
    r"|reply (?:by|from)(?: user)?[ \t]+(?P<by>[^\n:]{1,40}?)[ \t]*:"
    r"|reply[ \t]*\((?P<paren>[^\n)]{1,40})\)[ \t]*:"
    r"|re:"
    r"|reply[ \t]*(?:#?[ \t]?\d{1,4}[ \t]*[—–\-:·|]|[—–\-·])[ \t]*(?P<rn>[^\n:|]{1,60}?)"
    r"(?:[ \t]*\|[^\n:]{0,40})?"
    r"[ \t]*(?::|(?=\n))"
    # a chat log: "[12:01] Rahul K: anyone having…", "[Today at 9:13 PM] ziprec_guy: …",
    # "[2024-05-20 14:02] 老周-人力：…", "[08/04/2024, 11:02] Vikram Data: …"
    r"|\[(?:[a-z]{3,9} at |\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4},?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?: ?[ap]m)?\][ \t]*(?P<chat>[^\n:：]{1,30}?)[ \t]*[:：]"
    # tagged posts: "[Post] buyer_blr:", "[Reply] cvking_in:"
    r"|\[(?:post|op)\][ \t]*(?P<optag>[^\n:：]{1,30}?)[ \t]*[:：]"
    r"|\[(?:reply|comment)\][ \t]*(?P<tag>[^\n:：]{1,30}?)[ \t]*[:：]"
    # numbered replies under a post: "[1] 老K：我有58的普工…"
    r"|\[\d{1,3}\][ \t]*(?P<num>[^\n:：\]]{1,20}?)[ \t]*[:：]"
    r"|original post(?: by)?[ \t]+(?P<orig>[^\n:]{1,40}?)[ \t]*:"
    r"|(?P<ask>问)[ \t]*[:：]"
    r"|回答[ \t]*\d{0,3}[ \t]*(?:[(（](?P<ans>[^)）\n]{0,40})[)）])?[ \t]*[:：]"
    r"|(?P<wrote>[^\s:]{2,32}) wrote:"
    # a user name alone on its line: kept only in a conversation (see _thread)
    r"|(?P<user>[a-z][a-z0-9_.\-]{2,31}):[ \t]*(?=\n|\Z)"
    # PTT's pushes: "推 kevin0311: 上次…", "→ datafox77: 我的可以先验", "噓 lawguy: …"
    r"|(?:推|嘘|→)[ \t]+(?P<push>[a-z0-9_]{2,20})[ \t]*:"
    # (the arrow is gone with the decorations: the push's date and time end its line)
    r"|(?P<timed>[a-z0-9_]{2,20})[ \t]*:[^\n]{0,80}?[ \t]\d{2}/\d{2}[ \t]+\d{2}:\d{2}[ \t]*"
    r"(?=\n|\Z)"
    # a post's header line: "OP  kangaroo_kid  (Rep 37)", "Reply #3  kangaroo_kid"
    r"|(?:op|reply[ \t]*#[ \t]?\d{1,4})[ \t]+(?P<line>[a-z0-9_.\-]{2,32})"
    r"(?:[ \t]+\([^\n)]{0,30}\))?[ \t]*(?=\n))",
    re.IGNORECASE,
)
# A comment section copied with its reply arrows ("小鹿同学：…", "  ↳ 职场老刘：…"): every
# "name：" line starts a comment (only where a "↳" shows it is such a section).
_COMMENT_HEADER = re.compile(r"\n[ \t]*(?:↳[ \t]*)?(?P<cm>[^\n:：↳]{1,16})[:：]")
# ... or under a heading of replies ("—— 回复 ——", "——楼下回复——", "评论区：").
_REPLIES_HEADING = re.compile(
    r"\n[ \t]*[-—─=]*[ \t]*(?:楼下)?(?:回复|评论|留言)区?[ \t]*[-—─=:：]*[ \t]*(?=\n)"
)
_POST_GATE = (
    "楼",
    "#",
    "沙发",
    "板凳",
    "地板",
    "eply",
    "EPLY",
    "re:",
    "Re:",
    "RE:",
    "wrote:",
    ":\n",
    "回答",
    "回复",
    "riginal post",
    "] ",
    "]",
)
# A post that names a price: where the seller is when the thread's author is a buyer.
PRICED = re.compile(
    r"[$€£¥₹]|\d[ \t]*(?:元|块|毛|角|usdt|usd|u\b)|[一二两三四五六七八九十][ \t]*[毛角块元]|"
    r"条/|/条|一条|每条|[千万百w]条|一份|每份|/份|price|价|(?<![a-z])rs\.?[ \t]?\d|\d[ \t]*each|"
    r"(?<![a-z])per (?:record|lead|cv|resume|row|1k|k)|"
    r"\d[ \t]*/[ \t]*(?:record|lead|cv|row|profile)|"
    # a bare sum for the lot: "5000条 800 拿走", "打包价 1500"
    r"\d[ \t]*(?:拿走|带走|包走)|打包价?[ \t]*[:：]?[ \t]*\d|"
    r"(?<![a-z])(?:usd|aud|eur|gbp|inr|usdt)[ \t]?\d",
    re.IGNORECASE,
)
# The author's tag after a name in the replies: "数据小陈（作者）", "Mike (OP)".
AUTHOR_TAG = r"[(（](?:作者|楼主|up主|博主|op|author|seller|卖家)[)）]"
_OP_WORD = re.compile(
    rf"楼主|(?<![A-Za-z])(?:op|seller)(?![A-Za-z])|卖家|樓主|{AUTHOR_TAG}", re.IGNORECASE
)
_FIRST_FLOOR = re.compile(r"^[ \t]*(?:1[ \t]*(?:[楼#]|[fl](?![a-z]))|#[ \t]?1)(?!\d)", re.I)


@dataclass(frozen=True, slots=True)
class Thread:
    """Posts of a pasted thread: ``others`` spans the posts of people other than the thread's
    author (their QQ in "我也要一份，我Q ..." is a buyer's), ``addressed`` the positions of
    "@name" that open a post (a reply addressed to someone, not a contact)."""

    others: Spans
    addressed: frozenset[int]
    priced: tuple[tuple[int, int], ...]  # the others' posts that name a price, one by one
    author_prices: bool  # whether the author's own posts name a price


# The last text read and its posts: find_contacts() and analyze() both ask for the same
# listing's (the cache holds the text, so no other string can have its identity meanwhile).
_LAST_THREAD: list[tuple[str, Thread | None]] = [("", None)]


def thread_posts(text: str) -> Thread | None:
    """The posts of a thread pasted as one text (None when it is no thread)."""
    last_text, last = _LAST_THREAD[0]
    if text is last_text:
        return last
    thread = _thread(text)
    _LAST_THREAD[0] = (text, thread)
    return thread


_STARTER = re.compile(
    r"(?:thread starter|started by|thread by|作者)[ \t]*[:：][ \t]*(?P<name>[^\n|,]{1,40}?)[ \t]*"
    r"(?=[|,\n]|\Z)"
    # "Posted by rk_datahub · 21 replies", "楼主 hunter_lp 2024-10-11": a handle, one word
    r"|(?:posted by|started by|thread by|楼主|作者)[ \t]*[:：]?[ \t]+(?P<word>[^\s|,·:：]{2,40})",
    re.IGNORECASE,
)


# A forum post's author panel: the name, then its rank and counts on the same line.
_USER_PANEL = re.compile(
    r"(?:^|\n)[ \t]*(?P<name>[A-Za-z0-9_.\-\u4e00-\u9fff]{2,30})[ \t]{2,}[^\n]{0,60}?"
    r"(?:posts|joined|注册|积分|uid|帖子|发帖)[ \t]*[:：]?[ \t]*\d",
    re.IGNORECASE,
)
_LABELLED_NAME = re.compile(r"[ \t]*([^\n|,:：]{1,40}?)[ \t]*\|")


def _headers(text: str) -> list[re.Match[str]]:
    """The post headers of a text (positions in "\n" + text: a header's line starts at
    m.start() in text)."""
    headers = list(_POST_HEADER.finditer("\n" + text))
    replies = (
        _REPLIES_HEADING.search("\n" + text)
        if "回复" in text or "评论" in text or "留言" in text
        else None
    )
    if "↳" in text or replies is not None:
        starts = {m.start() for m in headers}
        after = 0 if "↳" in text or replies is None else replies.end()
        headers += [
            m for m in _COMMENT_HEADER.finditer("\n" + text, after) if m.start() not in starts
        ]
        headers.sort(key=lambda m: m.start())
    users = [str(m.groupdict()["user"]) for m in headers if m.groupdict().get("user")]
    if users and (len(set(users)) == len(users) or any(not u.islower() for u in users)):
        # "Contact:" or "price:" alone on a line: only names that answer each other are posts
        headers = [m for m in headers if not m.groupdict().get("user")]
    return headers


def _thread(text: str) -> Thread | None:
    for mark in _POST_GATE:  # a plain loop: any() over a generator costs more than the checks
        if mark in text:
            break
    else:
        return None
    headers = _headers(text)
    if len(headers) < 2:
        return None  # one "#3" or "Re:" line is no thread
    # "Thread starter: dachsbau", "楼主：数据老刘": the author named above the first post
    starter = (
        _STARTER.search(text[: headers[0].start() + 1])
        if "tarter" in text
        or "作者" in text
        or "osted by" in text
        or "楼主" in text
        or "hread by" in text
        else None
    )
    op_name = "" if starter is None else (starter.group("name") or starter.group("word")).strip()
    if not op_name and ("osts" in text or "oined" in text or "注册" in text or "积分" in text):
        # "eu_leads_plug   ★ Trusted seller   Posts: 389   Joined: 2021": the author's panel
        panel = _USER_PANEL.search(text, 0, headers[0].start() + 1)
        op_name = "" if panel is None else panel.group("name")
    first_chat = headers[0].groupdict().get("chat")
    if not op_name and first_chat and headers[0].start() <= text.find("\n", 1) + 1:
        # a chat log opening with its first message: whoever posts first offers, the others
        # answer ("[2024-06-18 22:10] 拉勾哥：1W条=300 …", "[…] 群友A：别人0.02一条")
        op_name = first_chat.strip()
    others = Spans()
    priced: list[tuple[int, int]] = []
    addressed: set[int] = set()
    for i, m in enumerate(headers):
        groups = m.groupdict()
        who = "".join(
            groups.get(g) or ""
            for g in (
                "push",
                "timed",
                "line",
                "who",
                "by",
                "paren",
                "wrote",
                "user",
                "rn",
                "orig",
                "ans",
                "cm",
                "chat",
                "num",
                "tag",
                "optag",
            )
        ).strip()
        header = m.group(0)[1:]
        start, body = m.start(), m.end() - 1  # in text
        if groups.get("orig") or groups.get("ask") or groups.get("optag"):  # "问：", "[Post] x:"
            op, op_name = True, op_name or who
        elif _OP_WORD.search(header):
            op = True
            if not op_name:
                op_name = _OP_WORD.sub("", who).strip()
            if not op_name:
                # "楼主：夜猫子数据 | 2024-04-07 | 查看 1,021": the name on the label's line
                named = _LABELLED_NAME.match(text, body)
                op_name = "" if named is None else named.group(1)
        elif i == 0 and _FIRST_FLOOR.match(header):
            op, op_name = True, who  # the first floor is the thread's author
        else:
            op = bool(op_name) and who == op_name
        header_end = body
        while body < len(text) and text[body] in " \t\n":
            body += 1
        if text.startswith("@", body):
            addressed.add(body)
        if not op:
            end = headers[i + 1].start() if i + 1 < len(headers) else len(text)
            others.add(start, end)
            if PRICED.search(text, header_end, end):
                priced.append((start, end))
    author_prices = False
    pos = 0
    for start, end in others.intervals():
        if PRICED.search(text, pos, start):
            author_prices = True
            break
        pos = end
    else:
        author_prices = PRICED.search(text, pos) is not None
    return Thread(others, frozenset(addressed), tuple(priced), author_prices)


# A channel export: posts between date lines ("—— 2025年1月7日 ——", "---- October 2 ----",
# "— 15 May —", "—————————") or closed by their view count ("👁 2.9K  edited  14:22").
_CHANNEL_BREAK = re.compile(
    # a date line between dashes: "—— 2025年1月7日 ——", "---- October 2 ----", "— 15 May —"
    r"\n[ \t]*[-—=─]{1,}[ \t]*"
    r"(?=[^\n]{0,24}?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
    r"[^\n-—=─]{1,24}[ \t]*[-—=─]{1,}[ \t]*(?=\n|\Z)"
    # a post's footer: its view count ("👁 2.9K  edited  14:22", "views 2.2K    14:02")
    r"|\n[ \t]*(?:👁|views?:?)?[ \t]*[\d.,]+[km]?[ \t]+(?:[^\n]{0,24}?[ \t])?\d{1,2}:\d{2}[ \t]*"
    r"(?=\n|\Z)"
    # an export's post header: "[2024-01-08 22:10]", "[03.05 14:22]"
    r"|\n[ \t]*\[(?:20\d{2}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}(?:[./-](?:20)?\d{2})?)"
    r"[ \t]+\d{1,2}:\d{2}(?::\d{2})?\][ \t]*(?=\n|\Z)",
    re.IGNORECASE,
)
_GATE_CHANNEL = Gate(re.compile(r"——|--|—|==|──|👁|view|\[\d"))


def channel_posts(text: str) -> list[tuple[int, int]]:
    """The posts of a channel export pasted as one text, or [] when it is none (fewer than
    three posts)."""
    if not _GATE_CHANNEL.open(text):
        return []
    posts: list[tuple[int, int]] = []
    start = 0
    for m in _CHANNEL_BREAK.finditer(text):
        if m.start() > start:
            posts.append((start, m.start()))
        start = m.end()
    if start < len(text):
        posts.append((start, len(text)))
    return posts if len(posts) >= 3 else []


# Words of a channel post that offers job seekers' records.
# (Latin words not inside a handle: "@boss_jianli_66" names no platform. Only channel
# exports are searched, so the leading lookbehind's cost does not matter.)
_POST_SUBJECT = re.compile(
    r"简历|求职|应聘|人才|智联|前程|boss直聘|猎聘|拉勾|58同城|赶集|脉脉|领英|"
    r"(?<![\w@])(?:resume|cv|candidate|job ?seeker|applicant|talent|boss|linkedin|indeed|naukri|"
    r"monster|seek|glassdoor)",
    re.IGNORECASE,
)


def other_posts(text: str) -> list[tuple[int, int]]:
    """In a channel export, the posts that say nothing of job seekers' records (the channel's
    other ads: "出售飞机老号", "收各平台HR企业账号", a VPN deal), when one post does."""
    posts = channel_posts(text)
    if not posts:
        return []
    others = [(a, b) for a, b in posts if _POST_SUBJECT.search(text, a, b) is None]
    return others if len(others) < len(posts) else []


# Other people's data that sellers of resumes also sell: the words that name it (prices.py
# reads a price list's lines by them; every alternative led by a literal: the prefilter).
OTHER_DATA_SOURCE = (
    r"车主|股民|贷款|网贷|信用卡|宝妈|母婴|业主|楼盘|保险|家长|医美|彩票|棋牌|炒股|理财|"
    r"loan|credit card|crypto|investor|insurance|mortgage|car owner|patient(?<!impatient)|"
    r"homeowner|parents|gambl|casino|forex"
)
# What a channel's other ads sell: other people's data, companies, a forwarded post.
_OTHER_AD = re.compile(
    OTHER_DATA_SOURCE + r"|工商|企业名录|公司名录|forwarded from|转发自|b2b|gst|compan(?:y|ies)",
    re.IGNORECASE,
)


def other_ads(text: str) -> list[tuple[int, int]]:
    """In a channel export, the other posts (see other_posts) that sell something else:
    other people's data ("【车主数据】2024 新车车主 0.05/条"), a forwarded ad ("Forwarded from GST
    Leads India … 1.2 crore companies"). Not the channel's price lists and stock counts, which
    name no subject either."""
    return [(a, b) for a, b in other_posts(text) if _OTHER_AD.search(text, a, b) is not None]


def within(pos: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= pos < end for start, end in spans)


# Page furniture a crawl captures with a listing: reviews and comment sections, FAQs,
# "customers also bought", the seller's other items, breadcrumbs. Buyers' questions, a
# commenter's "这不违法吗", a breadcrumb's "B2B Data" or a printer among the seller's other
# items say nothing against the listing itself.
_CHROME_SECTION = re.compile(
    # (a heading may be set off by rules or brackets: "—— 看了又看 ——", "【评价】")
    r"\n[ \t]*(?:[【\[]|[-—─━=*#]{1,8})?[ \t]*"
    # (a row of headings between rules: "———— 公司档案 | 成交记录 | 相关推荐 ————")
    r"(?:(?<=[-—─━=][ \t])(?:[^\n|]{1,12}\|[ \t]*){1,4})?"
    r"(?:热门评论|精彩评论|全部评论|商品评价|买家评价|店铺评价|店长推荐|公司档案|成交记录|"
    r"宝贝评价|累计评价|用户评价|评价[(（]\d|评价[ \t]*(?=[】\]—\-=\n])|评价[:：][ \t]*[“\"]|"
    r"\d{1,3}(?:\.\d)?%[ \t]*好评|评论区|问大家|常见问题|卖家其他宝贝|"
    r"店铺其他|猜你喜欢|看了又看|同行还在看|大家都在看|为你推荐|相关推荐|买家秀|留言[(（]\d|"
    r"店铺推荐|店铺热卖|相似商品|相关商品|你可能也喜欢|你可能有兴趣|其他人还在看|大家还在看|"
    r"看过的人还看了|类似物品|类似商品|相似物品|卖场其他商品|卖家其他商品|你可能还喜欢|评价详情|掌柜热卖|本店热卖|"
    r"[-—]{2,}[ \t]*(?:评论|留言)|查看更多评论|相关笔记|相关帖子|相关文章|热门话题|最新粘贴|热议榜|"
    r"共?[ \t]*\d+[ \t]*条评论|评论[ \t]*[:：]?[ \t]*(?=\n)|"
    r"top reviews?|customer reviews?|reviews? \(\d|ratings? (?:&|and) reviews|"
    r"customers (?:also|who) (?:bought|viewed)|you (?:may|might) also like|faq|frequently asked|"
    r"frequently bought together|also bought|other (?:listings|products|items) (?:by|from) "
    r"(?:this seller|[^\s]{2,30}[ \t]*(?=\n))|related services|recent reviews|client feedback|"
    r"feedback[ \t]*(?=\n)|"
    r"reviews?[ \t]*(?:[★☆⭐]|(?=\n))|ratings?[ \t]*[★☆⭐]|"
    r"today's picks|similar (?:threads|listings|items|sponsored items)|"
    r"related (?:threads|posts|listings|items)|"
    r"more from this seller|recent pastes|public pastes|similar ads|related ads|safety tips|"
    r"最近分享|"
    # a social post's replies and comments: "Replies", "Most relevant comments"
    r"(?:replies|comments)[ \t]*:?[ \t]*(?=\n)|(?:most relevant|all|top|view all) comments|"
    r"回复[:：][ \t]*(?=\n))",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"\n[^\n]{1,40}(?: / | › | > )[^\n]{1,40}(?: / | › | > )[^\n]*")


_GATE_CHROME = Gate(_CHROME_SECTION)
_RECORDS = re.compile(r"\d[ \t]*[万千wk]?[ \t]*(?:份|条|records?|rows?|cvs?|resumes?|leads?)", re.I)


_SELLERS_OWN = re.compile(r"常见问题|faq|frequently asked", re.IGNORECASE)
# The heading of the seller's own part of a shop page, alone on its line.
_SELLERS_SECTION = re.compile(
    r"\n[ \t]*(?:[【\[]|[-—─━=*#]{1,8})?[ \t]*(?:商品详情|宝贝详情|商品介绍|产品详情|商品描述|"
    r"商品信息|产品介绍|详情|description|item description|details|product details|overview|"
    r"what's inside|about this (?:item|product|service|listing)|specifications)"
    r"[ \t]*(?:[】\]]|[-—─━=*#]{1,8})?[ \t]*(?=\n|\Z)",
    re.IGNORECASE,
)


def _chrome(text: str, fold: str | None) -> re.Match[str] | None:
    """The first heading of a furniture section (its gate asked of ``fold`` when given)."""
    if fold is not None and not _GATE_CHROME.open(fold):
        return None
    return _CHROME_SECTION.search(text)


def chrome_sections(text: str, fold: str | None) -> list[tuple[int, int]]:
    """Where the page furniture of a listing starts and ends (reviews, comments, buyers' Q&A,
    "customers also viewed"; not the seller's FAQ), each section whose heading stands on a
    short line of its own: it runs to the end of the text, or to the heading of the seller's
    own section after it ("———— 商品详情 ————", "Description": a shop page may put its
    reviews first)."""
    section = _chrome(text, fold)
    sections: list[tuple[int, int]] = []
    while section is not None:
        if _SELLERS_OWN.search(section.group(0)):
            break  # the seller's own FAQ may end with the seller's contact
        line_end = text.find("\n", section.end())
        if (line_end if line_end >= 0 else len(text)) - section.end() > 16:
            break  # "评论区别问价，直接私信": a sentence, not a heading
        resume = _SELLERS_SECTION.search(text, section.end()) if line_end >= 0 else None
        if resume is None:
            sections.append((section.start(), len(text)))
            break
        sections.append((section.start(), resume.start()))
        section = _CHROME_SECTION.search(text, resume.end())
    return sections


# A line of the site's own chrome: a navigation or footer row ("Archiver | 手机版 | 小黑屋",
# "Privacy · Terms · Advertising · Cookies · Meta © 2024", "[原文] [下载] [打印]", "粘贴者: 匿名
# 发布: 2024-03-08  语法: 纯文本  过期: 30天"): its words ("打印", "举报", "Advertising") say
# nothing of the listing.
_SITE_LINE = re.compile(
    r"\n[^\n]{0,120}(?:©|ICP备|Powered by|版权所有|All rights reserved)[^\n]{0,80}(?=\n|\Z)"
    # a row of links, two separators at least
    r"|\n(?=[^\n]*[|·｜][^\n]*[|·｜])[^\n]{0,100}(?:服务条款|隐私政策|Privacy|Terms|Cookies?|举报|"
    r"手机版|Archiver|帮助中心|联系我们|Contact staff)[^\n]{0,100}(?=\n|\Z)"
    r"|\n[ \t]*(?:\[[^\]\n]{1,8}\][ \t]*){3,}[^\n]{0,60}(?=\n|\Z)"
    r"|\n[^\n]{0,40}(?:粘贴者|语法|过期|浏览)[ \t]*[:：][^\n]{0,60}(?:语法|过期|浏览)[ \t]*[:：]"
    r"[^\n]{0,40}(?=\n|\Z)",
)
_GATE_SITE_LINE = Gate(_SITE_LINE)


def furniture(text: str, fold: str | None) -> Spans:
    """``fold``: Normalized.fold (the lower-cased text when a gate may read it, else None)."""
    spans = Spans()
    if _GATE_SITE_LINE.open(text):
        for m in _SITE_LINE.finditer("\n" + text):
            spans.add(max(0, m.start()), m.end() - 1)
    if " / " in text or " › " in text or " > " in text:
        for m in _BREADCRUMB.finditer(text):
            # (not a row of the item's options, their records and prices: "【500份】¥39.9 /
            # 【2000份】¥99")
            if not (
                _RECORDS.search(text, m.start(), m.end())
                and PRICED.search(text, m.start(), m.end())
            ):
                spans.add(m.start(), m.end())
    section = _chrome(text, fold)
    while section is not None:
        resume = _SELLERS_SECTION.search(text, section.end())
        if resume is None:
            spans.add(section.start(), len(text))
            break
        spans.add(section.start(), resume.start())
        section = _CHROME_SECTION.search(text, resume.end())
    return spans
