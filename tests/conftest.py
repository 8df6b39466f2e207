import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DATA = ROOT / "data"


@pytest.fixture
def minimal_data(tmp_path: Path) -> Path:
    """A fresh copy of the small valid dataset, safe to modify."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", target)
    return target
