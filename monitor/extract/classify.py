"""Is this listing an offer of job seekers' personal data? A scored rule model.

Each rule adds a weight to a logit when it fires; the score is its logistic, and a listing
is an offer when the score reaches ``THRESHOLD``. Every fired rule is reported as a signal a
takedown reviewer can read (``kw:简历``, ``price_per_record``, ``neg:news``...).

Why these weights (logit units):

- No job-seeker subject (简历, 求职者, resumes, CVs, job seekers, candidate leads) is the
  strongest reason against (-4): sales of other personal data (parcel recipients, shop
  customers) look like offers in every other way.
- Concrete trade terms are what separate an offer from talk about offers: a price per record
  (+2.5), a record count (+1), a seller contact (+1.5), a sale verb (+1.5), a named source
  platform (+0.5), listed personal fields (+0.7).
- Near-misses each have their own vocabulary, weighted by how decisive it is: buying
  requests (-6, they quote prices and volumes too), news and court reports (-2.2 per cue, up
  to -6.6, they quote prices, volumes and even handles), warnings and legal questions,
  resume templates and writing services, job ads, job seekers' own posts, ATS software,
  courses and crawler help threads.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from monitor.extract.fastre import (
    GateSet,
    Re2Led,
    SplitSearch,
    compile_fast,
    group_leads,
    has_prefilter,
)

logger = logging.getLogger(__name__)

THRESHOLD = 0.5
BIAS = -3.0
# Above this many CNY for one record it is a service (resume writing), not leaked data.
PLAUSIBLE_MAX_CNY = 8.0


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    pattern: re.Pattern[str]
    weight: float
    # Each extra distinct match adds the weight again, up to this many times.
    max_hits: int = 1
    # pattern.search, or the same search made in prefiltered parts (fastre.SplitSearch).
    search: Callable[[str], re.Match[str] | None] | None = None


def _rule(rule_id: str, pattern: str, weight: float, max_hits: int = 1) -> Rule:
    compiled = compile_fast(pattern)
    # (the gates read `compiled`; the search runs on its twin grouped by first character)
    search = (
        group_leads(compiled).search
        if has_prefilter(compiled)
        else Re2Led(compiled, SplitSearch(compiled).search).search
    )
    return Rule(rule_id, compiled, weight, max_hits, search)


# The data subject: job seekers and their resumes.
SUBJECT = compile_fast(
    r"简历|求职者|求职人员|求职人|求职意向|求职信息|求职数据|应聘者|应聘人员|候选人|人才数据|"
    r"人才资源|人才库|人才资料|履历|"
    r"应届生数据|应届毕业生|毕业生数据|毕业生信息|应届生简历|应届生名单|毕业生名单|应届生资料|求职名单|"
    r"间历|简厉|建历|简沥|姧历|减历|简立|hr资源|招聘数据|求职用户|求职资料|找工作的人|找工作人员|"
    r"找工作的[^\n,、。]{0,16}名单|看机会的?(?:人群|人员|员工|名单)|正在看机会|"
    r"resumes?|résumés?|(?<![a-z])cvs?(?![a-z])|curriculum vitae|job ?seekers?|job applicants?|"
    # (the lookbehinds after the word: leading ones would cost the regex prefilter)
    r"applicant(?<!loan applicant)(?<!visa applicant)(?<!credit applicant)"
    r"(?<!mortgage applicant)(?<!rental applicant)(?<!tenancy applicant)(?<!card applicant)"
    r"(?<!insurance applicant)s?|"
    r"candidates?|open ?to ?work|opentowork|(?:hr|job|recruitment|recruiting|staffing) leads|"
    r"biodata|talent (?:pool|data)|people (?:actively )?looking for (?:work|a job|jobs)|"
    r"在找工作的|求职表|求职登记|就业意向|求职leads|求职线索|job.hunters|"
    r"graduate (?:talent|leads|data|database|list)|"
    r"fresh grads? (?:leads|data)|"
    # Spanish, Portuguese, French, German, Turkish, Indonesian, Vietnamese, Arabic
    r"postulantes?|candidat[oa]s|curr[ií]culos|curr[ií]culums|hojas? de vida|"
    r"buscadores? de (?:empleo|trabajo)|desempregados|"
    r"candidats|demandeurs? d.emploi|chercheurs? d.emploi|cvth[eè]que|"
    r"bewerber(?:innen|daten|profile|-leads)?|lebensl[äa]ufe?|kandidaten|stellensuchende|"
    r"arbeitssuchende|jobsuchende|"
    r"(?<![a-z])aday(?:lar|ların|ları|ın)?(?![a-z])|i[şs] arayan|[öo]zge[çc]mi[şs]|"
    r"pelamar|pencari kerja|lamaran kerja|"
    r"ứng viên|ung vien|người tìm việc|hồ sơ xin việc|"
    r"سي في|السير الذاتية|سير ذاتية|باحثين عن عمل|المتقدمين|متقدمين|خريجين|"
    # Italian, Dutch, Polish, Czech, Russian, Ukrainian
    r"candidati|curricula|(?<![a-z])curriculum(?![a-z])|in cerca di lavoro|sollicitanten|"
    r"werkzoekenden|kandydat(?:ów|ow|ami|i)|(?<![a-z])kandydaci|życiorys|poszukujący(?:ch)? pracy|"
    r"uchazeč|životopis|резюме|соискател|кандидат(?:ов|ы|ів|и)|анкет(?:ы|)(?![а-я])|"
    r"ищущих работу|шукачів|здобувачів|"
    # Malay, Thai, Hindi, Urdu, Bengali, Korean, Japanese
    r"pemohon kerja|calon pekerja|ผู้สมัครงาน|ผู้สมัคร|คนหางาน|ผู้หางาน|เรซูเม่|"
    r"नौकरी खोजने|उम्मीदवार|बायोडाटा|रिज्यूमे|امیدوار|ملازمت|চাকরিপ্রার্থী|প্রার্থী|সিভি|"
    r"জীবনবৃত্তান্ত|구직자|이력서|지원자|转职希望者|転職希望者|就活生|应募者|応募者|派遣登录者|"
    r"派遣登録者"
)

POSITIVE: tuple[Rule, ...] = (
    _rule(
        "sale",
        r"出售|转让|批发|现货|有货|货源|出货|代下载|代采|代查|代导出|拍下|下单|量大从优|量大可谈|"
        r"量大另议|量大[^\n,、。]{0,4}(?:再谈|可议|好说|优惠)|价格私聊|价格私信|价格详谈|私聊价格|"
        r"价格邮件详谈|价格面议|"
        r"价格另议|懂的来|懂的私|的私(?=\n|$)|私我|滴滴我|戳我|价格好说|价钱好说|价格可谈|价格美丽|老客户有优惠|"
        # the price where filters cannot read it: "价格看图", "price: see image"
        r"价格看图|价格见图|看图报价|contact (?:me )?for (?:the )?price|(?:dm|pm) for price|"
        r"price on request|(?:price|prices|pricing)[^\n]{0,12}(?:see |in )(?:the )?"
        r"(?:image|pic|picture|photo)|"
        # "出 招聘会求职登记表", "出五八简历" opening a line
        r"\n出[^\n，。,!！?？]{0,12}?(?:简历|求职|登记表|名单)|"
        r"价格好商量|便宜出|(?<![支付])出(?:一批|zl|简历|求职|各|售|个|boss|智联|前程|猎聘|拉勾|58)|"
        r"【出】|\[出\]|有需要|同时出|"
        r"需要的|"
        r"for sale|selling(?! points?)|"
        r"(?<![a-z])sell(?![a-z])(?<!don't sell)(?<!do not sell)(?<!never sell)|"
        r"(?<![a-z])wts(?![a-z])|in stock|\[放\]|"
        r"(?<![a-z])(?:di)?jual(?![a-z])|"  # Indonesian and Malay: "Jual data CV"
        # Spanish, Portuguese, French, German, Turkish, Vietnamese, Arabic: "Vendo base", "Je
        # vends", "Verkaufe", "satılık", "Thanh lý", "بيع"
        r"(?<![a-z])(?:vendo|vendemos|se vende|venta|vende-se|vends|à vendre|a vendre|verkaufe|"
        r"zu verkaufen|satılık|satılır|satıyorum|cần bán|thanh lý|bán data|bán cv)(?![a-z])|"
        # mobile money and local transfers a seller takes: bKash, M-Pesa, OXXO, Papara
        r"(?<![a-z])(?:bkash|nagad|jazzcash|easypaisa|gcash|m-?pesa|oxxo|spei|papara)(?![a-z])|"
        r"للبيع|بيع|أبيع|متوفر|"
        # Italian, Dutch, Polish, Russian, Ukrainian, Thai, Hindi, Urdu, Bengali, Korean,
        # Japanese, Malay: "vendesi", "te koop", "sprzedam", "продам", "ขาย", "बिक्री",
        # "فروخت", "বিক্রি", "판매", "販売"
        r"vendesi|in vendita|te koop|(?<![a-z])verkoop|sprzedam|sprzedaż|na sprzedaż|продам|"
        r"продаю|продаж|прода[её]тся|обмен(?![а-я])|ขาย|बिक्री|बेच|فروخت|دستیاب|বিক্রি|"
        r"판매|팝니다|贩卖|販売|売ります|(?<![a-z])(?:nak )?jual(?:an)?(?![a-z])|"
        r"ready to ship|"
        r"(?<![a-z])dm(?![a-z])(?<!don't dm)(?<!do not dm)(?<!never dm)|"
        r"instant (?:csv|download|delivery)|free sample|"
        r"samples? (?:on request|for)|"
        r"escrow|担保|i deliver|we deliver|delivery|互换|交换|等量换|以数换数|1:1 ?换|对换|换料|"
        r"想换|换库|数量对等|简历换简历|交付数据|直接交付|只出整库|出整库|只换|换其他|同等量|"
        r"(?:btc|usdt|比特币)[^\n]{0,6}结算|"
        r"(?<![a-z])trade|data available|"
        # "Price inbox e jaanben", "price in DM"
        r"price (?:in|on) (?:the )?(?:inbox|dm|pm)|price inbox|inbox for (?:the )?price|"
        # a seller's pitch as a question: "anyone need resumes?"
        r"(?<![a-z])anyone (?:need|want)s?(?![a-z])|"
        r"who (?:needs|wants) (?:some |any )?(?:cv|resume|lead|data)|"
        r"开通会员|"
        r"swap|negotiable|price on request|bulk discount|discounts? for bulk|购买后|激活码|永久版|"
        r"open to offers|best offer|(?<![a-z])pm me|inbox me|hit me up|"
        # "available" alone is also "references available on request" in a CV
        r"\d[kmw+]? available|\dk\+? ready|lakh available|(?:records|cvs|leads|profiles) available",
        1.5,
    ),
    # Software or a service that harvests job seekers' contact data delivers their records
    # (CORPUS.md note on crawler software), unlike tutorials that only collect job posts.
    _rule(
        "harvest_tool",
        r"采集[^\n。]{0,24}(?:手机|电话|联系方式|姓名)|抓取[^\n。]{0,24}(?:手机|电话|联系方式|姓名)|"
        r"[导汇]出[^\n。]{0,12}(?:手机|电话|联系方式)|批量下载[^\n。]{0,8}(?:简历|履历)|"
        r"(?:简历|履历)抓取|"
        r"scraper[^\n.]{0,40}(?:phone|email|contact)|"
        r"(?:we|i) scrape[^\n.]{0,120}(?:phone|email|mobile|contact)|"
        r"extracts? [^\n.]{0,30}(?:phone|email|contact)|"
        r"pulls? [^\n.]{0,40}(?:profiles|contacts|candidates|cvs|resumes)[^\n.]{0,40}"
        r"(?:mobile|phone|email|contact)|extractor (?:bot|tool)|scraper bot|采集器|"
        r"简历下载器|(?:resume|cv) downloader|"
        r"exports?\W{1,3}[^\n.]{0,40}(?:phone|email|contact)|"
        r"(?<![a-z])exported (?:from|out of|via) |"
        # "pulled through recruiter accounts", "pulled via employer accounts": harvested
        r"(?<![a-z])pulled (?:through|via|from|using) [^\n.]{0,40}accounts?",
        1.5,
    ),
    # Software sold "without data" while the data is offered beside it.
    _rule(
        "data_sold_apart",
        r"(?:数据|简历|资料)[^\n。]{0,6}(?:另售|另购|另卖|另外出售|单独出售|单独购买)|"
        r"另(?:售|卖)[^\n。]{0,6}(?:数据|简历|资料)|附(?:带)?现成(?:的)?(?:数据|简历)|"
        r"(?:买|卖|出)现成的|"
        r"(?:data|database|cvs|resumes|records|leads)(?: is| are)? (?:sold|available) separately|"
        # a template or a tool kit as the cover of the data: "模板是送的 主要是里面的人才数据",
        # "另有加购款【…3万份】，拍基础款后备注加购，客服改价"
        r"(?:模板|模版|资料|课程)(?:是|只是)?(?:赠送|送的)|主要是(?:里面的)?(?:人才)?(?:数据|资料|简历)|"
        r"加购款|备注[“\"]?加购|客服改价|不在页面显示",
        1.5,
    ),
    # An account or a membership rented with a quota of record downloads, or the records
    # downloaded through one: the buyer gets job seekers' records, not a recruiting tool
    # ("月租1200元，每月可下载简历4000份", "includes 1,000 resume downloads", "企业账号下载的简历
    # 2.3万份，只出简历不出账号").
    _rule(
        "download_quota",
        r"(?:可|能)(?:下载|推送)(?:简历)?(?:额度)?[ \t:]*\d|下载额度[ \t:]*\d|每月推送|可搜可下|"
        r"(?:含|包含)简历下载[ \t:]*\d|"
        r"下载(?:后)?的简历|账号下载的|只出(?:简历|数据)|不出账号|不卖账号|帮(?:你|您)下载|"
        r"(?:搜索|查询)并下载|代下载|代查|不限量[^\n。]{0,6}下载|"
        r"\d (?:[a-z]+ ){0,2}?(?:profiles|records|leads|cvs|resumes|candidates) delivered|"
        r"\d (?:[a-z]+ ){0,2}?(?:resume|cv|candidate|profile) (?:downloads|unlocks)|"
        r"\d (?:downloads|unlocks)(?![a-z])",
        1.0,
    ),
    # The poster's own offer, in the first person: "老店信誉大家都知道 … 要的Q我". Beside it,
    # a warning about someone else ("QQ 1122334455 是骗子") is the seller's hook.
    _rule(
        "own_offer",
        r"要的(?:加|q|v|扣|私|滴|找|联系)?我|我们家(?:做|有|的)|老店|本店(?:简历|数据|库存|有)",
        1.0,
    ),
    # A dealer who buys and sells ("【长期收/出】", "出：智联前程 … 收：猎聘高端简历"): the
    # buying does not cancel the selling.
    _rule(
        "dealer",
        r"\n出[ \t]*[:：]|收/出|出/收|收\+出|收出|长期收出|买卖(?:各类|各种)?(?:简历|数据)|"
        r"同时(?:也)?出|也出(?!现|来|去|了)",
        0.0,
    ),
    # Other people's data named (car owners, borrowers, parents): a platform's name alone then
    # does not make the records job seekers'.
    # (not a buyer's trade: "for insurance agents", "做保险的老板")
    _rule(
        "other_data",
        r"车主|股民|业主|宝妈|家长|患者|彩民|网贷用户|贷款客户|贷款用户|"
        r"car owners?|homeowners?|investors?|patients?|parents?|borrowers?|gamblers?",
        0.0,
    ),
    _rule(
        "have_stock",
        r"我这(?:边|里)?有[^\n,、。]{0,8}(?:简历|数据|资料|名单|资源)|"
        r"手(?:上|里)有(?:一批|[^\n,、。]{0,6}(?:简历|数据|资料|名单|资源))|库存|存货|存量|总库|总量|现有|已有|历史库|"
        r"库(?:内|里)(?:有|共)?[^\n,、。]{0,6}\d|"
        r"(?<![a-z])(?:i|we) have|(?<![a-z])(?:i'?ve |we'?ve |i |we )?got (?:\d|over)|"
        r"(?<![a-z])(?:i'?ve|we'?ve|i|we) got a |total(?![a-z])|have ~?\d",
        0.8,
    ),
    _rule(
        "fields",
        r"姓名|手机|电话|邮箱|学历|工作经历|工作经验|期望薪资|name\W|phone|mobile|email|"
        r"contact (?:details|info)",
        0.5,
    ),
    _rule(
        "bulk",
        r"数据|资料|名单|数据库|database|(?<![a-z])db(?![a-z])|dumps?(?![a-z])|leads|scrape|"
        r"records|rows",
        0.6,
    ),
)

NEGATIVE: tuple[Rule, ...] = (
    _rule(
        "neg:wanted_to_buy",
        r"求购|收购|(?:长期|高价|大量)收|【收】|\[收\]|\n收(?!费|款|到|益|入|藏|拾|u(?![a-z])|usdt|钱|工)|"
        r"(?<![只不可])收(?!费|到|款|益|入|藏|集|拾|货地址|录|件|钱|usdt|u(?![a-z])|支付|比特|的|上来|了|工|"
        r"btc)[^\n,、.;:]{0,12}(?:简历|履历|"
        r"数据|资料|名单)|"
        r"(?<![a-z])wtb(?![a-z])|want(?:ed)? to buy|looking to buy|"
        r"(?<![a-z])buying(?![a-z])(?<!are buying)(?<!those buying)(?<!before buying)"
        r"(?<!after buying)|"
        r"will pay|paying(?<!stop paying)(?<!of paying) "
        r"(?:\$|\d|up to|top|good|well|cash|usdt|for (?:fresh|bulk|good))|"
        r"willing to pay|where (?:can|do|could) (?:i|we) (?:buy|get|purchase)|哪里(?:能|可以)?买|"
        r"去哪(?:里|儿)?买|"
        r"有货的|有货请|有资源的|有的朋友私聊|有量的来|勿报价|报价过高|先验样本再付款|"
        # a buyer's budget, terms and call: "预算0.2一条", "中介勿扰", "求个靠谱渠道"
        r"预算[ \t:：]*\d|(?<![a-z])budget(?: is| of| around| about)?[ \t:]*(?:[$£€₹]|\d)|"
        r"求(?:一个|个)?(?:靠谱|可靠|稳定)的?(?:渠道|卖家|货源)|"
        # Spanish, Portuguese, French, German, Turkish, Vietnamese, Indonesian, Arabic buyers
        r"(?<![a-z])(?:compro|busco|procuro|cherche|recherche|\[achat\]|kaufe|suche|alıyorum|"
        r"arıyorum|cần mua|mencari|أشتري|مطلوب|куплю|kupię|cerco|zoek|nak beli|ingin beli|"
        r"구합니다|買います|求む)(?![a-z])",
        -6.0,
        2,
    ),
    _rule(
        "neg:news",
        r"记者|报道|据悉|暗访|调查发现|法院|判处|判决|获刑|有期徒刑|罚金|警方|公安|通报|声明|回应|"
        r"检察院|检察机关|提起公诉|公诉|被告人|犯罪嫌疑人|经查|涉案|判令|判赔|一审|二审|终审|"
        r"investigation|allegedly|(?<![a-z])probes?(?![a-z])|commissioner|privacy commission|"
        r"hacking forum|prosecutors?|(?<![a-z])judge(?![a-z])|jailed|in prison|pleaded guilty|"
        r"(?<![a-z])reporters?(?![a-z])|declined to (?:answer|comment)|privacy advocates|"
        # ("技术专家": a job title, not an expert quoted)
        r"专家(?:表示|称|认为|指出|建议|提醒|介绍|分析|解释)|监管部门|报讯|被罚款|罚款[^\n。]{0,8}(?:万|元)|"
        r"公署|业内人士|媒体|【新闻】|【转载】|"
        r"reporter|journalist|undercover|(?<![a-z])report(?:ed|s)?(?![a-z])|police|arrested|"
        r"court|(?<![a-z])fined|spokesperson|organi[sz]ers|job fair|accused|seized|busted|"
        # (not the resumes' origin: "校园招聘会收的纸质简历")
        r"招聘会(?!求职登记)(?![^\n。]{0,8}?(?:收|拿|整理|搜集|收集))|发言人|"
        r"regulators?|according to|investigators?|threat.intelligence|researchers?|sentenced|"
        r"(?<![a-z])charged|"
        r"consumer agencies|data broker|unsecured|exposed (?:database|server|bucket)|"
        r"security researchers?|an asking price of|affected (?:users|residents|customers)|"
        # a company's breach notice to the people affected
        r"data (?:security )?incident|notice of data|credit monitoring|affected individuals|"
        r"is notifying|(?<![a-z])notifying (?:approximately|about|some|\d)|"
        r"breaking ?:|full story|"
        # a thread on a seller's prosecution: "被抓了，会判多久", "五千条以上就够立案了"
        r"被抓|判多久|判几年|立案|退赃|轻判|侵犯公民个人信息罪|破获|嫌疑人|获利|"
        # news in other languages: "diz empresa de segurança", "la CNIL sanctionne",
        # "Datenleck … laut", "theo công an"
        r"(?<![a-z])(?:segundo|según|selon|laut|theo) (?:a |o |la |el |le |les |die |der |"
        r"công an|báo)|(?<![a-z])diz (?:a |o )?empresa|vazamento|filtración|fuite de|la cnil|"
        r"sanctionn|datenleck|datenpanne|polizei|ermittl|bußgeld|policía|polícia|investigación|"
        r"investigação|enquête|sızıntı|soruşturma|công an|điều tra|rò rỉ|الشرطة|تسريب|"
        r"исследовани|по данным|сообщил|полици|мвд|мвс|суд(?![а-я])|wyciek|policja|secondo |"
        r"polizia|indagine|onderzoek|politie|lek(?![a-z])|ตำรวจ|पुलिस|경찰|보도|警察|報道",
        -2.2,
        3,
    ),
    _rule(
        "neg:news_style",
        r"近日|日前|近期|据了解|表示|指出|呼吁|发布(?!于)|宣布|上线|功能|业者|平台方|statement|announced|"
        r"projected|market to reach|survey|study|(?<![a-z])said(?![a-z])|(?<![a-z])says(?![a-z])|"
        r"it found|found that|据统计|last quarter|去年",
        -1.0,
        2,
    ),
    _rule(
        "neg:third_person",
        r"有人(?!才)|声称|兜售|叫卖|标价|一家店铺|多起案件|claim(?:ed|ing|s| to| that)|听说|据说|"
        # ("相关资料已在暗网以每千条约10美元的价格出售": has been put up for sale)
        r"已(?:在|于|被)[^\n。,，]{0,10}以[^\n。,，]{0,16}(?:出售|售卖|贩卖)|"
        r"advertis(?:ed|ing|es)|"
        r"being sold|saw (?:a|an|the) (?:thread|post|listing|ad)|"
        r"who offered|sellers|"
        r"vendors?(?![a-z])(?![ \t]*:)|listings offering|i read|sell for|someone offered|"
        r"(?:a guy|someone|somebody|he|she|they) [^\n.]{0,24}offered|offered me|i was offered|"
        r"(?:was|were|is being|are being) (?:listed|sold|shopped|offered|posted)|posted it|"
        r"some guy|asking \$|someone[^\n.]{0,30}(?:is |was )selling|what (?:they|he|she) claims?|"
        r"(?:has|have) been notified|"
        # reported speech: "说自己有智联的简历", "看到这样一条消息：“出售…”", "对方让先付500定金"
        r"说自己有|自称|看到[^\n。]{0,10}(?:消息|广告|帖子)|对方(?:让|说|要求|发)",
        -1.5,
        2,
    ),
    _rule(
        "neg:warning",
        r"防骗|诈骗|反诈|预警|骗子(?<!不做骗子)(?<!不是骗子)(?!勿)|被骗|曝光|别碰|千万别|违法|犯法|犯罪|侵犯公民个人信息|警惕|上当|提醒|拉黑|"
        r"(?<![a-z])scam|warning|fraud|illegal|don'?t buy|beware|(?<![a-z])alert|report and block|"
        r"刑法|司法解释|情节严重|个人信息保护法|gdpr|ccpa|lawyer|报警|报了警|"
        r"被人(?:挂|拿|放)出来卖|投诉|reminder that|have ?i ?been ?pwned|lock down your|"
        r"phish(?:er|ers|ing)|spam calls|骚扰电话|appeared in a|(?:were|was) leaked|"
        # a job seeker whose resume was sold: "投了简历，这几天每天十几个电话", "#简历泄露#"
        r"简历泄露|信息泄露|每天[^\n。,、]{0,6}个电话|电话被打爆|"
        # buyers warning buyers: "Lost $300 to a guy…", "Ripper report", "Red flags:"
        r"red flags|ripp(?:er|ing|ed)|lost \$?\d[\d,]* to|don'?t send money|got scammed|"
        # a buyer's story: "Learned my lesson. … all fake … if anyone offers you …, don't"
        r"learned my lesson|(?:all|were|was|are) (?:fake|wrong numbers)|"
        r"if (?:anyone|someone) offers you|"
        # Spanish, Portuguese, French, German, Turkish, Indonesian, Vietnamese, Arabic
        r"estafa|cuidado con|(?<![a-z])golpe(?![a-z])|arnaque|escroquerie|betrug|betrüger|"
        r"dolandırıcı|penipuan|hati-hati|waspada|cảnh báo|lừa đảo|احذر|نصب|تحذير|"
        r"осторожно|обережно|мошенник|шахра|развод(?:ил|ят|ила)|oszust|uwaga na|truffa|"
        r"attenzione a|oplichter|pas op|มิจฉาชีพ|धोखा|사기|詐欺",
        -2.0,
        3,
    ),
    _rule(
        "neg:bought",
        r"付了|找人买|我买了|买的时候|花[^\n,，。]{0,10}买了|买了所谓|血亏|引以为戒|"
        r"(?<![a-z])(?:i )?paid (?:\$|\d|us)|i bought|got scammed|不回消息|seller ghosted",
        -2.0,
        2,
    ),
    # A buyer's review of a seller ("vouch", "+rep", "would buy again") repeats the deal's
    # terms and the seller's handle, but sells nothing.
    _rule(
        "neg:review",
        r"\+rep|would buy again|will buy again|leaving a vouch|(?<![a-z])vouch(?:ing|ed)? for|"
        r"(?<![a-z])vouch ?:|"
        r"(?<![a-z])bought [^\n.]{0,60}(?:from|through|via) |回购|已收到货|"
        r"好评(?<!%好评)(?!率|返|[ \t]*\d)",
        -6.0,
        2,
    ),
    _rule(
        "neg:question",
        r"吗[?]|[?]$|请问|求助|有人知道|有没有人|¿|(?<![a-z])hỏi:|có nên|"
        r"anyone(?! interested| needs?(?![a-z])| wants?(?![a-z]))|is (?:it|this|that) legal|"
        r"how to|how do|"
        r"how much|[?]\n|"
        r"curious|is that right|多少钱|是真的吗|怎么办",
        -1.2,
        2,
    ),
    _rule(
        "neg:account_sale",
        r"employer account|recruiter account|(?<![a-z])credits(?![a-z])|会员账号|企业账号|"
        r"vip月卡|vip季卡|vip年卡|会员月卡|会员卡|激活码|"
        r"aged (?:[a-z]+ )?accounts?|"
        r"(?:linkedin|indeed|naukri|boss|智联|前程) ?accounts? (?:for sale|with)|"
        r"accounts? for sale|账号出售|出售账号|老号|"
        r"下载点数|账号转让",
        -4.0,
    ),
    # "可编辑"/"editable": a document the buyer fills in, never a data record.
    _rule(
        "neg:template",
        # (not the seller's "不是卖模板": the lookbehinds after the literal keep its prefilter)
        r"模板(?<!不是卖模板)(?<!不卖模板)(?<!不是模板)(?<!非模板)|范本|模版|templates?|可编辑|"
        r"editable",
        -4.0,
        2,
    ),
    _rule(
        "neg:writing_service",
        r"代写|改简历|修改简历|简历优化|简历修改|简历诊断|简历点评|模拟面试|面试辅导|润色|简历互改|"
        r"resume (?:writing|writers?|"
        r"review)|"
        r"rewrite|(?<![a-z])review(?:s|ed)? (?:your|my|of your|and edit)|cover letter|makeover|"
        r"glow.up|写简历|"
        r"(?:cv|resume) writing|profile optimi[sz]ation|translat(?:ion|ors?|ed)|简历翻译|"
        r"profile (?:boost|update)|headline (?:&|and) summary|happy (?:job seekers|clients)|"
        # sending the buyer's own resume out: "代投简历", "每天帮你投100家"
        r"代投|帮你投",
        -3.0,
        2,
    ),
    _rule(
        "neg:job_ad",
        # (not the audience: "急招人的老板看过来", "#招工难#")
        r"岗位职责|任职要求|工作地点|诚征|诚聘|急招(?!人的|工的)|招工(?<!工厂招工)(?<!厂里招工)(?!难|的老板|剩|时|收|必备|帮|神器|利器)|招普工|(?<!期望)月薪|五险一金|包吃住|简历投递|(?<!者)(?<!新)(?<!真实)(?<!岗位)投递简历|将履历寄|内推|"
        r"校园招聘(?!会[^\n。]{0,8}?(?:收|拿|整理|搜集|收集))|"
        r"双选会(?!登记)|"
        r"【招聘】|we'?re hiring|post a job|(?<![a-z])apply(?![a-z])|"
        r"job postings(?<!applied to job postings)|jobs daily|"
        r"remote jobs|"
        r"we place|placement fee|% fee|post your job|per listing|"
        # recruiters and headhunters asking job seekers to send their resume in
        r"猎头服务|按(?:成功)?入职收费|年薪的?[^\n。]{0,8}%|入职[^\n。]{0,6}保证期|"
        r"简历发(?:给)?我|把简历发|发我邮箱|免费(?:帮你)?推荐|send (?:me )?your (?:cv|resume)|"
        r"match you|open roles|(?:we are|we're|now) hiring|refer you|referral thread|"
        r"of (?:the )?first.year salary|only when you hire|"
        # hiring in other languages: "Wir stellen ein!", "estamos contratando", "on recrute"
        r"wir stellen ein|bewirb dich|estamos contratando|contratamos|postúlate|vagas abertas|"
        r"on recrute|nous recrutons|postulez|ứng tuyển ngay|kirim lamaran|işe alıyoruz",
        -3.0,
    ),
    # Work on a CV database (typing resumes in, paid per CV): a job, not the data for sale.
    _rule(
        "neg:work_offer",
        # (not a job category in a list of the records' trades: "driver, data entry, sales")
        r"data entry(?<!, data entry)(?![ \t]*[,/、|])|"
        r"typists?(?![a-z])|打字员|录入员|简历录入|信息录入|资料录入|录入兼职|(?<!校)招兼职|兼职招募|"
        r"兼职招聘|per (?:cv|resume) (?:entered|typed)|remote gig|paid weekly|payoneer",
        -4.5,
        2,
    ),
    # Daily pay: part-time work as a rule, but a data seller may settle daily with resellers.
    _rule("neg:daily_pay", r"日结", -2.5),
    # Labelling resumes for a data project, paid per resume: a job, not records sold.
    _rule(
        "neg:annotation_job",
        r"data annotat(?:ors?|ion)|annotators?(?![a-z])|标注员|数据标注|简历标注|"
        r"data label(?:ing|ers?)|labell?ing project|annotation project",
        -4.5,
    ),
    _rule(
        "neg:job_seeker",
        r"(?<!在)找工作(?!的|人员|人群|者)|求内推|open to work 🙏|"
        # a job seeker's own post: "I'm #OpenToWork for …", "Resume available on request"
        r"i'?m #?open ?to ?work|(?:resume|cv) (?:available )?on request|"
        r"referrals? (?:or leads )?(?:are )?appreciated|my role was|"
        # (lookbehinds after the words: leading ones would cost the rule its regex prefilter)
        r"looking for(?<!people looking for)(?<!actively looking for)(?<!who are looking for)"
        r" (?:a |my )?(?:next |new )?(?:remote )?(?:(?:full|part)[ -]time )?"
        r"(?:job|role|work|position)|"
        r"job hunting|\[for hire\]|"
        r"any openings|(?:roast|review|critique) my (?:cv|resume)|feedback on my (?:cv|resume)|"
        # (not "HK • SG • MY RESUME DATA": Malaysia's)
        r"my (?:cv|resume)(?!s? (?:data|database|db|dump|leads|records|bank|library))|"
        r"我的简历|available immediately|hire me|我的信息|我投|求一份|找一份|"
        r"求推荐|"
        r"本人(?:是|今年|[^,、。\n]{0,6}(?:专业|毕业|经验))|i'?m an? [a-z ]{0,30}with \d+ years?|"
        # a CV itself, pasted: its own sections
        r"自我评价|教育背景|professional summary|career objective|"
        r"本人[^\n。]{0,12}求职|求(?:各位)?(?:大佬)?内推|帮(?:我)?看看简历|附简历|"
        r"(?:我的)?简历已脱敏",
        -2.5,
        2,
    ),
    _rule(
        "neg:software",
        r"招聘管理系统|管理系统|(?<![a-z])ats(?![a-z])|applicant tracking|(?<![a-z])saas|账号|"
        r"(?<!不接受)(?<!唔接受)(?<!不提供)(?<!不支持)试用(?!装)|"
        r"per month|/month|/年(?!龄|份|级|限|纪)|startup plan|seats|一键导入|人才库容量|托管|代发|"
        # a resume parser reads the buyer's own files: "first 10,000 parses are free"
        r"(?:resume|cv) pars(?:er|ing)|pars(?:es|ing) (?:are )?free|per parse|\d (?:free )?parses",
        -2.5,
        2,
    ),
    _rule(
        "neg:course",
        r"课程|直播|培训课|实战课|九成新|八成新|七成新|两本|几本|本书|训练营|公开课|网课|视频课|教你|webinar|masterclass|"
        r"(?<!, )course(?! and| or|,| providers?| sellers?| creators?| institutes?| of study)|"
        r"tutorial|"
        r"(?<!使用)教程|二手书|"
        r"(?<![a-z])books?(?![a-z])(?! a demo| a call| now)|干货|"
        r"技巧|"
        r"tips?(?![a-z])",
        -2.0,
        2,
    ),
    _rule(
        "neg:crawler_help",
        r"scrapy|爬虫|user.?agent|代理池|(?<![a-z])403|proxies|proxy|download_delay|robots|被封",
        -1.0,
    ),
    # Software, source code or templates whose seller says no data comes with them: the
    # "resume module" and the demo CVs are not job seekers' records. A harvesting tool (it
    # collects the records when run) or data sold beside the software cancels this rule.
    _rule(
        "neg:no_data",
        r"不含(?:任何)?(?:简历|真实)?(?:数据|资料)|不带(?:任何)?(?:简历|真实)?(?:数据|资料)|"
        r"不包含(?:任何)?(?:简历|真实)?(?:数据|资料)|无(?:任何)?(?:简历)?数据|没有(?:任何)?数据|"
        r"纯程序|纯源码|只是(?:源码|程序|程式|系统)|只卖(?:源码|程序|程式|系统)|"
        r"不(?:提供|出售|泄露|外泄)(?:任何)?(?:粉丝|用户|个人|会员|求职者|简历)?(?:信息|数据|资料)|"
        r"仅(?:售|卖|出)?(?:源码|程序|程式)|"
        r"演示(?:站|数据)?[^\n。]{0,10}(?:虚构|测试数据|假数据|模拟数据)|示范站[^\n。]{0,10}虚构|"
        r"测试数据(?:为|是|均为|全是|都是)?(?:虚构|假的|模拟|随机)|(?:非|不含|不涉及)个人信息|"
        # "We do NOT sell or provide candidate data"
        r"(?:do|does|will|we) not (?:sell|provide|share|supply)"
        r"(?: or (?:sell|provide|share|supply))?"
        r" (?:any )?(?:candidate |personal |applicant |job ?seeker )?(?:data|records|cvs|resumes)|"
        r"(?:don't|doesn't|won't) (?:sell|provide|share) (?:any )?(?:candidate |personal )?data|"
        r"no data (?:included|of any kind|comes)|with no data|"
        r"no personal data (?:is )?(?:shared|included|sold)|fully de-?identified|"
        r"ships? (?:empty|without (?:any )?data)|"
        r"data (?:is )?not included|without (?:any )?(?:real )?data|(?:source )?code only|"
        r"(?:demo|sample|dummy) (?:data|cvs|resumes|records|rows)[^\n.]{0,24}"
        r"(?:fake|dummy|fictional|generated|made up)|dummy records",
        -4.5,
    ),
    # Research, threat-intelligence and monitoring notes about data ads: they quote the
    # prices, volumes, sources and even handles of the ads, and sometimes "for sale" itself
    # ("not for sale"), but sell nothing.
    _rule(
        "neg:research",
        r"not for sale|not to sell|not selling anything|(?:will )?never sell|"
        r"(?:for )?research (?:only|purposes only)|"
        r"research notes?|threat.?intel|"
        r"(?<![a-z])osint(?![a-z])|analyst note|we (?:observed|monitored|tracked|collected)|"
        r"write-?up|responsibly disclosed|\(disclosed\)|vendor notified|routine scanning|"
        r"(?<![a-z])psa(?![a-z])|public service announcement|contact listed as|"
        r"asking for research|i write about|for an article|our analysts|seller asks|"
        r"(?<![a-z])thesis|ethics board|kaggle|public datasets?|"
        r"likely repackaged|weekly report|"
        r"(?:monitoring|intelligence|intel|research) team|threat brief|why it matters|"
        r"tracked \d+ (?:separate )?(?:listings|posts|ads)|"
        r"actor profile|threat actor|(?<![a-z])tlp ?[:-] ?(?:red|amber|green|clear|white)|"
        r"first seen ?:|assessment ?:|(?<![a-z])iocs?(?![a-z])|"
        r"(?:ads|posts|listings) (?:we|i) (?:collected|saw|observed|tracked)|"
        r"observed (?:\d|on |in )|advertised by|(?:posts|channels|listings) advertising|"
        r"listings advertised|takedown (?:requests?|team)|filing takedown|"
        r"report (?:the |these |those )?(?:channels|sellers|listings|posts|groups)|"
        r"(?:have|did) not (?:bought|buy|purchased)|not bought anything|"
        r"非出售|不出售|非卖品|仅供研究|仅作研究|研究笔记|调研(?:记录|报告|笔记|结果)|【调研】|"
        r"监测到|监测(?:周报|报告|记录)|观察到|整理了[^\n。]{0,16}(?:广告|帖子)|跟踪了|"
        r"仅供(?:安全)?研究|安全研究|勿私信求|"
        r"(?:售卖|出售|兜售)[^\n。,、]{0,12}的?广告|提交[^\n。]{0,8}举报|向平台举报|已举报",
        -3.5,
        2,
    ),
    # Services that work on the buyer's own resumes (printing, parsing, screening) charge
    # per resume too, but deliver no one's records.
    _rule(
        "neg:processing_service",
        r"简历打印|打印|彩印|印刷|复印|简历解析|解析(?:接口|服务|api)|文件袋|简历袋|简历夹|牛皮纸|"
        r"简历纸|签字笔|resume paper|证件照|换底色|修图|"
        # background checks on the buyer's own candidates, with their consent
        r"背景调查|入职背调|背调服务|背调报告|background (?:check|screening|verification)|"
        r"(?:resume|cv) pars(?:er|ing)|pars(?:er|ing) api|"
        r"per (?:resume|cv) (?:parsed|processed|screened|scored|printed)|printing",
        -5.0,
        2,
    ),
    # A job board selling employers access to its own resume search (memberships, CV views):
    # a recruitment product, not a transfer of records.
    _rule(
        "neg:platform_product",
        r"企业会员(?!账号)|人才搜(?:索|寻)|履历搜(?:索|寻)|简历搜(?:索|寻)(?:方案|服务|套餐)|开通[^\n。]{0,10}方案|"
        r"(?:cv|resume|profile) views|plans? start at|company account|"
        r"recruiter (?:plan|subscription|licen[cs]e)|request a callback|our sales team|业务专员|"
        r"opted to be visible|"
        # a job board's own membership: "企业开通VIP会员即可无限发布职位", "简历仅限招聘使用"
        r"发布职位|企业(?:开通)?vip|招聘顾问|仅限招聘使用|自主注册|审核企业资质|"
        # an employer's plan: "as a registered employer", "Prices exclusive of GST"
        r"registered employers?|company verification|"
        r"employer verification(?<!no employer verification)|quoted (?:us|me)|"
        r"职位置顶|置顶卡|刷新卡|"
        r"anyone compared|"
        r"(?:exclusive|inclusive) of (?:gst|vat)|\+ ?gst",
        -4.0,
        2,
    ),
    # Contact lists of companies, executives and recruiters' HR staff (B2B leads, 企业名录):
    # personal data, but not job seekers'. A job platform named as their source does not make
    # them resumes (see classify()).
    _rule(
        "neg:other_subjects",
        r"(?<![a-z])b2b(?![a-z])|c-level|c-suite|decision.makers?|"
        r"(?:executive|company|business|corporate) (?:contacts|emails|list|directory)|"
        r"企业名单|企业名录|公司名录|公司名单|工商(?:数据|信息)|老板(?:电话|手机|名单)|企业主|"
        r"hr(?:姓名|电话|手机|联系方式)|正在招(?:聘|人)的(?:公司|企业)|"
        r"employer (?:leads|contacts|lists?)|hiring managers?|hr contacts?|"
        r"companies (?:hiring|that)",
        -2.0,
    ),
    # The seller says outright the records are not job seekers' ("都是企业方，不是求职者").
    _rule(
        "neg:not_job_seekers",
        r"不是求职者|非求职者|并非求职者|没有简历|不含简历|企业方|职位数据|岗位数据|职位信息数据|"
        r"简历(?:数据)?(?:不做|不卖)|不做简历|不卖简历|"
        r"不含(?:任何)?个人信息|不包含(?:任何)?个人信息|domain for sale|premium domain|"
        r"not (?:job ?seekers|candidates|resumes|cvs)|no (?:cvs|resumes) (?:in|included)|"
        # ... or that they are kept back: "不做求职、简历类数据", "人才库、求职者信息一律不转让",
        # "No job seeker / HR data", "NOT included: candidate database", "我们不出售简历"
        r"不做(?![了啦])[^\n。，,!！]{0,5}(?:求职|简历|应聘)|"
        # (alternatives written so that their rarest part gates them, see fastre._best)
        r"(?:人才库|求职者|简历|候选人|应聘者)[^\n。]{0,10}"
        r"(?:一律不|均不转|均不出|均不提|不在转让|不转让|不对外|不出售)|"
        r"不卖(?:任何)?(?:简历|候选人|求职者|人才库)(?!模板|模版)|"
        r"(?:不出售|不提供|不转让)(?:任何)?(?:简历|候选人|求职者|人才库)(?!模板|模版)|"
        r"不(?:含|包含|包括)[^\n。]{0,8}(?:候选人库|简历库|人才库|求职者)|"
        r"no (?:job ?seekers?|cvs?|resumes?|hr|candidates?)(?: ?/ ?[a-z]+)?"
        r"(?: or (?:job ?seeker|candidate|cv|resume|applicant)s?)? (?:data|records|leads)|"
        r"不涉及(?:任何)?[^\n。]{0,6}(?:求职者|简历)|"
        r"(?:do not|don'?t|never|not) (?:sell|provide|share|offer)"
        r"(?: or (?:share|rent|sell|trade))? (?:any )?(?:cvs?|resumes?|job ?seekers?|candidates?)"
        r"(?: or (?:job ?seekers?|candidates?))?"
        r"(?: ?/ ?[a-z ]{2,12})? ?(?:data|records|leads|lists?)|"
        r"not included ?:? ?(?:the |our |any )?(?:candidate|cv|resume)|"
        r"(?:candidate|cv|resume) (?:database|records|data)[^\n.]{0,40}(?:not included|"
        r"will be deleted|cannot be sold|not for sale)",
        -5.0,
    ),
    # Source code pasted in a listing is a tutorial or a question, not a sale.
    _rule(
        "neg:code",
        r"(?<![a-z])import [a-z]|(?<![a-z])def [a-z_]+\(|class [a-z_]+\(|response\.(?:css|xpath)|"
        r"yield \{",
        -2.5,
    ),
)


class Evidence:
    """Facts the extractors found, used as features.

    (A plain class with its own __init__, as the other per-listing records of the engine: a
    dataclass's generated __init__ stays interpreted Python when mypyc compiles the module,
    ~1 us a record, a frozen one setting each field through object.__setattr__.)"""

    __slots__ = ("has_contact", "has_source", "price_cny", "price_kind", "volume")

    def __init__(
        self,
        price_kind: str | None,
        price_cny: float | None,
        volume: int | None,
        has_contact: bool,
        has_source: bool,
    ) -> None:
        # How the unit price was read: "per_record"/"per_n" (quoted per record) or
        # "package"/"lot" (a sum for many records); None when there is no price.
        self.price_kind = price_kind
        self.price_cny = price_cny
        self.volume = volume
        self.has_contact = has_contact
        self.has_source = has_source


# The same matches, its alternatives grouped by first character (SUBJECT itself gates).
# (its words in a dozen languages leave the regex prefilter little to skip: RE2 finds where
# each match may start, see fastre.Re2Led.finditer)
_SUBJECT_SCAN = Re2Led(SUBJECT, group_leads(SUBJECT).search)


class Verdict:
    __slots__ = ("is_offer", "score", "signals")

    def __init__(self, is_offer: bool, score: float, signals: list[str]) -> None:
        self.is_offer = is_offer
        self.score = score
        self.signals = signals


def _subject(compact: str) -> list[str]:
    found: set[str] = set()
    for m in _SUBJECT_SCAN.finditer(compact):
        found.add(m.group(0))
        if len(found) >= 5:
            break
    return sorted(found)


def _fire(rule: Rule, compact: str) -> tuple[float, str | None]:
    if rule.max_hits == 1:
        first = (rule.search or rule.pattern.search)(compact)
        if first is None:
            return 0.0, None
        return rule.weight, f"{rule.id}:{first.group(0).strip()}"
    matches: list[str] = []
    for m in rule.pattern.finditer(compact):
        if m.group(0) not in matches:
            matches.append(m.group(0))
            if len(matches) >= rule.max_hits:
                break
    if not matches:
        return 0.0, None
    return rule.weight * len(matches), f"{rule.id}:{matches[0].strip()}"


def _evidence(evidence: Evidence) -> tuple[float, list[str]]:
    logit = 0.0
    signals: list[str] = []
    if evidence.price_cny is not None and evidence.price_cny > PLAUSIBLE_MAX_CNY:
        logit -= 1.5
        signals.append("neg:price_too_high_for_data")
    elif evidence.price_kind in ("per_record", "per_n", "discount"):
        logit += 2.5
        signals.append("price_per_record")
    elif evidence.price_kind is not None:
        logit += 1.2
        signals.append("price_per_package")
    if evidence.volume:
        logit += 1.0 if evidence.volume >= 1000 else 0.3
        signals.append("volume")
    if evidence.has_contact:
        logit += 1.2
        signals.append("seller_contact")
    if evidence.has_source:
        logit += 0.5
        signals.append("source_platform")
    return logit, signals


class KeywordScan:
    """The text-only part of the model, computed once per listing."""

    __slots__ = ("fired", "negative_logit", "rule_signals", "rules_logit", "subjects")

    def __init__(
        self,
        subjects: list[str],
        rules_logit: float,
        rule_signals: list[str],
        fired: frozenset[str],
        negative_logit: float = 0.0,
    ) -> None:
        self.subjects = subjects
        self.rules_logit = rules_logit
        self.rule_signals = rule_signals
        self.fired = fired
        # The part of rules_logit that the negative rules gave.
        self.negative_logit = negative_logit

    def without_subjects(self) -> KeywordScan:
        return KeywordScan([], self.rules_logit, self.rule_signals, self.fired, self.negative_logit)

    def with_negatives_of(self, other: KeywordScan) -> KeywordScan:
        """This scan with the negative rules' part taken from ``other`` (a scan of the
        seller's own posts of a thread, see analyze())."""
        keep = [s for s in self.rule_signals if not s.startswith("neg:")]
        negatives = [s for s in other.rule_signals if s.startswith("neg:")]
        fired = {f for f in self.fired if not f.startswith("neg:")}
        fired |= {f for f in other.fired if f.startswith("neg:")}
        return KeywordScan(
            self.subjects,
            self.rules_logit - self.negative_logit + other.negative_logit,
            keep + negatives,
            frozenset(fired),
            other.negative_logit,
        )


