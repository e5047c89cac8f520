"""End to end in headless Chromium: a curator drafts a measure with a target and submits it, a reviewer
publishes it, and the anonymous API then shows it; a curator ingests a document and works its proposal queue."""

import json
import os
import shutil
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

from measures.models import Measure, Proposal

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
if not (CHROMIUM and CHROMEDRIVER) and not os.environ.get("CI"):
    pytest.skip(
        "Debian's chromium and chromium-driver are not installed (.ci/run installs them)", allow_module_level=True
    )

PASSWORD = "a-browser-test-password"
# The live server's tests empty the database after each; this restores what the migrations made (the groups).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=en",
        "--window-size=1400,1000",
        "--force-device-scale-factor=1",
    ):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "en"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def staff(name, group):
    user = User.objects.create_user(name, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))


def log_in(browser, live_server, username):
    browser.delete_all_cookies()
    browser.get(f"{live_server.url}/admin/login/?next=/admin/measures/measure/")
    browser.find_element(By.NAME, "username").send_keys(username)
    browser.find_element(By.NAME, "password").send_keys(PASSWORD + Keys.RETURN)
    WebDriverWait(browser, 10).until(expected_conditions.presence_of_element_located((By.ID, "changelist")))


def run_action(browser, live_server, measure_title, action):
    browser.get(f"{live_server.url}/admin/measures/measure/")
    row = browser.find_element(By.XPATH, f"//tr[.//a[text()='{measure_title}']]")
    row.find_element(By.NAME, "_selected_action").click()
    Select(browser.find_element(By.NAME, "action")).select_by_value(action)
    browser.find_element(By.NAME, "index").click()
    WebDriverWait(browser, 10).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".messagelist")))


def choose_autocomplete(browser, field, term):
    browser.find_element(By.CSS_SELECTOR, f"#id_{field} + .select2").click()
    search = WebDriverWait(browser, 10).until(
        expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, ".select2-search__field"))
    )
    search.send_keys(term)
    option = (By.XPATH, f"//li[contains(@class, 'select2-results__option') and text()='{term}']")
    WebDriverWait(browser, 10).until(expected_conditions.element_to_be_clickable(option)).click()


def script_click(browser, element):
    """Click through the DOM: on the long add form, chromedriver's mouse clicks on the inline's add link and
    on the sticky save button are not delivered in this headless build (seen), though the element is on top."""
    browser.execute_script("arguments[0].click();", element)


def fill(browser, name, value):
    element = browser.find_element(By.NAME, name)
    element.clear()
    element.send_keys(value)


def test_curator_drafts_reviewer_publishes_public_sees(browser, live_server, registry):
    staff("curator", "Curator")
    staff("reviewer", "Reviewer")
    plan = registry["plan"]

    log_in(browser, live_server, "curator")
    browser.get(f"{live_server.url}/admin/measures/measure/add/")
    fill(browser, "slug", "browser-measure")
    fill(browser, "title", "浏览器中起草的措施")
    fill(browser, "title_en", "A measure drafted in a browser")
    choose_autocomplete(browser, "source", plan.title)
    fill(browser, "quote", "支持中关村科学城建设人工智能创新平台")
    Select(browser.find_element(By.NAME, "instrument")).select_by_value("platform")
    Select(browser.find_element(By.NAME, "status")).select_by_value("planned")
    review_options = [o.get_attribute("value") for o in Select(browser.find_element(By.NAME, "review_state")).options]
    assert "published" not in review_options
    script_click(browser, browser.find_element(By.CSS_SELECTOR, "#targets-group .add-row a"))
    fill(browser, "targets-0-slug", "browser-target")
    fill(browser, "targets-0-indicator", "研发投入强度")
    Select(browser.find_element(By.NAME, "targets-0-comparator")).select_by_value("about")
    fill(browser, "targets-0-value", "12")
    fill(browser, "targets-0-unit", "%")
    fill(browser, "targets-0-target_year", "2025")
    fill(browser, "targets-0-quote", "研发投入强度达到12%左右")
    script_click(browser, browser.find_element(By.NAME, "_save"))
    WebDriverWait(browser, 10).until(expected_conditions.presence_of_element_located((By.ID, "changelist")))
    run_action(browser, live_server, "浏览器中起草的措施", "submit_for_review")

    public_url = f"{live_server.url}/api/v1/measures/browser-measure/"
    with pytest.raises(urllib.error.HTTPError) as not_yet:
        urllib.request.urlopen(public_url)
    assert not_yet.value.code == 404

    log_in(browser, live_server, "reviewer")
    run_action(browser, live_server, "浏览器中起草的措施", "publish")

    with urllib.request.urlopen(public_url) as response:
        measure = json.load(response)
    assert measure["review_state"] == "published"
    assert [target["slug"] for target in measure["targets"]] == ["browser-target"]
    assert measure["quote_offset"] == plan.text.index(measure["quote"])


def test_curator_ingests_and_works_the_proposal_queue(browser, live_server, registry, tmp_path):
    """Upload a document, land on its queue, accept an edited proposal as a draft, and see the progress move."""
    staff("curator", "Curator")
    document = tmp_path / "report.txt"
    raw = (PROJECT / "fixtures" / "raw" / "003_e626e0e49a2e806a.txt").read_bytes()
    document.write_bytes("浏览器上传的报道\n".encode() + raw)

    log_in(browser, live_server, "curator")
    browser.get(f"{live_server.url}/admin/measures/source/ingest/")
    browser.find_element(By.NAME, "document").send_keys(str(document))
    fill(browser, "title", "浏览器上传的报道")
    script_click(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit]"))
    progress = WebDriverWait(browser, 20).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".queue-progress"))
    )
    total = Proposal.objects.filter(source__title="浏览器上传的报道").count()
    assert f"0 of {total}" in progress.text

    first = Proposal.objects.filter(source__title="浏览器上传的报道", kind="measure").first()
    browser.get(f"{live_server.url}/admin/measures/proposal/{first.pk}/change/")
    assert browser.find_element(By.CSS_SELECTOR, "mark").text == first.quote
    fill(browser, "title", "浏览器中接受的措施")
    script_click(browser, browser.find_element(By.NAME, "_accept"))
    progress = WebDriverWait(browser, 10).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".queue-progress"))
    )
    assert f"1 of {total}" in progress.text
    measure = Measure.objects.get(title="浏览器中接受的措施")
    assert (measure.review_state, measure.created_by.username, measure.quote) == ("draft", "curator", first.quote)

    # A rejection with its reason, then undone from the list: the proposal is back in the worklist.
    second = Proposal.objects.filter(source=first.source, state="pending").first()
    browser.get(f"{live_server.url}/admin/measures/proposal/{second.pk}/change/")
    fill(browser, "reason", "A heading, not a measure.")
    script_click(browser, browser.find_element(By.NAME, "_reject"))
    progress = WebDriverWait(browser, 10).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".queue-progress"))
    )
    assert f"2 of {total}" in progress.text
    browser.get(f"{live_server.url}/admin/measures/proposal/?source__id__exact={first.source_id}&state__exact=rejected")
    browser.find_element(By.CSS_SELECTOR, f"input[name=_selected_action][value='{second.pk}']").click()
    Select(browser.find_element(By.NAME, "action")).select_by_value("reopen_selected")
    browser.find_element(By.NAME, "index").click()
    message = WebDriverWait(browser, 10).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".messagelist"))
    )
    assert "1 proposal reopened" in message.text
    second.refresh_from_db()
    assert (second.state, second.reason) == ("pending", "")

    # Many accepted at once, each draft measure linked to the policy its proposal names, in the role asked for.
    third = Proposal.objects.filter(source=first.source, state="pending", kind="measure").exclude(pk=second.pk).first()
    third.data = {**third.data, "policy": "ai-programme"}
    third.save()
    browser.get(f"{live_server.url}/admin/measures/proposal/?source__id__exact={first.source_id}&state__exact=pending")
    browser.find_element(By.CSS_SELECTOR, f"input[name=_selected_action][value='{third.pk}']").click()
    Select(browser.find_element(By.NAME, "action")).select_by_value("accept_linking_selected")
    browser.find_element(By.NAME, "index").click()
    role = WebDriverWait(browser, 10).until(expected_conditions.presence_of_element_located((By.NAME, "policy_role")))
    Select(role).select_by_value("implements")
    script_click(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit]"))
    message = WebDriverWait(browser, 10).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".messagelist"))
    )
    assert "1 proposal accepted as a draft" in message.text
    third.refresh_from_db()
    assert (third.state, third.measure.policy_mentions.get().policy.slug) == ("accepted", "ai-programme")
