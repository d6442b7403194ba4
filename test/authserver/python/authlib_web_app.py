"""Authlib (Debian's python3-authlib) as a confidential web app against a running Consentry.

Protocol on stdin/stdout, one JSON object per line:
  argv: issuer client_id client_secret redirect_uri
  out: {"metadata_ok": true, "authorization_url": "..."}
  in:  {"callback": "https://portal.example.org/cb?code=..."}
  out: {"token": {...}, "events": {...}, "refreshed": {...}, "revoked": <status>, "after_revoke": <status>}
"""
import json
import sys

import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.oauth2.rfc8414 import AuthorizationServerMetadata
from authlib.common.security import generate_token

issuer, client_id, client_secret, redirect_uri = sys.argv[1:5]

meta = requests.get(issuer + "/.well-known/oauth-authorization-server", timeout=30).json()
# Authlib's RFC 8414 validation, every rule of it: raises on anything a strict client refuses.
# Its https rule is met the only way a loopback test can: the server's own http://127.0.0.1 base
# is read as https (as behind a TLS proxy); every other rule applies to the document as served.
as_https = json.loads(json.dumps(meta).replace(issuer, "https" + issuer[len("http"):]))
AuthorizationServerMetadata(as_https).validate()

session = OAuth2Session(
    client_id,
    client_secret,
    scope="participants:read",
    redirect_uri=redirect_uri,
    code_challenge_method="S256",
    token_endpoint_auth_method="client_secret_basic",
)
verifier = generate_token(64)
url, state = session.create_authorization_url(meta["authorization_endpoint"], code_verifier=verifier)
print(json.dumps({"metadata_ok": True, "authorization_url": url}), flush=True)

callback = json.loads(sys.stdin.readline())["callback"]
token = session.fetch_token(meta["token_endpoint"], authorization_response=callback, code_verifier=verifier)
events = session.get(issuer + "/api/events", timeout=30).json()
refreshed = session.refresh_token(meta["token_endpoint"], refresh_token=token["refresh_token"])
revoked = session.revoke_token(meta["revocation_endpoint"], token=refreshed["refresh_token"], token_type_hint="refresh_token")
after = requests.get(
    issuer + "/api/events", headers={"Authorization": "Bearer " + refreshed["access_token"]}, timeout=30
)
print(
    json.dumps(
        {
            "token": {k: token[k] for k in ("token_type", "scope") if k in token},
            "had_refresh": bool(token.get("refresh_token")),
            "rotated": refreshed.get("refresh_token") != token.get("refresh_token"),
            "events": events,
            "revoked": revoked.status_code,
            "after_revoke": after.status_code,
        }
    ),
    flush=True,
)
