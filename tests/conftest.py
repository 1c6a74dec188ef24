"""Shared fixtures: one pipeline and one extracted seed store per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sci_diplo.cli import app
from sci_diplo.resources import seeds_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def nlp():
    from sci_diplo.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def seed_copy(tmp_path_factory) -> Path:
    """A copy of the seed corpus (tests may add files beside it)."""
    folder = tmp_path_factory.mktemp("seeds")
    for f in seeds_dir().glob("*.txt"):
        shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, seed_copy) -> Path:
    """A store made by `scidip extract` over the seed corpus."""
    store = tmp_path_factory.mktemp("store") / "facts.json"
    result = CliRunner().invoke(app, ["extract", str(seed_copy), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return store
