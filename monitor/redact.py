"""Redaction of data subjects' personal data in stored text, evidence and exports.

Sellers paste sample rows holding real people's names, phone numbers, ID-card numbers and
e-mail addresses ("王小明, 13800001234, 本科", "张** 138****1234 本科"). Those never reach the
store, the redacted evidence or an export. The seller's own contact handles (found by the
extraction engine on the raw text) are kept: they are what a takedown request names.

What is found where:

- everywhere: ID-card numbers (18 and 15 digits, and masked ones such as ``110105********123X``),
  mobile numbers (mainland, international ``+91 98765 43210``, masked ``138****1234``), e-mail
  addresses (masked ones too), masked names (``张**``, ``欧阳*``, ``王某某``) and labelled names
  (``姓名：王小明``, ``Name: Rahul Sharma``);
- in *record rows* only (a line holding a data subject's phone, ID or e-mail, or opened by a
  sample marker such as ``样例：``): bare names, i.e. a run of two to four Han characters
  starting with a common surname, or a delimited field of two or three capitalised words.

Over-redaction inside a record row (a city read as a name) costs a word of evidence;
under-redaction would store a victim's name, so the row rules lean that way.
All patterns are bounded: seller text is adversarial.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

PLACEHOLDERS = {
    "zh": {
        "id_number": "[身份证号已隐去]",
        "phone": "[手机号已隐去]",
        "email": "[邮箱已隐去]",
        "name": "[姓名已隐去]",
    },
    "en": {
        "id_number": "[id number removed]",
        "phone": "[phone removed]",
        "email": "[email removed]",
        "name": "[name removed]",
    },
}

_HAN = "\u4e00-\u9fff"
_MASK = "*＊●•×"

_ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}"
    r"[0-9Xx](?![0-9A-Za-z])"
    # First-generation 15-digit cards: six-digit area, yymmdd, three digits.
    r"|(?<![0-9A-Za-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])"
)
_ID_MASKED = re.compile(
    rf"(?<![0-9A-Za-z])[1-9]\d{{2,5}}[{_MASK}]{{6,12}}\d{{2,4}}[0-9Xx]?(?![0-9A-Za-z{_MASK}])"
)
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?![0-9])")
_MOBILE_MASKED = re.compile(
    rf"(?<![0-9A-Za-z])1[3-9]\d[ -]?[0-9{_MASK}xX]{{4}}[ -]?[0-9{_MASK}]{{4}}(?![0-9A-Za-z])"
)
_INTL_PHONE = re.compile(
    r"(?<![\w+])\+\d{1,3}[ -]?\(?\d{1,4}\)?(?:[ -]?\d){5,11}(?!\d)"
    # Indian and other ten-digit mobiles written without the country code.
    r"|(?<![\w+])[6-9]\d{4}[ -]?\d{5}(?!\d)"
    # North American style: (555) 123-4567, 555-123-4567.
    r"|(?<![\w(])\(\d{3}\)[ ]?\d{3}-\d{4}(?!\d)|(?<![\w-])\d{3}-\d{3}-\d{4}(?![\w-])"
)
_INTL_MASKED = re.compile(r"(?<![\w+])(?:\+\d{1,3}[ -]?)?[6-9]\d[0-9xX*]{6}\d{2}(?![\w*])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+*-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}")

# Common Chinese surnames (single and compound): together they cover the vast majority of
# the population; a rarer surname is caught by its column when other rows of the same sample
# table hold recognised names (``_names_by_column``), and missed in a lone row.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥"
    "南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支"
    "卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印"
    "逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_COMPOUND_SURNAMES = {
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "令狐",
    "夏侯",
    "轩辕",
    "端木",
    "独孤",
    "南宫",
    "西门",
    "百里",
    "呼延",
    "澹台",
    "万俟",
    "钟离",
}
# Words a record row holds that start like a name: degrees, genders, cities, job words.
_NOT_NAMES = {
    "高中",
    "中专",
    "大专",
    "本科",
    "硕士",
    "博士",
    "研究生",
    "初中",
    "小学",
    "学历",
    "全日制",
    "男性",
    "女性",
    "未婚",
    "已婚",
    "应届",
    "应届生",
    "往届",
    "毕业",
    "在职",
    "离职",
    "求职",
    "期望",
    "意向",
    "岗位",
    "职位",
    "薪资",
    "年龄",
    "电话",
    "手机",
    "邮箱",
    "地址",
    "籍贯",
    "程序员",
    "会计",
    "会计学",
    "文员",
    "销售",
    "司机",
    "普工",
    "仓管",
    "行政",
    "人事",
    "财务",
    "金融",
    "计算机",
    "市场",
    "市场营销",
    "管理",
    "工程师",
    "设计",
    "设计师",
    "运营",
    "客服",
    "经理",
    "主管",
    "教师",
    "老师",
    "护士",
    "厨师",
    "保安",
    "前台",
    "助理",
    "专员",
    "实习",
    "北京",
    "上海",
    "广州",
    "深圳",
    "天津",
    "重庆",
    "成都",
    "武汉",
    "杭州",
    "南京",
    "西安",
    "沈阳",
    "郑州",
    "长沙",
    "济南",
    "青岛",
    "苏州",
    "东莞",
    "佛山",
    "宁波",
    "温州",
    "常州",
    "金华",
    "石家庄",
    "太原",
    "合肥",
    "福州",
    "厦门",
    "南昌",
    "昆明",
    "贵阳",
    "南宁",
    "海口",
    "兰州",
    "银川",
    "西宁",
    "乌鲁木齐",
    "拉萨",
    "呼和浩特",
    "哈尔滨",
    "长春",
    "大连",
    "无锡",
    "江苏",
    "浙江",
    "广东",
    "山东",
    "河南",
    "河北",
    "湖南",
    "湖北",
    "四川",
    "江西",
    "安徽",
    "福建",
    "广西",
    "云南",
    "贵州",
    "陕西",
    "山西",
    "甘肃",
    "吉林",
    "辽宁",
    "黑龙江",
    "海南",
    "宁夏",
    "青海",
    "新疆",
    "西藏",
    "内蒙古",
    "香港",
    "澳门",
    "台湾",
    "全国",
    "本地",
    "外地",
    "样例",
    "样本",
    "示例",
    "数据",
    "简历",
    "资料",
    "信息",
    "名单",
    "格式",
    "字段",
    "单价",
    "价格",
    "总量",
    "库存",
    "来源",
    "平台",
    "联系",
    "店铺",
    "东莞市",
    "华东",
    "华南",
    "华北",
    "华中",
    "西南",
    "西北",
    "东北",
    "高级",
    "初级",
    "中级",
    "全职",
    "兼职",
    "万元",
    "公司",
    "学校",
    "大学",
    "学院",
    "专业",
    "某某大学",
    "方向",
    "明细",
    "明天",
    "时间",
}
_NOT_NAME_SUFFIXES = (
    "市",
    "省",
    "区",
    "县",
    "镇",
    "大学",
    "学院",
    "公司",
    "岁",
    "年",
    "月",
    "条",
    "元",
    "届",
    "专业",
    "学历",
    "工作",
    "经验",
    "中心",
    "集团",
)
# Characters of trade talk that given names (almost) never hold: a run with one of them after
# the surname ("万条以上", "高价收") is not a name.
_NOT_IN_GIVEN_NAMES = set(
    "条元份以上下起满共约价格数据简历资料信息号码电话微信群卖售购买收出包年月日岁届个万千"
    "百亿的了吗呢吧和与或及等请加联系发货库存单总量全新批"
)
_EN_NOT_NAMES = {
    "developer",
    "engineer",
    "manager",
    "analyst",
    "science",
    "computer",
    "sales",
    "marketing",
    "java",
    "python",
    "data",
    "software",
    "senior",
    "junior",
    "new",
    "delhi",
    "mumbai",
    "bangalore",
    "bengaluru",
    "chennai",
    "pune",
    "hyderabad",
    "kolkata",
    "york",
    "london",
    "city",
    "university",
    "college",
    "institute",
    "school",
    "bachelor",
    "master",
    "degree",
    "fresh",
    "fresher",
    "graduate",
    "experience",
    "years",
    "full",
    "stack",
    "front",
    "end",
    "back",
    "hr",
    "human",
    "resources",
    "finance",
    "account",
    "accountant",
    "executive",
    "customer",
    "support",
    "service",
    "test",
    "testing",
    "quality",
    "operations",
    "sample",
    "name",
    "phone",
    "email",
    "mobile",
    "location",
    "state",
    "skills",
    "resume",
    "cv",
    "database",
    "records",
    "price",
    "contact",
    "telegram",
    "whatsapp",
    "tech",
    "business",
}

_HAN_RUN = re.compile(rf"(?<![{_HAN}])[{_HAN}]{{2,4}}(?![{_HAN}])")
_MASKED_NAME = re.compile(
    rf"(?<![{_HAN}A-Za-z])(?P<s>[{_HAN}]{{1,2}})(?:[{_MASK}]{{1,3}}|某{{1,2}}|[xX]{{1,2}}(?![A-Za-z]))"
    rf"(?![{_HAN}{_MASK}])"
)
_LABELLED_NAME = re.compile(
    rf"(?:姓名|名字|求职者|(?<![A-Za-z])(?:full )?name)[ \t]*[:：=][ \t]*"
    rf"(?P<n>[{_HAN}·]{{2,5}}|[A-Z][a-z]{{1,20}}(?:[ .'-][A-Z][a-z]{{1,20}}){{0,2}})",
    re.IGNORECASE,
)
# Two or three capitalised words standing as a field of their own: after the line start, a
# separator, a label colon, an enumerator ("1)", "- ") or an opening bracket; before the line
# end, a separator or a bracket ("Amit Kumar <amit@...>").
_EN_FIELD = re.compile(
    r"(?:^|[,，、|｜\t;；/:：(（<]|\s[-–—]|\d[.)]|^\s*[-*•])[ \t]*"
    r"(?P<n>[A-Z][a-z]{1,20}(?:[ .'-]{1,2}[A-Z][a-z]{1,20}){1,2})"
    r"(?=[ \t]*(?:$|[,，、|｜\t;；/<(（]|[-–—]\s|\s{2,}))"
)
_SAMPLE_MARK = re.compile(
    r"^\s*(?:[-*•·]\s*)?(?:样例|样本|示例|例如|例|sample|example)\s*[\d一二三]?\s*[:：]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: str
    value: str


@dataclass(frozen=True)
class Redaction:
    text: str
    count: int
    # What was removed, by kind: lets the HTML snapshot remove the same values wherever a
    # page splits them across elements (a name in one table cell, the phone in the next).
    values: frozenset[tuple[str, str]] = field(default_factory=frozenset)


def _digits(value: str) -> str:
    digits = "".join(ch for ch in value if ch.isdigit())
    return digits[2:] if digits.startswith("86") and len(digits) == 13 else digits


def _kept_digits(keep_contacts: Iterable[Mapping[str, str]]) -> set[str]:
    return {d for c in keep_contacts if len(d := _digits(str(c.get("value", "")))) >= 5}


def _is_kept_number(value: str, kept: set[str]) -> bool:
    digits = _digits(value)
    return any(
        digits == k
        or (min(len(digits), len(k)) >= 8 and (digits.endswith(k) or k.endswith(digits)))
        for k in kept
    )


def _is_cjk_name(run: str) -> bool:
    if run in _NOT_NAMES or run.endswith(_NOT_NAME_SUFFIXES):
        return False
    surname = 2 if run[:2] in _COMPOUND_SURNAMES else 1 if run[0] in _SURNAMES else 0
    return bool(surname) and not any(ch in _NOT_IN_GIVEN_NAMES for ch in run[surname:])


def _is_en_name(field_text: str) -> bool:
    words = re.split(r"[ .'-]+", field_text.lower())
    return not any(w in _EN_NOT_NAMES for w in words)


def language_of(text: str) -> str:
    """``zh`` when the text holds Han characters, else ``en``: the placeholders' language."""
    return "zh" if re.search(f"[{_HAN}]", text) else "en"


