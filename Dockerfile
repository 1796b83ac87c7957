# One image for every process: `web` (gunicorn) and `worker` (django-tasks db_worker).
# docker-compose.yml runs it; docs/deployment.md explains the settings.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings \
    DJANGO_DEBUG=0 \
    GUNICORN_WORKERS=2 \
    GUNICORN_THREADS=4 \
    GUNICORN_MAX_REQUESTS=1000 \
    CLAIMLENS_EXPORT_DIR=/data/exports

WORKDIR /app

# The pinned dependencies first, so that code changes do not reinstall them.
# pyproject.toml declares no packages: `pip install .` installs only the dependencies, here
# the runtime ones and the extras named by EXTRAS (never the `test` extra).
# EXTRAS: `training` (CoNLL, spaCy DocBin and Parquet exports: a deployed service is where
# researchers export training data from) and `s3` (export files in object storage).
ARG EXTRAS="s3,training"
COPY pyproject.toml ./
RUN pip install ".${EXTRAS:+[$EXTRAS]}" && rm -rf build *.egg-info

COPY . .

# Static files are collected at build time and served by whitenoise.
# The key below exists only for this build step; it is not used at run time.
RUN DJANGO_SECRET_KEY=collectstatic-build-only python manage.py collectstatic --noinput

# The export folder belongs to the app's user; a named volume mounted there starts with this
# ownership, so web and worker (which share it) can both write.
RUN useradd --create-home --uid 10001 claimlens \
    && mkdir -p /data/exports && chown claimlens:claimlens /data/exports
USER claimlens

EXPOSE 8000

# The same command docker-compose.yml runs once its `migrate` service has finished.
# --max-requests: each gunicorn worker is replaced after that many requests (memory held by a
# large import or export goes back to the system); the jitter keeps them from all restarting at once.
CMD ["sh", "-c", "exec gunicorn config.wsgi --bind 0.0.0.0:8000 --workers ${GUNICORN_WORKERS} --threads ${GUNICORN_THREADS} --max-requests ${GUNICORN_MAX_REQUESTS} --max-requests-jitter 100 --access-logfile -"]
