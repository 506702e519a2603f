"""Tables of cases for the field extractors: prices, volumes, sources, contacts."""

from __future__ import annotations

import pytest

from monitor.extract import analyze
from monitor.extract.contacts import find_contacts
from monitor.extract.money import find_money
from monitor.extract.normalize import normalize
from monitor.extract.numbers import parse_chinese, parse_quantity
from monitor.extract.prices import extract_prices
from monitor.extract.sources import find_sources
from monitor.extract.spans import Spans
from monitor.extract.volume import find_counts, largest


def unit_price(text: str) -> tuple[float, str] | None:
    norm = normalize("", text)
    monies = find_money(norm.text)
    volume = largest(find_counts(norm.text, Spans((m.start, m.end) for m in monies)))
    price = extract_prices(norm.text, monies, volume, norm.cjk).unit_price
    return None if price is None else (float(price["amount"]), str(price["currency"]))


def volume(text: str) -> int | None:
    norm = normalize("", text)
    monies = find_money(norm.text)
    return largest(find_counts(norm.text, Spans((m.start, m.end) for m in monies)), norm.text)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("简历 0.3元/条", 0.3, "CNY"),
        # A tier after a count with "+" or 满 is a price per record, not a package.
        ("Seek AU 25k, AUD 0.06/record, bulk 10k+ AUD 0.04. DM @x", 0.04, "AUD"),
        ("每筆 NT$1.5，滿一萬筆 NT$1", 1.0, "TWD"),
        ("bulk 60k for CAD 1,800", 0.03, "CAD"),
        ("简历 每千条 60，量大再谈", 0.06, "CNY"),
        ("价格：1000条/80元，1w条/600元", 0.06, "CNY"),
        ("$0.01 per contact. Take the whole 45k and get 20% off", 0.008, "USD"),
        ("Just 25 paise per lead", 0.01 * 25, "INR"),
        ("每千条120，量大8折", 0.096, "CNY"),
        ("单价 0.12元/条，满5万 0.09\n总 46万", 0.09, "CNY"),
        ("Canadian job seekers, 35,000 records\nCAD $350.00 for all", 0.01, "CAD"),
        ("3毛一条", 0.3, "CNY"),
        ("两毛五一条", 0.25, "CNY"),
        ("8分/条", 0.08, "CNY"),
        ("五分钱一个", 0.05, "CNY"),
        ("每份5角", 0.5, "CNY"),
        ("一块钱三条", 1 / 3, "CNY"),
        ("600元/万条", 0.06, "CNY"),
        ("每千条 150 元", 0.15, "CNY"),
        ("0.4元一份，满两万份0.3元一份", 0.3, "CNY"),
        ("1元/份，满1000份打8折", 0.8, "CNY"),
        ("单价：5毛\n5w以上：3毛", 0.3, "CNY"),
        ("共7000条，3毛一条，全拿2000", 2000 / 7000, "CNY"),
        ("两万三千多条，打包2300出", 0.1, "CNY"),
        ("十万条，打包价一万二", 0.12, "CNY"),
        ("套餐A：5000条 600元\n套餐B：10万条 8000元", 0.08, "CNY"),
        ("0.25一条 5w起", 0.25, "CNY"),
        ("$0.004 per record", 0.004, "USD"),
        ("$25 per 1k leads", 0.025, "USD"),
        ("€40 per thousand", 0.04, "EUR"),
        ("10 US cents each, 5 US cents each if you take 10k+", 0.05, "USD"),
        ("half a US cent per record", 0.005, "USD"),
        ("₹2 per CV", 2.0, "INR"),
        ("1 lakh CVs – ₹15,000\n10 lakh CVs – ₹1,00,000", 0.1, "INR"),
        ("500k CVs. ₹0.50 per CV, or the full database for ₹1,80,000", 0.36, "INR"),
        ("45k CVs. €40 per thousand, full set €1,500", 1500 / 45000, "EUR"),
        ("~12,000 job seekers. $1,200 OBO", 0.1, "USD"),
        ("1.2万份，打包 6000U", 0.5, "USDT"),
        ("0.02 USDT per record", 0.02, "USDT"),
        ("每筆NT$3，500筆起售", 3.0, "TWD"),
        ("三千個，HK$1500 全部攞走", 0.5, "HKD"),
        ("AUD 300 for 5,000 profiles or AUD 1,000 for all 20k", 0.05, "AUD"),
        ("1k = $30 | 10k = $200 | 100k = $1,500", 0.015, "USD"),
        ("0.3 RMB each", 0.3, "CNY"),
        # written without a currency, or with a shorthand one
        ("简历 1k条/50，总量四十多万条", 0.05, "CNY"),
        ("两千条打包300，五千条打包 600", 0.12, "CNY"),
        ("一百条二十块，一千条一百五", 0.15, "CNY"),
        ("共50万条，整包2.5万带走", 0.05, "CNY"),
        ("共 1.8 万份，每份 3 元，全要的话 4 万打包", 2.222222, "CNY"),
        ("在库 126w+\n  1万条  600元\n  全库  3.5万", 0.027778, "CNY"),
        ("0.2r 一条，现有 1w2 条", 0.2, "CNY"),
        ("每w条 800，5w条起 每w条 650", 0.065, "CNY"),
        ("普通简历 0.15 U/条，批量 10 万条 9000 U", 0.09, "USDT"),
        ("包年：24000元，共72000条", 0.333333, "CNY"),
        ("Monster 1.1M full fields, 400$ whole", 0.000364, "USD"),
        ("HR base 600k. 0.01$ per line, for full base discount -> 4500$", 0.0075, "USD"),
        (
            "total rows: 418,260\n 5,000 rows ..........  £60\n entire db .......  £2,900",
            0.006933,
            "GBP",
        ),
        ("1000 CVs @ ₹1500\n10,000 CVs @ ₹9000", 0.9, "INR"),
        ("$0.03 each, bulk 10k+ at $0.02", 0.02, "USD"),
        ("Billing: $0.03 per delivered resume", 0.03, "USD"),
        ("3 lakh records, ₹1,800/lakh only", 0.018, "INR"),
        ("Price: ₹2,500 per lakh records, flat 20% off", 0.02, "INR"),
        ("RATE: Rs. 0.40 per record | Records: 2,40,000 | Complete lot: Rs 60,000", 0.25, "INR"),
        ("850k+ resumes $0.002/ea", 0.002, "USD"),
        ("310k profiles. 100k for 1.500€", 0.015, "EUR"),
        ("75.000 records, price: 0,02 € per record", 0.02, "EUR"),
        ("Kenya jobseekers 40k, KES 20,000 whole file", 0.5, "KES"),
        ("1.1M rows. Price: $900 USD full dump, or $0.004/row", 0.000818, "USD"),
        ("零售 0.2r一条，10w条 6888 打包", 0.06888, "CNY"),
        ("价格 0.3元/条，3w条以上 0.2", 0.2, "CNY"),
        ("3毛/条 量大从优 满5w条 0.15", 0.15, "CNY"),
        ("总量80多万 原价0.5/条 本周打8折", 0.4, "CNY"),
        ("【拼单价 ¥9.9】 拍1件=500条应届生求职信息", 0.0198, "CNY"),
        ("共 3.5万份\n¥699 发起拼单    ¥899 单独购买", 0.019971, "CNY"),
        ("5,00,000 records. MRP ₹4,999   Offer price ₹2,499 (50% OFF)", 0.004998, "INR"),
        ("每筆新台幣２元，總共超過１５萬筆", 2.0, "TWD"),
        ("单价：每份 八分钱，十万份以上 七分", 0.07, "CNY"),
        ("£0.10 per record, or £300 for a 5,000 block", 0.06, "GBP"),
        ("规格：１包＝５００份，３９元/包。库存：２０万+", 0.078, "CNY"),
        # this session's forms: quotas, group buys, whole lots, tiers over thresholds, bonuses
        ("月租1200元，每月可下载简历4000份", 0.3, "CNY"),
        ("Renting it: $300/mo, includes 1,000 resume downloads", 0.3, "USD"),
        ("800k CVs. Total $1,200 split between 6 slots = $200 per slot", 0.00025, "USD"),
        ("750k rows\n€40 per 10k, €2250 for everything", 0.003, "EUR"),
        ("库存500万\n每万条800元，10万条起7000元", 0.07, "CNY"),
        ("库存30万+ 1万条5000元，活动期间买一万送两千", 0.416667, "CNY"),
        ("350K available. Deal: 50k for $900 and we add 10k free", 0.015, "USD"),
        ("Price: $15/k. Min order 20k. 3.2M records", 0.015, "USD"),
        ("猎聘 简历 库存 180w，5万条一包 3000元，本月全场9折。", 0.054, "CNY"),
        ("300,000 currículos. R$ 0,05 per CV", 0.05, "BRL"),
        ("单价2毛/条\n满5万条 打八折\n满20万条 打七折\n库存32万条", 0.14, "CNY"),
        ("① 前程无忧 1万条 1500元\n② 猎聘 1千条 800元\n本月活动：全场九折。", 0.135, "CNY"),
        (
            "total 500,000 records. Rp 150 per data, or 100,000 data for Rp 10.000.000.",
            100.0,
            "IDR",
        ),
        (
            "75,000 candidate CVs. AED 500 per 1,000 CVs, or the complete 75,000 for AED 22,500",
            0.3,
            "AED",
        ),
        ("拉勾 简历 10w 打包 8k 飞机 @lagou_cv", 0.08, "CNY"),
        ("60k Polish candidates CVs. PLN 0.20 per CV", 0.2, "PLN"),
        # ranges: the low end in the high end's unit
        ("出简历 0.1-0.3元/条 qq 12345678", 0.1, "CNY"),
        ("出简历 1~3毛一条", 0.1, "CNY"),
        ("Resumes $0.01–$0.03 per record, 50k in stock", 0.01, "USD"),
        # colloquial units and spaced digits
        ("鱼泡网 工人找活数据 15万条，5厘一条", 0.005, "CNY"),
        ("出简历 一分五一条 10万条", 0.015, "CNY"),
        ("中华英才网老数据，约40万 便宜出 500r 全部", 0.00125, "CNY"),
        ("出 人才库，简历 3万份 一口价 ¥ 1 5 0 0", 0.05, "CNY"),
        ("现货 智联简历 50万 单价0.02，1万起", 0.02, "CNY"),
        # a member's price of one record is a price; the membership fee is not
        ("出简历 非会员：0.3元/条\nVIP会员：0.18元/条（开通会员99元/年）", 0.18, "CNY"),
        # buy two, get one free
        ("拉勾简历 每包1万条，1500元/包 活动期间买二送一", 0.1, "CNY"),
        ("SEEK candidates, AUD 500 per pack of 50k records. Buy 2 get 1 free", 0.006667, "AUD"),
        # a subscription over the records of its term
        ("出简历 包月2888（一个月9万条左右）", 0.032089, "CNY"),
        ("出简历 包月：3000元，每日可提1000条（30天共3万条）", 0.1, "CNY"),
        ("CVs for sale. Monthly: $299, 500 CVs/day (15,000 per month)", 0.019933, "USD"),
        ("出简历 包年：24000元，共72000条（每月6000条）", 0.333333, "CNY"),
        ("BOSS直聘 简历接口 每次返回一份简历 0.15元/次", 0.15, "CNY"),
        ("出简历 拼单价¥9.9 内容：1000份求职者名单", 0.0099, "CNY"),
        ("Indeed resumes, a quarter a record, have ~18,000", 0.25, "USD"),
        # a price table with a header row
        (
            "Naukri resumes\nRecords | Price (USD) | Per record\n10,000 | $120 | $0.012\n"
            "200,000 | $1,400 | $0.007",
            0.007,
            "USD",
        ),
        ("出简历\n数量 | 价格\n1万条 | 800元\n10万条 | 5000元", 0.05, "CNY"),
        # a box-drawing table (normalization blanks its rules out: the cells stay apart)
        (
            "Resume database, 2.1 million job seekers\n┌──────────┬──────────────┬────────┐\n"
            "│ Plan     │ CVs included │ Price  │\n├──────────┼──────────────┼────────┤\n"
            "│ Starter  │ 5,000        │ $150   │\n│ Growth   │ 100,000      │ $1,900 │",
            0.019,
            "USD",
        ),
        # slang and more currencies
        ("姐妹们 谁需要简历 智联来的 0.3米一份 200份起", 0.3, "CNY"),
        (
            "Selling PH jobseeker data, 30k records. PHP 3 per record or 15k pesos for all",
            0.5,
            "PHP",
        ),
        ("CareerBuilder resume dump 2.1M rows. Price BTC 0.004 per 1k rows", 0.000004, "BTC"),
        ("SA job seekers CVs (PNet). R2,000 for 5,000 CVs\nR30,000 for 100k", 0.3, "ZAR"),
        ("EU job applicants. Also selling outright: €0.003/record, min 50k", 0.003, "EUR"),
        ("Delhi job seekers data. Sirf ₹999 mein 10,000 data.", 0.0999, "INR"),
        # a range whose high end has no currency; a threshold, not a package
        ("selling monster resumes, 50k total. $0.01-0.03 per resume", 0.01, "USD"),
        ("job seekers leads. $0.02 per record / $0.015 for 50k+", 0.015, "USD"),
        # a subscription whose term's records are said before the sum
        ("智联企业账号出租，每月含简历下载500份，租金300元/月。代下载", 0.6, "CNY"),
        ("CVs delivered: 1,000 fresh UK CVs per week.\n£120/week, cancel anytime.", 0.12, "GBP"),
        ("Naukri Resdex accounts — 5,000 CV downloads per month, ₹12,000/month.", 2.4, "INR"),
        ("58同城简历 单条0.3元, 包月套餐3000元/月 (每月不少于2万条)", 0.15, "CNY"),
        # the struck-through price and the same sum shown twice
        ("中高端人才简历\n原价 ¥599.00 限时价 ¥399.00\n规格: 500份", 0.798, "CNY"),
        ("出 拉勾网简历 ¥200\n产品经理求职者简历800份\n只打包出不拆, 200元", 0.25, "CNY"),
        # a labelled unit with no currency, a list whose sums follow their counts
        ("脉脉实名职场数据 120万条。\n每条0.03，量大可谈。", 0.03, "CNY"),
        ("直聘+猎聘 求职者 实时数据\n单条0.3 量大0.15\n总库800w", 0.15, "CNY"),
        ("来源智联\n1000条/80元　1万条/600元　5万条打包2500", 0.05, "CNY"),
        ("各行各业简历都有 一千条只要30", 0.03, "CNY"),
        ("应届毕业生资料，一份2万条，拍下199自动发网盘链接", 0.00995, "CNY"),
        # lots and markets
        ("2.1M LatAm CVs. Tiers: 100k $120 / 500k $450 / all $1,500", 0.000714, "USD"),
        ("75,000 rows of resumes\nfull file: 0.015 USD/row or $1000 flat", 0.013333, "USD"),
        ("220.000 data CVs. Rp 150 per data, borongan (all) Rp 25 juta.", 113.636364, "IDR"),
        ("1.5 triệu hồ sơ (1.5 million CVs). Price 3.000.000 VND per 100k.", 30.0, "VND"),
        # bare sums in Chinese price lists
        ("智联前程简历 代采集 按条计费0.08元", 0.08, "CNY"),
        ("各平台简历报价（元/条）\n智联 0.15\n前程 0.12\n58 0.05", 0.05, "CNY"),
        ("BOSS直聘简历导出 约 120 万\n价格：120/k，50k以上 100/k", 0.1, "CNY"),
        ("脉脉求职意向用户数据 现货200万，800/万", 0.08, "CNY"),
        ("求职者名单 一千条80 一万条600 十万条4500", 0.045, "CNY"),
        ("简历数据 报价：1k=120 / 10k=900 / 100k=6000", 0.06, "CNY"),
        ("前程无忧 求职者名单 共10万条\n仅售39.9 拍下自动发网盘", 0.000399, "CNY"),
        ("BOSS直聘简历 包月4500，一个月保底15万份", 0.03, "CNY"),
        ("UK jobseeker CVs ~75k, £0.05 each, £2,500 bulk.", 0.033333, "GBP"),
        ("PH job seeker leads 200k, 1k = $5, bulk discount available", 0.005, "USD"),
        ("手上有十二萬份104履歷，每份NT$3，全買二十萬。", 1.666667, "TWD"),
        ("JobsDB CV 約3萬份，HK$2一份，全包四萬。", 1.333333, "HKD"),
        ("120k profiles (DE/FR/NL) | €0.03/rec | 10k min", 0.03, "EUR"),
        ("直接交付结构化简历，每天可采3000份，按份结算 ¥0.4", 0.4, "CNY"),
        ("15k CVs from Jobberman. N50 per CV or take all for N500,000.", 33.333333, "NGN"),
        ("脉脉职场用户数据 单价 45元/千条 库存300万", 0.045, "CNY"),
        ("BOSS直聘简历代采 0.08元/条 单次最多交付3万条", 0.08, "CNY"),
        ("104履历 約15萬筆\n每筆 NT$3 整批優惠 NT$300,000", 2.0, "TWD"),
        ("PNet CVs – 65 000 candidates.\nR 3 500 once-off.", 0.053846, "ZAR"),
        ("naukri resumes, stock ~35k\n1000 resumes = 0.01 BTC", 0.00001, "BTC"),
        ("Naukri CVs. ₹4,500 per lakh, full 2.4L for ₹9,800 only.", 0.040833, "INR"),
        ("应届生简历5万份，¥0.5/份，量大优惠，全要按0.3算。", 0.3, "CNY"),
        # a price list of packages parted by "/", each sum after its count
        ("Indeed US applicants\n5k $40 / 50k $300 / 500k $2,000", 0.004, "USD"),
        ("智联简历 招代理 拿货价0.06 零售0.12", 0.06, "CNY"),
        ("前程简历\n3块\n一份，50份起\n量大2.5", 2.5, "CNY"),
        ("猎聘简历 800一万，共6万份", 0.08, "CNY"),
        ("简历零售0.5一条，满2万按0.3", 0.3, "CNY"),
        ("BOSS简历 5万\n【报价】\n普工 3分\n白领 1毛5", 0.03, "CNY"),
        ("拉勾简历 3000份\n6块一份，全拿5块", 5.0, "CNY"),
        ("Naukri freshers – Rs.2/- per data, 5 lakh+", 2.0, "INR"),
        ("Starter: ₹1,999/month – 4,000 CVs\nTeam: ₹19,999/month – 1 lakh CVs", 0.19999, "INR"),
        ("简历推送服务 1999元/月，每月推送不少于5000份", 0.3998, "CNY"),
        ("Got 2 mil Monster resumes. Thirty bucks per thousand.", 0.03, "USD"),
        ("60k fresh Indeed resumes for $240. Have 400k total, same rate.", 0.004, "USD"),
        ("Seek AU DB — 2M users. Price: 0.04 BTC for the full db.", 2e-08, "BTC"),
        ("dump 行数：800,000\n批量：20k 行 = 600 USDT", 0.03, "USDT"),
        ("58简历 全套30万 1.5w 可验货", 0.05, "CNY"),
        ("zhilian jianli 都有，3mao yi tiao，现货2w", 0.3, "CNY"),
        # a shop's SKU list: each count's sum, "/" parting the options
        ("规格：500条 ¥9.9 / 3000条 ¥45 / 1万条 ¥120", 0.012, "CNY"),
        ("规格：5000条 原价¥59 券后¥45 / 2万条 原价¥199 券后¥150", 0.0075, "CNY"),
        ("Options: 10,000 CVs - $59 / 100,000 CVs - $299", 0.00299, "USD"),
        ("另有现成数据 三十一千 简历", 0.03, "CNY"),
        ("我这边有智联的简历，一个W 一百八，需要的私", 0.018, "CNY"),
        ("简历 两千来个，一块钱五个，全要的话两百", 0.1, "CNY"),
        ("一份一块，总共有六千份\n3楼 楼主：全拿给你三千", 0.5, "CNY"),
        ("Pricing: $12 CPM\nOrders over 500k: $9 CPM", 0.009, "USD"),
        ("Price: €8 per mille, min 100k", 0.008, "EUR"),
        ("Package: 60.000 CVs from StepStone.\nPrice: 1.500,00 € (bank transfer)", 0.025, "EUR"),
        ("单价0.06元/条\n5万条以上 9折\n20万条以上 7.5折", 0.045, "CNY"),
        ("简历共20万条。\n拼团：5人成团，每人分摊1600元", 0.008, "CNY"),
        ("Naukri CV dump – 400,000 records\nGroup buy: 4 slots @ $500 each", 0.00125, "USD"),
        ("季卡：5400元，三个月共15万条", 0.036, "CNY"),
        ("#0点08一条 #库存三百万 简历", 0.08, "CNY"),
        ("got 12k Monster resumes. price: 3 hundred bucks for the lot", 0.025, "USD"),
        ("25,000 Monster.com resumes.\nNormally $1,000 — holiday sale 30% off", 0.028, "USD"),
        ("£0.03 each for small orders\n£1,250 for the full set of 50,000", 0.025, "GBP"),
        ("80,000 CVs. €0.04 per CV, or the 10k starter package for €350.", 0.035, "EUR"),
        ("简历1.2万条，1毛一条，全要给960", 0.08, "CNY"),
        ("Records: 120k\nPrice: $0.01 USD per record, minimum 10k records", 0.01, "USD"),
        ("US$0.05 each / 10k for $400 / 80k stock", 0.04, "USD"),
        ("Starter 500 = $15 | Pro 5,000 = $99 | Agency 50,000 = $690", 0.0138, "USD"),
        ("€0.04 per record, -25% over 50k. 300k total.", 0.03, "EUR"),
        ("简历数据 智联 BOSS 都有，0.1起，量大优惠", 0.1, "CNY"),
        ("单买0.3一份\n包月4800，保证6万份", 0.08, "CNY"),
        ("简历代查 提供姓名查询其在智联上的简历 20元/次", 20.0, "CNY"),
        ("BOSS直聘求职者数据5万条，2000带走", 0.04, "CNY"),
        ("人才库 带联系方式的那种，1块钱1份", 1.0, "CNY"),
        ("应届生数据 价格：0.2/条 5万起\n10万条 1.5万", 0.15, "CNY"),
        ("规格：\n①1000条 29.9元\n②5000条 119元\n③10000条 199元", 0.0199, "CNY"),
        ("Lahore job seekers. 50,000 CVs in Rs. 15,000 only", 0.3, "PKR"),
        ("BDJOBS CV DATA\n1 lakh CV only 3,000 Tk\n10 lakh full pack 20,000 Tk", 0.02, "BDT"),
        ("2.000.000 data\nRp 1.500.000 per 100.000 data", 15.0, "IDR"),
        ("80,000 records of job seekers. Price: CA$400 (regular CA$700)", 0.005, "CAD"),
        ("UK CV DATABASE\n£0.02 per CV (min 10k)\nFull 1.2M database: £9,600", 0.008, "GBP"),
        ("领英求职者数据 总量100万条\n0.002U 一条\n50万以上打包 800U", 0.0016, "USDT"),
        (
            "MEXICO CANDIDATES 1,300,000 records\nMXN $0.05 per record\n100k pack MXN $4,000",
            0.04,
            "MXN",
        ),
        ("Job applicant data Indonesia, 10.000 records per package. Rp150.000", 15.0, "IDR"),
        ("- 50K resumes: US $20.00\n- 250K resumes: US $50.00", 0.0002, "USD"),
        ("规格：\n1000条 普工求职者名单 ¥19.9\n1万条 普工求职者名单 ¥99", 0.0099, "CNY"),
        ("Germany CV pack: 70k. EUR 35 per 1000 records, whole pack EUR 2000.", 0.028571, "EUR"),
        # rates read before any lot: "/W", "por mil", "per head" outside a group buy
        ("智联简历 800块/W\n总量300W", 0.08, "CNY"),
        ("currículos: R$ 90 por mil registros\n400k records", 0.09, "BRL"),
        ("50,000 pcs — ₱1.50 per head\nBuy all 50k = ₱60,000", 1.2, "PHP"),
        # tiers: "满N份 X角", "ab 100k", "N起 = X", a package closing its line, "(N)"
        ("简历 五角一份；满1000份四角；满一万份三角", 0.3, "CNY"),
        ("Preis: €0.03 pro Datensatz, ab 100k €0.02", 0.02, "EUR"),
        ("领英简历 1万条 = 35U\n10万条起 = 300U", 0.003, "USDT"),
        ("CVs £30 per 1,000\n£200 per 10,000\n£850 for 50,000", 0.017, "GBP"),
        ("Starter (2,500) – $45\nPro (15,000) – $210\nMega (100,000) – $990", 0.0099, "USD"),
        ("散買 HK$0.8 一條，5千條包埋 HK$3000", 0.6, "HKD"),
        ("求職者資料 每千個 $HK120\n一萬個 $HK900", 0.09, "HKD"),
        ("Price: 500đ / record, buy 100k+ → 350đ", 350.0, "VND"),
        ("Egypt CVs: 1000 CV = 150 EGP\nfull = 25,000 EGP\n~220k profiles", 0.113636, "EGP"),
        # numerals, a count after the next sum, bonus records, discounts on discounts
        ("求职数据 壹万条 贰佰元\n拾万条 仟伍佰元", 0.015, "CNY"),
        ("BOSS简历 一块钱三条，一百块四百条", 0.25, "CNY"),
        ("简历套餐：20万条 = 5888元（再送2万条，实得22万条）", 0.026764, "CNY"),
        ("简历 原价0.5元/条\n今日特价五折\n满5万条再打九折", 0.225, "CNY"),
        ("Leads: twenty dollars per hundred leads", 0.2, "USD"),
        (
            "India data\n₹800 per 10,000 data\nFull India pack ₹4.5 lakh only\n1 Crore+ records",
            0.045,
            "INR",
        ),
        ("💵 MXN 0.80 per record (min 5,000)\n💵 Pack 100k = MXN 50,000", 0.5, "MXN"),
        ("$0.10/applicant or $700 takes the whole thing\n9,400 applicants", 0.074468, "USD"),
        ("Weekly sub $99 = ~25k fresh leads\nArchive 3.4M", 0.00396, "USD"),
        ("简历 每千条一百二，二十万条全要可再谈", 0.12, "CNY"),
        ("monster resumes 200K, 0.5c each, bulk only", 0.005, "USD"),
        ("出售58同城求职者 0.1元，一次最少买5000，总库120w", 0.1, "CNY"),
        ("蓝领简历 3万条 1200元 / 1万条 450", 0.04, "CNY"),
        ("58同城 简历\n📦 5W条 一个包 = 1500 U\n📦 库存 200w+", 0.03, "USDT"),
        ("求职简历 5k条\n¥99 一份表格", 0.0198, "CNY"),
        ("价格：万条两百五，十万条两千，库存超百万", 0.02, "CNY"),
        ("USA LEADS\n┌────┬────┐\n│ 1,000 │ $15 │\n│ 100,000 │ $900 │\n└────┴────┘", 0.009, "USD"),
        # a discount followed by the price it makes is not applied again
        ("每条 3毛 (0.3 RMB each)\n五万条起 8折 → 0.24/each", 0.24, "CNY"),
        ("简历 每条0.3元\n满10万条九折=0.27元", 0.27, "CNY"),
        ("Zhilian general: 30元/千条\n10万条 package any mix: 2500元", 0.025, "CNY"),
        # numerals of sub-units, a range without currency, the least order's sum
        ("每条壹毛伍，伍仟条起", 0.15, "CNY"),
        ("单价：人民币壹角贰分/条，壹万条起售", 0.12, "CNY"),
        ("单价：每条人民币贰分，十万条起", 0.02, "CNY"),
        ("现货 1.5w 单条 八分", 0.08, "CNY"),
        ("价格：0.1-0.3/条，越新越贵", 0.1, "CNY"),
        ("统一回复 一块钱十条，一万条起 八百", 0.08, "CNY"),
        ("简历 一万条起 八百块", 0.08, "CNY"),
        ("单条 0.2\n会员价 0.12（开会员送 500 条）", 0.12, "CNY"),
        # a shop item's price over the records one item holds
        ("¥198.00 /份\n（每份 = 5000条，可选城市）\n全国共计 1200万条 求职者数据", 0.0396, "CNY"),
        ("NT$3,500\n每包5000筆，含姓名\n本店總量超過12萬筆", 0.7, "TWD"),
        # packages and lots named in other words
        ("○ 10,000 contacts — $99\n○ 1,000,000 contacts (full list) — $3,900", 0.0039, "USD"),
        ("$0.12 per lead\nor grab a 5k block for $450\n22,400 drivers", 0.09, "USD"),
        (
            "18,000 candidates\n$0.05/resume (CAD) for a subset\nWhole bank: $650 CAD",
            0.036111,
            "CAD",
        ),
        ("€40 per 1,000 (min 5k)\nor the full 310k set for €8,000", 0.025806, "EUR"),
        ("Price per record: $0.012 for orders under 1M\nWhole 3M lot: $24k", 0.008, "USD"),
        ("Plan: ₹9,999 per month — includes up to 5 lakh profile downloads", 0.019998, "INR"),
        ("RATES\n  10k   = Rs 2,000\n  10L   = Rs 1,00,000   (full dump)", 0.1, "INR"),
        # per 万/k/lakh with the unit unsaid or spaced, the record named after its unit
        ("58 普工 求职 4W 条（华南）每万 400", 0.04, "CNY"),
        ("BOSS 直聘 简历 ｜ 现货 600k\n每 k 条 45 元", 0.045, "CNY"),
        ("总量 5 lakh（50万）\n价格：每 lakh 800 USDT ，不拆零", 0.008, "USDT"),
        ("候选人 库 2 万+\n每份 简历 ¥15 ，按 需 挑选", 15.0, "CNY"),
        ("我 这 有 一 批 宝妈 求职 简历\n一 块 钱 俩", 0.5, "CNY"),
        # the whole lot in other words; a tier discount for everyone
        ("價錢：每份 HK$1.2 ，全部一次過拎走 HK$20,000\n數量：2萬份", 1.0, "HKD"),
        ("价格：一角一条，一次拿完 8000\n简历 12万", 0.066667, "CNY"),
        ("硬盘 + 数据 一起 500\n简历 约 300万 份", 0.000167, "CNY"),
        ("全部 $3000 台幣 帶走\n104 履歷資料 5000 筆", 0.6, "TWD"),
        (
            "· 智联 0.25元/条\n· 猎聘 0.6元/条\n· BOSS 0.3元/条\n单次 1万条以上 一律 八五折",
            0.2125,
            "CNY",
        ),
        # thousands grouped by spaces, decimal commas, lira, "bin", "c/u", "por"
        ("Johannesburg\n60 000 CVs\nPrice is R1 500 per 10 000 CVs.", 0.15, "ZAR"),
        (
            "Polish CV base 65 000 records\nPrice: 0,10 zł / record\nWhole base: 4 500 zł",
            0.069231,
            "PLN",
        ),
        ("İstanbul\n💰 0.20 TL per CV\n💰 100 bin paket: 15.000 TL", 0.15, "TRY"),
        ("Precio: MXN $0.40 c/u\n90k registros", 0.4, "MXN"),
        (
            "22,500 REGISTERED NURSES ACTIVELY SEEKING\n$0.09 / contact\nFull list: $1,575",
            0.07,
            "USD",
        ),
        (
            "🇿🇦 South African job seekers\n±63 000 CVs\nR 1 500 per 1 000 CVs\nR 45 000 everything",
            0.714286,
            "ZAR",
        ),
        (
            "rows in full file: 640,112\nfull file AUD 2,200  |  slices >50k rows: AUD 0.005/row",
            0.003437,
            "AUD",
        ),
        # other languages: Spanish, Portuguese, French, German, Turkish, Indonesian,
        # Vietnamese, Arabic (thousands written "mil", "bin", "ribu", "triệu", "ألف")
        (
            "Base de postulantes Chile\n210 mil registros\n$20.000 CLP cada 10 mil\n"
            "Base completa $300.000 CLP",
            1.428571,
            "CLP",
        ),
        (
            "Vendo planilha com 95 mil currículos de candidatos de SP.\n"
            "R$ 1.900,00 tudo, ou R$ 350 a cada 10 mil.",
            0.02,
            "BRL",
        ),
        (
            "Vends fichier candidats – 210 000 profils\nTarif : 40 € les 1 000 lignes\n"
            "- fichier complet : 4 200 €",
            0.02,
            "EUR",
        ),
        (
            "Umfang: ca. 64.500 Datensätze\nPreis: 0,09 € pro Datensatz / Gesamtpaket 3.900 €",
            0.060465,
            "EUR",
        ),
        (
            "Kariyer.net'ten 120.000 aday CV'si var.\nFiyat: 1.000 kayıt 250 TL. Tamamı 18.000 TL.",
            0.15,
            "TRY",
        ),
        (
            "Total 1,2 juta data pelamar.\nHarga per 100rb data Rp 1jt. Ambil semua Rp 9jt.",
            7.5,
            "IDR",
        ),
        (
            "Mình có khoảng 45.000 CV ứng viên.\nGiá 2 triệu / 10.000 CV, lấy hết 45k giá 7 triệu.",
            155.555556,
            "VND",
        ),
        (
            "معايا داتا 140 ألف سي في\nالسعر 500 جنيه لكل 1000 سي في\nالكل بـ 40,000 جنيه بس",
            0.285714,
            "EGP",
        ),
        (
            "Base CV Maroc\n70 000 CV\nPrix : 0,50 DH / CV\nRemise 20 % à partir de 20 000 CV",
            0.4,
            "MAD",
        ),
        (
            "Base De Datos Hojas De Vida Colombia 100.000 Registros para empresas de la ciudad\n"
            "$ 350.000 los 100.000 registros",
            3.5,
            "COP",
        ),
        ("tarif: CHF 0.35 / ligne ; lot complet CHF 4'600.- pour les 18 400 lignes", 0.25, "CHF"),
        ("• 88k records\n• RM 45 / 1k leads\n• RM 2,800 all 88k", 0.031818, "MYR"),
        # a package from a threshold, a tier after a comma, Cantonese 毫, 20% off all orders
        ("库存 1200万\n价格：$0.02/条\n100万条起打包 $15000", 0.015, "USD"),
        ("💵 价格\n  1k条 — $30\n  1w条 — $270\n  10w条起 — $2500", 0.025, "USD"),
        ("单价一元五角一份；\n满一千份，一元二角；\n满一万份，八角。", 0.8, "CNY"),
        ("香港求職者CV\n每條三毫，買滿五萬條每條兩毫半。", 0.25, "HKD"),
        ("C$0.03 per record, 10k min\n🔥 This week only: 20% off all orders", 0.024, "CAD"),
        # pinyin units spaced, volume discounts by percent, "ono", a "+" package
        ("Price: 3 mao per record (0.3 yuan)\nOrder 10w+ : 1.5 mao per record", 0.15, "CNY"),
        ("Price: 8 fen per record (0.08 yuan)\nOrder 5万 and above: 6 fen per record", 0.06, "CNY"),
        (
            "Base price: $0.10 per resume\n  5,000+ resumes ........ 10% off\n"
            "  100,000+ resumes ...... 40% off\nAvailable now: 310,000 resumes",
            0.06,
            "USD",
        ),
        ("Entire candidate database – 38,000 CVs. £1,500 ono for the lot.", 0.039474, "GBP"),
        ("📄 KSh 5 per CV\n📦 Full pack 10,000+ CVs — KSh 30,000 only", 3.0, "KES"),
    ],
)
def test_unit_price(text: str, amount: float, currency: str) -> None:
    found = unit_price(text)
    assert found is not None, text
    assert found[1] == currency
    assert found[0] == pytest.approx(amount, rel=0.01)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("出智联简历 每条叁角，库存贰拾万\n\n回复：两毛卖不卖\n楼主：不卖，不讲价", 0.3, "CNY"),
        (
            "1L 楼主：\n前程无忧简历，千条50元\n9L 某数据商：我这有200万 便宜出 千条40\n"
            "10L 楼主：别来蹭",
            0.05,
            "CNY",
        ),
        (
            "如题，智联简历，每万条六百\n—— 回复 ——\n数据小王子：我家便宜，一万五百\n"
            "楼主：楼上别在我帖子里打广告",
            0.06,
            "CNY",
        ),
        (
            "楼主：脉脉求职用户数据 1.2元/条\n2楼 招聘小白：我出0.8\n"
            "3楼 楼主：0.9最低 要两万条以上",
            0.9,
            "CNY",
        ),
    ],
)
def test_thread_price_is_the_sellers(text: str, amount: float, currency: str) -> None:
    """Other people's prices in a pasted thread are not the seller's; the seller's last word
    in a reply is."""
    price = analyze("", text).unit_price
    assert price is not None, text
    assert price["currency"] == currency
    assert price["amount"] == pytest.approx(amount, rel=0.01)


