#!/usr/bin/env python3
"""A burst of publications through the gateway, then every item checked (./loa compose test, the scale-out step).

    burst.py GATEWAY-URL [ITEMS] [WORKERS]

ITEMS items (default 300) go to the demo communes that have a task taking credit now, and one in ten more to the
others. In each commune its editor writes items that each name one task of the commune (a task of an
issued plan whose period is open now; where a commune has none, a task whose period is closed: those items must
credit nothing), its leader approves them, the editor publishes them on the portal. Then it
waits until every item is credited and checks, item by item and task by task:
  * every item is credited exactly once, to the task it names (no item twice, none missing);
  * every task's `credited` grew by exactly the items that name it (none for a closed period);
  * every commune dashboard (report-service) shows for each task the same total as task-service.
Exit status 0 when all hold; the figures go to stdout (items, credits, time to all credited, duplicates).
Python 3 standard library only; traffic only to GATEWAY-URL.
"""
import json
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

BASE = sys.argv[1].rstrip("/")
ITEMS = int(sys.argv[2]) if len(sys.argv) > 2 else 300
WORKERS = int(sys.argv[3]) if len(sys.argv) > 3 else 6
COMMUNES = ["kim-thanh", "tien-minh", "nguyen-luong-bang", "bach-mai", "ky-lac"]
RUN = datetime.now(timezone.utc).strftime("%H%M%S")


RETRIED = threading.local()
# the states an item is in once a step went through
AFTER = {"submit": ("SUBMITTED", "APPROVED", "PUBLISHING", "PUBLISHED", "PARTIALLY_PUBLISHED"),
         "approve": ("APPROVED", "PUBLISHING", "PUBLISHED", "PARTIALLY_PUBLISHED"),
         "publish": ("PUBLISHING", "PUBLISHED", "PARTIALLY_PUBLISHED")}


