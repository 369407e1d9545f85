"""Deployment settings (issue 11, point 9): DEBUG off unless turned on, `check --deploy` clean with the
documented production environment, and the headers that keep every page to its own scripts and styles
(Content-Security-Policy) and its own camera (Permissions-Policy)."""

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from conftest import browser_login
from lifelong.orgs.models import Membership, User
from lifelong.reports.tests.conftest import reporting  # noqa: F401 - a fixture used below

ROOT = Path(__file__).resolve().parents[3]
DEPLOYMENT_DOC = ROOT / "docs" / "deployment.md"
# What this machine puts in place of the <...> values of the documented production environment.
LOCAL_VALUES = {
    "SECRET_KEY": "test-deploy-" + "k3y-Vq8z" * 8,
    "CACHE_URL": "redis://127.0.0.1:6379/1",  # Redis runs here; check --deploy only reads the setting
    # A throwaway certificate signing key (docs/certificates.md), as production would set its own.
    "CREDENTIAL_SIGNING_KEY": Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode(),
}


def documented_production_env() -> dict[str, str]:
    """The KEY=value lines of the block that follows "Production environment" in docs/deployment.md."""
    text = DEPLOYMENT_DOC.read_text(encoding="utf-8")
    block = re.search(r"^## Production environment\n.*?```sh\n(.*?)```", text, re.S | re.M)
    assert block, "docs/deployment.md has lost its production environment block"
    env = {}
    for line in block.group(1).splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key] = value
    return env


def _clean_run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """Runs the project's Python with nothing of this process's environment but PATH and HOME."""
    base = {key: os.environ[key] for key in ("PATH", "HOME") if key in os.environ}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=base | env, capture_output=True, text=True,
                          timeout=120)


def test_documented_production_environment_sets_what_deployment_needs():
    env = documented_production_env()
    assert env.get("DEBUG", "0") == "0"
    assert env["BEHIND_TLS_PROXY"] == "1" and env["SECURE_SSL_REDIRECT"] == "1"
    assert int(env["SECURE_HSTS_SECONDS"]) >= 31536000
    assert env["ALLOWED_HOSTS"] and env["CSRF_TRUSTED_ORIGINS"].startswith("https://")
    assert env["SECRET_KEY"].startswith("<") and env["CACHE_URL"].startswith("<")  # filled in per machine
    table = DEPLOYMENT_DOC.read_text(encoding="utf-8").split("## Production environment")[0]
    assert [key for key in env if f"`{key}`" not in table] == []  # each one is explained in the table


def test_check_deploy_passes_with_the_documented_production_environment(tmp_path):
    env = documented_production_env()
    for key, value in env.items():
        if value.startswith("<"):
            env[key] = LOCAL_VALUES.get(key, "")
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'check.sqlite3'}"  # never opened by check
    result = _clean_run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_without_the_https_settings(tmp_path):
    env = {key: LOCAL_VALUES.get(key, value) if value.startswith("<") else value
           for key, value in documented_production_env().items()}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'check.sqlite3'}"
    del env["SECURE_HSTS_SECONDS"], env["SECURE_SSL_REDIRECT"]
    result = _clean_run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


def test_debug_is_off_when_nothing_turns_it_on():
    code = ("import os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'; django.setup(); "
            "from django.conf import settings as s; "
            "print(s.DEBUG, s.ALLOWED_HOSTS, s.STORAGES['staticfiles']['BACKEND'], s.SESSION_COOKIE_SECURE)")
    result = _clean_run(["-c", code], {})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "[]", "whitenoise.storage.CompressedManifestStaticFilesStorage", "True"]
    turned_on = _clean_run(["-c", code], {"DEBUG": "1"})
    assert turned_on.stdout.split()[0] == "True", turned_on.stderr


# Headers ------------------------------------------------------------------------------------------

def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def permissions(header: str) -> dict[str, str]:
    return dict(item.strip().split("=", 1) for item in header.split(","))


@pytest.fixture
def pages(tree, reporting, make_user):  # noqa: F811 - the fixture imported above
    from lifelong.campaigns.services import campaign_create

    campaign_create(actor=None, owner=tree.ministry, year=2026, theme="Học tập suốt đời năm 2026",
                    start_date=date(2026, 10, 1), end_date=date(2026, 10, 7))
    make_user(tree.taymo, Membership.Role.ADMIN, username="cb.taymo", password="mat-khau-phuong-1")
    unit, c = tree.taymo.pk, reporting.pk
    return {
        "anonymous": ["/", "/activities/", "/activities/calendar/", "/units/", "/campaigns/", "/accounts/login/",
                      "/api/v1/docs"],
        "cb.taymo": ["/", "/activities/", f"/units/{unit}/", f"/units/{unit}/plans/?campaign={c}",
                     f"/units/{unit}/coverage/?campaign={c}", f"/units/{unit}/completeness/?campaign={c}",
                     f"/units/{unit}/totals/?campaign={c}", f"/units/{unit}/report/?campaign={c}",
                     f"/units/{unit}/activities/", "/notifications/", "/account/", "/api/v1/docs"],
    }


