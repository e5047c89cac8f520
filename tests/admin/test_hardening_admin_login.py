"""The admin login locks out a user at an address after repeated wrong passwords (django-axes).

The lockout is per user and address together: one attacker cannot lock every curator out, and a made-up
X-Forwarded-For does not give an attacker a fresh count (addresses are read as throttling reads them).
"""

import pytest
from django.contrib.auth.models import User
from django.test import Client

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture(autouse=True)
def quick_password_checks(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # sixty checks, each in no time


@pytest.fixture
def curators(db):
    User.objects.create_superuser("alice", password="alice-right-password")
    User.objects.create_superuser("bob", password="bob-right-password")


def log_in(api_client, username, password, **headers):
    return api_client.post(LOGIN, {"username": username, "password": password}, **headers)


def logged_in(api_client):
    return "_auth_user_id" in api_client.session


@pytest.fixture
def alice_locked_out(curators):
    attacker = Client()
    for n in range(60):
        log_in(attacker, "alice", f"guess-{n}")
    return attacker


def test_after_many_wrong_passwords_the_right_one_does_not_log_in(alice_locked_out):
    response = log_in(alice_locked_out, "alice", "alice-right-password", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert not logged_in(alice_locked_out)
    page = response.content.decode()
    assert "Too many failed logins" in page and "15 minutes" in page


def test_the_lockout_page_speaks_chinese(alice_locked_out):
    response = log_in(alice_locked_out, "alice", "alice-right-password", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()


def test_another_user_at_the_same_address_can_log_in(alice_locked_out):
    bob = Client()
    assert log_in(bob, "bob", "bob-right-password").status_code == 302
    assert logged_in(bob)


def test_the_same_user_from_another_address_can_log_in(alice_locked_out):
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    assert log_in(elsewhere, "alice", "alice-right-password").status_code == 302


def test_a_forwarded_for_header_does_not_escape_the_lockout(alice_locked_out):
    response = log_in(alice_locked_out, "alice", "alice-right-password", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert response.status_code == 429


def test_a_few_typos_do_not_lock_out(curators):
    client = Client()
    for n in range(4):
        assert log_in(client, "alice", f"typo-{n}").status_code == 200
    assert log_in(client, "alice", "alice-right-password").status_code == 302


def test_test_client_logins_still_work(curators, api_client):
    for _ in range(6):
        assert not api_client.login(username="alice", password="wrong")
    assert api_client.login(username="alice", password="alice-right-password")
