"""Fixtures of other apps that the cross-cutting tests of core (hardening, fuzzing, permissions) reuse."""

from lifelong.activities.tests.conftest import skills  # noqa: F401 (a fixture, used by name)
from lifelong.reports.tests.conftest import reporting  # noqa: F401 (a fixture, used by name)