_RULES = (*POSITIVE, *NEGATIVE)
# Subject words that also describe data about employers and hiring.
_WEAK_SUBJECTS = frozenset({"招聘数据", "hr资源", "人才数据"})
# The patterns scan() skips when their gate is closed: every rule, then the subject pattern.
GATED: tuple[re.Pattern[str], ...] = (*(rule.pattern for rule in _RULES), SUBJECT)
_GATES = GateSet(GATED)
_GATED_RULES = tuple((1 << i, rule) for i, rule in enumerate(_RULES))
_SUBJECT_BIT = 1 << len(_RULES)
# Positive rules that say the buyer gets records even when the seller says "no data".
_DATA_DELIVERED = frozenset({"harvest_tool", "data_sold_apart", "download_quota"})
# A count of job seekers' contacts delivered, even inside a "resource pack" of templates
# ("10000+求职者联系方式", "1000份求职者名单（姓名/电话…）"): it too cancels those negatives.
# Searched only when one of them fires (a digit-led pattern gets no regex prefilter).
_CONTACTS_COUNT = re.compile(
    r"\d[\d,]*[wk万千]?\+?[ \t]*(?:份|条|个|名)?[ \t]*(?:求职者|应聘者|候选人|求职人员)的?"
    r"(?:联系方式|电话|手机号?|名单|信息|数据)|"
    r"\d[\d,]*[km]?\+?[ \t]*(?:job ?seekers?|candidates?|applicants?)'?[ \t]*"
    r"(?:contacts|contact details|phone numbers|emails|mobile numbers)|"
    # "真实求职者简历3000份（含姓名、电话…）"
    r"(?:求职者|应聘者|候选人)[^\n\d]{0,6}\d[\d,]*[wk万]?\+?[ \t]*(?:份|条)[^\n]{0,6}?(?:含|带)"
    r"[^\n]{0,10}?(?:电话|手机|联系方式)"
)
_CONTACTS_COUNT_SEARCH = Re2Led(_CONTACTS_COUNT, _CONTACTS_COUNT.search).search
# Negative rules such software would otherwise trip ("no data included", "seats", "/month").
_CANCELLED_BY_OWN_OFFER = frozenset({"neg:warning", "neg:third_person"})
_CANCELLED_BY_DELIVERY = frozenset(
    {"neg:no_data", "neg:software", "neg:template", "neg:account_sale"}
)

