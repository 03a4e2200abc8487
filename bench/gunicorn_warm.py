"""gunicorn settings of the response bench: the app is loaded once in the master and warmed up
(one page and one refused post: templates, URL resolver, catalogues, the first query) before the
workers fork, so no participant waits for a cold worker; no access log (it would print client
addresses)."""

preload_app = True
accesslog = None


def when_ready(server):
    from django.db import connections
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/v/BENCH234/")
    client.post("/v/BENCH234/", {"nut": "geen getal"})
    connections.close_all()  # no connection shared by the forked workers