def call(method, path, token=None, body=None, attempts=5):
    data = None if body is None else json.dumps(body).encode()
    RETRIED.value = False
    for attempt in range(attempts):
        RETRIED.value = attempt > 0
        req = urllib.request.Request(BASE + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                text = r.read().decode()
                return r.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as e:
            text = e.read().decode(errors="replace")
            if e.code in (429, 502, 503, 504) and attempt + 1 < attempts:
                time.sleep(1 + attempt)
                continue
            return e.code, text
        except (urllib.error.URLError, TimeoutError) as e:
            if attempt + 1 < attempts:
                time.sleep(1 + attempt)
                continue
            return 0, str(e)
    return 0, "no answer"


def token(user):
    status, body = call("POST", "/api/auth/token", body={"username": user, "password": "demo"})
    if status != 200:
        raise SystemExit(f"token for {user}: HTTP {status} {body}")
    return body["access_token"]


def parse(ts):
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


def tasks_of(leader):
    now = datetime.now(timezone.utc)
    status, plans = call("GET", "/api/plans", leader)
    found = {}
    for plan in plans:
        if plan.get("status") not in ("ISSUED", "AMENDED"):
            continue
        _, summaries = call("GET", "/api/tasks?plan=" + plan["id"], leader)
        for s in summaries:
            _, t = call("GET", "/api/tasks/" + s["id"], leader)
            if t.get("status") == "WITHDRAWN":
                continue
            found[t["id"]] = t
    usable = [t for t in found.values()
              if any(p.get("status") != "CANCELLED" and parse(p["start"]) <= now < parse(p["end"]) for p in t["periods"])]
    return found, usable


def active_credits(task):
    return [c["itemId"] for c in task.get("credits", []) if not c.get("withdrawn")]


def main():
    tokens = {}
    for c in COMMUNES:
        tokens[c] = (token(c + ".editor"), token(c + ".leader"))
    baseline, targets, crediting = {}, {}, {}
    for c in COMMUNES:
        found, usable = tasks_of(tokens[c][1])
        baseline[c] = {tid: t for tid, t in found.items()}
        # a task whose period is open takes credit; a commune without one gets items that must credit nothing
        targets[c] = [t["id"] for t in usable] or sorted(found)[:3]
        crediting[c] = bool(usable)
        if not targets[c]:
            raise SystemExit(f"{c}: no task in an issued plan")
    if not any(crediting.values()):
        raise SystemExit("no commune has a task whose period is open now: nothing could be credited")
    print(f"baseline: {sum(len(v) for v in baseline.values())} tasks; taking credit now: "
          + ", ".join(f"{c} {len(targets[c]) if crediting[c] else 0}" for c in COMMUNES)
          + f"; {ITEMS} items, {WORKERS} workers")

    items = []  # (no, commune, task, item id)
    lock = threading.Lock()
    failures = []
    resolved = []

    # ITEMS items in communes with a task taking credit, and one in ten more in the others (they must credit nothing)
    open_communes = [c for c in COMMUNES if crediting[c]]
    closed_communes = [c for c in COMMUNES if not crediting[c]]
    extra = ITEMS // 10 if closed_communes else 0

    def one(no):
        if no < ITEMS:
            c = open_communes[no % len(open_communes)]
            k = no // len(open_communes)
        else:
            c = closed_communes[(no - ITEMS) % len(closed_communes)]
            k = (no - ITEMS) // len(closed_communes)
        task = targets[c][k % len(targets[c])]
        editor, leader = tokens[c]
        status, item = call("POST", "/api/contents", editor, {
            "title": f"Bản tin CCHC số {no} ({RUN})", "body": "<p>Tuyên truyền cải cách hành chính.</p>",
            "kind": "NEWS", "themes": ["Cải cách hành chính"], "taskIds": [task], "channels": ["portal"]})
        if status not in (200, 201):
            with lock:
                failures.append(f"item {no}: create HTTP {status} {str(item)[:200]}")
            return
        iid = item["id"]
        for step, who, body in (("submit", editor, None), ("approve", leader, None), ("publish", editor, {})):
            status, answer = call("POST", f"/api/contents/{iid}/{step}", who, body)
            if status == 409 and RETRIED.value:
                # a first attempt answered 502/503/504 (the gateway gave up waiting) but went through: the 409 of the
                # retry is that step already done — accepted only if the item's state says so, and counted
                got, now = call("GET", f"/api/contents/{iid}", editor)
                if got == 200 and now.get("status") in AFTER[step]:
                    with lock:
                        resolved.append(f"item {no} {iid}: {step} answered 409 on a retry, the item is {now.get('status')}")
                    continue
            if status != 200:
                with lock:
                    failures.append(f"item {no} {iid}: {step} HTTP {status} {str(answer)[:200]}")
                return
        with lock:
            items.append((no, c, task, iid))

    t0 = time.time()
    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(one, range(ITEMS + extra)))
    sent = time.time() - t0
    print(f"published {len(items)}/{ITEMS + extra} items in {sent:.1f} s ({len(items) / sent:.1f}/s); request failures: {len(failures)}; "
          f"409 on a retry resolved from the item's state: {len(resolved)}")
    for r in resolved[:10]:
        print("  " + r)
    for f in failures[:10]:
        print("  " + f)

    # wait until every item is credited to its task
    by_task = {}
    for no, c, task, iid in items:
        by_task.setdefault((c, task), set()).add(iid)
    expected = {key: (1 if crediting[key[0]] else 0) for key in by_task}
    deadline = time.time() + 600
    while True:
        missing = 0
        current = {}
        for (c, task), ids in by_task.items():
            _, t = call("GET", "/api/tasks/" + task, tokens[c][1])
            current[(c, task)] = t
            if expected[(c, task)]:
                missing += len(ids - set(active_credits(t)))
        if missing == 0 or time.time() > deadline:
            break
        time.sleep(2)
    credited_after = time.time() - t0
    problems = []
    duplicates = 0
    credits = 0
    for (c, task), ids in by_task.items():
        t = current[(c, task)]
        active = active_credits(t)
        credits += sum(1 for i in active if i in ids)
        for iid in ids:
            n = active.count(iid)
            if n != expected[(c, task)]:
                problems.append(f"{c} task {task}: item {iid} credited {n} times, expected {expected[(c, task)]}")
            duplicates += max(0, n - 1)
        if len(active) != len(set(active)):
            problems.append(f"{c} task {task}: duplicate credits {len(active) - len(set(active))}")
        before = baseline[c][task]
        want = before["credited"] + len(ids) * expected[(c, task)]
        if t["credited"] != want:
            problems.append(f"{c} task {task}: credited {before['credited']} → {t['credited']}, expected {want}")
    # an item credited to a task it does not name
    named = {iid: task for (_, task), ids in by_task.items() for iid in ids}
    for c in COMMUNES:
        for tid in baseline[c]:
            if (c, tid) in by_task:
                continue
            _, t = call("GET", "/api/tasks/" + tid, tokens[c][1])
            stray = [i for i in active_credits(t) if i in named]
            if stray:
                problems.append(f"{c} task {tid}: credits items of other tasks {stray[:3]}")
    # dashboards (report-service) agree with task-service, once they have caught up
    dash_deadline = time.time() + 120
    while True:
        mismatches = []
        for c in COMMUNES:
            _, d = call("GET", "/api/dashboard", tokens[c][1])
            for v in d.get("tasks", []):
                if (c, v["taskId"]) in current:
                    want = current[(c, v["taskId"])]["credited"]
                    if v["totalCredited"] != want:
                        mismatches.append(f"{c} dashboard task {v['taskId']}: {v['totalCredited']} ≠ {want}")
        if not mismatches or time.time() > dash_deadline:
            break
        time.sleep(2)
    problems += mismatches
    should = sum(len(ids) * expected[key] for key, ids in by_task.items())
    print(f"items: {len(items)} ({should} in an open period, {len(items) - should} outside: must credit nothing); "
          f"credits: {credits}; duplicates: {duplicates}; "
          f"all credited after {credited_after:.1f} s from the first request; dashboard mismatches: {len(mismatches)}")
    for p in problems[:20]:
        print("  PROBLEM " + p)
    ok = not problems and not failures and len(items) == ITEMS + extra
    print("OK: every item credited exactly once, dashboards agree" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
