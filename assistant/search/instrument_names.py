"""The name of an instrument written beside a citation (未成年人保护法第72条, "GDPR Art. 17", "the 2024 network
data regulations art 44", "Art. 72 of the Consumer Protection Law"), whether it is a corpus law under another
wording, and citations in forms the citation recognizer does not read (PIPEDA s. 7(3), s. 69 Shenzhen SEZ Data Regs)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.search.citation_query import ROMAN_ITEM, numeral_value

_ZH_KINDS = r"(?:法|条例|规定|办法|细则|规则|决定)"
_ZH_NAME = re.compile(rf"《?([\u4e00-\u9fff]{{1,40}}{_ZH_KINDS})》?\s*$")
# Words before a name that are not part of it: 根据网络安全法第21条 names 网络安全法.
_ZH_LEAD = re.compile(r".*(?:根据|依照|依据|按照|参照|对照|违反|关于|适用|以及|还有|和|与|及|或|、|，|是|在)")
# What a query calls the law it quotes from (本法第二十一条): not the name of another instrument.
_ZH_SELF = {"本法", "该法", "此法", "本条例", "该条例", "本规定", "该规定", "本办法", "该办法"}
_EN_KINDS = r"(?i:law|act|code|regulations?|regs|provisions|measures|rules|ordinance|directive)"
_EN_WORD = r"[A-Za-z][\w'.-]*"
_ACRONYMS = r"[A-Z]{2,8}(?:\s+[A-Z]{2,8})?(?![\w'])"  # GDPR, UK GDPR
# Capitals that name a country, a zone or a regulator, not an instrument ("Art. 72 of the PRC Consumer …").
_NOT_INSTRUMENTS = {"PRC", "CN", "EU", "US", "USA", "UK", "HK", "SEZ", "CAC", "NPC"}
# "…Law of the PRC" / "of China": the country, not part of the name.
_EN_COUNTRY = r"(?:\s+(?i:of)\s+(?:(?i:the)\s+)?(?:PRC|People's\s+Republic\s+of\s+China|China))?"
_EN_NAME_BEFORE = re.compile(
    rf"((?:{_EN_WORD}\s+){{0,8}}{_EN_WORD}\s+{_EN_KINDS}|(?<![A-Za-z]){_EN_WORD}\s+{_EN_KINDS}|(?<![A-Za-z])[A-Z]{{2,8}})"
    rf"(?:'s)?{_EN_COUNTRY}\s*,?\s*$"
)
# After the number: "of the … Law" (read back from its kind word), or a whole name at once ("Art 17 GDPR").
_NAME_AFTER_NUMBER = (
    rf"\s*,?\s*(?:(?P<of>(?i:of|in|under))\s+(?:(?i:the)\s+)?)?"
    rf"(?P<name>(?:{_EN_WORD}\s+){{0,8}}{_EN_WORD}\s+{_EN_KINDS}\b|{_ACRONYMS})"
)
_EN_NAME_AFTER = re.compile(rf"^{_NAME_AFTER_NUMBER}")
# Words that end a name when read backwards from its kind word (the 2024 network data regulations → network data).
_EN_STOP = {"the", "under", "per", "of", "in", "by", "to", "according", "see", "and", "or", "is", "what", "does",
            "do", "china's", "chinese", "prc", "prc's", "new", "our", "a", "an", "with", "for", "as", "about"}  # fmt: skip
_ZH_GENERIC = re.compile(rf"中华人民共和国|《|》|{_ZH_KINDS}$|管理")
# Words lawyers shorten in an instrument's English name ("Network Data Security Mgmt Regs", "Blockchain Info Svcs
# Provisions"), and the words for 管理 that translations render either way or leave out.
_ABBREVIATED = {
    "info": "information",
    "svc": "service",
    "svcs": "services",
    "sec": "security",
    "pers": "personal",
    "prot": "protection",
    "protn": "protection",
}
_MANAGEMENT = {"management", "mgmt", "mgt", "administration", "admin"}
_STATUTE_KINDS = {"law", "act", "code"}
SAME_LAW_SHARE = 0.8  # a Chinese name sharing this much of a corpus alias's characters is that law

# A citation the recognizer does not read, of an instrument it does not know: "PIPEDA s. 7(3)", "反恐法18条",
# "Singapore's PDPA section 26". Only the number matters to what is said; nothing is cited.
# A year and a jurisdiction may stand between the name and the section: "Privacy Act 1988 (Cth) s. 6".
_EN_YEAR = r"(?:\s+\d{4})?(?:\s*\([A-Za-z]{2,5}\))?"
_EN_SECTION = r"(?i:art(?:icle)?s?\.?|s\.|ss\.|sec(?:tion)?s?\.?|§)"
_EN_CITED = (
    r"(?P<number>\d{1,4}(?:\.\d+)?)(?!\d)"
    r"(?:\s*\(\s*(?P<paragraph>\d{1,2})\s*\))?"
    rf"(?:\s*\(\s*(?P<item>\d{{1,2}}|{ROMAN_ITEM})\s*\))?"
)
_EN_NAMED = rf"(?:{_EN_WORD}\s+){{0,6}}{_EN_WORD}\s+{_EN_KINDS}"
_NAME_FIRST = re.compile(
    rf"(?P<name>(?<![A-Za-z])[A-Z]{{2,8}}|{_EN_NAMED})(?:'s)?{_EN_COUNTRY}{_EN_YEAR}\s*,?\s*{_EN_SECTION}\s*{_EN_CITED}"
)
# The number first, the name right after it: "s. 17 GDPR", "section 69 of the Shenzhen Data Regulations".
_NUMBER_FIRST = re.compile(rf"(?<![A-Za-z]){_EN_SECTION}\s*{_EN_CITED}{_NAME_AFTER_NUMBER}")
_UNKNOWN_ZH = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{1,30}}{_ZH_KINDS})》?\s*第?\s*(?P<number>\d{{1,4}})\s*条")


def spans_overlap(one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether two (start, end) spans of a query share a character."""
    return one[0] < other[1] and other[0] < one[1]