def test_every_html_page_forbids_inline_code_and_shares_the_camera_only_with_itself(client, pages):
    seen = 0
    for username, paths in pages.items():
        if username != "anonymous":
            client.force_login(User.objects.get(username=username))
        for path in [*paths, "/no-such-page/"]:
            response = client.get(path)
            assert response.status_code == (404 if path == "/no-such-page/" else 200), path
            assert response["Content-Type"].startswith("text/html"), path
            csp = csp_directives(response["Content-Security-Policy"])
            assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"], path
            assert "'unsafe-inline'" not in response["Content-Security-Policy"], path
            assert "'unsafe-eval'" not in response["Content-Security-Policy"], path
            assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"], path
            assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'self'"], path
            allowed = permissions(response["Permissions-Policy"])
            assert allowed["camera"] == "(self)" and allowed["geolocation"] == "(self)", path
            assert allowed["microphone"] == "()" and allowed["payment"] == "()", path
            assert [f for f, v in allowed.items() if v != "()"] == ["camera", "geolocation"], path
            seen += 1
    assert seen == sum(len(paths) + 1 for paths in pages.values())


# Templates ----------------------------------------------------------------------------------------

TEMPLATE_DIRS = [ROOT / "templates", *sorted((ROOT / "lifelong").glob("*/templates"))]
INLINE_CODE = [
    # A JSON-LD data block (type="application/ld+json") is data, never run: the policy does not apply to it.
    ("inline <script>", re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*\btype=\"application/ld\+json\")[^>]*>", re.I)),
    ("event handler attribute", re.compile(r"<[a-z][^>]*?\son[a-z]+\s*=", re.I | re.S)),
    ("htmx hx-on attribute", re.compile(r"\s(?:hx|data-hx)-on\b", re.I)),
    ("javascript: URL", re.compile(r"javascript:", re.I)),
    ("style attribute", re.compile(r"<[a-z][^>]*?\sstyle\s*=", re.I | re.S)),
    ("<style> element", re.compile(r"<style\b", re.I)),
]


def inline_code(text: str) -> list[str]:
    return [name for name, pattern in INLINE_CODE if pattern.search(text)]


def test_the_template_scanner_finds_what_the_policy_blocks():
    assert inline_code('<select id="c" name="c" onchange="this.form.submit()">') == ["event handler attribute"]
    assert inline_code('<div class="bar"><span style="width: 40%"></span></div>') == ["style attribute"]
    assert inline_code("<script>htmx.config.x = 1</script>") == ["inline <script>"]
    assert inline_code('<button hx-on:click="go()">') == ["htmx hx-on attribute"]
    assert inline_code('<script src="/static/js/app.js" defer></script><p>Online, one = 1</p>') == []
    assert inline_code('<script type="application/ld+json">{"@type": "LearningResource"}</script>') == []


def test_no_template_has_inline_script_or_style():
    templates = [path for directory in TEMPLATE_DIRS for path in directory.rglob("*.html")]
    assert len(templates) > 40 and ROOT / "templates" / "base.html" in templates
    found = {str(path.relative_to(ROOT)): inline_code(path.read_text(encoding="utf-8")) for path in templates}
    assert {path: kinds for path, kinds in found.items() if kinds} == {}


def test_page_titles_hold_text_not_markup():
    """A title block is what the browser's tab and a search result show: text only (a form pasted into one by
    mistake goes unseen on screen)."""
    templates = [path for directory in TEMPLATE_DIRS for path in directory.rglob("*.html")]
    titles = {str(path.relative_to(ROOT)): match.group(1) for path in templates
              for match in [re.search(r"{% block title %}(.*?){% endblock %}", path.read_text(encoding="utf-8"), re.S)]
              if match}
    assert len(titles) > 40
    assert {path: title for path, title in titles.items() if re.search(r"<[a-z/]", title) or "\n" in title} == {}


# In Chromium --------------------------------------------------------------------------------------

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_pages_run_under_the_policy_in_chromium(live_server, browser, pages, tree, reporting):  # noqa: F811
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(10_000)
    console = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    browser_login(page, live_server, "cb.taymo", "mat-khau-phuong-1")
    unit, c = tree.taymo.pk, reporting.pk
    violations = {}
    for path in ["/", "/activities/", f"/units/{unit}/plans/?campaign={c}", f"/units/{unit}/completeness/?campaign={c}",
                 "/api/v1/docs"]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        if path == "/api/v1/docs":
            page.locator(".opblock").first.wait_for()  # Swagger UI has drawn the operations
        elif "completeness" in path:
            assert page.locator("meter.bar").count() >= 1
        # htmx was told not to inject its indicator <style>; nothing else adds one either
        assert page.evaluate("document.querySelectorAll('style').length") == 0, path
        violations[path] = page.evaluate("window.__cspViolations")
    assert violations == {path: [] for path in violations}
    assert [line for line in console if "Content Security Policy" in line or "Content-Security-Policy" in line] == []
    assert page.evaluate("['camera', 'geolocation', 'microphone'].map(f => document.featurePolicy.allowsFeature(f))"
                         ) == [True, True, False]

    # The campaign select still submits itself (static/js/app.js, data-autosubmit)
    page.goto(f"{live_server.url}/units/{unit}/plans/?campaign={c}")
    other = page.locator("#campaign option", has_text="2026").get_attribute("value")
    page.select_option("#campaign", other)
    page.wait_for_url(f"**/units/{unit}/plans/?campaign={other}")
    assert page.locator("#campaign").input_value() == other
    assert page.evaluate("window.__cspViolations") == []

    # The recorder does see a violation when there is one
    page.evaluate("document.head.insertAdjacentHTML('beforeend', '<style>body { color: red }</style>')")
    page.wait_for_function("window.__cspViolations.length > 0")
    assert page.evaluate("window.__cspViolations")[0].startswith("style-src")
    context.close()
