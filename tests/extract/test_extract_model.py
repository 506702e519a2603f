"""Normalization, severity, the offer model and the Analysis contract."""

from __future__ import annotations

import ast
import importlib
import json
import re
from pathlib import Path

import pytest

from monitor.extract import MAX_CHARS, Analysis, analyze
from monitor.extract.fastre import compile_fast, group_leads, rewrite, trie_alternation
from monitor.extract.normalize import normalize
from monitor.extract.severity import estimated_gains_cny, severity

PACKAGE = Path(__file__).resolve().parents[2] / "monitor" / "extract"


@pytest.mark.parametrize(
    ("raw", "text", "compact"),
    [
        ("１２００００份", "120000份", "120000份"),
        ("ＱＱ：１２３", "QQ:123", "qq:123"),
        ("𝟓𝟖简历", "58简历", "58简历"),
        ("5️⃣8️⃣同城", "58同城", "58同城"),
        ("ⓆⓆ", "QQ", "qq"),
        ("求職者資料 聯繫", "求职者资料联系", "求职者资料联系"),
        ("简\u200b历", "简历", "简历"),
        ("简❤历", "简历", "简历"),
        ("简 历", "简历", "简历"),
        ("简-历 简*历", "简-历简*历", "简历简历"),
        ("r e s u m e", "r e s u m e", "resume"),
        ("jianli 出", "jianli 出", "简历 出"),
        ("NT$3，500筆", "NT$3、500笔", "nt$3、500笔"),
        # Financial numerals and digit-by-digit Chinese numbers, written to slip past filters;
        # 陆 as a surname or in 大陆 stays.
        ("叁万份 每份伍角", "三万份每份五角", "三万份每份五角"),
        ("扣扣：一五八二三四七七零九", "扣扣:1582347709", "扣扣:1582347709"),
        ("大陆 陆先生 五一假期", "大陆陆先生五一假期", "大陆陆先生五一假期"),
        ("收拾东西 拾万份", "收拾东西十万份", "收拾东西十万份"),
        # A lone surrogate next to traditional characters: converted around it.
        ("簡歷\ud800資料", "简历\ud800资料", "简历\ud800资料"),
    ],
)
def test_normalize(raw: str, text: str, compact: str) -> None:
    norm = normalize("", raw)
    assert norm.text == "\n" + text
    assert norm.compact == "\n" + compact


