"""Scoring detection against annotated text. Enters: a gold set (TAB or the project's *.gold.json)
and predicted spans. Leaves: per-type recall, precision and the tables the benchmarks print."""

from anonymiser.evaluate.gold import GoldDoc, GoldSet, load_gold, load_keep, load_project_gold, load_tab, register_of
from anonymiser.evaluate.metric import (
    Miss,
    Ratio,
    Scores,
    f2,
    keep_touched,
    register_identifiers,
    replaced_allowlisted,
    score,
    uncovered,
)
from anonymiser.evaluate.tables import format_scores, misses_as_json

__all__ = [
    "GoldDoc", "GoldSet", "Miss", "Ratio", "Scores", "f2", "format_scores", "keep_touched", "load_gold", "load_keep",
    "load_project_gold", "load_tab", "misses_as_json", "register_identifiers", "register_of", "replaced_allowlisted",
    "score", "uncovered",
]
