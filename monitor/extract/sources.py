"""Claimed source platforms, as canonical ids (see tests/data/CORPUS.md).

Three kinds of alias:

- strong: a platform's name, brand or domain (``智联招聘``, ``前程无忧``, ``wuba``, ``naukri``);
- weak: short tokens that are also ordinary numbers or words (``58``, ``51``, ``zl``, ``boss``):
  only counted next to a data or source word or another platform (``数据来源zl、51``);
- case-sensitive English names that are also common words (``Indeed``, ``Monster``, ``SEEK``,
  ``Dice``, ``Reed``, ``Shine``): matched on the case-kept text.

Any named job platform outside the canonical list gives ``other`` once. A platform the seller
*wants* in an exchange ("想换BOSS的", "trade for Naukri") is not a source.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from monitor.extract.fastre import FoldedWindow, Gate, GateSet, lower_view, trie_alternation
from monitor.extract.normalize import Normalized, is_cjk
from monitor.extract.spans import Spans

logger = logging.getLogger(__name__)

# Matched on the compact (lower-cased, split words rejoined) view, anywhere.
STRONG: dict[str, str] = {
    "58同城": "58.com",
    "五八同城": "58.com",
    "五八": "58.com",
    "某八同城": "58.com",  # "某" standing in for the first character
    "某联": "zhaopin.com",
    # one character written as its pinyin initial: "Z联 / Q程 / B直", "智l、前c"
    "z联": "zhaopin.com",
    "q程": "51job.com",
    "前c": "51job.com",
    "b直": "zhipin.com",
    "l聘": "liepin.com",
    "l勾": "lagou.com",
    "智连": "zhaopin.com",  # a homophone typo
    "前c无忧": "51job.com",
    "某联招聘": "zhaopin.com",
    "某程无忧": "51job.com",
    "58tongcheng": "58.com",
    "58tc": "58.com",
    "58.com": "58.com",
    "wuba": "58.com",
    "赶集网": "ganji.com",
    "赶集": "ganji.com",
    "ganji": "ganji.com",
    "智联招聘": "zhaopin.com",
    "智联": "zhaopin.com",
    "智l": "zhaopin.com",
    "zhaopin": "zhaopin.com",
    "zhilian": "zhaopin.com",
    "前程无忧": "51job.com",
    "前城无忧": "51job.com",
    "前程": "51job.com",
    "51job": "51job.com",
    "qcwy": "51job.com",
    "boss直聘": "zhipin.com",
    "直聘": "zhipin.com",
    "zhipin": "zhipin.com",
    "bzp": "zhipin.com",
    "猎聘": "liepin.com",
    "猎/聘": "liepin.com",  # split by a slash to dodge a filter
    "猎p": "liepin.com",
    "liepin": "liepin.com",
    "拉勾": "lagou.com",
    "拉钩网": "lagou.com",
    "拉钩": "lagou.com",  # the common misspelling
    "lagou": "lagou.com",
    "应届生求职网": "yingjiesheng.com",
    "应届生网": "yingjiesheng.com",
    "yingjiesheng": "yingjiesheng.com",
    "中华英才网": "chinahr.com",
    "中华英才": "chinahr.com",
    "chinahr": "chinahr.com",
    "智通人才网": "job5156.com",
    "5156人才网": "job5156.com",
    "智通人才": "job5156.com",
    "job5156": "job5156.com",
    "看准网": "kanzhun.com",
    "看准": "kanzhun.com",
    "kanzhun": "kanzhun.com",
    "脉脉": "maimai.cn",
    "maimai": "maimai.cn",
    "领英": "linkedin.com",
    "linkedin": "linkedin.com",
    "linked in": "linkedin.com",
    "glassdoor": "glassdoor.com",
    "indeed.com": "indeed.com",
    "indeed.ca": "indeed.com",
    "indeed.co.uk": "indeed.com",
    "indeed.co.in": "indeed.com",
    "indeed.de": "indeed.com",
    "indeed.fr": "indeed.com",
    "monster.com": "monster.com",
    "naukri": "naukri.com",
    "seek.com": "seek.com.au",
    # Named job platforms outside the canonical list.
    "naukrigulf": "other",
    "店长直聘": "other",
    "一览英才": "other",
    "jobsdb": "other",
    "brightermonday": "other",
    "brighter monday": "other",
    "fuzu": "other",
    "myjobmag": "other",
    "抖音招聘": "other",
    "快招工": "other",
    "job bank": "other",
    "jobbank": "other",
    "stepstone": "other",
    "bayt": "other",
    "gulftalent": "other",
    "jobstreet": "other",
    "totaljobs": "other",
    "cv-library": "other",
    "cvlibrary": "other",
    "ziprecruiter": "other",
    "careerbuilder": "other",
    "shine.com": "other",
    "timesjobs": "other",
    "timesjob": "other",
    "foundit": "other",
    "workindia": "other",
    "iimjobs": "other",
    "instahyre": "other",
    "internshala": "other",
    "jobindex": "other",
    "infojobs": "other",
    "pracuj": "other",
    "headhunter.ru": "other",
    "hh.ru": "other",
    "superjob": "other",
    "jobkorea": "other",
    "saramin": "other",
    "rikunabi": "other",
    "mynavi": "other",
    "kalibrr": "other",
    "glints": "other",
    "workopolis": "other",
    "topcv": "other",
    "vietnamworks": "other",
    "jobthai": "other",
    "careerjet": "other",
    "mycareersfuture": "other",
    "ctgoodjobs": "other",
    "cakeresume": "other",
    "simplyhired": "other",
    "adzuna": "other",
    "jobberman": "other",
    "wellfound": "other",
    "yes123": "other",
    "518熊班": "other",
    "1111人力银行": "other",
    "104人力银行": "other",
    "实习僧": "other",
    "斗米": "other",
    "鱼泡": "other",
    "猎上网": "other",
    "大街网": "other",
    "卓博人才": "other",
    "南方人才": "other",
    "汇博": "other",
    "百姓网": "other",
    "丁香人才": "other",
    "医药英才": "other",
    "topjobs": "other",
    "laborum": "other",
    "trabajando.com": "other",
    "chiletrabajos": "other",
    "france travail": "other",
    "pôle emploi": "other",
    "pole emploi": "other",
    "jobup": "other",
    "jobs.ch": "other",
    "jobscout24": "other",
    "yenibiris": "other",
    "forasna": "other",
    "rekrute": "other",
    "emploi.ma": "other",
    "anapec": "other",
    "net-empregos": "other",
    "sapo emprego": "other",
    "itviec": "other",
    "vieclam24h": "other",
    "careerlink": "other",
    "maukerja": "other",
    "hiredly": "other",
    "jora": "other",
    "akhtaboot": "other",
    "tanqeeb": "other",
    "karir.com": "other",
    "loker.id": "other",
    "kitalulus": "other",
    "tecnoempleo": "other",
    "multitrabajos": "other",
    "elempleo": "other",
    "magneto365": "other",
    "gupy": "other",
    "trabalha brasil": "other",
    "empregos.com.br": "other",
    "jobteaser": "other",
    "hellowork": "other",
    "regionsjob": "other",
    "cadremploi": "other",
    "keljob": "other",
    "meteojob": "other",
    "arbeitsagentur": "other",
    "jobware": "other",
    "karriere.at": "other",
    "meinestadt": "other",
    "olx praca": "other",
    "justjoin": "other",
    "nofluffjobs": "other",
    "rabota.ua": "other",
    "work.ua": "other",
    "djinni": "other",
    "merojob": "other",
    "jobsnepal": "other",
    "kariyer.net": "other",
    "secretcv": "other",
    "elemanet": "other",
    "职友集": "other",
    "人才热线": "other",
    "最佳东方": "other",
    "青团社": "other",
    "牛客网": "other",
    "兼职猫": "other",
    "快手招聘": "other",
    "occ mundial": "other",
    "occmundial": "other",
    "computrabajo": "other",
    "bumeran": "other",
    "zonajobs": "other",
    "catho": "other",
    "vagas.com": "other",
    "milkround": "other",
    "gradcracker": "other",
    "targetjobs": "other",
    "upwork": "other",
    "freelancer.com": "other",
    "reed.co.uk": "other",
    "jobsite": "other",
    "pnet": "other",
    "careers24": "other",
    "careerjunction": "other",
    "jobrapido": "other",
    "wuzzuf": "other",
    "dubizzle": "other",
    "rozee": "other",
    "bdjobs": "other",
    "jobsora": "other",
    "hirist": "other",
    "apna.co": "other",
    "olx jobs": "other",
    "quikr jobs": "other",
}
# A name half in pinyin, half in characters, to slip past filters: "zhi联", "智lian", "lie聘",
# "猎pin" (each two-character name with one character written as its syllable; the Latin half
# must stand apart from other letters: "spelling英语" holds no "ling英").
_HALF_PINYIN = {
    "智联": ("zhi", "lian"),
    "前程": ("qian", "cheng"),
    "猎聘": ("lie", "pin"),
    "拉勾": ("la", "gou"),
    "直聘": ("zhi", "pin"),
    "赶集": ("gan", "ji"),
    "脉脉": ("mai", "mai"),
    "领英": ("ling", "ying"),
    "看准": ("kan", "zhun"),
}
# Pinyin with spaces, and Latin names with one letter written as a digit ("m0nster",
# "n4ukri", "l1nkedin"), as sellers write them to slip past filters.
for _alias, _source in (
    ("lie pin", "liepin.com"),
    ("zhi lian", "zhaopin.com"),
    ("qian cheng wu you", "51job.com"),
    ("qian cheng", "51job.com"),
    ("qiancheng", "51job.com"),
    ("qianchengwuyou", "51job.com"),
    ("linked-in", "linkedin.com"),
):
    STRONG.setdefault(_alias, _source)
_LEET = {"o": "0", "i": "1", "a": "4", "e": "3"}
for _name, _source in (
    ("monster", "monster.com"),
    ("naukri", "naukri.com"),
    ("linkedin", "linkedin.com"),
    ("glassdoor", "glassdoor.com"),
    ("zhaopin", "zhaopin.com"),
    ("liepin", "liepin.com"),
    ("indeed", "indeed.com"),
):
    for _i, _ch in enumerate(_name):
        if _ch in _LEET:
            STRONG.setdefault(_name[:_i] + _LEET[_ch] + _name[_i + 1 :], _source)
_MIXED: set[str] = set()
for _name, (_first, _second) in _HALF_PINYIN.items():
    for _alias in (_first + _name[1], _name[0] + _second):
        STRONG.setdefault(_alias, STRONG[_name])
        _MIXED.add(_alias)

# Word-bounded ASCII aliases on the compact view.
WORDS: dict[str, str] = {
    "xing": "other",
    "apna": "other",
    "doda": "other",
    "hays": "other",
}
# Case-sensitive English names that are also common words, on the case-kept text.
CASED: dict[str, str] = {
    "Indeed": "indeed.com",
    "INDEED": "indeed.com",
    "Monster": "monster.com",
    "MONSTER": "monster.com",
    "SEEK": "seek.com.au",
    "Seek": "seek.com.au",
    "Dice": "other",
    "DICE": "other",
    "Reed": "other",
    "Shine": "other",
    "SHINE": "other",
    "REED": "other",
    "Jora": "other",
    "NHS Jobs": "other",
    "Trade Me": "other",
    "France Travail": "other",
    "ClearanceJobs": "other",
    "Handshake": "other",
}
WEAK: dict[str, str] = {
    "58": "58.com",
    "51": "51job.com",
    "zl": "zhaopin.com",
    "boss": "zhipin.com",
    "b直": "zhipin.com",
    "z联": "zhaopin.com",
    "q程": "51job.com",
    "前c": "51job.com",
    "b0ss": "zhipin.com",
    "lp": "liepin.com",
    "lg": "lagou.com",
    "yjs": "yingjiesheng.com",
    "qc": "51job.com",
    # Taiwan's job banks by their numbers ("來源：104、1111、Cake"): in a Taiwanese listing only
    "5156": "job5156.com",  # "5156 + 中华英才 简历"
    "104": "other",
    "1111": "other",
}

# Patterns below start with a literal so that the regex engine's first-character
# prefilter works (see fastre.py); the "not preceded by" checks are done in Python.
_ASCII_EDGE_R = r"(?![a-z0-9_])"


def _alternation(keys: list[str]) -> str:
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


_STRONG_RE = re.compile(f"(?P<a>{trie_alternation(list(STRONG))})")
_WORDS_RE = re.compile(f"(?P<a>{_alternation(list(WORDS))}){_ASCII_EDGE_R}")
_CASED_RE = re.compile(r"(?P<a>" + _alternation(list(CASED)) + r")(?![A-Za-z0-9_])")
# "Indeed, ..." opening a sentence is the adverb, not the job board.
_ADVERB = re.compile(r"(?:^|[.!?:]\s+|\n\s*)Indeed,")
_WEAK_RE = re.compile(
    r"(?P<a>5[ \-_·*|]?8|51|zl|boss|b0ss|lp|lg|yjs|qc|104|1111|5156)(?![\d.%a-z_])"
    r"(?![ \t]*(?:元|块|毛|角|分|条|份|个|人|名|万|千|w|k|岁|号|年|月|日|天|小时|省|市|届|级|期|楼|"
    r"区|路|折|米|度))"
)
# 58同城's nicknames that are also ordinary words ("同城" = same city, "wb" = Weibo): only
# right before what the data is ("同城 求职数据", "wb本地求职用户") or joined to another platform
# ("猎聘 + 同城", "wb + 赶集").
_NICK_58 = re.compile(r"(?:同城|wb(?<![a-z0-9]wb))(?![a-z0-9])")
_BESIDE = r"(?:赶集|智联|前程|猎聘|boss|直聘|拉勾|脉脉|51|zl)"  # platforms joined to it
_NICK_58_AFTER = re.compile(
    r"[ \t]*(?:招聘|求职|简历|间历|jl|数据|本地求职|的(?:简历|求职|数据))"
    rf"|[ \t]*[+、/和&][ \t]*{_BESIDE}"
)
_NICK_58_BEFORE = re.compile(rf"{_BESIDE}[ \t]*[+、/和&][ \t]*$")
# "indeed" in lower case is the adverb unless it stands as a platform does: "gd+indeed",
# "fresh indeed US resumes", "from indeed" (the capitalized name is read from CASED).
_INDEED = re.compile(r"(?:indeed|monster)(?![a-z0-9_])")
_INDEED_AFTER = re.compile(
    r"[ \t]*(?:(?:us|uk|ca|au|in|india|de|sg)[ \t]+)?(?:resumes?|cvs?|profiles|applicants|"
    r"jobseekers|job seekers|candidates|leads|data|dumps?|users|records)(?![a-z])"
    r"|[ \t]*[+&/、][ \t]*[a-z]"
)
_INDEED_BEFORE = re.compile(r"(?:[+&/、][ \t]*|from[ \t]+)$")
# The site the listing is on, not the records' source: its breadcrumb ("百姓网 › 本地服务"),
# its notices ("百姓网提示"), the buyer told where the ad was seen ("说是在百姓网看到的").
_HOST_AFTER = re.compile(r"[ \t]*(?:[›»][ \t]*[^\s›»]|提示|温馨提示|上?看到|不对|不负责|不承担)")
# A platform named as a field of the records ("LinkedIn URL", "领英主页"), not as their source.
_FIELD_AFTER = re.compile(r"[ \t]*(?:profile[ \t]+)?(?:url|link|链接|主页)(?![a-z])")
# Other platforms by the shape of their name: "XX人才网", "XX人力银行", "XX招聘网".
_GENERIC_RE = re.compile(r"人才网|英才网|人力银行|招聘网(?!站)|求职网(?!站)")
_GENERIC_NAME = re.compile(r"[\u4e00-\u9fffa-z0-9]{2,6} ?$")
# "各大招聘网站", "某人才网", "出售人才网源码": unnamed platforms give no source.
_GENERIC_NOT = re.compile(
    r"各|多|某|全国|主流|本地|知名|大型|几大|其他|其它|正规|国内|相关|等|的|在|去|从|通过|这些|"
    r"一些|哪|"
    # a sale verb or the goods before "人才网" ("出售人才网源码", "简历数据人才网") name no
    # platform
    r"出售|转让|售卖|批发|打包|求购|收购|数据|简历|资料|源码",
)
# A site named by its domain ("Caterer.com", "jobs.ie") outside a URL or e-mail address.
_DOMAIN_RE = re.compile(
    r"\.(?:com?\.(?:au|uk|in|za|ke|pk|bd|ng|br|mx|my|ph|sg|hk|tw|lk|eg)|"
    r"com|net|in|de|fr|nl|ie|jp|kr|sg|my|ph|hk|tw|ae|ca|lk|pk|bd|ng|ke|za|eg|vn|id|br|mx|pl|tr)"
    r"(?![\w./@-])"
)
_DOMAIN_NAME = re.compile(r"[a-z0-9-]+$")
_NATIONAL_SITE = {
    "monster": "monster.com",
    "indeed": "indeed.com",
    "glassdoor": "glassdoor.com",
    "seek": "seek.com.au",
    "naukri": "naukri.com",
}
_DOMAIN_NAME_OK = re.compile(r"[a-z][a-z0-9-]{2,30}")
_NOT_PLATFORM = {
    "example",
    "gmail",
    "outlook",
    "yahoo",
    "hotmail",
    "qq",
    "163",
    "126",
    "google",
    "telegram",
    "whatsapp",
    # the marketplaces, forums and social sites the listing itself is on
    "taobao",
    "tmall",
    "jd",
    "pinduoduo",
    "goofish",
    "xianyu",
    "1688",
    "alibaba",
    "amazon",
    "ebay",
    "facebook",
    "craigslist",
    "pastebin",
    "weibo",
    "zhihu",
    "baidu",
    "douyin",
    "xiaohongshu",
    "reddit",
    "twitter",
    "github",
    "proton",
    "protonmail",
    "tutanota",
}
# Near a weak alias one of these must appear for it to count.
_IN_DIGIT_GROUPS = re.compile(r"\d[ \t-]\||.*\|[ \t-]\d")
_TAIWAN_CONTEXT = re.compile(r"台湾|台币|人力银行|履历|nt\$|twd")
_WEAK_CONTEXT = re.compile(
    r"来源|数据源|源自|来自|渠道|平台|简历|数据|资源|求职|名单|资料|同城|导出|下载|上扒|投递|"
    r"source|from|resume|cv|data",
)
# The platform wanted in an exchange or a purchase, not the one offered.
# Searched in the 36 characters before each alias (~1.4 times a listing): with re.IGNORECASE
# and a lookbehind leading one alternative it had no regex prefilter and tried its ~20
# alternatives at every position of the window (~4 us a call); FoldedWindow searches its
# literal-led, case-sensitive twin on the lower-cased window instead (same matches).
_WANTED_BEFORE_RE = re.compile(
    r"(?:想换|换取|换成|(?<![互交对数])换(?!料)|求购|想要|只要|只收|只换|收|"
    r"want(?:ed)?(?! to sell)|looking for|in exchange for|exchange for|swap for|for your|"
    r"⇄|↔|<->|<=>|trade for)"
    # (\Z, not $: "闲鱼 | ¥200 想要 5\n" is a shop's count of wishers on the line above)
    r"[^\n。;,、.!?]{0,24}\Z",
    re.IGNORECASE,
)
_WANTED_BEFORE = FoldedWindow(_WANTED_BEFORE_RE)


# The strong aliases are plain strings. _STRONG_RE.finditer stopped at nearly every letter of
# an English text and tried ~40 branches there (~9 us a listing); instead each alias has its
# own gate below, so the one gate pass (fastre.GateSet) says which aliases occur, and only
# those are looked up with str.find (see _strong_matches).
_STRONG_ALIASES = tuple(STRONG)
# The patterns find_sources() skips when their gate is closed (fastre.GateSet), in this order:
# four patterns, then one plain pattern per strong alias.
GATED: tuple[re.Pattern[str], ...] = (
    _WORDS_RE,
    _WEAK_RE,
    _GENERIC_RE,
    _DOMAIN_RE,
    *(re.compile(re.escape(alias)) for alias in _STRONG_ALIASES),
)
_GATES = GateSet(GATED)
_WORDS_BIT, _WEAK_BIT, _GENERIC_BIT, _DOMAIN_BIT = (1 << i for i in range(4))
_STRONG_SHIFT = 4
_STRONG_ALL = (1 << len(_STRONG_ALIASES)) - 1


# A line of an exchange post that lists what the seller wants ("Want: EU data (StepStone,
# Indeed DE)", "想换：BOSS 的"): every platform on it is wanted, not offered.
_WANTED_LINE = re.compile(
    r"\s*(?:want(?:ed)?|looking for|in exchange|想换|想要|换取)\s*[:：]", re.IGNORECASE
)


# A want further back in the same sentence: "i have ~30k Seek AU resumes, swapping for a UK
# resume db of similar size (reed/cv-library pref)", "想换点销售岗的简历,智联或者58的都行".
# (case-sensitive, searched on the lower-cased stretch: with IGNORECASE a letter-led pattern
# gets no regex prefilter)
_WANT_IN_SENTENCE = re.compile(
    r"swap(?:ping)? for|trad(?:e|ing) for|in exchange for|exchange for|in return for|"
    # "trade my Seek AU resume set (90k, 2023) for UK candidate data — Reed, CV-Library"
    r"(?:trade|swap|exchange) my [^.!?\n]{0,80}? for |"
    # (a trader's want, not job seekers' "looking for work on Indeed")
    r"looking for (?!work|jobs?|a job|employment|roles?|new |buyers|clients)|"
    r"想换|换取|想要|换你|想跟[^\n。,、]{0,8}交换|想交换"
)


# Whether any of the three can match anywhere in a listing (on its lower-cased compact view):
# most listings name no want, and their platforms then skip _wanted's three searches.
_WANT_GATES = (Gate(_WANTED_BEFORE_RE), Gate(_WANTED_LINE), Gate(_WANT_IN_SENTENCE))


def _may_want(compact: str) -> bool:
    return any(gate.open(compact) for gate in _WANT_GATES)


def _never(view: str, start: int) -> bool:
    return False


def _wanted(view: str, start: int) -> bool:
    window = view[max(0, start - 36) : start]
    if _WANTED_BEFORE.search(window, lower_view(window)) is not None:
        return True
    line_start = view.rfind("\n", 0, start) + 1
    if _WANTED_LINE.match(view, line_start) is not None:
        return True
    stretch = view[max(line_start, start - 120) : start].lower()
    last = None
    for last in _WANT_IN_SENTENCE.finditer(stretch):  # noqa: B007
        pass
    if last is None:
        return False
    between = stretch[last.end() :]  # no sentence ends between the want and the platform
    return not any(ch in between for ch in "。.!?;！？；")


def find_sources(norm: Normalized, may_match: int | None = None) -> list[str]:
    """Canonical source ids in order of first mention; ``other`` at most once.

    ``may_match``: the gates of :data:`GATED` opened on a text holding ``norm.compact``, when
    the caller has them (a pattern whose gate is closed finds nothing and is not run)."""
    view = norm.compact
    # (a text IGNORECASE may fold unlike str.lower(), Normalized.fold None, keeps every check)
    wanted = _wanted if norm.fold is None or _may_want(view) else _never
    if may_match is None:
        may_match = _GATES.open_mask(view)
    hits: list[tuple[int, str]] = []
    # Platforms the body names as wanted: "[TRADE] Naukri resumes for fresh Indeed US ... Want
    # fresh Indeed US data in return" wants Indeed in the title too (but a platform the body
    # also offers stays: a buyer's "Looking for Monster data" answered "pulled from Monster").
    unwanted: set[str] = set()
    title_end = view.find("\n")
    text_title_end = norm.text.find("\n")
    spans = Spans()
    strong = may_match >> _STRONG_SHIFT & _STRONG_ALL
    if strong:
        _strong_hits(view, strong, wanted, hits, spans, unwanted)
    if may_match & _WORDS_BIT:
        for m in _WORDS_RE.finditer(view):
            if _preceded(view, m.start(), "abcdefghijklmnopqrstuvwxyz0123456789_@./"):
                continue
            if not wanted(view, m.start()):
                hits.append((m.start(), WORDS[m.group("a")]))
    for m in _CASED_RE.finditer(norm.text):
        if _preceded(norm.text, m.start(), _ASCII_WORD + "@.") or (
            _preceded(norm.text, m.start(), "/") and _in_path(norm.text, m.start())
        ):
            continue
        if _ADVERB.match(norm.text, max(0, m.start() - 3)) or _ADVERB.match(norm.text, m.start()):
            continue
        if wanted(norm.text, m.start()):
            if m.start() > text_title_end:
                unwanted.add(CASED[m.group("a")])
        elif not _FIELD_AFTER.match(norm.text, m.end()):
            hits.append((_scaled(m.start(), norm), CASED[m.group("a")]))
    if may_match & _WEAK_BIT:
        hits.extend(_weak_hits(view, norm.cjk, bool(hits), wanted))
    if "indeed" in view or "monster" in view:
        for m in _INDEED.finditer(view):
            if _preceded(view, m.start(), _ASCII_WORD + "@./-"):
                continue
            if (
                _INDEED_AFTER.match(view, m.end())
                or _INDEED_BEFORE.search(view, max(0, m.start() - 8), m.start())
            ) and not wanted(view, m.start()):
                hits.append((m.start(), f"{m.group(0)}.com"))
    if "同城" in view or "wb" in view:
        for m in _NICK_58.finditer(view):
            if m.group(0) == "同城" and _preceded(view, m.start(), "58八"):
                continue  # 58同城 itself, already read
            if (
                _NICK_58_AFTER.match(view, m.end())
                or _NICK_58_BEFORE.search(view, max(0, m.start() - 8), m.start())
            ) and not wanted(view, m.start()):
                hits.append((m.start(), "58.com"))
    if may_match & _GENERIC_BIT:
        hits.extend(_generic_hits(view, spans, wanted))
    if may_match & _DOMAIN_BIT:
        hits.extend(_domain_hits(view, spans, wanted))
    return _ordered(hits, unwanted, title_end)


def _strong_hits(
    view: str,
    strong: int,
    wanted: Callable[[str, int], bool],
    hits: list[tuple[int, str]],
    spans: Spans,
    unwanted: set[str],
) -> None:
    """The strong aliases' hits (added to ``hits``; their spans to ``spans``; the platforms the
    body wants to ``unwanted``)."""
    title_end = view.find("\n")
    for start, end, alias in _strong_matches(view, strong):
        spans.add(start, end)
        if _in_handle(view, start, end, alias) or _HOST_AFTER.match(view, end):
            continue
        if alias in _MIXED and _latin_joined(view, start, end, alias):
            continue
        if wanted(view, start):
            if start > title_end:
                unwanted.add(STRONG[alias])
        elif not _FIELD_AFTER.match(view, end):
            hits.append((start, STRONG[alias]))


def _ordered(hits: list[tuple[int, str]], unwanted: set[str], title_end: int) -> list[str]:
    """The sources in order of first mention, without those the body wants (unless the body
    also offers them)."""
    unwanted = unwanted - {"other"} - {source for pos, source in hits if pos > title_end}
    seen: list[str] = []
    for _, source in sorted(hits):
        if source not in seen and source not in unwanted:
            seen.append(source)
    return seen


def _strong_matches(view: str, present: int) -> list[tuple[int, int, str]]:
    """``(start, end, alias)`` of what ``_STRONG_RE.finditer(view)`` finds, given the aliases
    that occur in ``view`` (bit ``i`` of ``present`` for ``_STRONG_ALIASES[i]``; a bit set for an
    absent alias only costs a lookup). A trie of plain strings matches the longest alias at
    the leftmost position, then goes on after it: so do the occurrences sorted by start and
    longest first, skipping those that overlap a match already taken."""
    found: list[tuple[int, int, str]] = []
    while present:
        low = present & -present
        present ^= low
        alias = _STRONG_ALIASES[low.bit_length() - 1]
        at = view.find(alias)
        while at >= 0:
            found.append((at, -len(alias), alias))
            at = view.find(alias, at + 1)
    found.sort()
    matches: list[tuple[int, int, str]] = []
    end = 0
    for start, minus_len, alias in found:
        if start >= end:
            end = start - minus_len
            matches.append((start, end, alias))
    return matches


def _scaled(pos: int, norm: Normalized) -> int:
    # Positions only order the result; the compact view is a little shorter than the text.
    return pos * len(norm.compact) // max(1, len(norm.text))


_SPACED_DIGIT_BEFORE = re.compile(r"\d[ \-]{1,2}\Z")
_SPACED_DIGIT_AFTER = re.compile(r"[ \-]{1,3}\d")


def _weak_hits(
    view: str, cjk: bool, have_strong: bool, wanted: Callable[[str, int], bool] = _wanted
) -> list[tuple[int, str]]:
    hits: list[tuple[int, str]] = []
    for m in _WEAK_RE.finditer(view):
        if _preceded(view, m.start(), "0123456789.$¥€£₹abcdefghijklmnopqrstuvwxyz_@#:-") and not (
            view[m.start() - 1] == ":" and m.start() > 1 and is_cjk(view[m.start() - 2])
        ):
            continue  # "10:58" is a time, "来源:58" a source
        alias = m.group("a")
        if len(alias) == 3 and (
            _SPACED_DIGIT_BEFORE.search(view, max(0, m.start() - 3), m.start())
            or _SPACED_DIGIT_AFTER.match(view, m.end())
        ):
            continue  # "1 5 8 - 0 2 7 3": a phone number spaced out
        if (
            alias.isdigit()
            and len(alias) >= 3
            and _IN_DIGIT_GROUPS.match(
                view[max(0, m.start() - 2) : m.start()] + "|" + view[m.end() : m.end() + 2]
            )
        ):
            continue  # "138 5156 7788": a phone number's group
        if alias == "boss" and not cjk:
            continue  # "my boss" in English text
        if alias in ("104", "1111") and _TAIWAN_CONTEXT.search(view) is None:
            continue
        window = view[max(0, m.start() - 12) : m.end() + 12]
        near_alias = _STRONG_RE.search(window) is not None or len(_WEAK_RE.findall(window)) > 1
        if not (near_alias or _WEAK_CONTEXT.search(window) or (alias == "boss" and have_strong)):
            continue
        if wanted(view, m.start()) or _in_url(view, m.start()):
            continue
        if view[m.end() : m.end() + 1] in ("-", "_") and _contact_cue_before(view, m.start()):
            continue  # "微信 zl-jianli_07": a handle
        key = "58" if alias.startswith("5") and alias.endswith("8") else alias
        hits.append((m.start(), WEAK[key]))
    return hits


def _domain_hits(
    view: str, taken: Spans, wanted: Callable[[str, int], bool] = _wanted
) -> list[tuple[int, str]]:
    hits: list[tuple[int, str]] = []
    for m in _DOMAIN_RE.finditer(view):
        run = _DOMAIN_NAME.search(view, max(0, m.start() - 40), m.start())
        if run is None or not _DOMAIN_NAME_OK.fullmatch(run.group(0)):
            continue
        name, start = run.group(0), run.start()
        if _preceded(view, start, _ASCII_WORD + "@./:-") or name in _NOT_PLATFORM:
            continue
        if start in taken:
            continue
        if _STRONG_RE.search(view, start, m.end()) or wanted(view, start):
            continue  # a canonical platform's own domain, already counted
        # a canonical platform's site in another country: "Monster.co.uk / Monster.de"
        hits.append((start, _NATIONAL_SITE.get(name, "other")))
    return hits


def _in_handle(view: str, start: int, end: int, alias: str) -> bool:
    """A Latin alias inside a handle or an address ("薇信：zhaopin_sj888", "naukri.data@..."):
    the seller's name, not a claimed source."""
    if not alias.isascii():
        return False
    after = view[end : end + 1]
    return (
        # ("VX：ganjinb_03": the alias runs on into the handle)
        (after != "" and after in _ASCII_SET and _contact_cue_before(view, start))
        or _preceded(view, start, _ASCII_WORD + "@_")
        or _in_url(view, start)
        or (after == "." and "@" in view[end : end + 40].split(" ", 1)[0])
    )


