"""gunicorn's settings for the container image and `make`-less deployments (docs/deployment.md).

Everything can be set from the environment (gunicorn reads GUNICORN_CMD_ARGS too): the port, the workers, the
timeout. The access log is one JSON object per line, like the app's own logs (lifelong/core/logs.py), without the
query string (it may hold a person's question or search).
"""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))  # bounded memory in long-lived workers
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
access_log_format = ('{"time": "%(t)s", "logger": "gunicorn.access", "method": "%(m)s", "path": "%(U)s", '
                     '"status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s}')
