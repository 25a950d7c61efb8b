"""Classed colour schemes for maps: mapclassify bins, class labels and colours shared by the
interactive and the static maps, so both draw the same legend for the same data."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import mapclassify
import matplotlib as mpl
import numpy as np
from matplotlib.colors import to_hex
from numpy.typing import ArrayLike, NDArray

from geoplan.errors import DataError, GeoplanError

# The mapclassify schemes a map may ask for. Schemes taking ``k`` honour it; the others
# (headtail_breaks, std_mean, box_plot, percentiles) decide their own number of classes.
_TAKES_K = (
    "quantiles",
    "equal_interval",
    "natural_breaks",
    "fisher_jenks",
    "jenks_caspall",
    "maximum_breaks",
)
SCHEMES = (*_TAKES_K, "headtail_breaks", "std_mean", "box_plot", "percentiles")

NO_DATA_COLOR = "#d9d9d9"
"""Fill of units without a value (light grey, outside every sequential ramp we use)."""
NO_DATA_LABEL = "无数据"

# ColorBrewer's YlOrRd through matplotlib: readable in print and for colour-blind readers.
DEFAULT_CMAP = "YlOrRd"


@dataclass(frozen=True)
class Classes:
    """The result of classing a column: bins, one class index per value, labels and colours.

    ``yb[i]`` is the class of value ``i`` (-1 where the value is missing); class ``j`` holds
    values ``bins[j-1] < v <= bins[j]`` (``v <= bins[0]`` for class 0), as in mapclassify.
    """

    scheme: str
    bins: tuple[float, ...]
    yb: NDArray[np.int64]
    labels: tuple[str, ...]
    colors: tuple[str, ...]
    counts: tuple[int, ...]
    decimals: int

    @property
    def k(self) -> int:
        """Number of classes."""
        return len(self.bins)

    def color_of(self, i: int) -> str:
        """Return the fill colour of value ``i`` (the no-data grey if it is missing)."""
        c = int(self.yb[i])
        return NO_DATA_COLOR if c < 0 else self.colors[c]


def _decimals(values: NDArray[np.float64]) -> int:
    """Return how many decimals class labels need to tell the bins of ``values`` apart."""
    span = float(np.nanmax(values) - np.nanmin(values)) if values.size else 0.0
    if span <= 0:
        span = abs(float(values[0])) if values.size else 1.0
    if span == 0:
        return 0
    return int(min(4, max(0, 2 - math.floor(math.log10(span)))))


def format_value(value: float, decimals: int) -> str:
    """Format a number for a legend or tooltip with a fixed number of decimals."""
    return f"{value:,.{decimals}f}"


def ramp(n: int, cmap: str = DEFAULT_CMAP) -> tuple[str, ...]:
    """Return ``n`` hex colours sampled evenly from a matplotlib colour map (light to dark)."""
    cm = mpl.colormaps[cmap]
    if n == 1:
        return (to_hex(cm(0.6)),)
    return tuple(to_hex(cm(0.12 + 0.88 * i / (n - 1))) for i in range(n))


def classify(
    values: ArrayLike, *, scheme: str = "quantiles", k: int = 5, cmap: str = DEFAULT_CMAP
) -> Classes:
    """Class ``values`` with a mapclassify scheme and give each class a label and a colour.

    Missing values (NaN) get class -1 and the no-data colour.

    Parameters
    ----------
    values
        Numbers to class; NaN marks a missing value.
    scheme
        One of :data:`SCHEMES`.
    k
        Number of classes for the schemes that take one (fewer if there are fewer distinct
        values).
    cmap
        matplotlib colour map name for the class colours.

    Examples
    --------
    >>> c = classify([1, 2, 3, 4, 5, 6, 7, 8], scheme="quantiles", k=4)
    >>> c.bins
    (2.75, 4.5, 6.25, 8.0)
    >>> c.labels
    ('1.00 – 2.75', '2.75 – 4.50', '4.50 – 6.25', '6.25 – 8.00')
    """
    if scheme not in SCHEMES:
        msg = f"unknown classification scheme {scheme!r}; choose one of {', '.join(SCHEMES)}"
        raise GeoplanError(msg)
    try:
        y = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as exc:
        msg = f"values to class must be numbers: {exc}"
        raise DataError(msg) from exc
    ok = ~np.isnan(y)
    present = y[ok]
    if present.size == 0:
        msg = "no values to class: every value is missing"
        raise DataError(msg)
    if k < 1:
        msg = f"the number of classes must be at least 1, not {k}"
        raise GeoplanError(msg)
    n_unique = int(np.unique(present).size)
    with warnings.catch_warnings():
        # FisherJenks says once that numba would be faster; that is not a problem of the data.
        warnings.filterwarnings("ignore", message="Numba not installed", category=UserWarning)
        if n_unique == 1:
            classifier = mapclassify.UserDefined(present, bins=[float(present[0])])
        elif scheme in _TAKES_K:
            classifier = mapclassify.classify(present, scheme, k=min(k, n_unique))
        else:
            classifier = mapclassify.classify(present, scheme)
    bins = tuple(float(b) for b in classifier.bins)
    yb = np.full(y.shape, -1, dtype=np.int64)
    yb[ok] = np.asarray(classifier.yb, dtype=np.int64)
    decimals = _decimals(present)
    lowest = float(present.min())
    labels = []
    for j, upper in enumerate(bins):
        hi = format_value(upper, decimals)
        if j == 0:
            label = f"{format_value(lowest, decimals)} – {hi}" if lowest <= upper else f"≤ {hi}"
        else:
            label = f"{format_value(bins[j - 1], decimals)} – {hi}"
        labels.append(label)
    counts = tuple(int(np.sum(yb == j)) for j in range(len(bins)))
    return Classes(
        scheme=scheme,
        bins=bins,
        yb=yb,
        labels=tuple(labels),
        colors=ramp(len(bins), cmap),
        counts=counts,
        decimals=decimals,
    )
