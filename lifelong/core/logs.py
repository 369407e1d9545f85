"""Structured logs: one JSON object per line, for a log collector (Loki, Elasticsearch, CloudWatch …) to index.

Chosen by LOG_FORMAT=json, the default when DEBUG is off (config/settings.py); gunicorn's access log uses the same
shape (config/gunicorn.conf.py). Each line holds the time (UTC, ISO 8601), the level, the logger, the message, and
what the record carries besides: Django's request logs add the status code and the path (never the query string,
which may hold a question or a search); an exception adds its type and traceback.
"""

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has: the rest were passed in `extra=` and are logged as fields of their own.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"], entry["path"] = request.method, request.path
        if getattr(record, "status_code", None) is not None:
            entry["status"] = record.status_code
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in {"request", "status_code"} and not key.startswith("_"):
                entry[key] = value if isinstance(value, str | int | float | bool | type(None)) else repr(value)
        if record.exc_info:
            entry["error"] = record.exc_info[0].__name__ if record.exc_info[0] else ""
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