_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'，。、）)\]】]{1,2000}", re.IGNORECASE)


def _identifiers(text: str, kept: set[str], keep_emails: set[str]) -> list[Found]:
    # Numbers inside a URL are item, thread or user ids: the URL is the evidence, keep it.
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    found: list[Found] = []
    for pattern, kind in (
        (_ID_NUMBER, "id_number"),
        (_ID_MASKED, "id_number"),
        (_MOBILE, "phone"),
        (_MOBILE_MASKED, "phone"),
        (_INTL_PHONE, "phone"),
        (_INTL_MASKED, "phone"),
        (_EMAIL, "email"),
    ):
        for m in pattern.finditer(text):
            value = m.group(0)
            if kind == "phone" and pattern in (_MOBILE_MASKED, _INTL_MASKED):
                if not any(ch in value for ch in _MASK + "xX"):
                    continue  # plain digits: the unmasked patterns decide
            elif kind == "phone" and _is_kept_number(value, kept):
                continue
            if kind == "email" and value.lower() in keep_emails:
                continue
            if any(a <= m.start() < b for a, b in urls):
                continue
            found.append(Found(m.start(), m.end(), kind, value))
    return found


def _names_in_row(line: str, offset: int) -> list[Found]:
    found = []
    for m in _HAN_RUN.finditer(line):
        if _is_cjk_name(m.group(0)):
            found.append(Found(offset + m.start(), offset + m.end(), "name", m.group(0)))
    for m in _EN_FIELD.finditer(line):
        if _is_en_name(m.group("n")):
            found.append(Found(offset + m.start("n"), offset + m.end("n"), "name", m.group("n")))
    return found


