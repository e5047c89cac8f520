"""Settings every gunicorn serving the registry shares (gunicorn reads ./gunicorn.conf.py); bind and workers vary."""

# The longest request line gunicorn accepts, as long as nginx's default 8 KB header buffer: a long filter URL
# reaches the app, which names a bad parameter in JSON. Longer lines get the HTTP server's HTML 414.
limit_request_line = 8190
