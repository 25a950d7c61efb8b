"""Open saved pages in Debian's headless Chromium, offline, and record what happens."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class Visit:
    """What a page did: console errors, requests that tried to leave the machine, a screenshot."""

    errors: list[str] = field(default_factory=list)
    leaving: list[str] = field(default_factory=list)
    screenshot: Path | None = None

    def colours(self) -> int:
        """Number of distinct colours in the screenshot (1 for a blank page)."""
        from PIL import Image

        assert self.screenshot is not None
        found = Image.open(self.screenshot).convert("RGB").getcolors(maxcolors=1 << 20)
        return len(found) if found is not None else 1 << 20


@contextmanager
def chromium() -> Iterator[Callable[..., Visit]]:
    """Yield ``visit(path, *, wait_for=None, then=None) -> Visit``; skip if Chromium is absent."""
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)"
        )
    from playwright import sync_api

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

        def visit(path: Path, *, wait_for: str | None = None, then=None) -> Visit:
            result = Visit()
            page = browser.new_page(viewport={"width": 900, "height": 700})
            page.on(
                "console",
                lambda msg: result.errors.append(msg.text) if msg.type == "error" else None,
            )
            page.on("pageerror", lambda exc: result.errors.append(str(exc)))

            def route(r) -> None:
                if r.request.url.startswith(("file:", "data:")):
                    r.continue_()
                else:
                    result.leaving.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.goto(path.as_uri())
            if wait_for:
                page.wait_for_selector(wait_for)
            if then is not None:
                then(page)
            result.screenshot = path.with_suffix(path.suffix + ".png")
            page.screenshot(path=str(result.screenshot))
            page.close()
            return result

        try:
            yield visit
        finally:
            browser.close()