def _latin_joined(view: str, start: int, end: int, alias: str) -> bool:
    """Whether a half-pinyin alias's Latin half runs on into other letters or digits."""
    if alias[0].isascii():
        return start > 0 and view[start - 1] in _ASCII_WORD
    return view[end : end + 1] in _ASCII_SET


_ASCII_SET = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


# What introduces a handle: "薇信：zhaopin_sj888", "tg @zl_data". Without it "zhaopin_2023_full"
# is a dump's file name, which names its source.
_CONTACT_CUE = re.compile(
    r"(?:微信|薇信|薇|威信|v信|vx|wx|v|weixin|wechat|tg|telegram|飞机|qq|扣扣|企鹅|q|联系|加|"
    r"contact|dm|email|e-mail|mail|id|skype|signal|whatsapp)[ \t]*[:：]?[ \t]*@?$"
)


def _contact_cue_before(view: str, start: int) -> bool:
    token = start
    while token > 0 and view[token - 1] in _ASCII_SET:
        token -= 1
    return _CONTACT_CUE.search(view, max(0, token - 14), token) is not None


def _in_path(text: str, pos: int) -> bool:
    """Whether the "/" before ``pos`` is in a URL path ("t.me/Indeed"), not a list
    ("Workopolis/Indeed")."""
    token_start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
    token = text[token_start:pos]
    return "." in token or ":" in token