def test_long_input_is_truncated_and_flagged() -> None:
    a = analyze("出售简历", "0.3元/条 " * (MAX_CHARS // 5))
    assert "input:truncated" in a.signals


@pytest.mark.parametrize(
    ("volume", "price", "expected"),
    [
        (None, None, 0),
        (4_999, None, 0),
        (5_000, None, 1),
        (49_999, {"amount": 0.01, "currency": "CNY"}, 1),
        (50_000, None, 2),
        (3_000, {"amount": 2.0, "currency": "CNY"}, 1),  # 6,000 yuan of gains
        (4_000, {"amount": 2.0, "currency": "USD"}, 2),  # ~57,600 yuan
        (1_000, {"amount": 1.0, "currency": "XXX"}, 0),  # unknown currency counts 1:1
    ],
)
def test_severity(volume: int | None, price: dict[str, float | str] | None, expected: int) -> None:
    assert severity(volume, price) == expected


def test_gains_need_volume_and_price() -> None:
    assert estimated_gains_cny(None, {"amount": 1.0, "currency": "CNY"}) is None
    assert estimated_gains_cny(100, {"amount": 1.0, "currency": "USD"}) == pytest.approx(720)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("58同城简历", "58同城求职者简历，0.3元/条，库存20万条。加V：wb_jl_2024"),
        ("CV db", "LinkedIn job seekers, 150k rows, $0.004 per record. contact: x.db@example.org"),
        (
            "简历数据互换",
            "我这边有5万条前程无忧的求职者简历，想换BOSS的，等量互换。有的加Q：1688204517",
        ),
        (
            "Resume scraper + data",
            "Selling my resume scraper. I deliver candidate records for $30 per 1,000.",
        ),
        # an enterprise account rented with a download quota delivers the records
        (
            "智联企业账号出租",
            "智联招聘企业账号：月租1200元，每月可下载简历4000份，下载后的简历含完整联系方式。联系：@hr_zh",
        ),
        # a warning used as the hook of the poster's own offer
        (
            "提醒各位：QQ 1122334455 是骗子",
            "有人出58同城简历，我转了钱被拉黑了，大家别上当。\n\n"
            "我们家做了五年：58同城简历库存100万份，0.2元一份。要的Q我:3216549870",
        ),
        # a dealer who buys and sells
        (
            "【长期收/出】各类简历数据",
            "出：智联、前程、58 各类简历，量大\n收：猎聘高端简历\nQQ：886512347",
        ),
        # the buyers' trades named ("适用：…工厂招工") are not a job ad
        (
            "精准求职者名单 1000份 招聘HR专用",
            "适用：人力资源公司、劳务派遣、工厂招工\n内容：1000份求职者名单（姓名/电话/年龄）\n拼单价¥9.9",
        ),
        # job seekers' contacts inside a "resource pack" of templates
        (
            "HR招聘资源包",
            "含：面试话术、招聘JD模板、10000+求职者联系方式\n¥68 虚拟发货\n拍下后联系客服",
        ),
        # an API that returns one resume a call
        (
            "BOSS直聘 实时简历接口",
            "每次返回一份完整简历（含手机号）\n0.15元/次\n对接联系 @bosszp_api",
        ),
        # a seller answering under someone's video: "@name" opens the reply, not a handle
        ("抖音评论回复", "@招聘小王 我有58和赶集的普工简历 一块钱三条\n你要多少都有 私信我"),
        # "#招工" is the audience's hashtag
        (
            "快手视频文案",
            "求职者精准数据 普工/司机/保安\n姓名+电话 一手资源\n50块一百个\n#招聘 #招工",
        ),
        # an exchange of records; a factory's leftover applicants
        (
            "简历换简历 BOSS换智联",
            "我这有5万BOSS直聘的求职简历，想换智联的，数量对等\nQ群 638 221 907",
        ),
        (
            "东莞普工求职名单 4000个 带电话",
            "厂里招工剩下的名单，普工 4000个 都有电话，200元，可小刀",
        ),
        # a database sold as one month's access; a whole library sold for crypto
        (
            "Canada Resume Database – 1 Month Access",
            "Canada Resume Database – 1 month access $199\nUnlimited CSV downloads, "
            "2M+ job seekers with phone & email\n"
            "Sourced from Indeed Canada, no employer verification needed",
        ),
        (
            "cv db sample",
            "完整库 1.2亿 条，前程无忧+智联+58 三家合并去重\n"
            "只出整库，BTC/USDT 结算\ntg: @CVleak_2024",
        ),
        # a seller recruiting resellers: a wholesale and a retail price, no sale word
        (
            "求职者数据 招代理",
            "每天新增求职者电话2w+，来源BOSS、58\n拿货价0.07，零售0.15\nvx dl_2024a",
        ),
        # a sale settled daily with resellers, not a part-time job
        ("新鲜简历 当天投递", "当天在智联投递的求职者简历，一块二一条，日结。\n电话 158-0000-1111"),
        (
            "HR人才资料 表格",
            "HR人才资料整理，前程、智联的都有，带联系方式。10块钱100份，一共5000份。",
        ),
        # a dealer who buys accounts and sells resumes
        (
            "收渠道 同时出简历",
            "1. 高价收一手简历渠道，有内部账号的来。\n2. 同时出智联简历，0.15元/条。Q 552018739",
        ),
        # a shop page: the shop's name and the SEO title name the buyers' trade
        (
            "蓝领普工求职者名单 工厂招工 找工作人员 带电话",
            "拼多多 | 招工帮\n规格：2000条 ¥15.8 / 2万条 ¥98\n"
            "详情：近期在58同城找工作的普工、司机名单，带电话，非模板！好评 97%",
        ),
        (
            "Reed CVs – 85,000",
            "85,000 UK jobseekers exported from Reed recruiter accounts. £850 OBO.",
        ),
        # a channel export: the other posts' words say nothing of the resume post
        (
            "资源分享站",
            "[2024-01-05 20:00]\n📚 考研网课全套，网盘打包\n👁 4.4K\n\n"
            "[2024-01-07 11:30]\n🎬 视频会员年卡低价出\n👁 3.0K\n\n"
            "[2024-01-08 22:10]\n💼 简历打包 来源：猎聘 + 脉脉 共3000份 含联系方式\n"
            "打包1500元 微信 liepin_vip666\n👁 2.3K",
        ),
        # "收拾" (tidying up) is no buyer's "收", nor "校招兼职" a job offer
        (
            "应届生简历5000份 打包带走",
            "收拾电脑翻出来的，去年做校招兼职攒的应届生简历，5000份左右\n200块 打包带走\n"
            "微信同手机号 186 1123 4098",
        ),
        # a seller's pitch as a question; the price in the inbox; a shop's "before buying"
        (
            "anyone need resumes?",
            "anyone need resumes? got about 7k IT resumes from linkedin. $150 takes all. pm",
        ),
        (
            "BDJOBS CV DATA 1.2 LAKH",
            "Bdjobs CV Data Available\n1.2 lakh CVs\nName, mobile, email, education\n"
            "Price inbox e jaanben\nbKash / Nagad\nTelegram: @bd_cvdata",
        ),
        (
            "Resume Database Canada — Job Bank & Workopolis",
            "Package: ( ) 50K CVs — CA$600    ( ) 250K CVs — CA$2,000\n"
            "Fields: name, phone, email\nQuestions before buying? Email orders@canleads.example",
        ),
        # a subscription to a resume library; a job title ("技术专家") is no quoted expert
        (
            "简历库会员 年卡 不限量下载",
            "聚合智联、前程、猎聘、BOSS 四大平台简历\n库内简历 1200万+，每日更新\n"
            "会员期内不限量搜索、下载，带联系方式\n开通会员请加客服微信 LCsjfw_01",
        ),
        (
            "高端人才简历",
            "来源：猎聘、脉脉，年薪50万以上的中高层管理及技术专家\n库里 3万+ 份\n"
            "单份 15 元，打包 1000 份 9000 元\n热线：186-0211-7734",
        ),
        (
            "51job 新鲜简历",
            "量：4万+\n价格：0.1-0.3/条，越新越贵\n最少拿2000条\n✈ @qc51_fresh",
        ),
        # other languages: a seller's words and the records' names in each
        (
            "Base de postulantes Bumeran / ZonaJobs 2024",
            "Vendo base con 52 mil postulantes de CABA y GBA. Nombre, DNI, mail, celular.\n"
            "$ 180.000 ARS toda la base. Consultas al mail VentasBases.ar@yahoo.com.ar",
        ),
        (
            "Bewerber-Leads Pflegekräfte (Indeed) – 8.000 Stück",
            "Verkaufe Kontaktdaten von ca. 8.000 Pflegekräften, die sich über Indeed beworben "
            "haben.\nVB 1.200 €. Auch in Teilmengen (0,25 € je Kontakt).\nWhatsApp 0176 2218 4490.",
        ),
        (
            "Thanh lý data ứng viên lao động phổ thông",
            "Cần thanh lý gấp data ứng viên lao động phổ thông, có tên, sđt, năm sinh.\n"
            "Bán cả kho 15tr, hoặc 1tr/100k data.\nAE liên hệ 0971.223.846 (zalo cùng số)",
        ),
        (
            "بيع داتا سي في مصر Wuzzuf",
            "معايا داتا 140 ألف سي في من Wuzzuf\nالسعر 500 جنيه لكل 1000 سي في\n"
            "كلمني واتس 01097743128",
        ),
        # resumes collected at a job fair, the seller's own background
        (
            "招聘会现场收集的纸质简历 已录入 1.2万份",
            "做了两年校园招聘会，现场收的纸质简历都录成Excel了\n一共 1.2万份，带电话和专业\n"
            "每份 0.3，全要的话 3000 拿走\n有需要的老板 Q 我：2 9 4 8 1 7 3 6 0 5",
        ),
        # Polish, Russian, Korean, Thai sellers
        (
            "Sprzedam bazę CV z Pracuj.pl",
            "Sprzedam bazę 120 tys. kandydatów z Pracuj.pl, cena 0,05 zł za rekord.\n"
            "Kontakt: bazacv.pl@onet.pl",
        ),
        (
            "База резюме hh.ru + SuperJob",
            "Продаю базу резюме hh.ru, 1,2 млн анкет, 1500 руб за 10 тыс.\nTG @rezume_baza_ru",
        ),
        (
            "구직자 DB 판매",
            "대졸 신입 구직자 연락처 약 4만 건 보유 중입니다.\n"
            "건당 50원, 최소 5천 건부터 구매 가능.\n"
            "문의: 오픈카톡 open.kakao.com/o/sAbC12xy",
        ),
        (
            "ขายรายชื่อคนหางาน",
            "มีรายชื่อคนหางานประมาณ 25,000 รายชื่อ พร้อมเบอร์โทร\nราคารายชื่อละ 0.50 บาท\nโทร 089-234-5617",
        ),
        # "做招生的私": DM me
        (
            "2024届毕业生信息 十万+",
            "姓名、学校、专业、电话\n做招生、招聘、培训的私\ngrad_info@163.com",
        ),
    ],
)
def test_offers(title: str, text: str) -> None:
    a = analyze(title, text)
    assert a.is_offer, a.signals
    assert a.score >= 0.5


