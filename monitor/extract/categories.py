"""What the offered data holds (data categories), read from the listing's field names.

Categories: resume, name, phone, email, id_number, education, work_history, salary, age,
gender, address, location, job_intent, social_account, photo. They tell a reviewer how
sensitive an offer is; an ID number, for one, raises the stakes.
"""

from __future__ import annotations

import logging
import re

from monitor.extract.fastre import GateSet, compile_fast

logger = logging.getLogger(__name__)

CATEGORY_PATTERNS: dict[str, str] = {
    "resume": r"简历|履历|resume|(?<![a-z])cvs?(?![a-z])|biodata",
    "name": r"姓名|名字|(?<![a-z])(?:full )?names?(?![a-z])",
    "phone": r"手机|电话|号码|phone|mobile|(?<![a-z])tel(?![a-z])|contact numbers?",
    "email": r"邮箱|e-?mail",
    "id_number": r"身份证|证件号|(?<![a-z])id (?:number|card)|national id|aadhaar|pan card|"
    "(?<![a-z])ssn(?![a-z])",
    "education": r"学历|学校|院校|专业|毕业|education|degree|school|university|college|graduates?",
    "work_history": (
        r"工作经历|工作经验|工作年限|履职|work (?:history|experience)|experience|employment"
    ),
    "salary": r"薪资|薪水|期望薪|年薪|月薪|salary|(?<![a-z])ctc(?![a-z])",
    "age": r"年龄|(?<![a-z])age(?![a-z])|出生|birth",
    "gender": r"性别|gender|(?<![a-z])sex(?![a-z])",
    "address": r"地址|住址|address|postcode|zip",
    "location": r"城市|所在地|地区|(?<![a-z])city|location|state",
    "job_intent": r"求职意向|意向岗位|期望职位|期望岗位|求职岗位|job (?:title|wanted|intent)|"
    "desired position|"
    "applied role|headline",
    "social_account": r"qq号|微信号|wechat|linkedin (?:url|profile)",
    "photo": r"照片|头像|photo",
}
_COMPILED = [(name, compile_fast(p)) for name, p in CATEGORY_PATTERNS.items()]
# Most categories are not named in most listings: a pattern whose gate is closed (none of
# the literals its matches need occurs, fastre.GateSet) is not searched.
GATED: tuple[re.Pattern[str], ...] = tuple(pattern for _, pattern in _COMPILED)
_GATES = GateSet(GATED)
_BITS = tuple((1 << i, name, pattern) for i, (name, pattern) in enumerate(_COMPILED))


def find_categories(compact: str, may_match: int | None = None) -> list[str]:
    """Data categories named in a listing (compact, lower-cased view), in table order.

    ``may_match``: the gates of :data:`GATED` opened on a text holding ``compact``, when the
    caller has them."""
    if may_match is None:
        may_match = _GATES.open_mask(compact)
    return [name for bit, name, pattern in _BITS if may_match & bit and pattern.search(compact)]