def find_personal(text: str, keep_contacts: Iterable[Mapping[str, str]] = ()) -> list[Found]:
    """Every piece of a data subject's personal data in ``text``, without overlaps, in order."""
    contacts = list(keep_contacts)
    kept = _kept_digits(contacts)
    keep_emails = {str(c.get("value", "")).lower() for c in contacts if c.get("type") == "email"}
    found = _identifiers(text, kept, keep_emails)
    for m in _MASKED_NAME.finditer(text):
        surname = m.group("s")
        if surname in _COMPOUND_SURNAMES or surname[-1] in _SURNAMES:
            start = m.start() + (len(surname) - 1 if surname not in _COMPOUND_SURNAMES else 0)
            found.append(Found(start, m.end(), "name", text[start : m.end()]))
    for m in _LABELLED_NAME.finditer(text):
        found.append(Found(m.start("n"), m.end("n"), "name", m.group("n")))
    offset = 0
    rows: list[tuple[int, str]] = []
    for line in text.split("\n"):
        end = offset + len(line)
        in_line = any(offset <= f.start < end and f.kind != "name" for f in found)
        if in_line or _SAMPLE_MARK.match(line):
            found.extend(_names_in_row(line, offset))
            rows.append((offset, line))
        offset = end + 1
    found.extend(_names_by_column(rows, found))
    return _without_overlaps(found)