@pytest.mark.parametrize(
    ("title", "text", "signal"),
    [
        (
            "求购简历数据",
            "长期求购BOSS直聘简历，0.15一条，日收2万条。有货联系 vx: buy_boss01",
            "neg:wanted_to_buy",
        ),
        (
            "News",
            "Our reporter contacted a seller who offered job seeker leads at $30 per 1,000.",
            "neg:news",
        ),
        ("简历模板", "精美简历模板1000套，5.9元打包下载，拍下秒发。", "neg:template"),
        ("简历代写", "资深HR一对一修改简历，99元/份。", "neg:writing_service"),
        (
            "【招聘】Java",
            "【招聘】招聘Java开发3名，薪资15-25K，简历投递：hr@example.com",
            "neg:job_ad",
        ),
        (
            "车主数据",
            "出售全国车主数据，含姓名、手机，0.05元/条，现货200万条。TG @chezhu_data",
            "neg:no_job_seeker_subject",
        ),
        ("ATS", "招聘管理系统：简历一键导入，标准版2980元/年，免费试用。", "neg:software"),
        ("违法吗", "卖简历犯法吗？三毛一条、一万条起，属于侵犯公民个人信息罪吗？", "neg:warning"),
        ("Open to work", "Happy to share my CV by DM. Looking for remote work.", "neg:job_seeker"),
        (
            "出售 招聘系统源码 带简历库",
            "招聘系统源码，含简历库模块。不带数据，演示数据为测试数据。500元，QQ 12345678",
            "neg:no_data",
        ),
        (
            "Job board script",
            "Job board script with resume database module, $99. No data included. DM @js_dev",
            "neg:no_data",
        ),
        (
            "研究笔记",
            "仅供研究，不出售：观察到某群出售简历数据，0.3元/条，库存100万，来源智联。",
            "neg:research",
        ),
        (
            "notes",
            "Research notes, not for sale: 5 channels advertising resume dumps at $10 per 1k, "
            "1M CVs from Naukri.",
            "neg:research",
        ),
        # other people's data, with job seekers' kept back in so many words
        (
            "CRYPTO INVESTOR LEADS",
            "Forex investor leads, name, phone, email. $0.50 per lead, 2M+ in stock.\n"
            "No job seeker / CV data, don't ask. Contact: @fx_leads_uk",
            "neg:not_job_seekers",
        ),
        (
            "股民资源",
            "股民数据 含姓名、手机，3 毛一条，总量 80w。不做求职、简历类数据，别问。联系 @gm_zy",
            "neg:not_job_seekers",
        ),
        (
            "转让 人力资源公司",
            "公司转让，价格 18.8 万。仅转让公司主体，原客户资料、人才库、求职者信息一律不转让。",
            "neg:not_job_seekers",
        ),
        (
            "猎头服务",
            "人才库覆盖 20 万+ 候选人，按候选人年薪的 20% 收费，入职 3 个月保证期。"
            "电话 13601234567",
            "neg:job_ad",
        ),
        (
            "Where can I buy a resume database?",
            "Small agency here. Willing to pay $0.05 per resume for 50k+ candidates. DM me.\n\n"
            "Reply from u/hr_guy: scraped resumes get you sued.",
            "neg:wanted_to_buy",
        ),
        # a warning that quotes the offer it warns about, in reported speech
        (
            "曝光：出售智联简历的骗子",
            "昨天在群里看到这样一条消息：“出售智联招聘简历，0.3元一份，库存50万，要的加V：zl_x”。"
            "对方让先付500定金，付完就把我拉黑了。已经报警，大家千万别信。",
            "neg:warning",
        ),
        # a job board's own membership page
        (
            "某人才网企业VIP会员",
            "企业开通VIP会员即可无限发布职位，并可下载简历：银牌会员 1980元/年，可下载简历500份。"
            "简历仅限招聘使用。",
            "neg:platform_product",
        ),
        # a job board's plans for employers
        (
            "Naukri Resdex plans for recruiters",
            "Search Naukri's database of jobseekers directly as a registered employer.\n"
            "Resdex Lite: ₹4,000 / month, 100 CV unlocks\nPrices exclusive of GST.",
            "neg:platform_product",
        ),
        # stationery for resumes; a police report
        (
            "全新牛皮纸文件袋 100个 装简历用",
            "A4尺寸 面试求职放简历证书 100个25元 同城可自提",
            "neg:processing_service",
        ),
        (
            "Police bust gang selling job seekers' data; 2 lakh records seized",
            "Accused allegedly sold resumes downloaded from job portals at ₹2 per record.",
            "neg:news",
        ),
        # translating CVs is a service
        (
            "CV translation service EN ⇄ AR",
            "Professional translators, $15 per CV, 24h delivery. 500+ CVs translated this month.",
            "neg:writing_service",
        ),
        # a job-postings dataset, a domain, a job board's posting cards
        (
            "拉勾职位数据集 10万条",
            "拉勾网职位数据，字段：职位名称、公司、薪资，共10万条，不含任何个人信息。50元。",
            "neg:not_job_seekers",
        ),
        (
            "Domain for sale: resumehub.co",
            "Selling premium domain resumehub.co – perfect for a resume builder. "
            "$1,800 or best offer.",
            "neg:not_job_seekers",
        ),
        (
            "转让猎聘 职位置顶卡",
            "公司不招人了 转让猎聘企业版 职位置顶卡×10 职位刷新卡×20 200元全拿",
            "neg:platform_product",
        ),
        # a court case quoting damages and a count
        (
            "猎头顾问离职带走候选人数据库 法院判赔30万",
            "前员工将约5万份候选人简历拷贝带走。法院认定其行为构成侵犯商业秘密，判令赔偿30万元。",
            "neg:news",
        ),
        # paid annotation of resumes is a job
        (
            "兼职：简历数据标注 日结",
            "项目：简历数据标注（抽取姓名、学历字段）\n单价0.3元/份，每天可做1000份，日结。\n"
            "报名加QQ 2930418576",
            "neg:annotation_job",
        ),
        # a buyer's complaint and a vouch quote the deal but sell nothing
        (
            "花300块买了1万份BOSS简历，血亏",
            "上个月在闲鱼上花300元买了所谓“BOSS直聘最新简历1万份”，0.03一条。卖家不回消息了。",
            "neg:bought",
        ),
        (
            "Vouch for @resume_depot",
            "Leaving a vouch. Bought 20k Naukri IT CVs from @resume_depot at $20/1k. "
            "Used the forum escrow. +rep",
            "neg:review",
        ),
        # news, a victim's question, a writer's question, a referral thread
        (
            "Post on X",
            "BREAKING: Hackers claim to be selling 2.7M resumes scraped from a job portal for "
            "$0.01 each, security researchers say.",
            "neg:third_person",
        ),
        (
            "My details were in a leaked resume dump",
            "my name, phone and email appeared in a '1.2M Naukri resume dump' being sold for "
            "$25 per 1k. Since then I'm getting spam calls.",
            "neg:warning",
        ),
        (
            "How much do CV databases go for?",
            "Saw a thread with 'Naukri 1M for $500' and another with '$25/1k'. "
            "Asking for research, I write about the underground economy.",
            "neg:research",
        ),
        (
            "Referral thread",
            "I work at AWS. Drop the role ID and I'll refer you. Please don't DM your full resume.",
            "neg:job_ad",
        ),
        # a job seeker asking recruiters to DM her
        (
            "求职｜会计 上海 3年经验",
            "本人27岁，会计学本科，期望薪资10-12k。有合适岗位的HR可以私信我，我发简历给您",
            "neg:no_trade_terms",
        ),
        (
            "求购 58普工简历",
            "求购58同城普工简历，3万条左右，预算0.15一条，中介勿扰。Q 2233445566",
            "neg:wanted_to_buy",
        ),
        (
            "求靠谱简历渠道",
            "楼主：之前买的0.4一条的简历数据全是空号。现在求一个靠谱的渠道，有没有大佬推荐？",
            "neg:wanted_to_buy",
        ),
        (
            "招募 简历录入兼职",
            "公司提供扫描版简历，录入到Excel（姓名、学历），每条0.2元，日结，名额30人，"
            "QQ群 12345678",
            "neg:work_offer",
        ),
        (
            "Resume Parser API",
            "Extracts name, contact, skills. $0.01 per resume parsed, "
            "or 100k parses/month for $499.",
            "neg:processing_service",
        ),
        (
            "入职背调 3天出报告",
            "为企业提供入职背景调查：学历核验、履历核实。须候选人授权。每份300元，完成背调10万+份。",
            "neg:processing_service",
        ),
        ("面试套装", "A4简历纸100张+文件夹+签字笔 15.8元包邮", "neg:processing_service"),
        (
            "个人简历 - 李明",
            "个人简历\n姓名：李明 电话：139 0000 1234\n求职意向：Java开发\n教育背景\n"
            "工作经历\n负责库存服务重构，日均订单量50万+\n自我评价\n踏实",
            "neg:job_seeker",
        ),
        (
            "Need UK job seeker data",
            "Looking for UK job seeker data, 50k+ rows. Budget around £500. DM me.",
            "neg:wanted_to_buy",
        ),
        (
            "出BOSS直聘VIP月卡",
            "买多了一张BOSS直聘求职者VIP月卡，可以看谁看过我、简历置顶。原价68，45出",
            "neg:account_sale",
        ),
        (
            "卖简历数据判几年？",
            "1楼：朋友在群里卖jl，五毛一条卖了两万条，现在被抓了，会判多久\n"
            "2楼：五千条以上就够立案了",
            "neg:news",
        ),
        (
            "微博",
            "上周刚在智联投了简历，这几天每天十几个电话。"
            "听说我们的简历被人一千条三十块卖 #简历泄露#",
            "neg:warning",
        ),
        # a job-hunting group's members are no records
        (
            "互联网内推群｜年费 199",
            "每日更新 50+ 内推岗位\n简历免费诊断 1 次\n"
            "年费 199 元，已有 3000+ 求职者加入\n加 V：neitui_club",
            "neg:job_ad",
        ),
        (
            "闲置 猎聘VIP会员 季卡 转让",
            "猎聘求职者VIP季卡，买了还剩两个多月没用，已经找到工作了。\n原价 168，80转，激活码形式",
            "neg:account_sale",
        ),
        # a buyer's story, and news of a leak put up for sale
        (
            "Bought 10k leads for ₹3000, all fake",
            "Learned my lesson. Paid ₹3,000 for 10k 'fresh leads' (so ₹0.30 a lead).\n"
            "If anyone offers you this data on WhatsApp, don't.",
            "neg:warning",
        ),
        (
            "【新聞】求職平台疑遭入侵",
            "逾百萬名用戶的姓名、電話及履歷外洩。相關資料已在暗網以每千條約10美元的價格出售。",
            "neg:third_person",
        ),
        # a company's breach notice; other people's data on a site that also lists jobs
        (
            "Notice of data security incident",
            "Brightpath Staffing is notifying approximately 34,000 job applicants of an incident "
            "that may have involved resumes. Affected individuals are offered credit monitoring. "
            "Call 1-888-555-0117.",
            "neg:news",
        ),
        (
            "全国车主数据 2023年 新车登记",
            "百姓网 › 本地服务 › 其他服务\n车主姓名、手机号、车型\n总量 800万\n"
            "一万条起卖，0.08一条\n微信：chezhu_data8\n"
            "※ 本信息由用户发布，百姓网不对内容真实性负责",
            "neg:no_job_seeker_subject",
        ),
        # other languages: news, a buyer, a warning, a job ad
        (
            "Datenleck bei Personaldienstleister",
            "Laut Polizei wurden Bewerberdaten von 40.000 Personen im Netz angeboten, "
            "0,05 € pro Datensatz.",
            "neg:news",
        ),
        (
            "[ACHAT] Cherche fichier candidats BTP",
            "Je cherche un fichier de 50 000 candidats BTP, budget 0,05 € par ligne.",
            "neg:wanted_to_buy",
        ),
        (
            "CẢNH BÁO LỪA ĐẢO MUA BÁN DATA ỨNG VIÊN",
            "Cảnh báo: nhóm lừa đảo bán data ứng viên 200đ/CV, 500k data, chuyển khoản xong "
            "chặn. Đã báo công an.",
            "neg:warning",
        ),
        (
            "Wir stellen ein! 🚀",
            "Wir stellen ein: Recruiter (m/w/d). Bewirb dich per DM!",
            "neg:job_ad",
        ),
        # other people's data, the seller saying resumes are not sold
        (
            "车险到期车主数据｜全国｜0.1/条",
            "车主数据 全国各省\n字段：车主姓名 手机 车牌\n0.1/条 1万条起\n飞机 @chezhu_data01\n"
            "（简历数据不做，别问）",
            "neg:not_job_seekers",
        ),
        (
            "Обережно: шахраї продають «базу резюме Work.ua»",
            "Обережно! Шахраї продають базу резюме, беруть передоплату і зникають.",
            "neg:warning",
        ),
        (
            "Резюме россиян продают на теневых площадках",
            "По данным исследования, резюме продают по 2 рубля за штуку.",
            "neg:news",
        ),
    ],
)
def test_near_misses(title: str, text: str, signal: str) -> None:
    a = analyze(title, text)
    assert not a.is_offer
    assert any(s.startswith(signal) for s in a.signals), a.signals
    # non-offers carry no extracted fields, as in the labeled corpus
    assert (
        a.unit_price is None and a.volume_records is None and a.contacts == [] and a.severity == 0
    )