# The most the extracted facts can add (price per record, volume, contact, source).
_BEST_EVIDENCE = 2.5 + 1.0 + 1.2 + 0.5


# The buyers a seller names ("适用：人力资源公司、劳务派遣、工厂招工", "招聘HR专用", "ideal for
# recruiters"): their trades' words say nothing of the listing's own trade.
_AUDIENCE = re.compile(r"适用|适合|专用|用于|ideal for|good for|perfect for|suitable for|great for")
_AUDIENCE_RULES = frozenset({"neg:job_ad"})  # (max_hits 1: the inlined search)


def _past_audience(rule: Rule, compact: str, m: re.Match[str] | None) -> re.Match[str] | None:
    """The rule's first match that is not on a line naming the buyers."""
    while m is not None:
        line_start = compact.rfind("\n", 0, m.start()) + 1
        # (a line of hashtags, "#招聘 #招工", tags the post for its audience too)
        if not compact.startswith("#", line_start) and (
            _AUDIENCE.search(compact, line_start, m.start()) is None
        ):
            return m
        line_end = compact.find("\n", m.end())
        m = None if line_end < 0 else rule.pattern.search(compact, line_end)
    return None


def scan(compact: str, may_match: int | None = None) -> KeywordScan:
    """Run the keyword rules over a listing's compact view.

    ``may_match``: the gates of :data:`GATED` (bit ``i`` for pattern ``i``, see
    fastre.GateSet) opened on ``"\n" + compact`` or a text holding it, when the caller has
    them; computed here otherwise."""
    compact = "\n" + compact  # so that "\n收" also finds a title that opens with 收
    # Most rules match nothing in most listings: one pass over the text finds the literals
    # present, and a rule none of whose required literals occurs is not scanned at all.
    if may_match is None:
        may_match = _GATES.open_mask(compact)
    logit = 0.0
    negative = 0.0
    signals: list[str] = []
    fired: set[str] = set()
    delivered: re.Match[str] | None = None
    searched = False  # (_CONTACTS_COUNT is searched at most once a scan)
    for bit, rule in _GATED_RULES:
        if not may_match & bit:
            continue
        if rule.max_hits == 1 and rule.search is not None:  # _fire, inlined for speed
            first = rule.search(compact)
            if first is not None and rule.id in _AUDIENCE_RULES:
                first = _past_audience(rule, compact, first)
            if first is None:
                continue
            weight, label = rule.weight, f"{rule.id}:{first.group(0).strip()}"
        else:
            weight, fired_label = _fire(rule, compact)
            if fired_label is None:
                continue
            label = fired_label
        if rule.id in _CANCELLED_BY_DELIVERY:
            if fired & _DATA_DELIVERED:
                continue  # the tool harvests the records, or the data is sold beside it
            if not searched:
                delivered, searched = _CONTACTS_COUNT_SEARCH(compact), True
            if delivered is not None:
                if "contacts_count" not in fired:
                    signals.append(f"contacts_count:{delivered.group(0).strip()}")
                    fired.add("contacts_count")
                continue
        if rule.id in _CANCELLED_BY_OWN_OFFER and "own_offer" in fired:
            continue
        if rule.id == "neg:wanted_to_buy" and "dealer" in fired and "sale" in fired:
            continue  # buys and sells
        logit += weight
        if weight < 0:
            negative += weight
        signals.append(label)
        fired.add(rule.id)
    subjects = _subject(compact) if may_match & _SUBJECT_BIT else []
    return KeywordScan(subjects, logit, signals, frozenset(fired), negative)