@pytest.mark.parametrize(
    "text",
    [
        "月薪6000-8000，五险一金",
        "会员一年好几万",
        "paid $150 last week",
        "价格私聊",
        "月薪8000-12000元 简历投递",
        "开通会员 99元/年",
        "比分一分五",
        "距离3米 简历",
        "全量 340 万，价格私聊",
        "UK jobseeker leads. updated: 02/2026",
        "104／1111 人力银行 履历",
        "Reach job seekers across all 50 states. 500,000 contacts",
        # a buyer's counter-offer in a reply, and a source's name spelled in numerals
        "4楼：1块出不出",
        "手上有3万份五八的普工简历",
        # a tool's price, not a record's
        "BOSS直聘简历采集器 价格：一套1888元，终身更新",
        "¥1（价格随便填的）\n手上有前程无忧的简历2万份左右，想换点BOSS的",
        "招聘 月薪 5000-8000/月",
    ],
)
def test_no_unit_price(text: str) -> None:
    assert unit_price(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("库存约 300 万", 3_000_000),
        ("现有10W+条", 100_000),
        ("4.6w 份", 46_000),
        ("一共两万三千多条", 23_000),
        ("现货一万二", 12_000),
        ("库存三百多万份", 3_000_000),
        ("大概七八万份", 80_000),
        ("总量超过一百二十万", 1_200_000),
        ("十二萬筆", 120_000),
        ("１２００００份", 120_000),
        ("库存过千万", 10_000_000),
        ("3.4 million job seeker records", 3_400_000),
        ("1.2M rows", 1_200_000),
        ("220k candidate CVs", 220_000),
        ("10 lakh CVs", 1_000_000),
        ("Records: 1,100,000", 1_100_000),
        # minimum orders, thresholds, daily throughput, samples, salaries are not volumes
        ("5k份起售，库存约3w", 30_000),
        ("满1w条 0.28/条，今日到货 18000 条，总库存 65w", 650_000),
        ("日产能3000份，历史库已有15w份", 150_000),
        ("min order 20k, 240k records", 240_000),
        ("中高端简历（年薪50w+），共1.2万份", 12_000),
        ("Free sample of 50. 75,000 records", 75_000),
        ("智联简历十几万条", 100_000),
        ("51job简历 3万5千条", 35_000),
        ("现货 20多万", 200_000),
        ("现有 1w2 条", 12_000),
        ("共50万条，整包2.5万带走", 500_000),  # 2.5万 is the lot's price
        ("共 1.8 万份，全要的话 4 万打包", 18_000),
        ("全库 28万 一口价 3000U", 280_000),
        ("总库 5w，日峰值 20万条", 50_000),
        ("一天可采集 3000+ 份", None),
        ("indeed resumes dump — sample (first 3 of 480,000)", 480_000),
        ("约460w条 字段全 打包价8000U", 4_600_000),
        # figures in the sample rows are the data subjects' (salaries), not claims
        ("张** | 138****2210 | zh***@163.com | 财务总监 | 150万\n现货 12万份", 120_000),
        ("日产 3000+ 条", None),
        ("Just over half a million records (name, phone)", 500_000),
        ("a quarter of a million CVs", 250_000),
        ("Indeed is a million times better", None),
        ("selling our resume database. ~30,000 resumes collected 2016-2023", 30000),
        ("拉勾 简历 10w 打包 8k", 100000),
        # "百万级" claims a stock of that order: read as its round figure (two blind authors
        # in three label it so), but not a salary's order ("年薪百万级候选人")
        ("Boss直聘 求职者数据，百万级，持续更新", 1_000_000),
        ("总库存千万级 可按城市筛选", 10_000_000),
        ("猎聘 高管简历 5k份 年薪百万级候选人", 5000),
        ("have ~18,000", 18000),
        ("Archive of 900k+ CVs sold separately", 900000),
        ("Stock right now: ~640,000", 640000),
        ("Stock: half a million", 500000),
        ("简历数据 日更 总库 3kw+", 30_000_000),
        ("$0.10 per contact, 1,000 minimum. 20,000+ contacts available in TX.", 20000),
        ("8,500 workers (tradies, labourers) with phone, email. AUD 1,700 ono.", 8500),
        ("Naukri 1.5 mil CVs, all India", 1_500_000),
        ("Bulk 40k CVs @ ₹20,000", 40000),
        ("BOSS简历 每份一块，目前3.1万份", 31000),
        ("简历：1000条40 / 1万条300 / 10万条2500", 100_000),
        ("总行数：1,200,000", 1_200_000),
        ("库存3个W，要的抓紧", 30000),
        ("简历 三千来份 一份十块 全要一万五", 3000),
        ("Bulk 1M+ available", 1_000_000),
        ("25,000 Monster.com resumes", 25000),
        ("Resume dump — sample of 1,400,000", 1_400_000),
        ("rows in full set: 1,200,000", 1_200_000),
        ("规格：5000条 原价¥59 券后¥39 / 2万条 原价¥199 券后¥139", 20000),
        # categories sold together: their sum, unless a total is stated
        ("普工类 3万条 ¥600\n销售类 1万条 ¥250\n全部打包 ¥800", 40000),
        ("北京 2w条 400元\n上海 1w条 200元\n全国合计 15w，全部打包", 150_000),
        ("1万条 —— 800元\n5万条 —— 3000元\n全部打包 5000", 50000),
        ("库存三十余万，按城市/岗位筛选", 300_000),
        ("简历 一百来万条", 1_000_000),
        ("Total 1 Cr resumes, all India", 10_000_000),
        ("rows in full file: 640,112\nslices >50k rows: AUD 0.005/row", 640_112),
        ("RATES\n  10k   = Rs 2,000\n  10L   = Rs 1,00,000   (full dump)", 1_000_000),
        # not a handle's digits, nor a sample row's id
        ("前程无忧 简历 约两万份\n打包 1200\n闲鱼聊或者 v: xyu_2023k", 20000),
        (
            "proof rows:\n10293844,ka*****@outlook.com,Kara W*****,+1 (612) ***-**88\n"
            "lines: 1,100,000\nprice 900 USDT",
            1_100_000,
        ),
        ("Kariyer.net CVs\n📁 250 bin CV (İstanbul, Ankara)", 250_000),
        ("★ 58 赶集 简历 长期出\n库存 30w 每天新增\n1k条 / ¥95\n1w条 / ¥800", 300_000),
        ("金融 候选人简历 年薪30w-200w\n高端库 2.3万份\n8元/份", 23000),
    ],
)
def test_volume(text: str, expected: int | None) -> None:
    assert volume(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "£20 per 1k. Plenty in stock",
        "5000份起售",
        "日收1w条",
        "期望薪资15-20K",
        "覆盖31个省份",
        "这种帖子里十个有九个骗子",
        "find 1,000 qualified candidates a week",
        "年薪百万级候选人",
        "🈵1000条打八折",
        "bulk 10k+ AUD 0.04",
        "50 mil currículos",
        "Done 200+ orders. Email me",
        "智联简历交流群\n1,208 位成员，83 人在线",
        "Facebook · Recruiters Hub (Public group · 48K members)",
        "Seller: Kev Data Solutions · 2y 4m on Jiji",
        "[2024-01-05 20:00]\n考研网课全套\n👁 4.4K",
    ],
)
def test_no_volume(text: str) -> None:
    assert volume(text) is None


