"""Lighthouse (mobile preset) per page, median of a few runs."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from browser import ROOT, chromium_path
from stats import fmt, summary

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
TARGET_LH = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}

LH_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
LH_METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
    "interactive",
)


def measure_lighthouse(base: str, pages: list[str], runs: int, workdir: Path, log) -> dict:
    env = {**os.environ, "CHROME_PATH": chromium_path() or "/usr/bin/chromium"}
    out: dict[str, dict] = {}
    for path in pages:
        scores: dict[str, list[float]] = {c: [] for c in TARGET_LH}
        metrics: dict[str, list[float]] = {m: [] for m in LH_METRICS}
        failing: dict[str, str] = {}
        errors = []
        for i in range(runs):
            report = workdir / f"lh-{i}.json"
            done = subprocess.run(  # noqa: S603 - our own Lighthouse, our URL
                [
                    str(LIGHTHOUSE),
                    base + path,
                    "--output=json",
                    f"--output-path={report}",
                    "--quiet",
                    f"--chrome-flags={LH_FLAGS}",
                ],
                env=env,
                capture_output=True,
                text=True,
                check=False,
                timeout=300,
            )
            if done.returncode != 0 or not report.exists():
                errors.append(done.stderr[-500:])
                continue
            data = json.loads(report.read_text(encoding="utf-8"))
            report.unlink()
            for category in TARGET_LH:
                score = data["categories"].get(category, {}).get("score")
                if score is not None:
                    scores[category].append(score * 100)
            for metric in LH_METRICS:
                value = data["audits"].get(metric, {}).get("numericValue")
                if value is not None:
                    metrics[metric].append(value)
            for category, info in data["categories"].items():
                for ref in info["auditRefs"]:
                    audit = data["audits"][ref["id"]]
                    if (
                        ref.get("weight", 0) > 0
                        and audit.get("score") is not None
                        and audit["score"] < 1
                    ):
                        failing[f"{category}/{ref['id']}"] = (
                            audit.get("displayValue") or f"score {audit['score']}"
                        )
        out[path] = {
            "scores": {c: summary(v) for c, v in scores.items()},
            "metrics": {m: summary(v) for m, v in metrics.items()},
            "failingAudits": failing,
            "errors": errors,
        }
        med = {c: out[path]["scores"][c]["median"] for c in TARGET_LH}
        log(f"  {path or '/'}: " + ", ".join(f"{c} {fmt(v, 'score')}" for c, v in med.items()))
    return out