@dataclass(frozen=True)
class NamedCitation:
    """A citation of an instrument named in words beside it, as written: "PIPEDA s. 7(3)", "s. 69 Shenzhen SEZ
    Data Regs", 反恐法18条. The name may be a corpus law under another wording, or an instrument on no list."""

    name: str
    number: str  # as written: 7, or 1798.105 (a section numbered with a point)
    paragraph: int | None
    item: int | None
    span: tuple[int, int]


def _name_words(name: str) -> list[str]:
    """The words of an English name (as written) from its kind word back to the first word not part of it."""
    words = re.findall(r"[A-Za-z][\w'-]*|\d+", name)
    kinds = [i for i, w in enumerate(words) if re.fullmatch(_EN_KINDS, w)]
    end = kinds[-1] if kinds else len(words)
    kept: list[str] = []
    for word in reversed(words[:end]):
        if word.lower() in _EN_STOP or word.isdigit():
            break
        kept.append(word)
    return kept[::-1]


def _en_name(written: str) -> str:
    """An English name as the instrument's: an acronym as written, else its own words and kind ("" if none)."""
    if re.fullmatch(r"[A-Z]{2,8}", written):
        return written
    words = _name_words(written)
    kind = re.findall(_EN_KINDS, written, re.IGNORECASE)
    return " ".join([*words, kind[-1]]) if words and kind else ""


def instrument_name(before: str, after: str) -> str | None:
    """The instrument a citation is tied to by name, from the text before it (or after it: "of the … Law")."""
    zh = _ZH_NAME.search(before)
    if zh:
        name = _ZH_LEAD.sub("", zh.group(1))
        return name if len(name) >= 2 and name not in _ZH_SELF else None
    en = _EN_NAME_BEFORE.search(before)
    if en is not None:
        return _en_name(en.group(1).strip()) or None
    after_match = _EN_NAME_AFTER.match(after)
    return _name_after(after_match) if after_match else None


