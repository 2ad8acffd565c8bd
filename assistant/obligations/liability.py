"""Liability provisions: which articles and paragraphs set sanctions, and what kind of penalty each sets."""

from __future__ import annotations

import re

from assistant.models import Article
from assistant.obligations.amounts import AMOUNTS, GAINS_MULTIPLE
from assistant.obligations.crossrefs import OTHER_LAW_TITLE
from assistant.obligations.records import PENALTY_KINDS, Penalty

LIABILITY_HEADING = "法律责任"
# In an instrument without chapters, a liability article names a breach and a sanction.
_BREACH = re.compile(r"违反(?:本法|本规定|本条例|本办法)")
_SANCTION = re.compile(r"罚款|处罚|予以处理|追究|警告|责令")
# A paragraph that sets a sanction or a remedy is a liability provision, never a duty.
SANCTION_PARAGRAPH = re.compile(
    r"责令(?:改正|限期改正|暂停)|给予警告|警告|罚款|没收|吊销|处分|依法承担[^，。；]{0,6}责任|追究[^，。；]{0,6}责任"
    r"|依照[^。；]{0,40}规定处罚|予以处理|治安管理处罚|记入信用档案|损害赔偿|侵权责任|公益诉讼|提起诉讼"
)
# Outside a liability chapter, a paragraph that only makes some conduct answerable under whatever law applies
# (在…境外开展数据处理活动，损害…的，依法追究法律责任): a liability paragraph (OBLIGATION_SPEC decided case 9).
STANDALONE_LIABILITY = re.compile(r"^[^。；]+的，依法追究法律责任。$")
# A clause that states liability (应当依法承担连带责任) rather than a duty of conduct.
LIABILITY_STATEMENT = re.compile(r"依法承担[^，。；]{0,6}责任")
# Every fine a liability clause names: a multiple of the gains, or any wording of an amount (one alternation, so
# a range is read whole, never also as its ceiling).
_AMOUNT = re.compile("|".join(pattern.pattern for pattern in (GAINS_MULTIPLE, *AMOUNTS)))
# 依照/按照《X》（、《Y》…）（等法律）的（有关）规定 + a sanction: the laws named.
_NAMED_REFERRAL = re.compile(
    r"(?:依照|按照)((?:《[^《》]{2,40}》、?)+)(?:等法律)?的?(?:有关)?规定(?:予以处理|处罚|追究法律责任)"
)
# 依照（有关）X法律、法规的规定 + a sanction or a consequence: the laws described, not named.
_GENERAL_REFERRAL = re.compile(r"依照([^。；，的《》]{0,30}?(?:法律|法规))的?规定(?:处罚|予以处理|记入信用档案)")
# 并可以依法给予法律、行政法规规定的其他行政处罚: further penalties found in other laws.
_OTHER_PENALTIES = re.compile(r"给予([^。；，的]{0,20}?(?:法律|法规))规定的其他行政处罚")
# 依法追究法律责任 without naming where: liability under whatever law applies.
_UNNAMED_LIABILITY = re.compile(r"依法追究法律责任")
_PUBLIC_ORDER = re.compile(r"治安管理处罚")
# Liability to those harmed. Public-interest litigation that an organisation or the procuratorate may bring
# (民事公益诉讼, 向人民法院提起诉讼) sets no sanction of its own (OBLIGATION_SPEC decided case 14).
_CIVIL = re.compile(r"民事责任|赔偿责任|侵权责任")
_CRIMINAL = re.compile(r"追究刑事责任")


def is_liability_article(article: Article) -> bool:
    """True for articles in a 法律责任 chapter, or (no chapters) articles that punish a breach of this instrument."""
    if article.chapter is not None:
        return LIABILITY_HEADING in article.chapter.title_zh
    return bool(_BREACH.search(article.text_zh) and _SANCTION.search(article.text_zh))


def is_sanction_text(text: str) -> bool:
    """True when a paragraph sets a sanction (责令改正, 罚款, 处分, 依照…规定处罚 …)."""
    return SANCTION_PARAGRAPH.search(text) is not None


def is_liability_paragraph(article: Article, text: str) -> bool:
    """True for a paragraph that sets a sanction or a liability: one in a liability article, or one elsewhere that
    only makes a conduct answerable (…的，依法追究法律责任). It is never a duty."""
    if is_liability_article(article):
        return is_sanction_text(text)
    return STANDALONE_LIABILITY.match(text) is not None


def states_liability(clause: str) -> bool:
    """True for a clause that states a liability (…应当依法承担相应责任) outside a liability article."""
    return LIABILITY_STATEMENT.search(clause) is not None


def referred_laws(text: str) -> list[str]:
    """The words of a liability paragraph that say which law or regime its sanction is found in, in text order."""
    found: list[tuple[int, str]] = []
    for match in _NAMED_REFERRAL.finditer(text):
        found += [(match.start(1) + m.start(), m.group(1)) for m in OTHER_LAW_TITLE.finditer(match.group(1))]
    for pattern in (_GENERAL_REFERRAL, _OTHER_PENALTIES):
        found += [(m.start(1), m.group(1)) for m in pattern.finditer(text)]
    if not found:
        found += [(m.start(), m.group(0)) for m in _UNNAMED_LIABILITY.finditer(text)]
    found += [(m.start(), m.group(0)) for m in _PUBLIC_ORDER.finditer(text)]
    return list(dict.fromkeys(phrase for _, phrase in sorted(found)))


def classify_penalty(ref: str, text: str) -> Penalty:
    """The kinds of sanction a liability paragraph sets (by rule), its amounts and the laws it refers to."""
    refers_to = referred_laws(text)
    present = {
        "fine": "罚款" in text,
        "referral": bool(refers_to),
        "disciplinary": "处分" in text,
        "civil": _CIVIL.search(text) is not None,
        "criminal": _CRIMINAL.search(text) is not None,
    }
    kinds = tuple(kind for kind in PENALTY_KINDS if present[kind])
    amounts = tuple(dict.fromkeys(m.group(0) for m in _AMOUNT.finditer(text)))  # distinct, in order of first appearance
    return Penalty(ref, kinds, amounts, tuple(refers_to))