@pytest.mark.parametrize(
    ("raw", "value"),
    [("三万", 30_000), ("两万三千", 23_000), ("一万二", 12_000), ("三千五", 3_500), ("千万", 1e7)],
)
def test_chinese_numbers(raw: str, value: float) -> None:
    assert parse_chinese(raw) == value


@pytest.mark.parametrize(
    ("raw", "value"), [("1,80,000", 180_000), ("4.6w", 46_000), ("3.4 million", 3.4e6)]
)
def test_quantities(raw: str, value: float) -> None:
    assert parse_quantity(raw) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("五八、赶集的简历", ["58.com", "ganji.com"]),
        ("wuba 来源", ["58.com"]),
        ("5 8 简历", ["58.com"]),
        ("5️⃣8️⃣同城简历", ["58.com"]),
        ("𝟓𝟖简历", ["58.com"]),
        ("智-联 简历", ["zhaopin.com"]),
        ("数据来源zl、51", ["zhaopin.com", "51job.com"]),
        ("前程無憂 履歷", ["51job.com"]),
        ("BOSS直聘", ["zhipin.com"]),
        ("猎聘+脉脉来源", ["liepin.com", "maimai.cn"]),
        ("拉勾网", ["lagou.com"]),
        ("应届生求职网", ["yingjiesheng.com"]),
        ("中华英才网、智通人才网", ["chinahr.com", "job5156.com"]),
        ("看准网用户", ["kanzhun.com"]),
        ("Naukri and Shine.com", ["naukri.com", "other"]),
        ("Glassdoor + LinkedIn", ["glassdoor.com", "linkedin.com"]),
        ("Indeed UK, Reed", ["indeed.com", "other"]),
        ("SEEK candidates", ["seek.com.au"]),
        ("JobsDB、CTgoodjobs", ["other"]),
        ("StepStone / XING", ["other"]),
        ("104人力銀行 履歷", ["other"]),
        ("from Caterer.com", ["other"]),
        ("各大招聘平台 求职者数据", []),
        ("major job boards", []),
        ("Indeed, this is bad.", []),
        ("我这边有5万条前程无忧的简历，想换BOSS的", ["51job.com"]),
        ("58元一条", []),
        ("@招聘小王 我有58和赶集的普工简历", ["58.com", "ganji.com"]),
        ("Canada job applicants leads - Workopolis/Indeed CA - 95k", ["other", "indeed.com"]),
        ("LatAm candidates from OCC Mundial and Computrabajo", ["other"]),
        ("来源：某八同城，懂的都懂", ["58.com"]),
        ("出JL数据 来源 qian cheng", ["51job.com"]),
        # a shop's count of wishers above names no wanted platform
        ("转 中华英才网 老简历\n闲鱼 | ¥200  想要 5\n中华英才网的老简历", ["chinahr.com"]),
        ("电话 1 5 8 - 0 2 7 3 - 9 9 1 6 简历", []),
        ("拉钩上扒的简历，BOSS上导出来的", ["lagou.com", "zhipin.com"]),
        # a platform's name inside the seller's handle is no claimed source
        ("出简历 0.03/条 VX：ganjinb_03", []),
        ("出简历 微信 zl-jianli_07", []),
        ("台灣求職資料庫\n來源：104、1111、Cake", ["other"]),
        ("数据104条，来源未知", []),
        ("5156 + 中华英才 简历", ["job5156.com", "chinahr.com"]),
        ("简历 电话 138 5156 7788", []),
        ("猎/聘 高端简历", ["liepin.com"]),
        # the site the listing is on is no source: its breadcrumb, its notices
        (
            "百姓网 › 本地服务\n都是58同城上投简历的人\n联系我时请说是在百姓网看到的\n"
            "※ 本信息由用户发布，百姓网不对内容真实性负责",
            ["58.com"],
        ),
        ("医疗英才网上导出来的护士简历", ["other"]),
        ("很多是丁香人才上投过来的", ["other"]),
        ("Sri Lanka CV Database (TopJobs.lk)", ["other"]),
        ("Merojob & Jobsnepal CVs available!", ["other"]),
        ("📁 Kariyer.net applications, 2023-2024", ["other"]),
        (
            "I have 70k Naukri CVs. Looking for AU/NZ job seekers data (Seek / Indeed AU).",
            ["naukri.com"],
        ),
        # pinyin initials for one character
        ("Z联 / Q程 / B直 都有", ["zhaopin.com", "51job.com", "zhipin.com"]),
    ],
)
def test_sources(text: str, expected: list[str]) -> None:
    assert find_sources(normalize("", text)) == expected


