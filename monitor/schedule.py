"""Scheduled runs: crawls and takedown checks on cron schedules (APScheduler).

Each job runs ``monitor <args>`` in its own process (a Twisted reactor cannot be restarted in
one process), with a JSON report per crawl under the reports folder. Jobs never overlap with
themselves; a run missed while the scheduler was down is run once, not once per miss.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from monitor.config import ConfigError

logger = logging.getLogger(__name__)

_JOB_KEYS = {"name", "cron", "args", "timeout"}


@dataclass(frozen=True)
class Job:
    name: str
    cron: str
    args: list[str]
    timeout: int = 6 * 3600

    def trigger(self) -> CronTrigger:
        return CronTrigger.from_crontab(self.cron, timezone=UTC)


@dataclass
class Schedule:
    jobs: list[Job]
    reports_dir: Path = field(default_factory=lambda: Path("data/reports"))


def _job(raw: Any, where: str) -> Job:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: a job must be a mapping with name, cron and args")
    unknown = set(raw) - _JOB_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("name", "cron", "args"):
        if key not in raw:
            raise ConfigError(f"{where}: missing key {key!r}")
    args = raw["args"]
    if not isinstance(args, list) or not args or not all(isinstance(a, str) for a in args):
        raise ConfigError(f"{where}.args: expected a non-empty list of strings")
    job = Job(
        name=str(raw["name"]),
        cron=str(raw["cron"]),
        args=args,
        timeout=int(raw.get("timeout", 6 * 3600)),
    )
    try:
        job.trigger()
    except ValueError as exc:
        raise ConfigError(f"{where}.cron: {job.cron!r} is not a crontab expression: {exc}") from exc
    return job


def load_schedule(path: str | Path) -> Schedule:
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"schedule file not found: {path}")
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise ConfigError(f"{path}: expected a mapping with a 'jobs' list")
    jobs = [_job(raw, f"{path}: jobs[{n}]") for n, raw in enumerate(data["jobs"])]
    names = [j.name for j in jobs]
    if len(set(names)) != len(names):
        raise ConfigError(f"{path}: job names must be unique")
    reports = Path(data.get("reports_dir", "data/reports"))
    return Schedule(jobs=jobs, reports_dir=reports)


def command_for(job: Job, reports_dir: Path, now: datetime | None = None) -> list[str]:
    """The command line of one run: crawls get a timestamped ``--report``."""
    argv = [sys.executable, "-m", "monitor.cli", *job.args]
    if job.args[0] in ("crawl", "demo") and "--report" not in job.args:
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
        argv += ["--report", str(reports_dir / f"{job.name}-{stamp}.json"), "--no-progress"]
    return argv


def run_job(job: Job, reports_dir: Path) -> int:
    argv = command_for(job, reports_dir)
    logger.info("job %s: starting %s", job.name, " ".join(argv[3:]))
    try:
        done = subprocess.run(argv, timeout=job.timeout, check=False)
    except subprocess.TimeoutExpired:
        logger.error("job %s: killed after %s s", job.name, job.timeout)
        return 124
    level = logging.INFO if done.returncode == 0 else logging.ERROR
    logger.log(level, "job %s: finished with status %s", job.name, done.returncode)
    return done.returncode


def build_scheduler(schedule: Schedule) -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone=UTC)
    for job in schedule.jobs:
        scheduler.add_job(
            run_job,
            job.trigger(),
            args=[job, schedule.reports_dir],
            id=job.name,
            name=job.name,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=3600,
        )
    return scheduler
