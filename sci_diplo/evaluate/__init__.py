"""Accuracy scoring of extractions against gold annotations (``scidip eval``)."""

from sci_diplo.evaluate.gold import (
    GoldClaim,
    GoldDate,
    GoldDoc,
    GoldError,
    GoldFigure,
    GoldProgramme,
    find_quote_spans,
    load_gold_dir,
    load_gold_file,
    locate_quote,
    unlocated_quotes,
)
from sci_diplo.evaluate.report import CategoryScore, Mismatch, Miss, Report, Spurious
from sci_diplo.evaluate.scorer import (
    PredClaim,
    PredDate,
    PredFigure,
    PredProgramme,
    Prediction,
    score,
)

__all__ = [
    "CategoryScore",
    "GoldClaim",
    "GoldDate",
    "GoldDoc",
    "GoldError",
    "GoldFigure",
    "GoldProgramme",
    "Mismatch",
    "Miss",
    "PredClaim",
    "PredDate",
    "PredFigure",
    "PredProgramme",
    "Prediction",
    "Report",
    "Spurious",
    "find_quote_spans",
    "load_gold_dir",
    "load_gold_file",
    "locate_quote",
    "score",
    "unlocated_quotes",
]