def contacts(text: str) -> set[tuple[str, str]]:
    return {(c["type"], c["value"]) for c in find_contacts(normalize("", text).text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("QQ：3317720954", {("qq", "3317720954")}),
        ("扣扣：７７８８１２３４５", {("qq", "778812345")}),
        ("ⓆⓆ：１２３４ ５６７８９", {("qq", "123456789")}),
        ("企鹅 2098 3311 54", {("qq", "2098331154")}),
        ("加VX：hr_data_520", {("wechat", "hr_data_520")}),
        ("V：JL_pifa88", {("wechat", "JL_pifa88")}),
        ("薇❤ hr_jiejie99", {("wechat", "hr_jiejie99")}),
        ("威信：hrzy_1688", {("wechat", "hrzy_1688")}),
        ("薇: abc", {("wechat", "abc")}),
        ("TG：@sj_haoma", {("telegram", "sj_haoma")}),
        ("飞机 @jl_zongku", {("telegram", "jl_zongku")}),
        ("t.me/LT_resume", {("telegram", "lt_resume")}),
        ("Admin: @MCB_resumes", {("telegram", "mcb_resumes")}),
        ("电话 159-0000-2236", {("phone", "15900002236")}),
        ("+86 138 0013 8000 微信同号", {("phone", "13800138000"), ("wechat", "13800138000")}),
        ("电话/微信同号：13600004471", {("phone", "13600004471"), ("wechat", "13600004471")}),
        ("text (212) 555-0147", {("phone", "2125550147")}),
        ("WhatsApp +971 50 000 1234", {("whatsapp", "971500001234")}),
        ("Call/WhatsApp 90000 44556", {("phone", "9000044556"), ("whatsapp", "9000044556")}),
        ("ukcv.data[at]example.org", {("email", "ukcv.data@example.org")}),
        ("seekdb(at)example(dot)com", {("email", "seekdb@example.com")}),
        ("Shop: http://cvdump-shop.example/indeed", {("url", "http://cvdump-shop.example/indeed")}),
        ("邮箱：cvhub2024#126.com（#换成@）", {("email", "cvhub2024@126.com")}),
        ("mail: leads*tuta.io (replace * with @)", {("email", "leads@tuta.io")}),
        ("扣扣联系 3 1 4 1 5 9 2 6", {("qq", "31415926")}),
        ("先加V聊：hr_kk2025", {("wechat", "hr_kk2025")}),
        ("薇信同电话 137 0000 4321", {("phone", "13700004321"), ("wechat", "13700004321")}),
        ("WhatsApp me on +44 7700 900123", {("whatsapp", "447700900123")}),
        (
            "jabber: cvshop@xmpp.example | email: cvshop@example.net",
            {("email", "cvshop@example.net")},
        ),
        (
            "contact me by email: northdata.ca at outlook dot com",
            {("email", "northdata.ca@outlook.com")},
        ),
        ("威：zz_hr_data", {("wechat", "zz_hr_data")}),
        ("要的加扣 2 0 3 9 4 8 1 7 6 备注贴吧", {("qq", "203948176")}),
        ("企鹅 309.177.245", {("qq", "309177245")}),
        ("联系 Q： 3 8 x 1 9 2 a 7 6 b 5 0（去掉中间的字母）", {("qq", "381927650")}),
        ("wx：qc51 _ data （中间空格去掉）", {("wechat", "qc51_data")}),
        ("纸飞机：@ Jian_Li_Pro", {("telegram", "jian_li_pro")}),
        ("电话/薇同号 139-2847-5610", {("phone", "13928475610"), ("wechat", "13928475610")}),
        ("售前咨询：400-618-7325", {("phone", "4006187325")}),
        ("有兴趣 WhatsApp 联络：+852 6123 4578", {("whatsapp", "85261234578")}),
        ("🟢：yjs_data2024（首字母大写）", {("wechat", "Yjs_data2024")}),
        ("📞 １８９ １２３４ ５６７０", {("phone", "18912345670")}),
        ("📞 WhatsApp: +91-90040 11223", {("whatsapp", "919004011223")}),
        ("Q：9O1 2O3 447", {("qq", "901203447")}),
        ("🐧 前五位：１０２４７\n🐧 后四位：７８９６", {("qq", "102477896")}),
        (
            "email: ukcvs # mailfence . com (swap # for @ and drop the spaces)",
            {("email", "ukcvs@mailfence.com")},
        ),
        ("Admin: @ naukri _ dump (remove the spaces)", {("telegram", "naukri_dump")}),
        ("Contact: WhatsApp/Viber +977 98510 22374", {("whatsapp", "9779851022374")}),
        ("Reply to @NurseRecruiterJen\n@NurseRecruiterJen I have 8k CVs", set()),
    ],
)
def test_contacts(text: str, expected: set[tuple[str, str]]) -> None:
    assert contacts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "含姓名、手机、QQ号",  # a field of the data, not the seller's QQ
        "样本：张三 13800138000 本科 会计",  # a data subject's phone
        "王*, 13900001111, wang@qq.com, 北京\n李*, 13900002222, li@qq.com, 上海",
        "J. D****, Austin TX, j***@gmail.com, +1 512-***-**31",
        "Telegram channels were selling CVs",
    ],
)
def test_victims_and_prose_are_not_seller_contacts(text: str) -> None:
    assert contacts(text) == set()


