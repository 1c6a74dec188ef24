"""Where the project's shipped files live: data tables and the seed corpus.

In a source checkout they sit at the top of the repository (``data/``,
``seeds/``); nothing else is looked up, so a missing file is a packaging error
and raises ``FileNotFoundError`` naming the path.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def data_file(name: str) -> Path:
    """Return the path of a shipped data file, e.g. ``data_file("countries.tsv")``."""
    path = ROOT / "data" / name
    if not path.exists():
        raise FileNotFoundError(f"shipped data file missing: {path}")
    return path


def seeds_dir() -> Path:
    """Return the folder of the seed corpus that ``scidip extract`` reads by default."""
    return ROOT / "seeds"


def gold_dir() -> Path:
    """Return the folder of the seed gold annotations."""
    return ROOT / "data" / "gold" / "seeds"
