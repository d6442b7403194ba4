"""A JSON API client in another language: Python's standard library only (urllib).

Usage: api_client.py BASE_URL API_KEY METHOD PATH [JSON_BODY]
Prints one JSON object: {"status": int, "content_type": str, "www_authenticate": str|None, "body": ...}
API_KEY "-" sends no Authorization header.
"""
import json
import sys
import urllib.error
import urllib.request


def call(base, key, method, path, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Accept", "application/json, application/problem+json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if key != "-":
        req.add_header("Authorization", "Bearer " + key)
    try:
        with urllib.request.urlopen(req, timeout=60) as res:
            return res.status, res.headers, res.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def main():
    base, key, method, path = sys.argv[1:5]
    body = json.loads(sys.argv[5]) if len(sys.argv) > 5 else None
    status, headers, raw = call(base, key, method, path, body)
    out = {
        "status": status,
        "content_type": headers.get("Content-Type"),
        "www_authenticate": headers.get("WWW-Authenticate"),
        "body": json.loads(raw) if raw else None,
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
