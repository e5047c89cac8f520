"""The HTTP server in front of the app: how long a request line may be, and what a longer one gets."""

from tests.helpers import get, gunicorn


def test_urls_up_to_8_kb_reach_the_app_and_longer_ones_get_a_414(tmp_path):
    with gunicorn(DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}") as base:
        status, _, content_type, _ = get(f"{base}/api/v1/measures/?year={'9' * 7000}")
        assert (status, content_type) == (400, "application/json")  # the app names the bad parameter
        status, _, content_type, _ = get(f"{base}/api/v1/measures/?year={'9' * 9000}")
        assert (status, content_type.split(";")[0]) == (414, "text/html")  # as the schema documents