def test_sample_rows_keep_seller_contact_only() -> None:
    text = (
        "样本：\n张伟，13800001234，本科，会计，上海\n李娜，13900005678，大专，销售，杭州\n"
        "完整库二十万条，0.1元/条。联系QQ：1122334455"
    )
    assert contacts(text) == {("qq", "1122334455")}


def test_sample_row_with_a_qq_mail_is_still_a_row() -> None:
    # "qq" inside the victim's address is not a contact word that makes the line the seller's
    text = (
        "样例：\n周某,18600001111,zt_0101@qq.com,1995-09,成都,大专\n"
        "整库 5万元 邮箱：cvs@example.net"
    )
    assert contacts(text) == {("email", "cvs@example.net")}


def test_the_authors_reply_in_the_comments_is_the_sellers_contact() -> None:
    text = (
        "抖音  @数据小陈\n出一批 猎聘+BOSS 的简历，5000条 800 拿走\n评论\n用户A7721：怎么联系\n"
        "  数据小陈（作者）：加v：liepin_zy666 备注抖音\n"
        "资源哥：我这有更便宜的 0.1一条 vx：zy_cheap2\n  数据小陈（作者）：@资源哥 别在我这打广告"
    )
    a = analyze("出一批 猎聘+BOSS 的简历", text)
    assert a.unit_price == {"amount": 0.16, "currency": "CNY"}
    assert a.contacts == [{"type": "wechat", "value": "liepin_zy666"}]


