"""Fixtures of other apps the learners' tests reuse."""

from lifelong.activities.tests.conftest import skills  # noqa: F401 (a fixture, used by name)
