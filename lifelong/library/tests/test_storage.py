"""Where uploaded files live: the local disk by default, an S3-compatible store when the environment says so."""

import json
import os
import subprocess
import sys

from django.conf import settings

PROBE = ("import django, json; django.setup(); from django.core.files.storage import storages; "
         "s = storages['default']; "
         "print(json.dumps([type(s).__module__ + '.' + type(s).__name__, getattr(s, 'bucket_name', None), "
         "getattr(s, 'endpoint_url', None), getattr(s, 'default_acl', None), getattr(s, 'location', None)]))")


def _storage_with(extra_env: dict) -> list:
    env = {key: value for key, value in os.environ.items() if not key.startswith("S3_")}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "1", **extra_env})
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=settings.BASE_DIR, env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_files_go_to_the_local_disk_unless_a_bucket_is_set():
    assert _storage_with({})[0] == "django.core.files.storage.filesystem.FileSystemStorage"


def test_a_bucket_in_the_environment_sends_files_to_an_s3_compatible_store():
    backend, bucket, endpoint, acl, prefix = _storage_with({
        "S3_BUCKET": "lifelong-media", "S3_ENDPOINT_URL": "https://s3.example.vn", "S3_PREFIX": "prod",
        "S3_ACCESS_KEY_ID": "id", "S3_SECRET_ACCESS_KEY": "secret"})
    assert (backend, bucket, endpoint, acl, prefix) == (
        "storages.backends.s3.S3Storage", "lifelong-media", "https://s3.example.vn", "private", "prod")
