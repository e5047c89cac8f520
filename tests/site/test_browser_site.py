"""The public site in headless Chromium: a search, a facet, a measure page and the language switch; and axe-core
finds no serious or critical accessibility violation on the main pages."""

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.admin.test_browser_review_flow import browser  # noqa: F401  (the same Chromium fixture)

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def serious_violations(driver):
    driver.execute_script(AXE)
    violations = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations));"
    )
    return [
        (violation["id"], [node["target"] for node in violation["nodes"]])
        for violation in violations
        if violation["impact"] in ("serious", "critical")
    ]


def arrives_at(driver, url_part):
    """Wait for the page a click or a key press loads (the browser navigates after the action returns); a timeout
    if it never comes."""
    WebDriverWait(driver, 10).until(expected_conditions.url_contains(url_part))


def test_search_facet_measure_and_language_switch(browser, live_server, registry):  # noqa: F811
    browser.get(f"{live_server.url}/")
    box = browser.find_element(By.ID, "search-q")
    box.send_keys("投贷联动" + Keys.RETURN)
    arrives_at(browser, "/measures/?q=")
    assert browser.find_element(By.ID, "result-count").text.startswith("1 ")
    assert [link.text for link in browser.find_elements(By.CSS_SELECTOR, "li.measure a")] == ["投贷联动试点"]

    browser.get(f"{live_server.url}/measures/")
    browser.find_element(By.CSS_SELECTOR, "#facet-park + ul a[href*='park=haidian']").click()
    arrives_at(browser, "park=haidian")
    results = browser.find_elements(By.CSS_SELECTOR, "li.measure a")
    assert [link.text for link in results] == ["建设人工智能创新平台"]

    results[0].click()
    arrives_at(browser, "/measures/ai-platform/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "建设人工智能创新平台"
    assert browser.find_element(By.CSS_SELECTOR, "blockquote mark").text == "支持中关村科学城建设人工智能创新平台。"

    browser.find_element(By.ID, "switch-en").click()
    arrives_at(browser, "/en/measures/ai-platform/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Build an AI innovation platform"

    browser.find_element(By.ID, "quote-link").click()
    arrives_at(browser, "/en/sources/plan/#q-ai-platform")


def test_main_pages_have_no_serious_accessibility_violations(browser, live_server, registry):  # noqa: F811
    browser.get("data:text/html,<html><body><img src='x.png'></body></html>")
    assert serious_violations(browser), "axe-core should find the missing alt text and language"
    found = {}
    for path in [
        "/",
        "/measures/",
        "/measures/?park=haidian",
        "/measures/ai-platform/",
        "/sources/",
        "/sources/plan/",
        "/parks/",
        "/themes/",
        "/en/",
        "/en/measures/ai-platform/",
        "/policies/",
        "/policies/ai-programme/",
        "/en/policies/ai-programme/",
        "/indicators/",
        "/indicators/rd-intensity/",
        "/en/indicators/rd-intensity/",
    ]:
        browser.get(f"{live_server.url}{path}")
        if violations := serious_violations(browser):
            found[path] = violations
    assert found == {}
