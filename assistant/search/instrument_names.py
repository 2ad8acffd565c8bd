"""The name of an instrument written right before or after a citation (未成年人保护法第72条, "GDPR Art. 17",
"Art. 72 of the Consumer Protection Law"), and whether it names a corpus law under another wording."""

from __future__ import annotations

import re
from collections.abc import Iterable

_ZH_NAME = re.compile(r"《?([\u4e00-\u9fff]{1,40}(?:法|条例|规定|办法|细则|规则|决定))》?\s*$")
# Words before a name that are not part of it: 根据网络安全法第21条 names 网络安全法.
_ZH_LEAD = re.compile(r".*(?:根据|依照|依据|按照|参照|对照|违反|关于|适用|以及|还有|和|与|及|或|、|，|是|在)")
# What a query calls the law it quotes from (本法第二十一条): not the name of another instrument.
_ZH_SELF = {"本法", "该法", "此法", "本条例", "该条例", "本规定", "该规定", "本办法", "该办法"}
_EN_KINDS = r"(?:Law|Act|Code|Regulations?|Provisions|Measures|Rules)"
_EN_NAME_BEFORE = re.compile(rf"((?:[A-Z][\w'-]*\s+){{1,8}}{_EN_KINDS}|(?<![A-Za-z])[A-Z]{{2,8}})\s*,?\s*$")
_EN_NAME_AFTER = re.compile(rf"^\s*(?:of|in)\s+(?:the\s+)?((?:[A-Z][\w'-]*\s+){{1,8}}{_EN_KINDS})\b")
_EN_GENERIC = {"law", "act", "code", "regulation", "regulations", "provisions", "measures", "rules", "the", "of", "on",
               "for", "and", "china", "chinese", "prc", "people's", "republic", "management"}  # fmt: skip
_ZH_GENERIC = re.compile(r"中华人民共和国|《|》|法$|条例$|规定$|办法$|细则$|规则$|决定$|管理")
SAME_LAW_SHARE = 0.8  # a Chinese name sharing this much of a corpus alias's characters is that law


def instrument_name(before: str, after: str) -> str | None:
    """The instrument a citation is tied to by name, from the text before it (or after it: "of the … Law")."""
    zh = _ZH_NAME.search(before)
    if zh:
        name = _ZH_LEAD.sub("", zh.group(1))
        return name if len(name) >= 2 and name not in _ZH_SELF else None
    en = _EN_NAME_BEFORE.search(before) or _EN_NAME_AFTER.match(after)
    return en.group(1).strip() if en else None


def same_law(name: str, aliases: Iterable[str]) -> bool:
    """Whether `name` is another wording of a law known by `aliases` ("Network Data Regulations" for the NDSR's
    "Network Data Security Management Regulations"; 网络数据管理条例 for 网络数据安全管理条例)."""
    if name.isascii():
        words = {w for w in re.findall(r"[a-z']+", name.lower()) if w not in _EN_GENERIC}
        return bool(words) and any(words <= set(re.findall(r"[a-z']+", a.lower())) for a in aliases if a.isascii())
    core = _ZH_GENERIC.sub("", name)
    return bool(core) and any(
        sum(ch in _ZH_GENERIC.sub("", alias) for ch in core) >= SAME_LAW_SHARE * len(core)
        for alias in aliases
        if not alias.isascii()
    )
