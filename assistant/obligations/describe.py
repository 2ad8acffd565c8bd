"""One wording for what a liability paragraph sets, shared by `dla ask`, `dla obligations` and the checklist export."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.obligations.records import Penalty

# A liability paragraph of none of the kinds only lets others sue or recommend (OBLIGATION_SPEC decided case 14).
NO_SANCTION = "no sanction of its own (public-interest litigation)"


def penalty_summary(
    kinds: Sequence[str], amounts: Sequence[str] = (), refers_to: Sequence[str] = (), refers_to_en: Sequence[str] = ()
) -> str:
    """fine 五万元以上五十万元以下 …; referral to 治安管理处罚 (public-security …); criminal; or, for a paragraph of
    none of the kinds, NO_SANCTION."""
    parts = []
    for kind in kinds:
        if kind == "fine" and amounts:
            parts.append(f"fine {amounts[0]}" + (" …" if len(amounts) > 1 else ""))
        elif kind == "referral" and refers_to:
            english = [*refers_to_en, *[""] * len(refers_to)][: len(refers_to)]
            named = [f"{zh} ({en})" if en else zh for zh, en in zip(refers_to, english, strict=True)]
            parts.append(f"referral to {'; '.join(named)}")
        else:
            parts.append(kind)
    return ", ".join(parts) or NO_SANCTION


def summarise(penalty: Penalty) -> str:
    """`penalty_summary` of a stored penalty."""
    return penalty_summary(penalty.kinds, penalty.amounts, penalty.refers_to, penalty.refers_to_en)
