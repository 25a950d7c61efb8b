"""geoplan: Hunan's regional development plans as GIS layers, a transport graph and maps."""

from __future__ import annotations

__version__ = "0.1.0"
