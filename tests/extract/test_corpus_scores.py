"""Corpus figures must not fall below what the engine reaches (thresholds a little under).

The dev set is split as it was used while tuning: d0001-d0140 for development, d0141-d0200
held out and checked only occasionally. extra_cases.jsonl was written by hand, separately
from the dev lines, as an unseen-ish check.
"""

from __future__ import annotations

from typing import Any

import pytest
from extract_corpus_helpers import load_jsonl

from monitor.extract import analyze


def _predict(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        row["id"]: {"id": row["id"], **analyze(row["title"], row["text"]).to_dict()} for row in rows
    }


def _score(scorer: Any, rows: list[dict[str, Any]]) -> dict[str, float]:
    gold = {row["id"]: row for row in rows}
    result, _misses = scorer.score(gold, _predict(rows))
    return result


DEV = load_jsonl("dev.jsonl")
EXTRA = load_jsonl("extra_cases.jsonl")
BLIND3 = load_jsonl("blind3.jsonl")
BLIND4 = load_jsonl("blind4.jsonl")
BLIND5 = load_jsonl("blind5.jsonl")
BLIND6 = load_jsonl("blind6.jsonl")
BLIND7 = load_jsonl("blind7.jsonl")
BLIND8 = load_jsonl("blind8.jsonl")
BLIND9 = load_jsonl("blind9.jsonl")
BLIND10 = load_jsonl("blind10.jsonl")
BLIND11 = load_jsonl("blind11.jsonl")
BLIND12 = load_jsonl("blind12.jsonl")
BLIND13 = load_jsonl("blind13.jsonl")
BLIND14 = load_jsonl("blind14.jsonl")
BLIND15 = load_jsonl("blind15.jsonl")
BLIND16 = load_jsonl("blind16.jsonl")
BLIND17 = load_jsonl("blind17.jsonl")
BLIND18 = load_jsonl("blind18.jsonl")
BLIND19 = load_jsonl("blind19.jsonl")
BLIND20 = load_jsonl("blind20.jsonl")
BLIND21 = load_jsonl("blind21.jsonl")
BLIND22 = load_jsonl("blind22.jsonl")
BLIND23 = load_jsonl("blind23.jsonl")
BLIND24 = load_jsonl("blind24.jsonl")
BLIND25 = load_jsonl("blind25.jsonl")
BLIND26 = load_jsonl("blind26.jsonl")
BLIND27 = load_jsonl("blind27.jsonl")
BLIND28 = load_jsonl("blind28.jsonl")
BLIND29 = load_jsonl("blind29.jsonl")
BLIND30 = load_jsonl("blind30.jsonl")
BLIND31 = load_jsonl("blind31.jsonl")
BLIND32 = load_jsonl("blind32.jsonl")
BLIND33 = load_jsonl("blind33.jsonl")
BLIND34 = load_jsonl("blind34.jsonl")
BLIND35 = load_jsonl("blind35.jsonl")
BLIND36 = load_jsonl("blind36.jsonl")
BLIND37 = load_jsonl("blind37.jsonl")
BLIND38 = load_jsonl("blind38.jsonl")
BLIND39 = load_jsonl("blind39.jsonl")
BLIND40 = load_jsonl("blind40.jsonl")
BLIND41 = load_jsonl("blind41.jsonl")
BLIND42 = load_jsonl("blind42.jsonl")
BLIND43 = load_jsonl("blind43.jsonl")
BLIND44 = load_jsonl("blind44.jsonl")
BLIND45 = load_jsonl("blind45.jsonl")
BLIND46 = load_jsonl("blind46.jsonl")
BLIND47 = load_jsonl("blind47.jsonl")
BLIND48 = load_jsonl("blind48.jsonl")
BLIND49 = load_jsonl("blind49.jsonl")
BLIND50 = load_jsonl("blind50.jsonl")
BLIND51 = load_jsonl("blind51.jsonl")
BLIND52 = load_jsonl("blind52.jsonl")
BLIND53 = load_jsonl("blind53.jsonl")
BLIND54 = load_jsonl("blind54.jsonl")
BLIND55 = load_jsonl("blind55.jsonl")
BLIND56 = load_jsonl("blind56.jsonl")
BLIND57 = load_jsonl("blind57.jsonl")
BLIND58 = load_jsonl("blind58.jsonl")
BLIND59, BLIND60, BLIND61, BLIND62 = (load_jsonl(f"blind{n}.jsonl") for n in range(59, 63))
BLIND63, BLIND64, BLIND65, BLIND66 = (load_jsonl(f"blind{n}.jsonl") for n in range(63, 67))
BLIND67, BLIND68, BLIND69, BLIND70 = (load_jsonl(f"blind{n}.jsonl") for n in range(67, 71))
BLIND71, BLIND72, BLIND73, BLIND74 = (load_jsonl(f"blind{n}.jsonl") for n in range(71, 75))
BLIND75, BLIND76, BLIND77, BLIND78 = (load_jsonl(f"blind{n}.jsonl") for n in range(75, 79))
BLIND79, BLIND80, BLIND81, BLIND82 = (load_jsonl(f"blind{n}.jsonl") for n in range(79, 83))
BLIND83, BLIND84, BLIND85, BLIND86 = (load_jsonl(f"blind{n}.jsonl") for n in range(83, 87))
BLIND87, BLIND88, BLIND89, BLIND90 = (load_jsonl(f"blind{n}.jsonl") for n in range(87, 91))
BLIND91, BLIND92, BLIND93, BLIND94 = (load_jsonl(f"blind{n}.jsonl") for n in range(91, 95))
BLIND95, BLIND96, BLIND97, BLIND98 = (load_jsonl(f"blind{n}.jsonl") for n in range(95, 99))
BLIND99, BLIND100, BLIND101, BLIND102 = (load_jsonl(f"blind{n}.jsonl") for n in range(99, 103))
BLIND103, BLIND104, BLIND105, BLIND106 = (load_jsonl(f"blind{n}.jsonl") for n in range(103, 107))
BLIND107, BLIND108, BLIND109, BLIND110 = (load_jsonl(f"blind{n}.jsonl") for n in range(107, 111))