def test_thread_replies_by_others_are_not_seller_contacts() -> None:
    text = (
        "出 智联简历 每千条100元，加V：zl_seller01\n"
        "2楼 路人甲：样本拿了，还行\n"
        "3楼 小白：我也要一份，我Q 55667788 加我\n"
        "4楼 楼主：@xiaobai 直接加我V\n"
    )
    assert contacts(text) == {("wechat", "zl_seller01")}


def test_thread_seller_in_a_reply_is_kept_and_addressees_dropped() -> None:
    # The thread's author asks; the seller answers in a reply; a moderator names him.
    text = (
        "#1 mira_k\nAny legit resume dataset?\n\n"
        "#2 pulldaddy\nGot 40k Indeed profiles, $200 the lot. DM on tg @gd_pull\n\n"
        "#3 mod_team\n@pulldaddy selling PII is against the rules here."
    )
    assert contacts(text) == {("telegram", "gd_pull")}


def test_analysis_of_an_offer_has_all_fields() -> None:
    a = analyze(
        "出zl简历 量大从优",
        "单价：5毛\n5w以上：3毛\n总量：200w\n样本：陈** | 137****0921\n私聊：@zl_cn_cv",
    )
    assert a.is_offer
    assert a.unit_price == {"amount": 0.3, "currency": "CNY"}
    assert a.tiers == [
        {"min_records": 1, "unit_price": 0.5},
        {"min_records": 50000, "unit_price": 0.3},
    ]
    assert a.volume_records == 2_000_000
    assert a.sources == ["zhaopin.com"]
    assert a.contacts == [{"type": "telegram", "value": "zl_cn_cv"}]
    assert "resume" in a.categories


