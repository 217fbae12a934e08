"""Settings: stack config first, then the environment; clear errors; nothing secret shown."""

from __future__ import annotations

import pytest

from pulumi_dataddo import redaction, settings


def test_config_wins_over_environment() -> None:
    config = {"dataddo:baseUrl": "http://127.0.0.1:9/customer-api/v1/", "dataddo:email": "a@b"}
    env = {"DATADDO_EMAIL": "env@b", "DATADDO_PASSWORD": "env-password"}
    resolved = settings.resolve(config.get, env)
    assert resolved.base_url == "http://127.0.0.1:9/customer-api/v1"
    assert (resolved.email, resolved.password) == ("a@b", "env-password")


def test_defaults_and_redacted_repr() -> None:
    resolved = settings.resolve(lambda _: None, {"DATADDO_ACCESS_TOKEN": "tok-12345"})
    assert resolved.base_url == settings.DEFAULT_BASE_URL
    assert "tok-12345" not in repr(resolved)
    assert redaction.redact("tok-12345") == "***"


def test_missing_credentials_name_config_keys_and_env_vars() -> None:
    with pytest.raises(settings.SettingsError) as raised:
        settings.resolve(lambda _: None, {}).require_credentials()
    message = str(raised.value)
    for name in (
        "dataddo:accessToken",
        "DATADDO_ACCESS_TOKEN",
        "dataddo:email",
        "DATADDO_EMAIL",
        "dataddo:password",
        "DATADDO_PASSWORD",
    ):
        assert name in message


def test_stack_config_is_process_wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATADDO_BASE_URL", raising=False)
    stack = {"dataddo:baseUrl": "http://127.0.0.1:1/v1", "other:key": "x"}
    settings.configure_stack(stack.get)
    try:
        assert settings.current().base_url == "http://127.0.0.1:1/v1"
    finally:
        settings.configure_stack(lambda _: None)
    assert settings.current().base_url == settings.DEFAULT_BASE_URL


def test_the_timeout_comes_from_config_then_the_environment() -> None:
    assert settings.resolve(lambda _: None, {}).timeout == settings.DEFAULT_TIMEOUT
    env = {"DATADDO_TIMEOUT": "2.5"}
    assert settings.resolve(lambda _: None, env).timeout == 2.5
    assert settings.resolve({"dataddo:timeout": "7"}.get, env).timeout == 7.0


@pytest.mark.parametrize("value", ["0", "-1", "soon", "inf", "nan"])
def test_a_bad_timeout_names_the_setting(value: str) -> None:
    with pytest.raises(settings.SettingsError, match=r"dataddo:timeout \(DATADDO_TIMEOUT\)"):
        settings.resolve(lambda _: None, {"DATADDO_TIMEOUT": value})


def test_parallelism_comes_from_config_then_the_environment() -> None:
    assert settings.resolve(lambda _: None, {}).parallelism == settings.DEFAULT_PARALLELISM
    env = {"DATADDO_PARALLELISM": "8"}
    assert settings.resolve(lambda _: None, env).parallelism == 8
    assert settings.resolve({"dataddo:parallelism": "64"}.get, env).parallelism == 64


@pytest.mark.parametrize("value", ["0", "-2", "1.5", "many"])
def test_a_bad_parallelism_names_the_setting(value: str) -> None:
    named = r"dataddo:parallelism \(DATADDO_PARALLELISM\)"
    with pytest.raises(settings.SettingsError, match=named):
        settings.resolve({"dataddo:parallelism": value}.get, {})


@pytest.mark.parametrize(
    "url", ["headless.dataddo.com/customer-api/v1", "ftp://x", "localhost:8004"]
)
def test_a_base_url_without_an_http_scheme_names_the_setting(url: str) -> None:
    with pytest.raises(settings.SettingsError, match=r"dataddo:baseUrl \(DATADDO_BASE_URL\) must"):
        settings.resolve(lambda _: None, {"DATADDO_BASE_URL": url})


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"DATADDO_EMAIL": "a@example.com"}, "dataddo:password is not: set dataddo:password with"),
        ({"DATADDO_PASSWORD": "pw-123456"}, "dataddo:email is not: set dataddo:email (env"),
    ],
)
def test_half_a_login_says_which_half_is_missing(env: dict[str, str], missing: str) -> None:
    resolved = settings.resolve(lambda _: None, env)
    with pytest.raises(settings.SettingsError) as raised:
        resolved.require_credentials()
    assert missing in str(raised.value)
