"""Schema migrations, one module per step (``m0001_initial.py`` …), applied in name order.

Each module defines ``NAME`` (``"0001_initial"``) and ``apply(db)``. sqlite-utils' ``Migrations``
runs each step in its own transaction and records it in ``_sqlite_migrations``. A step is never
edited once it has shipped: add the next one instead.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("console")


def _register() -> None:
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("m"))
    for module_name in names:
        module = importlib.import_module(f"{__name__}.{module_name}")
        step: Callable[[Database], Any] = module.apply
        MIGRATIONS(name=module.NAME)(step)


_register()