def test_whole_page_contacts_are_the_sellers_only() -> None:
    # a channel export: the other posts' advertisers are not the resume seller
    channel = (
        "US Candidate Leads\n---- October 2 ----\nFresh Indeed candidate leads, $50 per 1,000\n"
        "DM @usleads_desk to order\n👁 2.9K  edited  14:22\n---- October 3 ----\n"
        "Best VPN deal, link in bio of @vpn_partner\n👁 1.1K  09:10\n---- October 6 ----\n"
        "Crypto signals VIP group, join @signals_vip_room\n👁 980  11:03"
    )
    assert find_contacts(normalize("", channel).text) == [
        {"type": "telegram", "value": "usleads_desk"}
    ]
    # reviews below the item, the platform's hotline and a named scammer
    page = (
        "智联简历 0.1元/条 库存10万 联系 VX：zl_seller01\n提醒：QQ 1122334455 是骗子\n"
        "买家评价（3）\n问：准吗？ 答：准，有问题加我q 2298130077\n平台客服热线 95188"
    )
    assert find_contacts(normalize("", page).text) == [{"type": "wechat", "value": "zl_seller01"}]


def test_a_channels_other_ads_are_not_the_offers_facts() -> None:
    text = (
        "数据中心 | 频道\n───────\n【贷款客户】网贷申请人 当月 0.2元/条\n👁 3.1k  10:02\n───────\n"
        "【求职简历】智联 前程 简历 全国\n每万条 八百元\n现货 一千二百万\n客服 @datahub_kf\n"
        "👁 2.7k  10:05\n───────\n【车主数据】2024 新车车主 0.05/条\n👁 2.2k  10:09"
    )
    a = analyze("智联 前程 简历", text)
    assert a.unit_price == {"amount": 0.08, "currency": "CNY"}
    assert a.volume_records == 12_000_000