def _in_url(view: str, pos: int) -> bool:
    token_start = max(view.rfind(" ", 0, pos), view.rfind("\n", 0, pos)) + 1
    token = view[token_start:pos]
    # (an address or handle is ASCII: on the compact view "@招聘小王我有58" ends a Chinese
    # handle at "王", and "58" is the text's)
    if not token.isascii():
        token = token[len(token.rstrip(_URL_CHARS)) :]
    return "://" in token or "www." in token or "@" in token or ".example" in token


_URL_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-:/@?=&#~"


def _generic_hits(
    view: str, taken: Spans, wanted: Callable[[str, int], bool] = _wanted
) -> list[tuple[int, str]]:
    hits: list[tuple[int, str]] = []
    for m in _GENERIC_RE.finditer(view):
        named = _GENERIC_NAME.search(view, max(0, m.start() - 7), m.start())
        if named is None:
            continue
        if taken.overlaps(named.start(), m.end()):
            continue
        if _GENERIC_NOT.search(named.group(0)) or wanted(view, named.start()):
            continue
        hits.append((named.start(), "other"))
    return hits


_ASCII_WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"


def _preceded(view: str, pos: int, chars: str) -> bool:
    """Whether the character before ``pos`` is one of ``chars`` (a word edge check)."""
    return pos > 0 and view[pos - 1] in chars
