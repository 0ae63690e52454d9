"""The CAMEO event code table: each code's name, Goldstein value, QuadClass and PLOVER type.

``data/cameo.tsv`` is written from the facts of the CAMEO 1.1b3 manual, GDELT's lookup
tables (Goldstein and QuadClass as GDELT assigns them) and the 2021 CAMEO-to-PLOVER mapping.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

QUAD_NAMES = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO event code, by code ("042")."""
    text = resources.files("newsgraph.stages.events").joinpath("data/cameo.tsv").read_text("utf-8")
    table: dict[str, CameoCode] = {}
    for line in text.splitlines():
        if not line or line.startswith(("#", "code\t")):
            continue
        code, name, goldstein, quad, plover, mode = line.split("\t")
        table[code] = CameoCode(
            code, name, float(goldstein), int(quad), plover or None, mode or None
        )
    return table


def is_code(code: str) -> bool:
    return code in cameo_codes()
