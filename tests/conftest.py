"""Shared test settings: where the repository's data lives."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "fixtures" / "plans"


@pytest.fixture(scope="session")
def plans_dir() -> Path:
	return PLANS
