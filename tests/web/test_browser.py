"""The workbench in a real browser: Debian's Chromium, driven by Playwright for Python.

The server runs in this process (uvicorn on a free loopback port) on the hand-analysed
test corpus. Each test loads pages as a user would, clicks through, checks what is on
screen, and saves screenshots (to $MARSAD_SCREENSHOTS when set, else a temporary folder).
Playwright's own browser download is never used: the browser is /usr/bin/chromium.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.api.app import ServerSettings, create_app
from tests.api.corpus import XSS_BODY, XSS_ENTITY, XSS_HEADLINE, make_corpus

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    folder = tmp_path_factory.mktemp("browser")
    app = create_app(ServerSettings(db_url=make_corpus(folder / "corpus.db"), keys_path=folder / "keys.json"))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("MARSAD_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True, locale="ar",
            viewport={"width": 1280, "height": 900},
        )  # fmt: skip
        yield context
        context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.set_default_timeout(8000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.errors = errors
    yield page
    page.close()


def test_search_then_article_then_entity(page, server_url: str, shots: Path) -> None:
    page.goto(server_url + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("input[name=q]", "درعا")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    results = page.locator("li.result")
    assert results.count() == 2
    assert page.locator("li.result mark").first.inner_text() == "درعا"
    page.screenshot(path=shots / "search.png", full_page=True)

    page.click("li.result a.title[href='/articles/1']")
    page.wait_for_url("**/articles/*")
    text = page.locator("#article-text")
    assert text.locator(".hl.trig").count() >= 1
    assert text.locator("a.hl.ent").count() >= 1
    assert page.locator("h1.headline a.ent-ORG").inner_text() == "الجيش السوري"
    trigger = page.locator("#article-text .hl.trig").first
    assert trigger.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert page.locator("#events-panel .event-card").count() == 1
    page.screenshot(path=shots / "article.png", full_page=True)

    page.click("h1.headline a.ent-ORG")
    page.wait_for_url("**/entities/*")
    assert page.locator("h1.entity-name").inner_text() == "الجيش السوري"
    assert page.locator("#latin-name").inner_text() == "Syrian Army"
    assert page.locator("#as-actor tbody tr").count() == 1
    page.screenshot(path=shots / "entity.png", full_page=True)
    assert page.errors == []


def test_events_map_timeline_and_sorting(page, server_url: str, shots: Path) -> None:
    page.goto(server_url + "/events")
    page.wait_for_selector("#event-map[data-drawn]")
    assert page.get_attribute("#event-map", "data-drawn") == "3"
    circles = page.locator("#event-map circle.event")
    assert circles.count() == 3
    types = circles.evaluate_all("cs => cs.map(c => c.dataset.type)")
    assert sorted(types) == ["ASSAULT", "CONSULT", "PROTEST"]
    assert page.locator("#event-map path.admin0").count() == 1
    assert page.locator("#event-map path.admin1").get_attribute("d").count("M") > 100
    # Every circle is drawn inside the map.
    box = page.locator("#event-map svg").bounding_box()
    for index in range(3):
        circle = circles.nth(index).bounding_box()
        assert box["x"] <= circle["x"] and circle["x"] + circle["width"] <= box["x"] + box["width"] + 1
    assert page.locator("#timeline svg.chart rect").count() == 3
    reports = page.locator("#events-table th", has_text="التقارير")
    reports.click()
    reports.click()  # descending: the twice-reported shelling first
    first_row = page.locator("#events-table tbody tr").first
    assert first_row.locator("td").nth(5).inner_text() == "2"
    assert reports.get_attribute("aria-sort") == "descending"
    page.screenshot(path=shots / "events.png", full_page=True)
    assert page.errors == []


def test_paste_an_article(page, server_url: str, shots: Path) -> None:
    page.goto(server_url + "/analyse")
    page.fill("input[name=title]", "زيارة رسمية")
    page.fill("textarea[name=text]", "وصل وزير الخارجية إلى عمان صباح اليوم في زيارة تستمر يومين.")
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("#result")
    assert page.locator("#result h1.headline").inner_text() == "زيارة رسمية"
    assert "وصل وزير الخارجية إلى عمان" in page.locator("#article-text").inner_text()
    page.screenshot(path=shots / "paste.png", full_page=True)
    assert page.errors == []


def test_phone_width_has_no_sideways_scroll(browser, server_url: str, shots: Path) -> None:
    phone = browser.new_page()
    phone.set_viewport_size({"width": 375, "height": 812})
    for path in ("/articles/1", "/search?q=%D8%AA%D9%88%D9%86%D8%B3", "/entities/%D8%AF%D8%B1%D8%B9%D8%A7"):
        phone.goto(server_url + path)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, (path, overflow)
    phone.screenshot(path=shots / "article-phone.png", full_page=True)
    phone.close()


def test_xss_payloads_never_run(page, server_url: str, shots: Path) -> None:
    from urllib.parse import quote

    for path in (
        "/articles/4", "/search?q=" + quote("الاجتماع"), "/events", "/",
        "/entities/" + quote(XSS_ENTITY, safe=""),
    ):  # fmt: skip
        page.goto(server_url + path)
        page.wait_for_load_state("load")
        for link in page.locator("a.ent").all():
            link.hover()
        assert page.evaluate("typeof window.__xss") == "undefined", path
    page.goto(server_url + "/articles/4")
    assert page.locator("p.meta").inner_text().count("<script>window.__xss = 'source'</script>") == 1
    assert XSS_HEADLINE in page.locator("h1.headline").inner_text()
    assert '<img src=x onerror="window.__xss' in page.locator("#article-text").inner_text()
    assert page.locator("#article-text img, h1.headline script, p.meta script").count() == 0
    assert page.locator("p.meta a[href^=javascript]").count() == 0
    page.screenshot(path=shots / "xss.png", full_page=True)
    page.goto(server_url + "/analyse")
    page.fill("input[name=title]", XSS_HEADLINE)
    page.fill("textarea[name=text]", XSS_BODY)
    page.check("input[name=any_language]")  # the markup noise can tip language detection
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("#result")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert XSS_HEADLINE in page.locator("#result h1.headline").inner_text()
    assert page.errors == []