def _dev(lo: int, hi: int) -> list[dict[str, Any]]:
    return [r for r in DEV if lo <= int(r["id"][1:]) <= hi]


# Minimum figures: (precision, recall, unit price, volume, sources, contacts F1), a little
# under what the engine reaches (1.0 on every split when these were set). The held-out part
# scored 0.889 on offers and fields when first checked; its four misses were then looked at,
# so it is no longer unseen and its floor only guards against regressions.
FLOORS = {
    "dev_all": (_dev(1, 200), (0.97, 0.97, 0.96, 0.96, 0.96, 0.97)),
    "dev_develop": (_dev(1, 140), (0.98, 0.98, 0.97, 0.97, 0.97, 0.98)),
    "dev_held_out": (_dev(141, 200), (0.94, 0.94, 0.9, 0.9, 0.9, 0.95)),
    "extra_cases": (EXTRA, (0.96, 0.96, 0.95, 0.95, 0.95, 0.97)),
    # Written by another author who never saw the engine. Its first run, before any change:
    # precision 0.864, recall 0.95, price 0.875, volume 0.925, sources 0.95, contacts F1 0.974.
    # Its misses were then fixed as general rules (threat-intel profiles, B2B/HR contact
    # lists, printing/parsing services, "open to offers", "1000条/80元", 🐧 for QQ), so it too
    # is no longer unseen.
    "blind3": (BLIND3, (0.97, 0.97, 0.97, 0.97, 0.97, 0.98)),
    # A second author, a second first run (after blind3's fixes): precision 0.816, recall
    # 0.886, price 0.657, volume 0.80, sources 0.743, contacts F1 0.959. Fixed as general
    # rules in turn (buyers' reviews, "someone offered me" questions, job boards' own resume
    # search, data-entry work, account sales, harvesting bots, per-thousand bare prices,
    # tier thresholds, % off, handles that contain a platform name, daily figures).
    "blind4": (BLIND4, (0.97, 0.97, 0.95, 0.97, 0.95, 0.97)),
    # A third author, first run after blind3's and blind4's fixes: precision 0.879, recall
    # 0.906, price 0.75, volume 0.844, sources 0.813, contacts F1 0.955. Then fixed in turn
    # (sellers saying the records are not job seekers', job seekers' own posts, printing,
    # resume downloaders with ready data, research notes, bare tier and per-thousand prices
    # with discounts, "CAD $", 58tc). Its one remaining miss is a Tieba thread whose offer is
    # a reply under a buyer's post: the spider stores each floor as a listing of its own.
    "blind5": (BLIND5, (0.96, 0.95, 0.88, 0.88, 0.88, 0.95)),
    # A fourth author, first run after three rounds of fixes: precision 0.90, recall 0.90,
    # price 0.833, volume 0.767, sources 0.767, contacts F1 0.921. Then fixed in turn (CV
    # writing price lists, job-fair news, "not to sell", victims quoting an ad, 以数换数
    # exchanges, a 代下载 service's "收费", AED, "单价 8分", sample counts, "Want:" lines).
    "blind6": (BLIND6, (0.97, 0.97, 0.95, 0.88, 0.88, 0.97)),
    # Two more authors in parallel (blind7 mixed English/Chinese, blind8 Chinese evasions),
    # first run after the fixes above and this round's general ones (thread replies, 十几万,
    # 3万5千, lot sums in 万): blind7 precision 0.971, recall 0.944, price 0.75, volume 0.861,
    # sources 0.806, contacts F1 0.935; blind8 precision 0.872, recall 0.944, price 0.694,
    # volume 0.833, sources 0.778, contacts F1 0.909. Then fixed in turn (sellers keeping job
    # seekers' data back, loan applicants, headhunting, other people's replies in a pasted
    # thread, "1k条/50", "400$", "两千条打包300", price tables with dot leaders, "0.2r",
    # "1w2", 口口/扣, spelled phone numbers, lp, indeed.ca, "swap for fresh naukri").
    "blind7": (BLIND7, (0.97, 0.97, 0.92, 0.97, 0.97, 0.97)),
    "blind8": (BLIND8, (0.97, 0.97, 0.97, 0.95, 0.86, 0.97)),
    # Two more in parallel after blind7/blind8's fixes (blind9 English-led and global, blind10
    # Chinese marketplaces and disguises), first run: blind9 precision 0.941, recall 0.865,
    # price 0.622, volume 0.811, sources 0.811, contacts F1 0.905; blind10 precision 0.906,
    # recall 0.806, price 0.639, volume 0.806, sources 0.639, contacts F1 0.867. Then fixed
    # in turn (offers answered in a buyer's thread, Q&A answers, shop reviews, "legit seller",
    # data fields read as job-ad or course words, threat briefs, templates as covers for
    # data, 间历, graduate lists, 同城/wb/yjs/LG/Bzp, KES/NGN..., "/lakh", "1.500€",
    # "拍1件=500条", spelled-out e-mail addresses, disguised QQ numbers).
    "blind9": (BLIND9, (0.97, 0.97, 0.9, 0.93, 0.93, 0.95)),
    "blind10": (BLIND10, (0.97, 0.96, 0.9, 0.93, 0.84, 0.97)),
    # Two more after blind9/blind10's fixes: blind11 (crawled pages with their furniture)
    # first run precision 0.968, recall 0.833, price 0.778, volume 0.778, sources 0.778,
    # contacts F1 0.932; blind12 (deliberate evasions) precision 0.935, recall 0.806, price
    # 0.667, volume 0.778, sources 0.778, contacts F1 0.784. Then fixed in turn (page furniture,
    # shop prices "¥699 发起拼单", "Offer price", chat logs and comment arrows, 📞/🟢 cues, O for
    # zero, numbers in two halves, "swap # for @", 首字母大写, 新台币, PSAs, write-ups).
    "blind11": (BLIND11, (0.97, 0.96, 0.86, 0.86, 0.9, 0.97)),
    "blind12": (BLIND12, (0.97, 0.96, 0.92, 0.92, 0.92, 0.94)),
    # The last two, 60 listings each, written in parallel and scored once the blind11/12
    # fixes were in (blind14 a few minutes before blind13, with blind14's first fixes in when
    # blind13 ran): blind13 precision 0.963, recall 0.963, price 0.852, volume 0.889, sources
    # 0.889, contacts F1 0.964; blind14 precision 1.0, recall 0.926, price 0.852, volume
    # 0.852, sources 0.889, contacts F1 1.0. Pooled: precision 0.981, recall 0.944.
    "blind13": (BLIND13, (0.97, 0.97, 0.9, 0.9, 0.9, 0.95)),
    "blind14": (BLIND14, (0.97, 0.97, 0.97, 0.9, 0.94, 0.97)),
    # Two last sets of 50, asked to be mostly the ordinary offers a monitor meets every day
    # (easier than blind11-14), scored on the same engine once blind13/14's fixes were in:
    # blind15 precision 0.958, recall 1.0, price 0.957, volume 1.0, sources 1.0, contacts F1
    # 0.982; blind16 precision 1.0, recall 1.0, price 0.913, volume 1.0, sources 0.957,
    # contacts F1 0.939. Only one rule was added after them (court words: prosecutors, judge,
    # jailed), so they are nearly unseen still.
    "blind15": (BLIND15, (0.97, 0.97, 0.93, 0.97, 0.97, 0.96)),
    "blind16": (BLIND16, (0.97, 0.97, 0.89, 0.97, 0.93, 0.92)),
    # A new session's sets of 70, two by two. blind17 (messy everyday offers) and blind18
    # (hard boundaries: rented accounts with download quotas, mixed price lists, warnings as
    # hooks), first run: blind17 precision 0.954, recall 0.911, price 0.844, volume 0.889,
    # sources 0.822, contacts F1 0.977; blind18 precision 0.949, recall 0.881, price 0.714,
    # volume 0.810, sources 0.857, contacts F1 0.980. Fixed as general rules (download quotas,
    # group-buy shares, per-record price-list headers, other people's data on the same price
    # list, reported speech, half-pinyin names, dump file names, scammers' contacts...); then
    # blind19 (Chinese slang, homophones, traditional script) and blind20 (international),
    # first run: blind19 precision 0.977, recall 0.933, price 0.844, volume 0.911, sources
    # 0.911, contacts F1 0.961; blind20 precision 0.954, recall 0.976, price 0.762, volume
    # 0.952, sources 0.929, contacts F1 0.970 (then fixed in turn: homophones, "not selling
    # templates", "do not sell or share candidate data", tier sums, Rp/R$ thousands).
    "blind17": (BLIND17, (0.97, 0.97, 0.97, 0.95, 0.95, 0.97)),
    "blind18": (BLIND18, (0.97, 0.97, 0.95, 0.95, 0.97, 0.97)),
    "blind19": (BLIND19, (0.97, 0.97, 0.88, 0.95, 0.95, 0.94)),
    "blind20": (BLIND20, (0.97, 0.97, 0.88, 0.95, 0.93, 0.95)),
    # Then blind21 (whole captured pages: reviews, comments, channel exports, footers) and
    # blind22 (the hardest price, volume and source shapes), first run: blind21 precision
    # 1.0, recall 0.90, price 0.70, volume 0.90, sources 0.80, contacts F1 0.793; blind22
    # precision 0.976, recall 0.952, price 0.786, volume 0.905, sources 0.810, contacts F1
    # 0.988 (fixed in turn: facts read above the page furniture, channel posts, site
    # hotlines, "$15/k", "100 USDT = 8,000 CVs", leetspeak names...). Last, two sets asked to be
    # representative of a month's traffic rather than tricky, first run: blind23 precision
    # 0.977, recall 0.956, price 0.778, volume 0.911, sources 0.933, contacts F1 1.0; blind24
    # precision 0.938, recall 1.0, price 1.0, volume 1.0, sources 0.978, contacts F1 1.0
    # (pooled: precision 0.957, recall 0.978).
    "blind21": (BLIND21, (0.97, 0.97, 0.82, 0.95, 0.88, 0.93)),
    "blind22": (BLIND22, (0.97, 0.97, 0.9, 0.95, 0.95, 0.97)),
    "blind23": (BLIND23, (0.97, 0.97, 0.97, 0.97, 0.95, 0.97)),
    "blind24": (BLIND24, (0.97, 0.97, 0.97, 0.97, 0.95, 0.97)),
    # Two more representative sets after the review of the session's change, blind25 (asked
    # to stress how sellers really state prices) and blind26 (a quarter of a trust-and-safety
    # team's collection). blind26 scored first: precision 1.0, recall 0.889, price 0.756,
    # volume 0.844, sources 0.822, contacts F1 0.989; blind25 arrived while blind26's first
    # fixes (R$ decimal comma, quota in 含简历下载, "if you are buying", [Post]/[Reply]
    # threads) were in: precision 0.977, recall 0.956, price 0.889, volume 0.889, sources
    # 0.956, contacts F1 1.0. Then fixed in turn (standing discounts, "£250 — 5,000 CVs",
    # "the complete 75,000 for AED 22,500", 反诈预警, PLN).
    "blind25": (BLIND25, (0.97, 0.97, 0.9, 0.9, 0.95, 0.97)),
    "blind26": (BLIND26, (0.97, 0.97, 0.9, 0.93, 0.9, 0.97)),
    # A new session, eight more authors in two rounds of four. First round, first run:
    # blind27 (a representative Chinese month) precision 1.0, recall 0.829, price 0.756,
    # volume 0.805, sources 0.829, contacts F1 1.0; blind28 (international English) 1.0,
    # 1.0, 0.927, 0.951, 0.927, 1.0; blind29 (price and volume forms) 0.981, 1.0, 0.849,
    # 0.943, 1.0, 1.0; blind30 (whole captured pages) 0.872, 0.895, 0.684, 0.816, 0.605,
    # 0.919. Fixed as general rules (price ranges, 厘/一分五/米/r, spaced digits, labelled
    # unit prices, members' prices, buy-two-get-one, subscriptions over their term, price
    # tables with a header row, 百万级, dealers who buy and sell, resource packs with job
    # seekers' contacts, per-call API prices, employers' plans). Second round, first run
    # after those fixes: blind31 (social posts) 0.947, 0.947, 0.921, 0.947, 0.868, 0.941;
    # blind32 (English underground) 0.929, 0.951, 0.829, 0.902, 0.780, 0.988; blind33 (the
    # hard line: 65% near-misses) 0.867, 1.0, 0.923, 1.0, 1.0, 1.0; blind34 (shop and forum
    # pages) 1.0, 1.0, 0.895, 0.947, 0.974, 0.987 (pooled precision 0.939, recall 0.972).
    # Then fixed in turn (annotation jobs, buyers' complaints, vouches, victims' and writers'
    # questions, rand, pesos, BTC, thresholds, struck-through prices, more job boards).
    # blind30's labels read only the main post: offers made in replies under a buyer's or a
    # job ad's thread are not offers there, unlike blind5's; its floor is what it scores.
    "blind27": (BLIND27, (0.97, 0.97, 0.97, 0.97, 0.95, 0.97)),
    "blind28": (BLIND28, (0.97, 0.97, 0.95, 0.95, 0.95, 0.97)),
    "blind29": (BLIND29, (0.97, 0.97, 0.97, 0.97, 0.97, 0.97)),
    "blind30": (BLIND30, (0.85, 0.87, 0.65, 0.8, 0.6, 0.9)),
    "blind31": (BLIND31, (0.97, 0.97, 0.97, 0.95, 0.92, 0.9)),
    "blind32": (BLIND32, (0.97, 0.97, 0.97, 0.95, 0.93, 0.97)),
    "blind33": (BLIND33, (0.97, 0.97, 0.97, 0.97, 0.97, 0.97)),
    "blind34": (BLIND34, (0.97, 0.97, 0.97, 0.97, 0.95, 0.97)),
    # Last, two sets asked to be a month's sample over every channel, first run after all the
    # fixes above: blind35 precision 0.972, recall 0.972, price 0.861, volume 0.944, sources
    # 0.917, contacts F1 0.963; blind36 precision 1.0, recall 0.95, price 0.80, volume 0.95,
    # sources 0.95, contacts F1 0.988 (pooled precision 0.986, recall 0.961). Then fixed in
    # turn ("每条0.03", "单条0.3 量大0.15", lists whose sums follow their counts, "all $1,500",
    # "flat", juta, triệu, "3.000.000 VND", court damages, 换库, "招工剩下的").
    "blind35": (BLIND35, (0.97, 0.97, 0.97, 0.95, 0.92, 0.95)),
    "blind36": (BLIND36, (0.97, 0.97, 0.97, 0.97, 0.97, 0.95)),
    # And two more, with blind35/36's fixes in (blind38 scored with blind37's first fixes
    # in): blind37 (prices varied most) precision 0.975, recall 0.951, price 0.854, volume
    # 0.927, sources 0.951, contacts F1 1.0; blind38 0.944, 0.919, 0.838, 0.892, 0.892,
    # 0.983. Then fixed in turn (按条计费, "报价（元/条）" over bare sums, "120/k", "800/万",
    # "一千条80", "1k=120", 仅售, 保底, kw for 千万, job-postings datasets, domains, posting
    # cards, "只出整库", "no employer verification").
    "blind37": (BLIND37, (0.97, 0.97, 0.93, 0.93, 0.95, 0.97)),
    "blind38": (BLIND38, (0.97, 0.97, 0.95, 0.97, 0.95, 0.97)),
    # The last two, short listings as the crawler stores them, first run after all the fixes
    # above: blind39 precision 1.0, recall 0.972, price 0.861, volume 0.944, sources 0.972,
    # contacts F1 1.0; blind40 0.976, 1.0, 0.975, 1.0, 0.975, 1.0. Then fixed in turn ("£2,500
    # bulk" but not "bulk discount", the listing's own currency for its bare sums, 全买, "/rec",
    # 按份结算, naira "N50", CV translation, "104履历" is no sum).
    "blind39": (BLIND39, (0.97, 0.97, 0.95, 0.97, 0.97, 0.97)),
    "blind40": (BLIND40, (0.97, 0.97, 0.97, 0.97, 0.95, 0.97)),
    # And a last pair asked to vary how prices are written (blind41 Chinese-led, blind42
    # English-led), first run: blind41 precision 0.973, recall 0.947, price 0.816, volume
    # 0.895, sources 0.947, contacts F1 0.967; blind42 0.974, 0.974, 0.872, 0.949, 0.949,
    # 0.959. Then fixed in turn ("45元/千条" after 单价, no quota for a per-record sum, 整批,
    # "R 3 500 once-off", "65 000 candidates", "0.01 BTC" for 1000, "2.4L", "全要按0.3算",
    # stationery, police reports); "¥0.12起 … 按个计费" and "五万份 3k出" are still missed.
    "blind41": (BLIND41, (0.97, 0.93, 0.87, 0.87, 0.93, 0.95)),
    "blind42": (BLIND42, (0.97, 0.97, 0.95, 0.95, 0.95, 0.95)),
    # Four more in one round (blind43 a Chinese month, blind44 English/international,
    # blind45 forums and Telegram with hard near-misses, blind46 short listings, each price
    # written a different way), first runs (precision, recall, price, volume, sources,
    # contacts F1): blind43 0.977, 0.956, 0.822, 0.867, 0.933, 0.975; blind44 0.978, 0.978,
    # 0.844, 0.911, 0.978, 0.989; blind45 0.905, 0.95, 0.875, 0.925, 0.925, 0.976; blind46
    # 1.0, 0.94, 0.90, 0.90, 0.92, 1.0. Then fixed (see monitor/extract/README.md, "Added
    # from blind43-46"); left: "两块钱十条" as no volume (the package size, by this author's
    # convention), 智通人才网 labelled "other" (it is job5156.com), "job5156 人才热线".
    "blind43": (BLIND43, (0.97, 0.97, 0.97, 0.95, 0.97, 0.95)),
    "blind44": (BLIND44, (0.97, 0.97, 0.97, 0.97, 0.97, 0.97)),
    "blind45": (BLIND45, (0.97, 0.97, 0.97, 0.97, 0.93, 0.97)),
    "blind46": (BLIND46, (0.97, 0.97, 0.97, 0.97, 0.95, 0.97)),
    # And four more, scored on the engine with blind43-46's fixes in (blind47 shop pages with
    # SKU price lists, blind48 English from many countries, blind49 Chinese slang and
    # evasions, blind50 a mixed month), first runs: blind47 1.0, 0.867, 0.578, 0.822, 0.80,
    # 0.973; blind48 0.978, 0.978, 0.978, 0.978, 0.978, 0.990; blind49 0.951, 0.929, 0.762,
    # 0.762, 0.810, 0.975; blind50 0.976, 1.0, 0.975, 0.975, 0.95, 1.0. Then fixed (SKU lists
    # "3000条 ¥39 / 1万条 ¥88", "三十一千", "一个W 一百五", "全拿给你三千", "想要 5" on a
    # shop line, ...); left: 智通/人才热线 as "other", "4000元 / 10000份" as no volume.
    "blind47": (BLIND47, (0.97, 0.97, 0.97, 0.97, 0.97, 0.95)),
    "blind48": (BLIND48, (0.97, 0.97, 0.97, 0.97, 0.97, 0.97)),
    "blind49": (BLIND49, (0.97, 0.97, 0.97, 0.97, 0.97, 0.95)),
    "blind50": (BLIND50, (0.97, 0.97, 0.97, 0.95, 0.93, 0.97)),
    # A third round on the engine with blind47-50's fixes in: blind51 (a Chinese month) and
    # blind52 (an English month), ordinary posts, first runs 0.977, 1.0, 0.952, 0.976, 1.0,
    # 1.0 and 0.954, 0.976, 0.952, 0.976, 0.952, 1.0; blind53, prices written to trip a
    # rule-based reader (CPM, per mille, "1.500,00 €", discount tiers, group-buy shares,
    # "3 hundred bucks", "0点08"), 1.0, 0.96, 0.76, 0.90, 0.94, 1.0. Then fixed; left: a
    # package table's count column as the volume, camel-cased hashtags ("#2centsEach").
    "blind51": (BLIND51, (0.97, 0.97, 0.95, 0.95, 0.97, 0.97)),
    "blind52": (BLIND52, (0.97, 0.97, 0.97, 0.97, 0.97, 0.97)),
    "blind53": (BLIND53, (0.97, 0.97, 0.95, 0.93, 0.95, 0.97)),
    # Whole pages (forum threads with replies, channel exports, shop and classified pages,
    # pastes with the site's lists), labelled by the main content only, first run 0.854,
    # 0.875, 0.725, 0.85, 0.825, 0.909. Fixed: "Reply #2 | user | date" headers, "[2024-01-08
    # 22:10]" export headers, "👁 4.4K" view counts, "Similar ads", "Safety tips", "最近分享",
    # "$0.01 USD per record", data "pulled through recruiter accounts", a pasted CV. Left:
    # offers spammed into the replies of other threads (the engine flags them, this author
    # does not: five false offers), a reply's lower price over the thread's own.
    "blind54": (BLIND54, (0.86, 0.97, 0.83, 0.95, 0.90, 0.90)),
    # A fourth round on the engine with blind51-54's fixes in (blind57 scored first, its
    # fixes in before the other three): blind55 (a Chinese month) 1.0, 0.929, 0.786, 0.905,
    # 0.929, 1.0; blind56 (an English month, worldwide) 0.976, 0.976, 0.810, 0.976, 0.976,
    # 0.982; blind57 (short listings) 0.980, 0.96, 0.92, 0.84, 0.96, 0.988; blind58
    # (marketplace items) 1.0, 0.95, 0.825, 0.925, 0.90, 1.0. Then fixed; left: daily output
    # as the volume ("日产5万", "up to 30k/day": this author's convention, not the engine's),
    # "Rs 15,000 for 50,000" beside "1 lakh for Rs 25,000" (label 0.25), "某医疗人才网".
    "blind55": (BLIND55, (0.97, 0.97, 0.97, 0.97, 0.97, 0.97)),
    "blind56": (BLIND56, (0.97, 0.97, 0.90, 0.97, 0.97, 0.97)),
    "blind57": (BLIND57, (0.97, 0.97, 0.97, 0.90, 0.97, 0.97)),
    "blind58": (BLIND58, (0.97, 0.97, 0.95, 0.97, 0.93, 0.97)),
    # Four more rounds of four, each scored once on the engine with the earlier rounds' fixes
    # (precision, recall, price, volume, sources, contacts F1):
    # - blind59 (a Chinese month) .977 1.0 .857 .976 .976 .990; blind60 (English, worldwide)
    #   1.0 .977 .907 .907 .930 .958; blind61 (threads and channels) .956 1.0 .907 .954 1.0
    #   .991; blind62 (whole item pages) .947 .837 .674 .791 .721 .978.
    # - blind63 (Chinese month) .955 .977 .884 .907 .930 1.0; blind64 (English month) .933
    #   .977 .954 .954 .907 .936; blind65 (short) 1.0 1.0 .954 .977 1.0 1.0; blind66 (HK, TW,
    #   MY, SG) .974 .905 .714 .905 .833 .990.
    # - blind67 (Chinese month) .977 1.0 .977 1.0 .954 .952; blind68 (English month) .933
    #   .955 .886 .955 .955 .941; blind69 (mixed) 1.0 .954 .837 .907 .930 .983; blind70 (item
    #   pages) .952 .930 .884 .907 .861 .990.
    # - blind71 (Chinese month) .976 .930 .861 .861 .930 .990; blind72 (English, worldwide)
    #   1.0 1.0 .762 .976 .929 .954; blind73 (threads: the seller's figures among others')
    #   .955 .977 .698 .861 .907 1.0; blind74 (item pages) 1.0 .955 .886 .932 .909 1.0.
    # Then fixed as general rules (monitor/extract/README.md, "blind59-74"). Left: per-N
    # rates' denominators as the volume ("二十块钱一百条": the label has none), store-wide
    # discounts ("全店9折"), 抖音/快手/Facebook groups as "other", spaced-out counts
    # ("2 3 0 , 0 0 0"), a channel's forwarded rival post.
    "blind59": (BLIND59, (0.97, 0.97, 0.95, 0.97, 0.95, 0.96)),
    "blind60": (BLIND60, (0.97, 0.97, 0.97, 0.97, 0.95, 0.93)),
    "blind61": (BLIND61, (0.97, 0.97, 0.95, 0.97, 0.97, 0.97)),
    "blind62": (BLIND62, (0.95, 0.95, 0.93, 0.93, 0.93, 0.97)),
    "blind63": (BLIND63, (0.97, 0.97, 0.93, 0.93, 0.93, 0.97)),
    "blind64": (BLIND64, (0.95, 0.95, 0.93, 0.95, 0.95, 0.91)),
    "blind65": (BLIND65, (0.97, 0.97, 0.93, 0.95, 0.97, 0.97)),
    "blind66": (BLIND66, (0.97, 0.95, 0.93, 0.93, 0.86, 0.97)),
    "blind67": (BLIND67, (0.95, 0.97, 0.95, 0.97, 0.93, 0.93)),
    "blind68": (BLIND68, (0.93, 0.97, 0.95, 0.95, 0.97, 0.92)),
    "blind69": (BLIND69, (0.97, 0.95, 0.88, 0.93, 0.93, 0.96)),
    "blind70": (BLIND70, (0.97, 0.97, 0.97, 0.97, 0.91, 0.97)),
    "blind71": (BLIND71, (0.95, 0.97, 0.97, 0.95, 0.97, 0.96)),
    "blind72": (BLIND72, (0.97, 0.97, 0.95, 0.97, 0.90, 0.93)),
    "blind73": (BLIND73, (0.95, 0.97, 0.84, 0.91, 0.95, 0.97)),
    "blind74": (BLIND74, (0.97, 0.95, 0.95, 0.93, 0.93, 0.97)),
    # A fifth round, scored once on the engine with all the fixes above: blind75 (a Chinese
    # month) 1.0 .977 .860 .907 .930 1.0; blind76 (an English month) .977 .977 .930 .954 .954
    # 1.0; blind77 (mixed, whole pages and threads) 1.0 .954 .744 .884 .954 .970; blind78
    # (price forms) .977 1.0 .905 .976 1.0 1.0; pooled .988 .977 .860 .930 .959 .993.
    "blind75": (BLIND75, (0.97, 0.95, 0.88, 0.93, 0.91, 0.97)),
    "blind76": (BLIND76, (0.95, 0.95, 0.91, 0.93, 0.93, 0.97)),
    "blind77": (BLIND77, (0.97, 0.93, 0.86, 0.88, 0.93, 0.94)),
    "blind78": (BLIND78, (0.95, 0.97, 0.90, 0.97, 0.97, 0.97)),
    # A sixth round, scored once on the engine with all the fixes above: blind79 (Chinese shop
    # and chat ads) 1.0 1.0 .977 .977 .977 .970; blind80 (worldwide Telegram, crypto and local
    # currencies) 1.0 .953 .814 .953 .930 1.0; blind81 (Chinese threads with replies) .977 .977
    # .860 .930 .907 .970; blind82 (price arithmetic) .955 .977 .744 .860 .977 .991; pooled
    # .983 .977 .849 .930 .948 .983.
    "blind79": (BLIND79, (0.97, 0.97, 0.95, 0.95, 0.95, 0.95)),
    "blind80": (BLIND80, (0.97, 0.97, 0.97, 0.97, 0.95, 0.97)),
    "blind81": (BLIND81, (0.97, 0.97, 0.97, 0.97, 0.95, 0.95)),
    "blind82": (BLIND82, (0.95, 0.97, 0.93, 0.86, 0.97, 0.97)),
    # A seventh, scored once on the engine with blind79-82's fixes: blind83 (a Chinese month)
    # .976 .954 .930 .930 .930 .989; blind84 (an English month) .955 .977 .860 .954 .930 .968;
    # blind85 (whole pages and threads) .935 .977 .705 .909 .932 .920; blind86 (terse ads)
    # 1.0 .955 .909 .955 .909 .987; pooled .966 .966 .851 .937 .925 .963.
    "blind83": (BLIND83, (0.97, 0.93, 0.93, 0.91, 0.93, 0.97)),
    "blind84": (BLIND84, (0.95, 0.95, 0.91, 0.93, 0.91, 0.95)),
    "blind85": (BLIND85, (0.91, 0.97, 0.86, 0.97, 0.95, 0.90)),
    "blind86": (BLIND86, (0.97, 0.95, 0.95, 0.95, 0.93, 0.97)),
    # An eighth, scored once on the engine with blind79-86's fixes: blind87 (a Chinese month)
    # 1.0 .977 .907 .954 .954 .978; blind88 (an English month) .977 .977 .818 .955 .932 .929;
    # blind89 (mixed, pages, channels, threads) .977 1.0 .907 .977 .977 .963; blind90 (price and
    # volume forms) 1.0 1.0 .932 1.0 1.0 1.0; pooled .989 .989 .891 .971 .966 .967.
    "blind87": (BLIND87, (0.97, 0.95, 0.91, 0.93, 0.93, 0.95)),
    "blind88": (BLIND88, (0.95, 0.95, 0.80, 0.93, 0.91, 0.91)),
    "blind89": (BLIND89, (0.95, 0.97, 0.88, 0.95, 0.95, 0.95)),
    "blind90": (BLIND90, (0.97, 0.97, 0.91, 0.97, 0.97, 0.97)),
    # A ninth, scored once on the engine with blind79-90's fixes: blind91 (a Chinese month)
    # 1.0 1.0 .907 .954 .954 .990; blind92 (an English month) 1.0 .954 .860 .884 .930 .970;
    # blind93 (mixed, pages, channels, threads) .976 .952 .810 .929 .929 .855; blind94 (price
    # and volume forms) .976 .952 .881 .952 .929 1.0; pooled .988 .965 .865 .929 .935 .953.
    "blind91": (BLIND91, (0.97, 0.97, 0.95, 0.93, 0.95, 0.97)),
    "blind92": (BLIND92, (0.97, 0.97, 0.97, 0.91, 0.97, 0.95)),
    "blind93": (BLIND93, (0.97, 0.97, 0.93, 0.97, 0.97, 0.85)),
    "blind94": (BLIND94, (0.97, 0.97, 0.97, 0.97, 0.97, 0.97)),
    # A tenth, scored once on the engine with blind79-94's fixes: blind95 (a Chinese month)
    # .977 .977 .791 .954 .977 .966; blind96 (an English month) .977 .977 .837 .930 .954 .973;
    # blind97 (mixed, pages, channels, threads) .977 1.0 .837 1.0 .977 .938; blind98 (terse
    # ads) .977 1.0 .977 1.0 1.0 .987; pooled .977 .988 .860 .971 .977 .964.
    "blind95": (BLIND95, (0.95, 0.97, 0.95, 0.97, 0.97, 0.95)),
    "blind96": (BLIND96, (0.95, 0.97, 0.91, 0.97, 0.97, 0.97)),
    "blind97": (BLIND97, (0.95, 0.97, 0.97, 0.97, 0.95, 0.91)),
    "blind98": (BLIND98, (0.95, 0.97, 0.95, 0.97, 0.97, 0.97)),
    # An eleventh, scored once on the engine with blind79-98's fixes: blind99 (a Chinese
    # month) .976 .930 .860 .860 .884 .978; blind100 (Spanish, Portuguese, French, German,
    # Indonesian, Vietnamese, Turkish, Arabic) .933 .651 .395 .558 .605 .946; blind101 (threads,
    # comments, chat and channel exports) 1.0 .954 .791 .930 .860 .892; blind102 (price forms)
    # 1.0 1.0 .977 .977 1.0 1.0; pooled .981 .884 .757 .832 .838 .951. The engine had read no
    # language but Chinese and English before blind100.
    "blind99": (BLIND99, (0.97, 0.93, 0.91, 0.91, 0.91, 0.95)),
    "blind100": (BLIND100, (0.97, 0.95, 0.89, 0.91, 0.95, 0.91)),
    "blind101": (BLIND101, (0.97, 0.97, 0.93, 0.97, 0.95, 0.93)),
    "blind102": (BLIND102, (0.97, 0.97, 0.95, 0.95, 0.97, 0.97)),
    # A twelfth, scored once on the engine with blind79-102's fixes: blind103 (European
    # languages: Spanish, Portuguese, French, German, Italian, Dutch, Polish, Russian,
    # Ukrainian) .929 .619 .357 .524 .571 .886; blind104 (Asian and Middle-Eastern languages:
    # Indonesian, Malay, Vietnamese, Thai, Filipino, Hindi, Urdu, Bengali, Turkish, Arabic,
    # Korean, Japanese) .880 .500 .409 .432 .432 .941; blind105 (a Chinese month) 1.0 1.0 .977
    # 1.0 1.0 .968; blind106 (an English month) 1.0 1.0 .954 .954 .954 .971. Chinese and
    # English pooled: 1.0 1.0 .965 .977 .977 .969; the other languages pooled after this
    # round's vocabulary: .917 .767 .430 .593 .674 .894 (prices in most of them are not read).
    "blind103": (BLIND103, (0.93, 0.81, 0.40, 0.59, 0.74, 0.89)),
    "blind104": (BLIND104, (0.86, 0.68, 0.40, 0.54, 0.57, 0.84)),
    "blind105": (BLIND105, (0.97, 0.97, 0.95, 0.97, 0.97, 0.95)),
    "blind106": (BLIND106, (0.97, 0.97, 0.93, 0.93, 0.93, 0.95)),
    # A thirteenth, Chinese and English only, scored once on the engine with blind79-106's
    # fixes: blind107 (a Chinese month, pages and chats) 1.0 .930 .930 .884 .930 .989;
    # blind108 (an English month, pages and threads) .976 .930 .791 .884 .907 .931; blind109
    # (Chinese price and volume forms) 1.0 .977 .932 .977 .977 .990; blind110 (English price
    # and volume forms) 1.0 .977 .767 .954 .977 .941; pooled .994 .954 .856 .925 .948 .962.
    "blind107": (BLIND107, (0.97, 0.91, 0.91, 0.86, 0.91, 0.97)),
    "blind108": (BLIND108, (0.95, 0.95, 0.84, 0.89, 0.93, 0.91)),
    "blind109": (BLIND109, (0.97, 0.95, 0.91, 0.95, 0.95, 0.97)),
    "blind110": (BLIND110, (0.97, 0.95, 0.86, 0.93, 0.95, 0.91)),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_corpus_scores_stay_above_floor(scorer: Any, name: str) -> None:
    rows, (precision, recall, price, volume, sources, contacts) = FLOORS[name]
    result = _score(scorer, rows)
    assert result["precision"] >= precision, result
    assert result["recall"] >= recall, result
    assert result["unit_price_acc"] >= price, result
    assert result["volume_acc"] >= volume, result
    assert result["sources_acc"] >= sources, result
    assert result["contacts_f1"] >= contacts, result


def test_extra_cases_are_well_formed() -> None:
    ids = [r["id"] for r in EXTRA]
    assert len(ids) >= 60 and len(set(ids)) == len(ids)
    assert all(i.startswith("x") for i in ids)
    offers = sum(r["label"]["is_offer"] for r in EXTRA)
    assert 0.3 < offers / len(EXTRA) < 0.7  # both offers and near-misses
    assert {r["lang"] for r in EXTRA} == {"zh", "en"}
