"""Settings every gunicorn serving the registry shares (gunicorn reads ./gunicorn.conf.py); bind and workers vary."""

# The longest request line gunicorn accepts, as long as nginx's default 8 KB header buffer: a long filter URL
# reaches the app, which names a bad parameter in JSON. Longer lines get the HTTP server's HTML 414.
limit_request_line = 8190

# Seconds a worker may spend on one request before it is restarted. The registry download is built in about
# 45 s at 100,000 measures (once per registry change, then served from the cache), so the default 30 s is too short.
timeout = 90
