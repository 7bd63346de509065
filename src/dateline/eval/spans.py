"""Locating gold texts in an article and matching spans by overlap."""

from __future__ import annotations

from rapidfuzz import fuzz


def locate(text: str, needle: str, hint: int = 0) -> tuple[int, int] | None:
    """Char range of ``needle`` in ``text``: exact (first at or after hint, else anywhere), else the
    best fuzzy alignment scoring at least 80."""
    needle = needle.strip()
    if not needle:
        return None
    pos = text.find(needle, hint)
    if pos < 0:
        pos = text.find(needle)
    if pos >= 0:
        return pos, pos + len(needle)
    aligned = fuzz.partial_ratio_alignment(needle, text, score_cutoff=80)
    if aligned is None:
        return None
    return aligned.dest_start, aligned.dest_end


def overlap_share(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap of two ranges as a share of the shorter one."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return max(0, inter) / shorter if shorter > 0 else 0.0


def match_spans(
    gold: list[tuple[int, int]], pred: list[tuple[int, int]], threshold: float = 0.5
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, best overlap first, each at least threshold."""
    scored = sorted(
        (
            (overlap_share(g, p), min(g[1], p[1]) - max(g[0], p[0]), -gi, -pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for share, _, neg_gi, neg_pi in scored:
        gi, pi = -neg_gi, -neg_pi
        if share < threshold:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs
