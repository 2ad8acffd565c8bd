"""Liability provisions: which articles and paragraphs set sanctions, and what kind of penalty each sets."""

from __future__ import annotations

import re

from assistant.models import Article
from assistant.obligations.records import Penalty, PenaltyKind

LIABILITY_HEADING = "法律责任"
# In an instrument without chapters, a liability article names a breach and a sanction.
_BREACH = re.compile(r"违反(?:本法|本规定|本条例|本办法)")
_SANCTION = re.compile(r"罚款|处罚|予以处理|追究|警告|责令")
# A paragraph that sets a sanction is a liability provision, never a duty.
SANCTION_PARAGRAPH = re.compile(
    r"责令(?:改正|限期改正|暂停)|给予警告|警告|罚款|没收|吊销|处分|依法承担[^，。；]{0,6}责任|追究[^，。；]{0,6}责任"
    r"|依照[^。；]{0,40}规定处罚|予以处理|治安管理处罚"
)
_NUM = "[零〇一二三四五六七八九十百千万两\\d]+"
_AMOUNT = re.compile(
    rf"违法所得{_NUM}倍以上{_NUM}倍以下|{_NUM}元以上{_NUM}元以下|{_NUM}元以下|(?:上一年度)?营业额百分之{_NUM}以下|最高不超过{_NUM}元"
)
_NAMED_LAW = re.compile(r"《([^《》]{2,40})》[^。；]{0,6}规定(?:予以处理|处罚)")
_GENERAL_REFERRAL = re.compile(r"依照([^。；，的]{0,30}?(?:法律|法规))的?规定(?:处罚|予以处理)")
_PUBLIC_ORDER = re.compile(r"治安管理处罚")


def is_liability_article(article: Article) -> bool:
    """True for articles in a 法律责任 chapter, or (no chapters) articles that punish a breach of this instrument."""
    if article.chapter is not None:
        return LIABILITY_HEADING in article.chapter.title_zh
    return bool(_BREACH.search(article.text_zh) and _SANCTION.search(article.text_zh))


def is_sanction_text(text: str) -> bool:
    """True when a paragraph sets a sanction (责令改正, 罚款, 处分, 依照…规定处罚 …)."""
    return SANCTION_PARAGRAPH.search(text) is not None


def classify_penalty(ref: str, text: str) -> Penalty:
    """The kinds of sanction a liability paragraph sets, its amounts and the laws it refers to."""
    kinds: list[PenaltyKind] = []
    refers_to: list[str] = []
    if "罚款" in text:
        kinds.append("fine")
    named = [m.group(1) for m in _NAMED_LAW.finditer(text)]
    general = [m.group(1) for m in _GENERAL_REFERRAL.finditer(text)]
    if named or general or _PUBLIC_ORDER.search(text):
        kinds.append("referral")
        refers_to = named + [g for g in general if g not in named]
        if _PUBLIC_ORDER.search(text):
            refers_to.append("治安管理处罚")
    if "处分" in text:
        kinds.append("disciplinary")
    if re.search(r"民事责任|赔偿责任|民事公益诉讼", text):
        kinds.append("civil")
    if "刑事责任" in text:
        kinds.append("criminal")
    amounts = tuple(m.group(0) for m in _AMOUNT.finditer(text))
    return Penalty(ref, tuple(kinds), amounts, tuple(refers_to))
