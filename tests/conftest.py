"""Shared fixtures: the real seeds are the test inputs."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TEST_DATA = Path(__file__).resolve().parent / "data"


def seed_path(prefix: str) -> Path:
    """Return the seed whose file name starts with ``prefix`` (e.g. ``"000"``)."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def zhuzhou_path() -> Path:
    """株洲市 十四五 plan (simplified, UTF-8)."""
    return seed_path("000")


@pytest.fixture(scope="session")
def province_path() -> Path:
    """湖南省 十四五 新型城镇化规划 (traditional script)."""
    return seed_path("004")
