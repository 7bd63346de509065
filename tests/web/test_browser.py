"""Browser tests: Playwright driving Debian's Chromium (installed by `make test`), against a live server."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DOCS = Path(__file__).resolve().parents[2] / "docs"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed: run `make test`"),
]
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):  # noqa: ANN001, ANN201
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def _kyiv_url(page, base: str) -> str:  # noqa: ANN001
    page.goto(base + "/")
    page.get_by_role("link", name="Ukraine's Foreign Minister Says Talks With Moscow Will Resume Next Month").click()
    page.wait_for_load_state()
    return page.url


def test_article_page_highlights_and_click_scrolls_to_quote(page, live_server: str) -> None:  # noqa: ANN001
    _kyiv_url(page, live_server)
    assert page.locator(".text .hl-quote").count() >= 3
    assert page.locator(".text .hl-event").count() >= 2
    assert page.locator(".text .hl-place").count() >= 3
    DOCS.mkdir(exist_ok=True)
    page.screenshot(path=str(DOCS / "article.png"), full_page=False)
    last = page.locator("#quote-list a.record").last
    target_id = last.get_attribute("data-target")
    evidence = page.locator(f"#{target_id}")
    page.evaluate("window.scrollTo(0, 0)")
    last.click()
    page.wait_for_function("id => document.getElementById(id).classList.contains('focused')", arg=target_id)
    box = evidence.bounding_box()
    assert box is not None and 0 <= box["y"] <= page.viewport_size["height"]
    assert page.url.endswith("#" + target_id)


def test_explorer_filters_by_type_and_renders_charts(page, live_server: str) -> None:  # noqa: ANN001
    page.goto(live_server + "/events")
    all_rows = page.locator("tr.event-row").count()
    page.select_option("#filter-type", "ASSAULT")
    page.wait_for_url("**/events?type=ASSAULT**")
    types = set(page.locator("tr.event-row").evaluate_all("rows => rows.map(r => r.dataset.type)"))
    assert types == {"ASSAULT"} and page.locator("tr.event-row").count() < all_rows
    assert page.locator("svg.timeline rect.bar").count() > 0
    assert page.locator("svg.world-map path.land").get_attribute("d").startswith("M")
    assert page.locator("svg.world-map circle.map-dot").count() > 0
    assert page.locator("svg.world-map").is_visible()
    page.goto(live_server + "/events")
    page.screenshot(path=str(DOCS / "explorer.png"), full_page=False)


def test_search_finds_a_quote(page, live_server: str) -> None:  # noqa: ANN001
    page.goto(live_server + "/")
    page.fill("input[name=q]", "grey zone")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?q=grey+zone")
    result = page.locator("#quote-results li").first
    assert "A grey zone invites aggression" in result.inner_text()
    assert "Margus Tsahkna" in result.inner_text()
    result.locator("a").click()
    page.wait_for_load_state()
    assert "#quote-" in page.url