# A field of a record row: what lies between separators.
_ROW_FIELD = re.compile(r"[^\s|,，;；/、\t]+")
_PLAIN_HAN_NAME = re.compile(rf"[{_HAN}]{{2,4}}")


def _names_by_column(rows: list[tuple[int, str]], found: list[Found]) -> list[Found]:
    """In a table of record rows, the column where names were recognised holds names in
    every row: a rare surname (禚, 亓官...) is then caught by its place, not its spelling."""
    if len(rows) < 2:
        return []
    names = {(f.start, f.end) for f in found if f.kind == "name"}
    table = [
        [(offset + m.start(), offset + m.end(), m.group(0)) for m in _ROW_FIELD.finditer(line)]
        for offset, line in rows
    ]
    columns = {i for fields in table for i, (a, b, _) in enumerate(fields) if (a, b) in names}
    out = []
    for fields in table:
        for i, (a, b, value) in enumerate(fields):
            if (
                i in columns
                and (a, b) not in names
                and _PLAIN_HAN_NAME.fullmatch(value)
                and value not in _NOT_NAMES
                and not value.endswith(_NOT_NAME_SUFFIXES)
                and not any(ch in _NOT_IN_GIVEN_NAMES for ch in value[1:])
            ):
                out.append(Found(a, b, "name", value))
    return out


def _without_overlaps(found: list[Found]) -> list[Found]:
    # Longest match wins at a position; identifiers were found first and win ties.
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


def redact(
    text: str, keep_contacts: Iterable[Mapping[str, str]] = (), lang: str | None = None
) -> Redaction:
    """``text`` with personal data replaced by placeholders; ``keep_contacts`` (the
    extraction engine's ``contacts``) are the seller's own and stay."""
    found = find_personal(text, keep_contacts)
    if not found:
        return Redaction(text, 0)
    labels = PLACEHOLDERS[lang or language_of(text)]
    parts, pos = [], 0
    for f in found:
        parts.append(text[pos : f.start])
        parts.append(labels[f.kind])
        pos = f.end
    parts.append(text[pos:])
    return Redaction("".join(parts), len(found), frozenset((f.kind, f.value) for f in found))


def redact_values(text: str, values: Iterable[tuple[str, str]], lang: str = "zh") -> str:
    """``text`` with the given (kind, value) pairs replaced wherever they occur literally."""
    labels = PLACEHOLDERS[lang]
    for kind, value in sorted(values, key=lambda kv: -len(kv[1])):
        if len(value) >= 2:
            text = text.replace(value, labels[kind])
    return text
