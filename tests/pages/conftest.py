from __future__ import annotations

import pytest
from realpages import real_page


@pytest.fixture
def real():
    """``real(name, encoding="utf-8")``: a saved real page as a Selector."""
    return real_page
