import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template
from django.utils import translation

from config import settings as config_settings
from lifelong.core import checks

ROOT = Path(__file__).resolve().parents[3]


def test_secret_key_check_refuses_dev_key_without_debug(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = settings.DEV_SECRET_KEY
    assert [e.id for e in checks.check_secret_key()] == ["lifelong.E001"]
    settings.SECRET_KEY = "a-real-secret-" + "x" * 40
    assert checks.check_secret_key() == []


def test_debug_on_allows_dev_key(settings):
    settings.DEBUG = True
    settings.SECRET_KEY = settings.DEV_SECRET_KEY
    assert checks.check_secret_key() == []


def _run(code: str, **env):
    full_env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    full_env.update(env)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True,
                          timeout=60)


def test_wsgi_refuses_to_start_with_dev_secret_and_debug_off():
    result = _run("import config.wsgi", DEBUG="0", ALLOWED_HOSTS="example.vn")
    assert result.returncode != 0
    assert "lifelong.E001" in result.stderr


def test_manage_check_refuses_with_dev_secret_and_debug_off():
    result = _run("import sys; sys.argv=['manage.py','check']; exec(open('manage.py').read())",
                  DEBUG="0", ALLOWED_HOSTS="example.vn")
    assert result.returncode != 0
    assert "lifelong.E001" in result.stderr


def test_wsgi_starts_with_a_real_secret():
    result = _run("import config.wsgi; print('ok')", DEBUG="0", ALLOWED_HOSTS="example.vn",
                  SECRET_KEY="k" * 50)
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


def test_env_helpers_are_strict(monkeypatch):
    monkeypatch.setenv("X_BOOL", "maybe")
    with pytest.raises(ImproperlyConfigured):
        config_settings.env_bool("X_BOOL", True)
    monkeypatch.setenv("X_BOOL", "off")
    assert config_settings.env_bool("X_BOOL", True) is False
    monkeypatch.setenv("X_INT", "12a")
    with pytest.raises(ImproperlyConfigured):
        config_settings.env_int("X_INT", 1)
    monkeypatch.setenv("X_LIST", "a.vn, b.vn,")
    assert config_settings.env_list("X_LIST", []) == ["a.vn", "b.vn"]


def test_language_time_zone_and_hashing_defaults():
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en"]
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert config_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_argon2_is_what_production_hashes_with(settings):
    settings.PASSWORD_HASHERS = config_settings.PASSWORD_HASHERS
    assert make_password("mật khẩu").startswith("argon2$")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_dates_render_day_month_year(language):
    with translation.override(language):
        rendered = Template("{{ d|date:'SHORT_DATE_FORMAT' }}|{{ d }}").render(Context({"d": date(2025, 10, 1)}))
    assert rendered == "01/10/2025|01/10/2025"


def test_cache_url_selects_redis_and_defaults_to_local_memory():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    setup = "import os, django; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings'); django.setup(); "
    shared = _run(setup + code, CACHE_URL="redis://127.0.0.1:6379/3")
    assert shared.stdout.strip() == "django.core.cache.backends.redis.RedisCache", shared.stderr
    local = _run(setup + code, CACHE_URL="")
    assert local.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache", local.stderr
