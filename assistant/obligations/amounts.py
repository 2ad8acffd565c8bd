"""How Chinese statutes word a fine, a time limit or a period: the patterns that pick them out of a clause."""

from __future__ import annotations

import re

# A quantity as statutes write it: 五十万, 七十二, 72 (unlike a provision's number, it may hold 万 and digits).
QUANTITY = "[零〇一二三四五六七八九十百千万两\\d]+"

# Fines, in the order a reader meets them: a range, a ceiling, a share of turnover, a cap.
AMOUNTS = (
    re.compile(rf"{QUANTITY}元以上{QUANTITY}元以下"),
    re.compile(rf"{QUANTITY}元以下"),
    re.compile(rf"(?:上一年度)?营业额百分之{QUANTITY}以下"),
    re.compile(rf"最高不超过{QUANTITY}元"),
)
# A fine as a multiple of the unlawful gains (违法所得一倍以上十倍以下): liability clauses only.
GAINS_MULTIPLE = re.compile(rf"违法所得{QUANTITY}倍以上{QUANTITY}倍以下")

# Time limits on a duty: within a period (自…之日起三十日内, 七十二小时内), or at least one (不少于六个月).
TIME_LIMITS = (
    re.compile(rf"(?:自[^，。；]{{1,30}}?(?:之日)?起)?{QUANTITY}个?(?:工作日|日|天|小时|个月|年)(?:内|以内)"),
    re.compile(rf"不少于{QUANTITY}个?(?:工作日|日|天|个月|年)"),
)
