"""The two calls `ccauth-sample-app users --page-size 5` makes, as a minimal Python script would make them.

A client-credentials token from GENESYS_TOKEN_URI, then the first page of GENESYS_BASE_URL/api/v2/users,
printed as name and email. SANDBOX_CA_FILE, when set, is the only CA trusted (the tool trusts only it too).
Only `requests` and the standard library.
"""
import os

import requests

env = os.environ
ca = env.get("SANDBOX_CA_FILE") or True
with requests.Session() as http:
    token = http.post(env["GENESYS_TOKEN_URI"], data={"grant_type": "client_credentials"},
                      auth=(env["GENESYS_CLIENT_ID"], env["GENESYS_CLIENT_SECRET"]), verify=ca, timeout=30)
    token.raise_for_status()
    page = http.get(env["GENESYS_BASE_URL"].rstrip("/") + "/api/v2/users", params={"pageSize": 5, "pageNumber": 1},
                    headers={"Authorization": "Bearer " + token.json()["access_token"]}, verify=ca, timeout=30)
    page.raise_for_status()
    print(f"{'NAME':<28}  EMAIL")
    for user in page.json()["entities"]:
        print(f"{user['name']:<28}  {user.get('email') or ''}")
