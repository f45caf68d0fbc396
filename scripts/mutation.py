"""Mutation testing of the rule modules with mutmut, one module group at a time (docs/testing.md §5).

Each group names the modules to mutate and the tests that hold their rules. For every group a scratch copy
of the project is made under ``build/mutation/<group>/`` with a ``[tool.mutmut]`` section for that group
alone, so a mutant is run against its own module's tests (and, inside those, only the tests that execute
the mutated function: mutmut records that per function). The report of every group run, with the diff of
each surviving mutant, is written to ``build/mutation/report.md`` and one JSON line per group is printed.

    python scripts/mutation.py [--workers N] [--report FILE] [--min-ratio R] [GROUP ...]   # no group: all
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "mutation"


@dataclass(frozen=True)
class Group:
    name: str
    modules: tuple[str, ...]
    tests: tuple[str, ...]
    #: Extra pytest arguments (e.g. a marker expression: the PostgreSQL cases of a test run on CI, not per mutant).
    pytest_args: tuple[str, ...] = ()


GROUPS: dict[str, Group] = {g.name: g for g in (
    Group("gate", ("kiosk/scanner/gate.py",), ("tests/scanner/test_gate.py",)),
    Group("cards-parse", ("kiosk/cards/bhyt.py", "kiosk/cards/cccd.py", "kiosk/cards/parse.py"),
          ("tests/cards/test_bhyt.py", "tests/cards/test_cccd.py", "tests/cards/test_personal_id.py")),
    Group("cards-numbers", ("kiosk/cards/numbers.py",),
          ("tests/cards/test_numbers.py", "tests/cards/test_bhyt.py", "tests/cards/test_personal_id.py",
           "tests/cards/test_eligibility.py", "tests/cards/test_identity.py")),
    Group("eligibility", ("kiosk/cards/eligibility.py",),
          ("tests/cards/test_eligibility.py", "tests/cards/test_eligibility_settings.py",
           "tests/cards/test_personal_id.py", "tests/cards/test_identity.py", "tests/cards/test_route.py")),
    Group("route", ("kiosk/cards/route.py",),
          ("tests/cards/test_route.py", "tests/cards/test_eligibility_settings.py")),
    Group("xml0", ("kiosk/gateway/xml0.py",),
          ("tests/gateway/test_xml0.py", "tests/gateway/test_xml0_route.py")),
    Group("xml0-check", ("kiosk/gateway/xml0_check.py",),
          ("tests/gateway/test_xml0.py", "tests/gateway/test_xml0_route.py", "tests/gateway/test_xml0_messages.py")),
    # The sync engine against the real hub app served in-process (SQLite): tests/sync/test_engine_rules.py.
    Group("sync-engine", ("kiosk/sync/engine.py",), ("tests/sync/test_engine_rules.py",)),
    # Hub ingest and pull on SQLite (the same tests run on PostgreSQL in the suite: hub_db_url fixture) ...
    Group("hub-ingest", ("kiosk/hub/ingest.py",),
          ("tests/hub/test_push.py", "tests/hub/test_ingest_rules.py", "tests/hub/test_push_fast_path.py",
           "tests/hub/test_wire_types.py"), ("-m", "not postgres")),
    # ... except the insert, whose PostgreSQL statement only PostgreSQL runs (a throw-away cluster per mutant).
    Group("hub-visit-store", ("kiosk/hub/visit_store.py",), ("tests/hub/test_push.py",)),
    # Pull has a PostgreSQL-only query too: both databases, as hub-visit-store.
    Group("hub-pull", ("kiosk/hub/pull.py",), ("tests/hub/test_pull.py", "tests/hub/test_pull_rules.py")),
)}

#: mutmut's exit codes per mutant (mutmut/__main__.py, status_by_exit_code).
_KILLED = {1, 3, 37}  # a test failed; the forced-fail hook; the type checker
_SURVIVED = {0, 5}  # all tests passed; no test ran the mutant (counts as survived: nothing holds it)
_TIMEOUT = {-24, 24, 36, 152, 255}
_NO_TESTS = {33}  # no selected test runs the mutated function: reported with the survivors


def _mutmut_section(group: Group) -> str:
    def toml_list(items: tuple[str, ...] | list[str]) -> str:
        return "[" + ", ".join(json.dumps(i) for i in items) + "]"

    return "\n".join([
        "[tool.mutmut]",
        'source_paths = ["kiosk"]',
        f"only_mutate = {toml_list(group.modules)}",
        f"pytest_add_cli_args_test_selection = {toml_list(group.tests)}",
        # fixed Hypothesis seed and no cache: a kill must not depend on a random draw or an earlier run
        "pytest_add_cli_args = " + toml_list(["-p", "no:cacheprovider", "-p", "no:randomly", "--hypothesis-seed=0",
                                              "-q", *group.pytest_args]),
        "use_git_change_detection = false",
        'also_copy = ["conftest.py"]',
        "",
    ])


def _prepare(group: Group, build: Path) -> Path:
    work = build / group.name
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    shutil.copytree(ROOT / "kiosk", work / "kiosk", ignore=ignore)
    shutil.copytree(ROOT / "tests", work / "tests", ignore=ignore)
    shutil.copy2(ROOT / "conftest.py", work / "conftest.py")
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^\[tool\.mutmut\].*?(?=^\[)", "", text)  # the repository's own section, if any
    (work / "pyproject.toml").write_text(text + "\n" + _mutmut_section(group), encoding="utf-8")
    return work


def _results(work: Path) -> dict[str, int]:
    codes: dict[str, int] = {}
    for meta in (work / "mutants").rglob("*.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, code in data.get("exit_code_by_key", {}).items():
            codes[name] = -999 if code is None else int(code)
    return codes


def _show(work: Path, mutmut: Path, name: str) -> str:
    done = subprocess.run([str(mutmut), "show", name], cwd=work, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def run_group(group: Group, workers: int, mutmut: Path, build: Path = BUILD) -> dict[str, object]:
    work = _prepare(group, build)
    started = time.monotonic()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    log = (work / "mutmut.log").open("w", encoding="utf-8")
    done = subprocess.run([str(mutmut), "run", "--max-children", str(workers)], cwd=work, env=env,
                          stdout=log, stderr=subprocess.STDOUT, check=False)
    log.close()
    codes = _results(work)
    killed = sorted(n for n, c in codes.items() if c in _KILLED)
    survived = sorted(n for n, c in codes.items() if c in _SURVIVED | _NO_TESTS)
    untested = sorted(n for n, c in codes.items() if c in _NO_TESTS)
    timeouts = sorted(n for n, c in codes.items() if c in _TIMEOUT)
    other = sorted(n for n, c in codes.items() if n not in set(killed) | set(survived) | set(timeouts))
    total = len(codes)
    # A timeout is a detected mutant (an endless loop the tests would catch by hanging): counted as killed.
    ratio = (len(killed) + len(timeouts)) / total if total else 0.0
    return {
        "group": group.name, "modules": list(group.modules), "tests": list(group.tests), "mutants": total,
        "killed": len(killed), "timeout": len(timeouts), "survived": len(survived), "untested": len(untested),
        "other": len(other),
        "kill_ratio": round(ratio, 4), "seconds": round(time.monotonic() - started, 1),
        "mutmut_exit": done.returncode, "log": str(work / "mutmut.log"),
        "survivors": {name: _show(work, mutmut, name) for name in survived},
        "unclassified": {name: codes[name] for name in other},
    }


def _report(results: list[dict[str, object]], workers: int) -> str:
    lines = ["# Mutation report (mutmut)", "",
             f"`bash scripts/mutation.sh` — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
             f"{workers} worker(s), {os.cpu_count()} cores.", "",
             "| group | modules | mutants | killed | timeout | survived (no test ran it) | kill ratio | seconds |",
             "|---|---|---|---|---|---|---|---|"]
    for r in results:
        modules = ", ".join(r["modules"])  # type: ignore[arg-type]
        lines.append(f"| {r['group']} | {modules} | {r['mutants']} | {r['killed']} | {r['timeout']} | "
                     f"{r['survived']} ({r['untested']}) | {float(r['kill_ratio']):.1%} | {r['seconds']} |")  # type: ignore[arg-type]
    for r in results:
        survivors = r["survivors"]
        assert isinstance(survivors, dict)
        if survivors:
            lines += ["", f"## Survivors in {r['group']}", ""]
            for name, diff in survivors.items():
                lines += [f"### {name}", "", "```diff", diff, "```", ""]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("groups", nargs="*", metavar="GROUP", help=f"any of: {', '.join(GROUPS)} (default: all)")
    parser.add_argument("--workers", type=int, default=1, help="mutmut worker processes (default 1)")
    parser.add_argument("--report", type=Path, default=BUILD / "report.md")
    parser.add_argument("--work", type=Path, default=BUILD, help="where the scratch copies go")
    parser.add_argument("--min-ratio", type=float, default=0.0, help="exit 1 when a group kills fewer than this")
    args = parser.parse_args(argv)
    unknown = [g for g in args.groups if g not in GROUPS]
    if unknown:
        parser.error(f"unknown group(s) {', '.join(unknown)}; known: {', '.join(GROUPS)}")
    mutmut = Path(sys.executable).with_name("mutmut")
    results = []
    for name in args.groups or list(GROUPS):
        result = run_group(GROUPS[name], args.workers, mutmut, args.work)
        results.append(result)
        line = {k: v for k, v in result.items() if k != "survivors"} | {"survivors": list(result["survivors"])}  # type: ignore[call-overload]
        sys.stdout.write(json.dumps(line) + "\n")
        sys.stdout.flush()
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(_report(results, args.workers), encoding="utf-8")
    sys.stdout.write(f"report: {args.report}\n")
    return 0 if all(float(r["kill_ratio"]) >= args.min_ratio for r in results) else 1  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