def test_a_lot_in_a_channel_post_is_over_that_posts_count() -> None:
    text = (
        "CV Leads Hub\n────\n[03.05 14:22]\nNaukri.com job seekers 4.2 lakh profiles\n"
        "$0.004 / record, min 25k\n👁 1.1K\n────\n[05.05 09:10]\n"
        "UK CV pack — 50,000 CVs from Indeed UK\nFlat $300 for the lot.\n👁 860\n────\n"
        "[07.05 18:47]\nOnly admin is @cvlh_admin.\n👁 1.3K"
    )
    a = analyze("CV Leads Hub", text)
    # (not $300 over the other post's 420,000: $0.0007 a record)
    assert a.unit_price == {"amount": 0.004, "currency": "USD"}
    assert a.volume_records == 420_000


def test_a_shop_items_headline_price_buys_the_titles_count() -> None:
    text = (
        "OZ LEADBASE  |  Home  |  Cart (0)\n"
        "Australian Job Seekers Email List – SEEK sourced – 85,000 contacts\n"
        "★★★★☆ 4.3 (31 reviews)\nA$1,275.00  (inc. GST)\n"
        "Smaller version: 20,000 contacts – A$400.00\nFields: name, email, mobile"
    )
    a = analyze("Australian Job Seekers Email List – SEEK sourced – 85,000 contacts", text)
    assert a.unit_price == {"amount": 0.015, "currency": "AUD"}
    # (a second-hand site's "¥1" placeholder buys nothing)
    placeholder = analyze(
        "医护 求职简历 1500多份",
        "¥1\n护士 求职简历\n1500多份 一份一块 全要的打九折\n薇信：nurse_cv_zz",
    )
    assert placeholder.unit_price == {"amount": 0.9, "currency": "CNY"}


def test_a_shop_items_sale_price_is_the_headline() -> None:
    title = "JobStreet PH Jobseekers Leads 30,000 (Excel) - BPO Applicants"
    text = (
        "DataMart PH  · Preferred Seller\n★ 4.8 | 212 Ratings | 1.1k Sold\n\n"
        f"{title}\n₱3,000.00  ₱1,500.00   -50%\nVouchers: ₱50 off min. spend ₱1,000\n"
        "✔ 30,000 jobseekers from JobStreet applications, mobile no., email"
    )
    assert analyze(title, text).unit_price == {"amount": 0.05, "currency": "PHP"}


def test_the_authors_lower_price_in_a_forum_reply_is_read() -> None:
    text = (
        "eu_leads_plug   ★ Trusted seller   Posts: 389   Joined: 2021\n"
        "Selling EU job-seeker leads from Glassdoor + LinkedIn.\n€15 per 1k, 10k minimum.\n"
        "1M available total.\nTG only: @eu_leads_plug\n------\n"
        "#2 vortexx: vouch, got 50k last week\n#3 anon_buyer1: price for 200k?\n"
        "#4 eu_leads_plug: 200k+ → €12/1k\n#5 ppx: is phone included for NL?"
    )
    assert analyze("[SELL] EU candidate leads — 1M", text).unit_price == {
        "amount": 0.012,
        "currency": "EUR",
    }


def test_a_chat_logs_first_poster_is_the_seller() -> None:
    text = (
        "[2024-06-18 22:10] 拉勾哥：拉勾+看准网 互联网岗位简历\n"
        "[2024-06-18 22:10] 拉勾哥：1W条=300，10W=2500，库存100W+\n"
        "[2024-06-18 22:11] 拉勾哥：TG @lagou_ge\n"
        "[2024-06-18 22:30] 群友A：别人0.02一条\n"
        "[2024-06-18 22:31] 拉勾哥：那你找别人\n"
        "[2024-06-18 22:40] 群友B：有人出智联的吗"
    )
    a = analyze("群聊导出：互联网简历资源群", text)
    assert a.unit_price == {"amount": 0.025, "currency": "CNY"}
    assert a.sources == ["lagou.com", "kanzhun.com"]


def test_comments_under_a_post_are_other_peoples() -> None:
    text = (
        "Selling Philippine job applicant data from JobStreet\n"
        "💵 $0.02 each, or 100k bundle for $1,500\n📦 600k+ available\n"
        "WhatsApp +63 917 555 0193\nComments:\n"
        "Ron Tolentino: cheaper here, $10 per 1k, PM me\nAngelo Cruz: sample?"
    )
    a = analyze("PH jobseeker data", text)
    assert a.unit_price == {"amount": 0.015, "currency": "USD"}


def test_ptt_pushes_and_reply_lines_are_other_peoples_posts() -> None:
    text = (
        "作者  datafox77 (資料狐)\n104人力銀行 履歷匯出\n價格：\n  每筆 NT$3\n"
        "  一萬筆以上 每筆 NT$2\n"
        "庫存約 80萬筆\n聯絡請走 Telegram：@TW_HRData\n"
        "推 kevin0311: 上次跟別人買每筆1元 結果全是空號              06/15 02:20\n"
        "→ datafox77: 我的可以先驗 不滿意不用付                      06/15 02:22\n"
    )
    a = analyze("[售] 104履歷 求職者資料", text)
    assert a.unit_price == {"amount": 2.0, "currency": "TWD"}
    forum = (
        "Started by kangaroo_kid · 14 replies\nOP  kangaroo_kid  (Rep 37)\n"
        "Seek applicant exports, 85k in stock.\nAUD 0.08/record, min 10k\nTG @OzCVs\n"
        "Reply #1  straya_mate\nWTB naukri, anyone?\n"
        "Reply #2  dingo_dealer\nscam alert - this guy sold me recycled 2021 data\n"
    )
    b = analyze("WTS: Seek.com.au candidate CVs", forum)
    assert b.is_offer
    assert b.unit_price == {"amount": 0.08, "currency": "AUD"}
