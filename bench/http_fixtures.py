#!/usr/bin/env python3
"""Fixtures of the HTTP bench (bench/run.sh), read from the generated SQLite dataset.

evaluators DB N            evaluators of the open quarter's sheets, most sheets first, until N
                           sheets: "IIN BODYCODE" a line (run.sh creates their users)
drafts DB URL PASSWORD N   one line per sheet for bench/draft.lua: id, path, version, token,
                           body; the version and parameters are read through the API
"""
import json
import sqlite3
import sys
import urllib.request

OPEN = """select s.Id, s.StateBodyId, e.Iin, b.Code from RatingSheets s
  join QuarterRounds r on r.Id = s.RoundId join Servants e on e.Id = s.EvaluatorId
  join StateBodies b on b.Id = s.StateBodyId
  where r.State = 'approved' and s.State = 'open'
    and r.Year * 10 + r.Quarter = (select max(Year * 10 + Quarter) from QuarterRounds)"""


def chosen(db, n):
    rows = sqlite3.connect(db).execute(OPEN).fetchall()
    by = {}
    for sheet, body, iin, code in rows:
        by.setdefault((iin, code), []).append((sheet, body))
    picked, total = [], 0
    for key, sheets in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if total >= n:
            break
        picked.append((key, sheets[: n - total]))
        total += len(picked[-1][1])
    return picked


def call(url, token=None, data=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(url, data=json.dumps(data).encode() if data is not None else None, headers=headers)
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def main():
    cmd, db = sys.argv[1], sys.argv[2]
    if cmd == "evaluators":
        for (iin, code), _ in chosen(db, int(sys.argv[3])):
            print(iin, code)
    elif cmd == "drafts":
        url, password, n = sys.argv[3], sys.argv[4], int(sys.argv[5])
        for (iin, _), sheets in chosen(db, n):
            token = call(url + "/api/v1/auth/token", data={"email": f"bench-eval-{iin}@bagalau.example", "password": password})["accessToken"]
            for sheet, body in sheets:
                path = f"/api/v1/bodies/{body.lower()}/quarters/sheets/{sheet.lower()}"
                dto = call(url + path, token)
                scores = [{"parameterId": p["id"], "score": 4, "comment": "bench"} for p in dto["parameters"][:2]]
                template = json.dumps({"version": 999999999, "scores": scores}).replace("999999999", "%d")
                print("\t".join([dto["id"], path + "/draft", str(dto["version"]), token, template]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