def test_to_dict_contract() -> None:
    d = analyze("出售简历", "智联简历0.2元/条，库存10万条，QQ 12345678").to_dict()
    assert set(d) == {
        "is_offer", "score", "unit_price", "tiers", "volume_records", "sources",
        "categories", "contacts", "severity", "severity_label", "signals",
    }  # fmt: skip
    assert d["severity_label"] == "especially_serious" and d["severity"] == 2
    json.dumps(d)  # JSON-serialisable


def test_analysis_default_is_a_non_offer() -> None:
    assert Analysis().to_dict()["severity_label"] == "none"


def test_no_scrapy_import_in_the_engine() -> None:
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n.split(".")[0] == "scrapy" for n in names), path


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<![a-z])dm(?![a-z])|出售|(?:free|instant) sample",
        r"(?<![a-z])cvs?(?![a-z])|(?<![a-z])(?:i|we) have|(?<![a-z])(?:i )?paid \d",
        r"出(?:一批|简历)|(?<![支付])出(?:售|货)",
    ],
)
def test_fast_regex_rewrite_matches_the_same(pattern: str) -> None:
    texts = ["dm me", "admin", "出售 free sample", "cv cvs cvx", "i have 3", "hi have", "i paid 5",
             "paid 7", "支付出售", "出一批", "出货"]  # fmt: skip
    fast = compile_fast(pattern)
    assert fast.pattern != pattern  # it was rewritten
    for text in texts:
        slow = {m.span() for m in re.finditer(pattern, text)}
        assert {m.span() for m in fast.finditer(text)} == slow, (rewrite(pattern), text)


