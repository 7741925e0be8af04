"""Treatment Room Console: the domain of a microneedling visit, free of Qt.

The GUI lives in ``console.ui``; everything else here is plain Python so that every clinical
rule can be tested without a window and reused from scripts (``python -m console …``).
"""

from __future__ import annotations

__version__ = "0.1.0"
