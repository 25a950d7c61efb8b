"""Atomic, non-clobbering output: every file geoplan writes goes through here."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from geoplan.errors import OutputExistsError


def check_output(path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Return ``path`` as a ``Path``; raise ``OutputExistsError`` if it exists and may not go."""
    out = Path(path)
    if out.exists() and not overwrite:
        msg = f"{out} exists; pass overwrite=True (CLI: --overwrite) to replace it"
        raise OutputExistsError(msg)
    return out


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, overwrite: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("hello", encoding="utf-8")
    >>> target.read_text(encoding="utf-8")
    'hello'
    """
    out = check_output(path, overwrite=overwrite)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # writers such as GDAL want to create the file themselves
    try:
        yield tmp
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_text(path: str | os.PathLike[str], text: str, *, overwrite: bool = False) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically and return the path."""
    with atomic_path(path, overwrite=overwrite) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)