def test_grouped_leads_match_the_same() -> None:
    # Every keyword rule and SUBJECT, grouped by first character, finds the same matches
    # (span and text) as the pattern the gates read, on the dev listings' compact views.
    # (the module: the package exports a function of the same name)
    classify_module = importlib.import_module("monitor.extract.classify")
    patterns = [rule.pattern for rule in classify_module._RULES] + [classify_module.SUBJECT]
    grouped = [(p, group_leads(p)) for p in patterns]
    assert sum(g is not p for p, g in grouped) > 10  # most of them were regrouped
    dev = Path(__file__).resolve().parents[1] / "data" / "dev.jsonl"
    rows = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line]
    texts = ["\n" + normalize(r["title"], r["text"]).compact for r in rows]
    for plain, fast in grouped:
        for text in texts:
            want = [(m.span(), m.group(0)) for m in plain.finditer(text)]
            assert [(m.span(), m.group(0)) for m in fast.finditer(text)] == want, plain.pattern


def test_trie_alternation_prefers_longest() -> None:
    pattern = re.compile(trie_alternation(["usd", "usdt", "us$", "u"]))
    assert [pattern.match(t).group(0) for t in ["usdt", "usd", "us$", "ux"]] == [
        "usdt",
        "usd",
        "us$",
        "u",
    ]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # "no data" in the tool, but running it delivers the records (CORPUS.md note)
        ("简历采集器", "本软件不带数据，自动采集智联求职者姓名、手机号，可导出。399元，V: cj_01"),
        # the software comes without data, the data is sold beside it
        ("Job script", "Script $99, no data included. CVs sold separately: 50k CVs, $0.01 each."),
    ],
)
def test_no_data_disclaimer_does_not_hide_delivered_records(title: str, text: str) -> None:
    a = analyze(title, text)
    assert a.is_offer, a.signals
    assert not any(s.startswith("neg:no_data") for s in a.signals)


