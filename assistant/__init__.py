"""Data Law Assistant: an offline legal-knowledge assistant for Chinese data law."""

__version__ = "0.1.0"

LEGAL_NOTICE_EN = (
    "Legal information, not legal advice. English texts are the project's own unofficial "
    "translation; the Chinese text is authoritative."
)
LEGAL_NOTICE_ZH = "本工具提供法律信息，不构成法律意见。英文为本项目的非官方译文，以中文文本为准。"
# The notice as every JSON output carries it (checklist export, ask, obligations, define).
NOTICE_FIELDS = {"notice": LEGAL_NOTICE_EN, "notice_zh": LEGAL_NOTICE_ZH}
