# The one image of the platform: the web app under gunicorn (the default command) and, with another command, the
# background worker (`python manage.py db_worker`) and the one-off jobs (migrate, load_units, the daily commands).
# Settings come only from the environment (docs/deployment.md); nothing secret is baked in.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never UV_COMPILE_BYTECODE=1 \
    PATH=/app/.venv/bin:$PATH

RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /app
# The dependencies first, in a layer of their own: a change of the code does not reinstall them.
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
# Static files are collected into the image and served by whitenoise (compressed, cache-busted names); the
# translations (.mo) are committed, so gettext is not needed here.
RUN DEBUG=1 python manage.py collectstatic --noinput -v0 \
    && useradd --uid 10001 --home-dir /app --no-create-home app \
    && mkdir -p /app/var/media && chown -R app /app/var
USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
CMD ["gunicorn", "config.wsgi", "-c", "config/gunicorn.conf.py"]