def test_other_peoples_replies_do_not_count_against_the_seller() -> None:
    text = (
        "手头有 JobsDB 嘅求职者资料，大约两万个，散买 HK$0.1 一个。WhatsApp 我 9388 2716\n\n"
        "回复 #1 阿明：\n楼主呢啲系咪犯法㗎…\n\n回复 #2 chris_hk：\n已经 report 咗管理员"
    )
    a = analyze("有冇人要 JobsDB 求职者资料", text)
    assert a.is_offer, a.signals
    assert not any(s.startswith(("neg:warning", "neg:news")) for s in a.signals)
    assert a.contacts == [{"type": "whatsapp", "value": "93882716"}]
    # the same words in the seller's own post still count
    post = text.split("\n\n", maxsplit=1)[0]
    own = analyze("有冇人要 JobsDB 求职者资料", post + " 犯法嘅，report 咗")
    assert any(s.startswith("neg:warning") for s in own.signals)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # the thread's author asks; the seller answers in a reply
        (
            "求58同城普工简历，有的来",
            "楼主 工厂招工小王：\n厂里急招普工，想收一批58的普工简历，我Q 1122334455\n\n"
            "2楼 数据老陈：\n有58的普工简历，库里大概30万，3毛一条，扣扣 2938475610\n\n"
            "3楼 工厂招工小王：\n已加",
        ),
        (
            "哪里可以买到招聘网站的简历？",
            "问：哪里可以买到招聘网站的简历？平台会员太贵了\n\n"
            "回答1（网友 bd_7721）：\n找我 智联 前程 的都有 1k条/50 库存20w VX: bd_hrzy\n\n"
            "回答2（网友 小熊）：\n买卖简历是违法的，侵犯公民个人信息罪。",
        ),
    ],
)
def test_offer_answered_in_a_buyers_thread(title: str, text: str) -> None:
    a = analyze(title, text)
    assert a.is_offer, a.signals
    assert "thread:offer_in_reply" in a.signals
    assert a.unit_price is not None and a.contacts


