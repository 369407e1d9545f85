"""Settings of the test suite (pyproject.toml points pytest here): config.settings with DEBUG on.

config.settings keeps DEBUG off unless the environment turns it on. With it off, the defaults are the
production ones: no allowed host and the manifest static storage, which needs a `collectstatic` before
any template renders. So `.venv/bin/pytest` on its own turns DEBUG on before those defaults are
computed, as `make test` does. pytest-django still runs each test with settings.DEBUG = False.
An explicit DEBUG in the environment wins (tests that start a subprocess with DEBUG=0 rely on it).
"""

import os

os.environ.setdefault("DEBUG", "1")

from config.settings import *  # noqa: E402, F403
