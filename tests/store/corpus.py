"""Small fictional corpora written for the store tests."""

from __future__ import annotations

from pathlib import Path

COUNTRIES = [
    ("Norway", "Sweden"), ("Peru", "Chile"), ("Kenya", "Tanzania"), ("Egypt", "Sudan"),
    ("Japan", "Vietnam"), ("Canada", "Mexico"), ("Poland", "Austria"), ("Ghana", "Togo"),
    ("Chile", "Bolivia"), ("Nepal", "India"), ("Spain", "Morocco"), ("Greece", "Cyprus"),
]  # fmt: skip


def write_corpus(folder: Path, n: int = 12) -> list[Path]:
    """``n`` short fictional news pages, each distinct, as .txt files."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(n):
        a, b = COUNTRIES[k % len(COUNTRIES)]
        text = (
            f"{a} and {b} sign water deal number {k}\n\n"
            f"The foreign minister of {a} visited {b} on Monday and held talks with officials "
            f"there about the shared river, report {k} of the fictional Harbour Times said.\n\n"
            f"“We will sign the agreement next month,” said Mara Olsen, a spokeswoman for the "
            f"ministry of {a}. {b} criticised the plan last year, but its president praised "
            f"the talks on Tuesday.\n\n"
            f"Officials said the deal, the {k}th of its kind, would cover fishing rights too.\n"
        )
        p = folder / f"page{k:02d}.txt"
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out
