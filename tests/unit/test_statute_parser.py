"""The statute parser reads the source layout and rejects malformed text with line numbers."""

from __future__ import annotations

import pytest

from assistant.corpus.statute_parser import StatuteFormatError, parse_statute

GOOD = """示例条例

2020年1月1日 通过

第一章 总则

第一条 第一款文字。

第二款文字：

（一）甲；

（二）乙。

第三款文字。

第二章 其他

第一节 一般规定

第二条 文字。
"""


def test_structure_of_a_well_formed_text() -> None:
    parsed = parse_statute(GOOD)
    assert parsed.title == "示例条例"
    assert parsed.preamble == ["2020年1月1日 通过"]
    assert [(h.kind, h.number, h.title) for h in parsed.headings] == [
        ("chapter", 1, "总则"),
        ("chapter", 2, "其他"),
        ("section", 1, "一般规定"),
    ]
    first, second = parsed.articles
    assert [p.text for p in first.paragraphs] == ["第一款文字。", "第二款文字：", "第三款文字。"]
    assert [i.text for i in first.paragraphs[1].items] == ["（一）甲；", "（二）乙。"]
    assert (second.chapter, second.section) == (2, 1)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (GOOD.replace("第二条", "第三条"), 21, "article 3 is out of sequence"),
        (GOOD.replace("第二条", "第一条"), 21, "article 1 is repeated"),
        (GOOD.replace("（二）乙", "（三）乙"), 13, "item (3) where item (2) was expected"),
        (GOOD.replace("第二章 其他", "第三章 其他"), 17, "chapter 3 where chapter 2 was expected"),
        (GOOD.replace("第一节 一般规定", "第二节 一般规定"), 19, "section 2 where section 1 was expected"),
        (GOOD.replace("第二章 其他", "第二编 其他"), 17, "unknown heading"),
        (GOOD.replace("第一节 一般规定\n", "第一节 一般规定\n\n游离的文字\n"), 21, "stray text"),
        (GOOD.replace("第二条 文字。", "第二条"), 21, "has no text"),
        (GOOD.replace("第二条", "第二七条"), 21, "malformed Chinese numeral"),
        ("", 1, "empty text"),
        ("标题\n\n没有条文\n", 1, "no article found"),
    ],
)
def test_malformed_text_is_rejected_with_its_line(text: str, line: int, message: str) -> None:
    with pytest.raises(StatuteFormatError) as caught:
        parse_statute(text, "sample.txt")
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"sample.txt:{line}:")