def test_shop_template_as_a_cover_for_data() -> None:
    a = analyze(
        "简历模板 猎头专用 高端岗位 word",
        "模板是送的 懂的都懂 主要是里面的人才数据\nLP 中高端 1.5万条\n打包价 四百五 不单卖\n"
        "秋秋：1928-374-65",
    )
    assert a.is_offer, a.signals
    assert a.volume_records == 15_000


def test_page_furniture_says_nothing_against_the_listing() -> None:
    text = (
        "Home / Digital Products / B2B Data / HR & Recruitment\n"
        "Indian Job Seekers Database – 5 Lakh Fresh Resumes ★★★★☆ 4.3 (212 reviews)\n"
        "Offer price ₹2,499. 5,00,000 job seeker records, sourced from Naukri.\n"
        "WhatsApp us: +91 98765 43210\n"
        "FAQ\nQ: Is it legal? Is the data verified?\nA: Yes.\n"
        'Top review – Verified Buyer ★★★★★ "scam? no, 70% numbers work"'
    )
    a = analyze("Indian Job Seekers Database 2025", text)
    assert a.is_offer, a.signals
    assert not any(s.startswith(("neg:other_subjects", "neg:question")) for s in a.signals)


def test_chat_log_keeps_the_seller_who_answers() -> None:
    text = (
        "[12:01] Rahul K: anyone having naukri data for Pune?\n"
        "[12:03] DataKing: Pune IT 20k resumes available, ₹0.15 per resume. Ping @dataking_in\n"
        "[12:04] Rahul K: ok. my id is @rahul_hr_pune, send sample there\n"
    )
    a = analyze("HR Data Exchange India", text)
    assert a.is_offer, a.signals
    assert a.contacts == [{"type": "telegram", "value": "dataking_in"}]