def _name_after(match: re.Match[str]) -> str | None:
    """A name written after the number: read back from its kind word after "of"; else only as a whole name; else
    the acronym it starts with ("s. 17 GDPR and the Data Security Law" cites the GDPR)."""
    written = match.group("name").strip()
    name = _en_name(written) if match.group("of") else _whole_name(written)
    acronym = re.match(_ACRONYMS, written)
    if not name and acronym and acronym.group(0) not in _NOT_INSTRUMENTS:
        name = acronym.group(0)
    return name or None


def _whole_name(written: str) -> str:
    """The instrument's name when every word written before its kind word belongs to it ("Shenzhen SEZ Data Regs");
    "" when the words only end in a name ("s. 5 requires that the Civil Code…" is no citation of the Code)."""
    if re.fullmatch(_ACRONYMS, written):
        return "" if written in _NOT_INSTRUMENTS else written
    name = _en_name(written)
    written_words = re.findall(r"[A-Za-z][\w'-]*|\d+", written)
    return name if name and len(name.split()) == len(written_words) else ""


def _cited(match: re.Match[str], name: str) -> NamedCitation:
    return NamedCitation(
        name,
        match.group("number"),
        numeral_value(match.group("paragraph")),
        numeral_value(match.group("item")),
        match.span(),
    )


def named_citations(query: str) -> list[NamedCitation]:
    """Every citation of an instrument named beside it in words, as written, left to right."""
    if not any(character.isdigit() for character in query):
        return []  # every form has a number in digits: most questions are read no further
    found = [
        NamedCitation(_ZH_LEAD.sub("", m.group("name")), m.group("number"), None, None, m.span())
        for m in _UNKNOWN_ZH.finditer(query)
    ]
    for match in _NAME_FIRST.finditer(query):
        name = _en_name(match.group("name"))
        if name:
            found.append(_cited(match, name))
    for match in _NUMBER_FIRST.finditer(query):
        after = _name_after(match)
        if after and not any(spans_overlap(match.span(), other.span) for other in found):
            found.append(_cited(match, after))
    return sorted(found, key=lambda citation: citation.span)


def _statute(name: str) -> bool | None:
    """Whether the name's kind word makes it a statute (law, act, code: 法) rather than a regulation, rule or
    provisions (条例, 规定, 办法 …); None without a kind word (an acronym, a short name)."""
    if name.isascii():
        kinds = re.findall(_EN_KINDS, name, re.IGNORECASE)
        return kinds[-1].lower() in _STATUTE_KINDS if kinds else None
    kind = re.search(rf"{_ZH_KINDS}》?$", name)
    return kind.group(0).startswith("法") if kind else None


def same_law(name: str, aliases: Iterable[str]) -> bool:
    """Whether `name` is another wording of a law known by `aliases` ("Network Data Regulations" for the NDSR's
    "Network Data Security Management Regulations"; 网络数据管理条例 for 网络数据安全管理条例). A statute's name
    is never a regulation's, nor the reverse: "Network Security Law" is no wording of the NDSR."""
    statute = _statute(name)
    aliases = [alias for alias in aliases if statute is None or _statute(alias) in (None, statute)]
    if name.isascii():
        words = {_ABBREVIATED.get(word.lower(), word.lower()) for word in _name_words(name)} - _MANAGEMENT
        return bool(words) and any(
            words <= set(re.findall(r"[a-z][\w'-]*", alias.lower())) for alias in aliases if alias.isascii()
        )
    core = _ZH_GENERIC.sub("", name)
    return bool(core) and any(
        sum(ch in _ZH_GENERIC.sub("", alias) for ch in core) >= SAME_LAW_SHARE * len(core)
        for alias in aliases
        if not alias.isascii()
    )