def cannot_be_offer(keywords: KeywordScan) -> bool:
    """True when no extracted fact could lift the listing to an offer.

    Lets analyze() skip price, volume, contact and source extraction on clear near-misses
    (news, templates, job ads...) without changing any verdict.
    """
    subject = 2.5 if keywords.subjects else 1.5  # best case: a named job platform
    return BIAS + subject + keywords.rules_logit + _BEST_EVIDENCE < 0.0


_TRADE_RULES = frozenset(
    {"sale", "have_stock", "harvest_tool", "data_sold_apart", "download_quota"}
)


def _logit(keywords: KeywordScan, evidence: Evidence, signals: list[str] | None) -> float:
    """The listing's logit; the signals that make it are appended to ``signals`` (if given)."""
    logit = BIAS
    others = "neg:other_subjects" in keywords.fired
    # "招聘数据" (recruitment data) is job seekers' only when nothing says whose else it is.
    subjects = [s for s in keywords.subjects if not (others and s in _WEAK_SUBJECTS)]
    if "neg:not_job_seekers" in keywords.fired:
        subjects = []  # the seller says the records are not job seekers' (or not for sale)
        others = True
    if subjects:
        logit += 2.5
        if signals is not None:
            signals += [f"kw:{s}" for s in subjects]
    elif evidence.has_source and not others and "other_data" not in keywords.fired:
        # Records from a job platform are job seekers' records even if nobody says "resume".
        logit += 1.5
        if signals is not None:
            signals.append("kw:job_platform")
    else:
        logit -= 6.0
        if signals is not None:
            signals.append("neg:no_job_seeker_subject")
    gained, found = _evidence(evidence)
    logit += gained + keywords.rules_logit
    if signals is not None:
        signals += found + keywords.rule_signals
    trade = evidence.price_kind or keywords.fired & _TRADE_RULES
    if not trade and logit > -1.0:
        # Talk about resumes with nothing offered: no price and no sale word. A contact
        # alone is not enough: job seekers and recruiters leave theirs too.
        logit = -1.0
        if signals is not None:
            signals.append("neg:no_trade_terms")
    return logit


def classify(keywords: KeywordScan, evidence: Evidence) -> Verdict:
    """Score a listing from its keyword scan and the facts extracted from it."""
    signals: list[str] = []
    score = 1.0 / (1.0 + math.exp(-_logit(keywords, evidence, signals)))
    return Verdict(score >= THRESHOLD, round(score, 4), signals)


def is_offer(keywords: KeywordScan, evidence: Evidence) -> bool:
    """``classify(keywords, evidence).is_offer``, without the signals."""
    return 1.0 / (1.0 + math.exp(-_logit(keywords, evidence, None))) >= THRESHOLD
