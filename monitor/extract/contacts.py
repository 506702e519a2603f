"""Seller contacts: qq, wechat, telegram, phone, email, whatsapp, url (normalized as in
tests/data/CORPUS.md).

A number is a contact only when a cue says so (``QQ``/``扣扣``/``企鹅``, ``V``/``VX``/``薇信``,
``TG``/``飞机``, ``电话``, ``WhatsApp``, ``call``...). Sample rows of the data being sold hold the
victims' phones, e-mails and ids: lines that look like data rows (masked values, several field
separators, no contact word) are skipped, and a bare mobile number needs a contact word nearby.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

from monitor.extract.fastre import (
    Folded,
    Gate,
    compile_fast,
    compile_lookahead_led,
    lower_view,
    rewrite_lead,
)
from monitor.extract.spans import Spans
from monitor.extract.threads import (
    AUTHOR_TAG,
    Thread,
    chrome_sections,
    other_posts,
    thread_posts,
    within,
)

logger = logging.getLogger(__name__)

# Obfuscated e-mail: "name[at]example(dot)com", "name (at) example [dot] com".
_AT = re.compile(
    r"[ \t]{0,3}[\[(<{【（][ \t]{0,3}(?:at|艾特)[ \t]{0,3}[\])>}】）][ \t]{0,3}", re.IGNORECASE
)
_DOT = re.compile(
    r"[ \t]{0,3}[\[(<{【（][ \t]{0,3}(?:dot|点)[ \t]{0,3}[\])>}】）][ \t]{0,3}", re.IGNORECASE
)
# _AT and _DOT without their optional outer spaces: a match of one holds a match of its gate
# and the gate matches only where the pattern does. The patterns open with "[ \t]{0,3}", so the
# regex engine tries them at every position of a listing; a gate opens with a bracket class
# and skips to the few brackets.
_AT_GATE = re.compile(r"[\[(<{【（][ \t]{0,3}(?:at|艾特)[ \t]{0,3}[\])>}】）]", re.IGNORECASE)
_DOT_GATE = re.compile(r"[\[(<{【（][ \t]{0,3}(?:dot|点)[ \t]{0,3}[\])>}】）]", re.IGNORECASE)
# Patterns opening with a lookbehind get no regex prefilter: _EMAIL, _MOBILE and _NUMBER_RUN
# open with a lookahead of the class their first character is in (fastre.compile_lookahead_led
# turns it into a prefilter), _HANDLE checks its lookbehind after the "@" it opens with.
_EMAIL = compile_lookahead_led(
    r"(?=[A-Za-z0-9])(?<![\w.+-])[A-Za-z0-9][\w.+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,12}(?![\w])",
)


def _email_matches(text: str) -> Iterator[re.Match[str]]:
    """``_EMAIL.finditer(text)``, searched only in reach of each "@": the pattern tried at
    every word of a text (its local part read up to the "@" or 64 characters) cost ~10 us on a
    long listing. The local part is at most 64 characters, so no match starts more than 64
    before its "@", and none between ``pos`` and that start (its "@" would come first)."""
    pos = 0
    while True:
        at = text.find("@", pos)
        if at < 0:
            return
        m = _EMAIL.search(text, max(pos, at - 64))
        if m is None:
            return
        yield m
        pos = m.end()


_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'，。、）)\]】]+|(?<![\w.@/])(?:t|telegram)\.me/[A-Za-z0-9_+/]+|"
    r"wa\.me/\+?\d+",
    re.IGNORECASE,
)
_TG_URL = re.compile(
    r"(?:https?://)?(?:t|telegram)\.me/(?:\+|joinchat/)?(?P<h>[A-Za-z0-9_]{3,32})",
    re.IGNORECASE,
)
_WA_URL = re.compile(r"wa\.me/\+?(?P<d>\d{6,15})", re.IGNORECASE)
_HANDLE = re.compile(r"@(?<![\w.@]@)(?P<h>[A-Za-z][A-Za-z0-9_]{3,31})(?![\w@]|\.[A-Za-z])")
_TG_CUE = Folded(
    r"(?<![A-Za-z])(?:tg|telegram|电报|纸飞机|飞机|小飞机|电报号|飞机号)(?![A-Za-z])[ \t]*(?:号|id|"
    r"账号)?"
    r"[ \t]*(?P<sep>[:=@])?[ \t]*@?[ \t]?(?P<h>[A-Za-z][A-Za-z0-9_]{3,31})(?![\w.@])",
)
# Searched on "\n" + text (led by the literal, tried at line starts only).
_SPEAKER = re.compile(r"\n[ \t]*([a-z][A-Za-z0-9_]{3,31}):[ \t]+\S")
_REPLY_TO = re.compile(
    r"(?:reply(?:ing)? to|回复)[ \t]*@([A-Za-z][A-Za-z0-9_]{3,31})", re.IGNORECASE
)
_NOT_TG_BEFORE = re.compile(
    r"(?:微博|抖音|小红书|instagram|ins|twitter|x|快手|b站)[ \t]*[:]?[ \t]*$",
    re.IGNORECASE,
)
_QQ = Folded(
    r"(?:(?<![A-Za-z])(?:qq|扣扣|企鹅|抠抠|球球|秋秋|口口|q号|q我|扣我)|"
    r"(?<![A-Za-z0-9])q(?=[ \t]*[:=]|[ \t]+\d)|扣(?=[ \t]*[:=]|[ \t]+\d)|加[ \t]*扣)"
    r"[ \t]*(?:号码|号|群)?[ \t]*(?:联系我?|联络|私聊|加我?|找我)?[ \t]*[:=]?[ \t]*"
    r"(?P<d>[1-9](?:[ \t]{0,2}[-.]?[ \t]{0,2}\d){4,11})(?![\d])",
)
_WX_CUE = (
    r"(?:(?<![A-Za-z])(?:微信号|微信|wei ?xin|wechat|vx号|vx|v信|wx|薇信|威信|徽信|维信|卫星号|薇)"
    # (every alternative led by a literal, not a class: the regex prefilter needs that)
    r"|加[ \t]*(?:微|v|薇)|微(?=[ \t]*[:=])|威(?=[ \t]*[:=])|(?<![A-Za-z0-9])v(?=[ \t]*[:=])|"
    # (not the "V" of a spaced "C V database")
    r"(?<![A-Za-z0-9])v(?<![Cc] v)(?=[ \t]+[A-Za-z]))"
)
_WX = Folded(
    _WX_CUE + r"(?![A-Za-z])[ \t]*(?:号|id)?[ \t]*(?:聊|联系|私聊)?[ \t]*[:=]?[ \t]*"
    r"(?P<id>[A-Za-z][A-Za-z0-9_-]{2,19})(?![\w@.])",
)
_WX_WORDS = {
    "contact",
    "details",
    "only",
    "me",
    "us",
    "for",
    "and",
    "the",
    "or",
    "pay",
    "payment",
    "id",
}
# Phone-like cues and what each makes of the number after it.
_NUM_CUE_TYPES = (
    (re.compile(r"whats ?app|(?<![a-z])wa(?![a-z])", re.IGNORECASE), "whatsapp"),
    (re.compile(r"微信|wechat|vx|(?<![a-z])v(?![a-z])|薇|威", re.IGNORECASE), "wechat"),
    (
        re.compile(r"电话|手机|tel|phone|mobile|call|text|sms|致电|热线|联系|咨询", re.IGNORECASE),
        "phone",
    ),
)
_NUM_CUE_WORD = (
    r"(?:whats ?app|(?<![a-z])wa|微信|wechat|vx|(?<![a-z])v|薇信|威信|薇|威|电话|手机号?|联系电话|"
    r"tel|phone|mobile|call|text|sms|致电|热线|联系|售前咨询|咨询|同手机号?|viber|zalo)"
)
_NUM_CUE_LINK = r"[ \t]*(?:[/／&、,]|or|或|和)?[ \t]*"
_NUM_CUE_TAIL = (
    # fillers: "WhatsApp me on", "Whatsapp now 📲", "call Mark" (a name: capitalized, checked
    # in _numbers)
    r"(?:同号|同电话|同手机|号码|号)?"
    r"(?:[ \t]+(?!(?:me|us|now|on|at|only)(?![a-z]))(?P<who>[a-z]{2,12}))?"
    r"(?:[ \t]+(?:me|us|now|only)|[ \t]*(?:我|联系|联络|搵我|找我))?(?:[ \t]+(?:on|at))?"
    r"[ \t]*[^\w\s+(]{0,2}[ \t]*[:=]?[ \t]*"
    r"(?P<n>\+?\(?\d[\d \t\-().]{5,20}\d)(?!\d)"
)
_NUM_CUE = Folded(
    rf"(?:{_NUM_CUE_WORD}{_NUM_CUE_LINK}){{1,4}}{_NUM_CUE_TAIL}",
    # X{1,4} written X(?:X){0,3} so that the pattern starts with the (rewritten) cue words
    rf"{rewrite_lead(_NUM_CUE_WORD)}{_NUM_CUE_LINK}(?:{_NUM_CUE_WORD}{_NUM_CUE_LINK}){{0,3}}"
    rf"{_NUM_CUE_TAIL}",
)
_MOBILE = compile_lookahead_led(
    r"(?=[+81])(?<![\d+])(?:\+?86[ \t-]?)?1[3-9]\d(?:[ \t-]?\d){8}(?!\d)"
)
_SAME_AFTER = re.compile(
    r"[ \t]*[(（]?[ \t]*(?:微信同号|同微信|微信同步|vx同号|v同号|wechat same|"
    r"手机号?就是(?:微信|威信|薇信|vx|v)|(?:微信|威信|薇信|vx|v)就是手机号?)",
    re.IGNORECASE,
)
_CONTACT_WORD = compile_fast(
    r"联系|联络|咨询|私聊|私信|加我|找我|下单|购买|客服|contact|reach|call|text|whats ?app|"
    r"telegram|"
    r"(?<![a-z])tg(?![a-z])|"
    r"email|e-mail|邮箱|(?<!@)qq(?!\.com)|扣扣|微信|vx|电话|tel|dm|pm|admin|sales|order|buy|飞机",
    re.IGNORECASE,
)
# _CONTACT_WORD's twin for the lower-cased text (fastre.Folded's reasoning: same matches when
# the text allows it). With IGNORECASE its letter-led alternatives get no regex prefilter and
# every position of each line is tried; case-sensitive on the lower-cased text it skips to
# candidates (~5x faster on the corpus lines).
_CONTACT_WORD_LOWER = re.compile(_CONTACT_WORD.pattern)


def _contact_word(text: str, fold: str | None, start: int, end: int) -> bool:
    """Whether a contact word occurs in ``text[start:end]``, searched on ``fold`` (the text's
    lower-cased view, or None) when there is one."""
    if fold is None:
        return _CONTACT_WORD.search(text, start, end) is not None
    return _CONTACT_WORD_LOWER.search(fold, start, end) is not None


_MASKED = re.compile(r"\*{2,}|\d\*+\d|[A-Za-z\u4e00-\u9fff]\*+(?:[,|\s]|$)|x{3,}", re.IGNORECASE)
# One class (not "[|,\t;]|、"): a class-led pattern skips ahead to candidate characters.
_FIELD_SEP = re.compile(r"[|,\t;、]")


_NUMBER_RUN = compile_lookahead_led(r"(?=\d)\d(?:[ \t\-().]?\d){4}")
_TG_GATE = re.compile(r"tg|telegram|电报|飞机")


def _sellers_only(found: list[Contact], thread: Thread) -> list[Contact]:
    """Contacts of a pasted thread without the addressees of replies and, when the thread's
    author (or anyone outside the others' posts) left one, without the others' contacts."""
    found = [c for c in found if not (c.type == "telegram" and c.pos in thread.addressed)]
    by_author = [c for c in found if c.pos not in thread.others]
    in_priced = [c for c in found if within(c.pos, thread.priced)]
    if by_author and (thread.author_prices or not in_priced):
        found = by_author
    elif in_priced:
        # The author asks; the seller is whoever answers with a price.
        found = in_priced
    return found


@dataclass(frozen=True, slots=True)
class Contact:
    pos: int
    type: str
    value: str


# "zlqc2021#163.com（#换成@）", "name*proton.me (replace * with @)": the stand-in, then each
# address written with it.
_AT_STAND_IN = re.compile(
    r"(?P<c>[#*&%$!~])[ \t]*(?:换成|改成|替换成|替换为|改为|变成|=|→|->)[ \t]*@"
    r"|(?:replace|swap|change)[ \t]+(?P<c2>[#*&%$!~])[ \t]+(?:with|by|for|to)[ \t]+@",
    re.IGNORECASE,
)
# Addresses of instant messengers written like e-mails (jabber, xmpp): not mailboxes.
_XMPP = re.compile(r"jabber|xmpp", re.IGNORECASE)


# "northdata.ca at outlook dot com": both words spelled out between the parts of an address.
_SPELLED_ADDRESS = re.compile(
    r"(?P<u>[A-Za-z0-9][A-Za-z0-9._%+-]{0,63})[ \t]+(?:at|AT)[ \t]+(?P<d>[A-Za-z0-9-]{2,63}"
    r"(?:[ \t]+(?:dot|DOT)[ \t]+[A-Za-z0-9-]{2,63})*)[ \t]+(?:dot|DOT)[ \t]+(?P<t>[A-Za-z]{2,12})"
    r"(?![A-Za-z0-9])"
)


def _spelled_address(m: re.Match[str]) -> str:
    domain = re.sub(r"[ \t]+(?:dot|DOT)[ \t]+", ".", m.group("d"))
    return f"{m.group('u')}@{domain}.{m.group('t')}"


def _stand_in_at(text: str) -> str:
    m = _AT_STAND_IN.search(text)
    if m is None:
        return text
    char = re.escape(m.group("c") or m.group("c2"))
    # "ukcvs # mailfence . com (swap # for @ and drop the spaces)"
    text = re.sub(
        rf"(?<=[A-Za-z0-9_])[ \t]+{char}[ \t]+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])[ \t]+\.[ \t]+"
        rf"(?=[A-Za-z]{{2,12}}(?![\w]))",
        lambda s: s.group(0).strip(),
        text,
    )
    return re.sub(
        rf"(?<=[A-Za-z0-9_.+-]){char}(?=[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{{2,12}}(?![\w]))",
        "@",
        text,
    )


# Instructions that come with a disguised handle: "(中间空格去掉)", "(去掉中间的字母)".
_NO_SPACES = re.compile(r"空格去掉|去掉空格|去空格|去掉中间的空格|remove (?:the )?spaces")
_NO_LETTERS = re.compile(r"去掉中间的字母|去掉字母|去除字母|remove (?:the )?letters")


# "Q：9O1 2O3 447": the letter O between digits is a zero.
_DIGIT_O = re.compile(r"\dO")  # its gate: led by a class, the regex engine skips ahead
_LETTER_O = re.compile(r"(?<=\d)O(?=[\dO])|(?<=\dO)O(?=\d)")
# "🐧 前五位：10247 / 🐧 后四位：7896": a number given in two halves.
_HALVES = re.compile(
    r"前[一二三四五六七八]位[ \t]*[:：][ \t]*(?P<a>\d{2,8})[^\n\d]{0,4}\n?[^\n\d]{0,8}"
    r"后[一二三四五六七八]位[ \t]*[:：][ \t]*(?P<b>\d{2,8})"
)


def _deobfuscate(text: str) -> str:
    if "位" in text and _HALVES.search(text):
        text = _HALVES.sub(lambda m: m.group("a") + m.group("b"), text)
    # (the capital O only: a lower-case o between digits is rare, and "o" is in every English text)
    if "O" in text and _DIGIT_O.search(text):
        text = _LETTER_O.sub("0", text)
    if "去" in text or "emove" in text or "EMOVE" in text:
        if _NO_SPACES.search(text):
            text = re.sub(r"(?<=[A-Za-z0-9])[ \t]*_[ \t]*(?=[A-Za-z0-9])", "_", text)
            text = re.sub(r"@[ \t]+(?=[A-Za-z])", "@", text)  # "Admin: @ naukri _ dump"
        if _NO_LETTERS.search(text):
            text = re.sub(r"(?<=\d)[ \t]*[A-Za-z][ \t]*(?=\d)", " ", text)
    if " dot " in text or " DOT " in text:
        text = _SPELLED_ADDRESS.sub(_spelled_address, text)
    if "@" in text and (
        "换成" in text
        or "改成" in text
        or "替换" in text
        or "eplace" in text
        or "wap " in text
        or "hange " in text
        or "改为" in text
        or "变成" in text
        or "=" in text
        or "→" in text
        or "->" in text
    ):
        text = _stand_in_at(text)
    if "at" not in text.lower() and "艾特" not in text:
        return text
    # Each substitution only when its gate finds something to replace ("at" is in most
    # English texts, an obfuscated address in few).
    if _AT_GATE.search(text) is not None:
        text = _AT.sub("@", text)
    if _DOT_GATE.search(text) is not None:
        text = _DOT.sub(".", text)
    return text


def _data_rows(text: str, fold: str | None) -> Spans:
    """Spans of lines that look like rows of the data for sale (the victims' records)."""
    rows = Spans()
    pos = 0
    # Every _MASKED alternative needs a "*" or "xxx": without them no line is masked.
    maybe_masked = "*" in text or "xxx" in text.lower()
    for line in text.split("\n"):
        end = pos + len(line)
        seps = len(_FIELD_SEP.findall(line))
        # A masked value beside a field separator, or many separators and no contact word.
        # (The contact word is searched within the line's bounds of the whole text: its only
        # lookbehind, "(?<![a-z])", then sees the "\n" before the line, as good as nothing.)
        if seps and (
            (maybe_masked and _MASKED.search(line) is not None)
            or (seps >= 3 and not _contact_word(text, fold, pos, end))
        ):
            rows.add(pos, end)
        pos = end + 1
    return rows


def _in(spans: Spans, pos: int) -> bool:
    return pos in spans


def _digits(raw: str) -> str:
    return "".join(ch for ch in raw if ch.isdigit())


def normalize_phone(raw: str) -> str:
    """Digits only; a mainland mobile loses its +86/86/0086 prefix."""
    digits = _digits(raw)
    for prefix in ("0086", "86"):
        if (
            digits.startswith(prefix)
            and len(digits) == len(prefix) + 11
            and digits[len(prefix)] == "1"
        ):
            return digits[len(prefix) :]
    return digits


def find_contacts(
    text: str, fold: str | None = None, furnished: bool = True
) -> list[dict[str, str]]:
    """Seller contacts in ``text`` (the normalized, case-kept view), in order of appearance.

    ``furnished``: False when the page furniture below the listing (threads.chrome_sections)
    is already cut off ``text`` (analyze() does it for every extractor).

    ``fold``: as for money.find_money (``Normalized.fold``): the case-insensitive cue patterns
    search it when given (same result, faster)."""
    plain = _deobfuscate(text)
    if plain is not text and fold is not None:
        # "[at]" and "(dot)" were rewritten: the view of the new text, if still usable.
        fold = lower_view(plain)
    text = plain
    lower = text.lower() if fold is None else fold
    # Cheap gates first: most listings lack most contact kinds, and each skipped
    # extractor saves a full regex scan.
    has_at = "@" in text
    has_number = _NUMBER_RUN.search(text) is not None
    rows = _data_rows(text, fold) if has_at or has_number else Spans()
    found: list[Contact] = []
    taken = Spans()
    if "://" in text or "www." in lower or ".me/" in lower:
        found += _urls(text, taken)
    if has_at:
        found += _emails(text, fold, rows, taken)
    if has_at or _TG_GATE.search(lower):
        found += _telegram(text, fold, taken)
    if has_number:
        found += _qq(text, fold, taken)
        found += _numbers(text, fold, rows, taken)
    found += _wechat(text, fold, taken)
    # A thread can change nothing about one contact unless it is an @name (an addressee):
    # most listings skip reading their posts.
    if len(found) > 1 or (found and found[0].type == "telegram"):
        thread = thread_posts(text)
        if thread is not None:
            found = _sellers_only(found, thread)
    if found and _GATE_SCAMMER.open(lower):
        found = _not_scammers(text, found)
    if found:
        found = _on_the_page(text, fold, found, furnished)
    seen: set[tuple[str, str]] = set()
    out: list[dict[str, str]] = []
    for c in sorted(found, key=lambda c: c.pos):
        key = (c.type, c.value)
        if c.value and key not in seen:
            seen.add(key)
            out.append({"type": c.type, "value": c.value})
    return out


# A contact the poster names as a scammer's or an impostor's ("提醒各位：QQ 1122334455 是骗子",
# "@zl_fake is a scammer"): not the seller's, wherever else it appears. (Only right after it:
# "认准QQ 3216549870，其他都是骗子" names the seller's own.)
_SCAMMER_AFTER = re.compile(
    r"[^\n,，。、;；!！(（]{0,30}?(?:[ \t]*(?:是|就是|为|乃)[ \t]*(?:骗子|假的|冒充|冒牌)|"
    r"[ \t]+(?:is|=)[ \t]+(?:a[ \t]+)?(?:scam|scammer|fake|impersonator)(?![a-z]))",
    re.IGNORECASE,
)
_GATE_SCAMMER = Gate(re.compile(r"骗子|假的|冒充|冒牌|scam|fake|impersonator"))


# The site's own contacts in a page's footer: "平台客服热线 95188", "站长邮箱 webmaster@…",
# "DigiMarket Support: support@…", "platform hotline".
_SITE_CONTACT_BEFORE = re.compile(
    r"(?:(?:平台|站长|网站|官方|商城)(?:客服|服务)?(?:热线|电话|邮箱)|客服热线|服务热线|"
    r"customer (?:service|support|care)|helpdesk|hotline|need help\?[^\n]{0,30}"
    r")[^\n]{0,12}$",
    re.IGNORECASE,
)


_GATE_SITE_CONTACT = Gate(_SITE_CONTACT_BEFORE)


def _on_the_page(
    text: str, fold: str | None, found: list[Contact], furnished: bool = True
) -> list[Contact]:
    """Without the page's furniture (reviews, comments, Q&A, "customers also viewed"), the
    site's own service contacts and, in a channel export, the other posts' advertisers
    (when a post about job seekers' records gives one of its own)."""
    chrome = chrome_sections(text, fold) if furnished else []
    if chrome:
        found = [c for c in found if not within(c.pos, tuple(chrome)) or _authors_reply(text, c)]
    if fold is None or _GATE_SITE_CONTACT.open(fold):
        found = [
            c for c in found if _SITE_CONTACT_BEFORE.search(text, max(0, c.pos - 40), c.pos) is None
        ]
    kept = found
    others = tuple(other_posts(text)) if len(kept) > 1 else ()
    if others:
        theirs = [c for c in kept if not within(c.pos, others)]
        if theirs:
            kept = theirs
    return kept


# The author answering in the comments: "数据小陈（作者）：加v：…", "Mike (OP): DM me".
_AUTHOR_MARK = re.compile(rf"{AUTHOR_TAG}[ \t]*[:：]", re.IGNORECASE)


def has_authors_reply(text: str) -> bool:
    """Whether the listing's author answers in its comments (see _authors_reply)."""
    return _AUTHOR_MARK.search(text) is not None


def _authors_reply(text: str, contact: Contact) -> bool:
    """Whether a contact in the comments stands in the listing's author's own reply."""
    line = text[text.rfind("\n", 0, contact.pos) + 1 : contact.pos]
    return _AUTHOR_MARK.search(line) is not None


def _not_scammers(text: str, found: list[Contact]) -> list[Contact]:
    flagged = {c.value for c in found if _SCAMMER_AFTER.match(text, c.pos)}
    return [c for c in found if c.value not in flagged] if flagged else found


def _urls(text: str, taken: Spans) -> list[Contact]:
    found: list[Contact] = []
    for m in _URL.finditer(text):
        raw = m.group(0).rstrip(".,;:!?")
        taken.add(m.start(), m.start() + len(raw))
        tg = _TG_URL.match(raw) or _TG_URL.search(raw)
        wa = _WA_URL.search(raw)
        if tg is not None and ("t.me/" in raw.lower() or "telegram.me/" in raw.lower()):
            found.append(Contact(m.start(), "telegram", tg.group("h").lower()))
        elif wa is not None:
            found.append(Contact(m.start(), "whatsapp", wa.group("d")))
        elif re.search(r"[A-Za-z0-9]\.[A-Za-z]{2,}", raw):  # "https://..." is no address
            found.append(Contact(m.start(), "url", raw))
    return found


def _emails(text: str, fold: str | None, rows: Spans, taken: Spans) -> list[Contact]:
    found: list[Contact] = []
    for m in _email_matches(text):
        if _in(taken, m.start()):
            continue
        taken.add(*m.span())
        line_start = text.rfind("\n", 0, m.start()) + 1
        cued = _contact_word(text, fold, max(line_start, m.start() - 30), m.start())
        cue = text[max(line_start, m.start() - 12) : m.start()].lower()
        if _XMPP.search(m.group(0)) or (_XMPP.search(cue) and "mail" not in cue):
            continue  # "jabber: name@xmpp.jp" is a messenger account, not a mailbox
        if _in(rows, m.start()) and not cued:
            continue
        found.append(Contact(m.start(), "email", m.group(0).lower()))
    return found


def _telegram(text: str, fold: str | None, taken: Spans) -> list[Contact]:
    found: list[Contact] = []
    for m in _TG_CUE.finditer(text, fold):
        # "Telegram channels" is prose: without ':' or '@' the handle must look like one.
        if not m.group("sep") and not re.search(r"[\d_]", m.group("h")):
            continue
        if not _in(taken, m.start("h")):
            taken.add(*m.span())
            found.append(Contact(m.start(), "telegram", m.group("h").lower()))
    replied = (
        {h.lower() for h in _REPLY_TO.findall(text)} if "eply" in text or "回复" in text else set()
    )
    # "tr_hustle: How old is the data?" … "LeadSmith: @tr_hustle check PM": a commenter's name
    replied |= {n.lower() for n in _SPEAKER.findall("\n" + text)} if ":" in text else set()
    for m in _HANDLE.finditer(text):
        if _in(taken, m.start()) or _NOT_TG_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        if m.group("h").lower() in replied:
            continue  # "Reply to @NurseRecruiterJen": the one answered, not the seller
        taken.add(*m.span())
        found.append(Contact(m.start(), "telegram", m.group("h").lower()))
    return found


def _qq(text: str, fold: str | None, taken: Spans) -> list[Contact]:
    found: list[Contact] = []
    for m in _QQ.finditer(text, fold):
        if _in(taken, m.start("d")):
            continue
        digits = _digits(m.group("d"))
        if 5 <= len(digits) <= 12:
            taken.add(*m.span())
            found.append(Contact(m.start(), "qq", digits))
            if _SAME_AFTER.match(text, m.end()):  # "QQ 875532190（微信同号）"
                found.append(Contact(m.start(), "wechat", digits))
    return found


def _numbers(text: str, fold: str | None, rows: Spans, taken: Spans) -> list[Contact]:
    """Phone, WhatsApp and numeric WeChat ids after their cues; cued or lone mobiles."""
    found: list[Contact] = []
    for m in _NUM_CUE.finditer(text, fold):
        if _in(taken, m.start("n")):
            continue
        if m.group("who") and not text[m.start("who")].isupper():
            continue  # "phone numbers 1200000": a word, not the name of who answers
        raw = m.group("n").strip()
        if " (" in raw[3:] and len(_digits(raw[: raw.index(" (", 3)])) >= 7:
            raw = raw[: raw.index(" (", 3)]  # "+91 70000 55555 (10am–7pm)"
        digits = _digits(raw)
        if not 7 <= len(digits) <= 15:
            continue
        taken.add(*m.span("n"))
        cue = text[m.start() : m.start("n")]
        types = _types(cue)
        if _SAME_AFTER.match(text, m.end()):  # the same number is the phone and the WeChat id
            types += [t for t in ("phone", "wechat") if t not in types]
        for contact_type in types:
            value = digits if contact_type not in ("phone", "wechat") else normalize_phone(raw)
            found.append(Contact(m.start(), contact_type, value))
    for m in _MOBILE.finditer(text):
        if _in(taken, m.start()) or _in(rows, m.start()):
            continue
        # A contact word in the 24 characters before it (a slice: nothing before it counts).
        start = max(0, m.start() - 24)
        window_fold = None if fold is None else fold[start : m.start()]
        cued = _contact_word(text[start : m.start()], window_fold, 0, m.start() - start)
        if cued or _SAME_AFTER.match(text, m.end()):
            taken.add(*m.span())
            found.append(Contact(m.start(), "phone", normalize_phone(m.group(0))))
            if _SAME_AFTER.match(text, m.end()):
                found.append(Contact(m.start(), "wechat", normalize_phone(m.group(0))))
    return found


def _types(cue: str) -> list[str]:
    """Contact types a cue chain gives its number, in the order the cue names them
    ("电话/微信同号" gives phone and wechat). A list, not a set: the output order must not
    depend on string hashing."""
    named = []
    for pattern, contact_type in _NUM_CUE_TYPES:
        m = pattern.search(cue)
        if m is not None:
            named.append((m.start(), contact_type))
    types = [t for _, t in sorted(named)]
    if "同号" in cue or "同电话" in cue or "同手机" in cue:  # "🟢 同手机号：186…" too
        types += [t for t in ("phone", "wechat") if t not in types]
    return types or ["phone"]


def _wechat(text: str, fold: str | None, taken: Spans) -> list[Contact]:
    found: list[Contact] = []
    for m in _WX.finditer(text, fold):
        if _in(taken, m.start("id")):
            continue
        value = text[m.start("id") : m.end("id")]  # case kept (the match may be on ``fold``)
        if value.lower() in _WX_WORDS:
            continue
        # A one-letter cue ("V", "薇") needs an id that looks like one, not a word.
        between = text[m.start() : m.start("id")]
        short_cue = len(between.strip(" \t:=")) <= 1 and ":" not in between
        if short_cue and not (re.search(r"[\d_]", value) or len(value) >= 6):
            continue
        taken.add(*m.span())
        if _CAPITALIZE.match(text, m.end()):
            value = value[0].upper() + value[1:]  # "yjs_data2024（首字母大写）"
        found.append(Contact(m.start(), "wechat", value))
    return found


_CAPITALIZE = re.compile(
    r"[ \t]*[(（]?[ \t]*(?:首字母大写|开头大写|capitali[sz]e the first letter|first letter (?:is )?"
    r"(?:upper|capital))",
    re.IGNORECASE,
)
