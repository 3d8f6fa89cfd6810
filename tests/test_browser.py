"""The web app in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

Screenshots go to tests/artifacts/ so a person can look at what the browser saw.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from _webcorpus import Server, build_db

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                 reason=f"{CHROMIUM} not installed (make system-deps installs chromium)")]

# Anything an article's text could make run would set this flag or open a dialog.
WATCH = "window.__xss = undefined; window.__dialogs = 0;"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = Server(build_db(tmp_path_factory.mktemp("browser") / "corpus.db"))
    yield s
    s.stop()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.dialogs = []
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.add_init_script(WATCH)
    yield pg
    ctx.close()


def shot(page, name):
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_overview_filter_event_and_evidence_in_the_article(server, page):
    page.goto(server.url + "/")
    assert page.locator("#per-day svg rect.bar").count() == 3
    assert page.locator("#by-type svg rect").count() == 2
    shot(page, "overview")

    # apply a filter in the timeline form
    page.click("text=Timeline")
    page.select_option("select[name=type]", "ASSAULT")
    page.fill("input[name=attribution]", "governor")
    page.click("button:has-text('Filter')")
    page.wait_for_url("**/timeline?*attribution=governor*")
    rows = page.locator("table.events tbody tr:not(.day-row)")
    assert rows.count() == 1 and "regional governor" in rows.first.inner_text()
    shot(page, "timeline-filtered")

    # open the event: both sources side by side, the disagreement highlighted
    rows.first.locator("a:has-text('event')").click()
    page.wait_for_url("**/events/*")
    assert page.locator("article.source").count() == 2
    assert page.locator("dd.disagree").count() >= 2
    shot(page, "event")

    # from one source to its article: the evidence sentence is highlighted and explained
    page.locator("article.source h3 a").first.click()
    page.wait_for_url("**/articles/*")
    target = page.locator(".hl-evidence.target").first
    assert target.is_visible()
    assert "fired missiles at Zaporizhzhia" in "".join(page.locator(".hl-evidence.target").all_inner_texts())
    panel = page.locator("#fact-panel-body")
    assert "evidence" in panel.inner_text() and "ASSAULT" in panel.inner_text()
    bg = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    # clicking a place shows its fields instead
    page.locator(".article-text .hl-place").first.dispatch_event("click")
    assert "Zaporizhzhia Oblast" in panel.inner_text() and "place" in panel.inner_text()
    shot(page, "article-evidence")
    assert not page.errors, page.errors


def test_map_draws_clustered_markers_and_opens_an_event(server, page):
    page.goto(server.url + "/map")
    page.wait_for_selector("#map circle.marker")
    assert page.locator("#map path.land").count() > 100
    assert int(page.get_attribute("#map", "data-markers")) == 3
    shot(page, "map")
    # zoomed far out, nearby events merge into one cluster marker
    for _ in range(12):
        page.mouse.move(400, 400)
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(50)
    assert int(page.get_attribute("#map", "data-markers")) < 3
    assert page.locator("#map text.marker-count").count() >= 1
    # clicking a cluster lists its events (asked from the API by the cluster's bounding box)
    page.locator("#map g.cluster:has(text.marker-count) circle").first.dispatch_event("click")
    page.wait_for_selector("#map-list li a")
    assert page.locator("#map-list li a").count() >= 2
    shot(page, "map-clustered")
    page.goto(server.url + "/map?type=PROTEST")
    page.wait_for_selector("#map circle.marker")
    page.locator("#map circle.marker").first.click()
    page.wait_for_url("**/events/*")
    assert "PROTEST" in page.locator("h1").inner_text()
    assert not page.errors, page.errors


def test_map_draws_the_provinces_of_the_event_countries_with_names(server, page):
    from sitrep import admin1
    if admin1.source_path() is None:
        if os.environ.get("CI"):
            pytest.fail("no Natural Earth admin-1 file installed: `make install` fetches it")
        pytest.skip("no Natural Earth admin-1 file installed (make install fetches it)")
    page.goto(server.url + "/map")
    page.wait_for_selector("#map path.admin1", timeout=60000)    # the first use builds the cache
    names = page.eval_on_selector_all("#map path.admin1", "ps => ps.map(p => p.dataset.name)")
    # the corpus has events in Ukraine and Russia: their provinces are drawn, no one else's
    assert {"Kharkiv", "Zaporizhzhia", "Moscow"} <= set(names), names[:40]
    assert "Bavaria" not in names and "California" not in names
    # each outline is a real closed path in the map's frame, not an empty shell
    sizes = page.eval_on_selector_all("#map path.admin1", "ps => ps.map(p => p.getBBox().width)")
    assert min(sizes) > 0
    # zoomed in on Ukraine, the provinces' names are written on the map
    box = page.locator('#map path.admin1[data-name="Kharkiv"]').bounding_box()
    for _ in range(4):                           # zooming at the cursor keeps Kharkiv under it
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(50)
    labels = page.eval_on_selector_all("#map text.admin1-label", "ts => ts.map(t => t.textContent)")
    assert "Kharkiv" in labels, labels
    shot(page, "map-provinces")
    assert not page.errors, page.errors


def test_hostile_article_text_never_runs(server, page):
    import httpx
    arts = httpx.get(server.url + "/api/articles").json()["items"]
    evil = next(a for a in arts if a["source"].startswith("Evil"))
    cluster = next(c for c in httpx.get(server.url + "/api/clusters").json()["items"] if c["location"] == "Kharkiv")
    ent = next(e for e in httpx.get(server.url + "/api/entities").json()["items"] if "Mayor" in e["name"])
    for path in (f"/articles/{evil['id']}", f"/events/{cluster['id']}", f"/entities/{ent['id']}", "/timeline",
                 "/", "/articles", "/search?q=shelled", "/disputes"):
        page.goto(server.url + path)
        page.wait_for_load_state("load")
        for el in page.locator(".article-text .hl").all()[:20]:
            el.hover()
            el.click()
        assert page.evaluate("window.__xss") is None, path
        assert page.evaluate("document.querySelectorAll('script:not([src]):not([type=\"application/json\"])').length") == 0
        assert page.evaluate("document.querySelectorAll('[onerror],[onclick],img[src=x]').length") == 0, path
        if path.startswith("/articles/"):
            # the hostile markup is shown as text, and the fact panel shows it as text too
            assert "<script>window.__xss" in page.locator(".article-text").inner_text()
            page.locator(".article-text .hl-entity").first.dispatch_event("click")
            assert 'onerror="window.__xss' in page.locator("#fact-panel-body").inner_text()
            shot(page, "hostile-article")
    assert page.dialogs == []
    assert not page.errors, page.errors


@pytest.mark.parametrize("width", [768, 1366])
def test_pages_fit_the_window_at_tablet_and_laptop_widths(server, browser, width):
    import httpx
    ARTIFACTS.mkdir(exist_ok=True)
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    pg = ctx.new_page()
    cluster = httpx.get(server.url + "/api/clusters", params={"place": "Zaporizhzhia"}).json()["items"][0]
    ent = httpx.get(server.url + "/api/entities").json()["items"][0]
    for name, path in (("overview", "/"), ("timeline", "/timeline"), ("event", f"/events/{cluster['id']}"),
                       ("actors", "/entities"), ("entity", f"/entities/{ent['id']}"), ("map", "/map"),
                       ("disputes", "/disputes"), ("docs", "/docs"), ("missing", "/events/999999")):
        pg.goto(server.url + path)
        pg.wait_for_load_state("load")
        if path == "/map":                      # the map draws after its data arrives
            from sitrep import admin1
            pg.wait_for_selector("#map path.admin1" if admin1.source_path() else "#map circle.marker",
                                 timeout=60000)
        # nothing sticks out of the window (a wide table scrolls inside its own box)
        assert pg.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
        # no two cells of a table overlap
        overlaps = pg.evaluate("""() => {
            let bad = 0;
            for (const row of document.querySelectorAll('table tr')) {
                const cells = [...row.children].map(c => c.getBoundingClientRect());
                for (let i = 1; i < cells.length; i++) if (cells[i].left < cells[i - 1].right - 1) bad++;
            }
            return bad; }""")
        assert overlaps == 0, (name, width)
        pg.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    ctx.close()


def test_timeline_sorts_by_a_column_from_the_keyboard(server, page):
    page.goto(server.url + "/timeline")
    page.focus("table.events th:nth-child(6) button.sort")                   # Fatalities
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")                                             # descending
    values = [v.strip() for v in page.locator("table.events tbody tr:not(.day-row) td:nth-child(6)").all_inner_texts()]
    numbers = [int(v.split("–")[-1].split()[0]) for v in values if v and v[0].isdigit()]
    assert numbers and numbers == sorted(numbers, reverse=True)
    assert page.locator("tr.day-row:visible").count() == 0                  # day groups only in date order
    shot(page, "timeline-sorted")
    assert not page.errors, page.errors


def test_highlights_are_reachable_by_keyboard(server, page):
    import httpx
    arts = httpx.get(server.url + "/api/articles").json()["items"]
    a = next(x for x in arts if x["source"] == "Kyiv Daily")
    page.goto(server.url + f"/articles/{a['id']}")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('hl-place')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('hl-place')")
    page.keyboard.press("Enter")
    assert "Zaporizhzhia Oblast" in page.locator("#fact-panel-body").inner_text()
    assert page.locator(".hl.selected").count() == 1
    shot(page, "article-keyboard")
    assert not page.errors, page.errors
