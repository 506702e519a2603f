from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.config import ConfigError
from monitor.schedule import build_scheduler, command_for, load_schedule

MONITOR = str(Path(sys.executable).parent / "monitor")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "schedule.yaml"
    path.write_text(text)
    return path


def test_example_schedule_loads(repo) -> None:
    schedule = load_schedule(repo / "schedule.example.yaml")
    names = [
        "telegram-hourly",
        "forums-6h",
        "shops-daily",
        "takedown-verify-daily",
        "retention-daily",
    ]
    assert [j.name for j in schedule.jobs] == names
    scheduler = build_scheduler(schedule)
    assert {j.id for j in scheduler.get_jobs()} == set(names)
    # Every job's arguments are a valid monitor command line.
    from monitor.cli import build_parser

    for job in schedule.jobs:
        assert callable(build_parser().parse_args(list(job.args)).func), job.name


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("jobs: [{name: a, cron: 'every day', args: [crawl]}]", "jobs[0].cron"),
        ("jobs: [{name: a, cron: '* * * * *'}]", "missing key 'args'"),
        (
            "jobs: [{name: a, cron: '* * * * *', args: [crawl], retries: 3}]",
            "unknown key(s) retries",
        ),
        ("jobs: [{name: a, cron: '* * * * *', args: []}]", "jobs[0].args"),
        (
            "jobs: [{name: a, cron: '* * * * *', args: [x]},"
            " {name: a, cron: '* * * * *', args: [y]}]",
            "unique",
        ),
        ("nothing: here", "a 'jobs' list"),
    ],
)
def test_bad_schedules_name_the_problem(tmp_path, body, message) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_schedule(_write(tmp_path, body))


def test_crawl_jobs_get_a_timestamped_report(tmp_path) -> None:
    schedule = load_schedule(
        _write(tmp_path, "jobs: [{name: tg, cron: '0 * * * *', args: [crawl, telegram]}]")
    )
    argv = command_for(
        schedule.jobs[0], Path("data/reports"), datetime(2026, 11, 1, 6, 0, tzinfo=UTC)
    )
    assert argv[-3:] == ["--report", "data/reports/tg-20261101T060000Z.json", "--no-progress"]


def test_once_runs_a_real_crawl_job_and_writes_its_report(tmp_path, demo_world, clean_env) -> None:
    reports = tmp_path / "reports"
    config = _write(
        tmp_path,
        (
            f"reports_dir: {reports}\n"
            f"jobs:\n  - name: paste\n    cron: '0 * * * *'\n"
            f"    args: [crawl, paste, --demo-url, '{demo_world.url}']\n"
        ),
    )
    done = subprocess.run(
        [MONITOR, "schedule", str(config), "--once", "paste"],
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (report,) = reports.glob("paste-*.json")
    stats = json.loads(report.read_text())["spiders"]["paste"]
    assert stats["monitor/listings"] == 10


def test_once_with_an_unknown_job_is_an_error(tmp_path) -> None:
    config = _write(tmp_path, "jobs: [{name: a, cron: '0 * * * *', args: [crawl]}]")
    done = subprocess.run(
        [MONITOR, "schedule", str(config), "--once", "b"], capture_output=True, text=True
    )
    assert done.returncode == 2 and "no job named 'b'" in done.stderr
