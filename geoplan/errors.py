"""The one error hierarchy of geoplan: every expected failure is a ``GeoplanError``.

The CLI turns any ``GeoplanError`` into a one-line message and exit status 2.
"""

from __future__ import annotations

__all__ = [
    "DataError",
    "GeometryError",
    "GeoplanError",
    "OutputExistsError",
    "PlanReadError",
    "UnknownPlaceError",
]


class GeoplanError(Exception):
    """Base class of every error geoplan raises on purpose."""


class PlanReadError(GeoplanError):
    """A plan file cannot be read: missing, empty, binary or in an unknown encoding."""


class UnknownPlaceError(GeoplanError, LookupError):
    """A place name or adcode is not in the gazetteer."""


class DataError(GeoplanError):
    """Curated or packaged data is missing or inconsistent."""


class GeometryError(GeoplanError, ValueError):
    """A geometry is invalid or cannot be built."""


class OutputExistsError(GeoplanError, FileExistsError):
    """An output path exists and overwriting was not asked for."""
