"""What the benchmark prints under its table: paths, bytes per page, timelines, edits."""

from __future__ import annotations

from measure_lighthouse import TARGET_LH
from stats import fmt


def print_links(links: dict) -> None:
    if not links:
        return
    print("\nStart paths and background caching per link (each run):")
    for name, runs in links.items():
        paths = [r["cold"]["pythonStart"] for r in runs]
        kept = [f"{r['cold']['background']['seconds']:.0f} s" for r in runs]
        print(f"  {name}: cold {paths}; repeat {[r['repeat']['pythonStart'] for r in runs]}")
        print(f"      service worker kept the bundle {kept} after the first preview")
    waits = [r[k]["settledS"] for runs in links.values() for r in runs for k in ("floor", "cold")]
    if max(waits) > 0:
        print(
            f"  Fresh browsers went quiet before each floor and cold visit after "
            f"{min(waits):.1f}-{max(waits):.1f} s (quiet.py)"
        )
    else:
        print("  Floor and cold visits began during each fresh browser's start-up (--no-settle)")


def print_edits(ed: dict) -> None:
    print(f"\nEdit -> preview by field (ms; {ed['missed']} edits got no preview):")
    for field, v in ed["byField"].items():
        print(f"  {field:<14} median {v['median']:5.1f}  p95 {v['p95']:5.1f}  n={v['n']}")


def print_details(res: dict) -> None:
    print_links(res.get("links") or {})
    if res.get("bytes"):
        print("\nBytes per page (fresh profile; workers' requests included):")
        print(f"  {'page':<28} {'requests':>8} {'sent':>10} {'unpacked':>10} {'/pyodide/':>10}")
    for path, v in (res.get("bytes") or {}).items():
        print(
            f"  /{path:<27} {v['requests']:>8} {fmt(v['bytes'], 'kB'):>10} "
            f"{fmt(v['rawBytes'], 'kB'):>10} {fmt(v['pyodideBytes'], 'kB'):>10}"
        )
    mem = res.get("memory")
    if mem:
        w = mem[len(mem) // 2]["worker"]
        t = mem[len(mem) // 2]["timings"]
        print("\nBuilder start-up timeline (one instrumented cold load; ms from navigation):")
        for key in (
            "responseEnd",
            "fcp",
            "domContentLoaded",
            "enhanced",
            "workerCreated",
            "progress1",
            "progress2",
            "progress3",
            "workerReady",
            "firstResult",
            "ready",
        ):
            if t.get(key) is not None:
                print(f"  page   {key:<26} {t[key]:8.0f}")
        for key, value in sorted(w["marks"].items(), key=lambda kv: kv[1]):
            print(f"  worker {key:<26} {value:8.0f}")
        for r in sorted(w["resources"], key=lambda r: r["start"]):
            print(
                f"  fetch  {r['name'][:26]:<26} {r['start']:8.0f} -> {r['end']:6.0f}  "
                f"{fmt(r['bytes'], 'kB')}"
            )
    ed = res.get("edits")
    if ed:
        print_edits(ed)
    lh = res.get("lighthouse")
    if lh:
        print("\nLighthouse (mobile preset, the default; simulated throttling), median per page:")
        print(f"  {'page':<28} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5}")
        for path, v in lh.items():
            s = [fmt(v["scores"][c]["median"], "score") for c in TARGET_LH]
            print(f"  /{path:<27} {s[0]:>5} {s[1]:>5} {s[2]:>5} {s[3]:>5}")
            for audit, shown in v["failingAudits"].items():
                print(f"      below full marks: {audit} ({shown})")
            for error in v["errors"]:
                print(f"      lighthouse failed: {error.strip()[:200]}")
    if res["problems"]:
        print("\nProblems seen:")
        for p in res["problems"][:20]:
            print("  " + p)
