"""``monitor schedule``: run crawls and checks on cron schedules from a YAML file."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import Any

from monitor.config import ConfigError
from monitor.schedule import build_scheduler, load_schedule, run_job


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "schedule", help="run jobs on cron schedules (see schedule.example.yaml)"
    )
    p.add_argument("config", help="schedule YAML file")
    p.add_argument(
        "--list", action="store_true", help="print the jobs and their next run, then exit"
    )
    p.add_argument("--once", metavar="JOB", help="run this job now, once, and exit with its status")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        schedule = load_schedule(args.config)
    except ConfigError as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return 2
    if args.once:
        job = next((j for j in schedule.jobs if j.name == args.once), None)
        if job is None:
            print(f"monitor: no job named {args.once!r} in {args.config}", file=sys.stderr)
            return 2
        return run_job(job, schedule.reports_dir)
    if args.list:
        now = datetime.now(UTC)
        for job in schedule.jobs:
            nxt = job.trigger().get_next_fire_time(None, now)
            command = " ".join(job.args)
            print(f"{job.name}\t{job.cron}\tnext {nxt:%Y-%m-%d %H:%M} UTC\tmonitor {command}")
        return 0
    scheduler = build_scheduler(schedule)
    print(f"scheduler started with {len(schedule.jobs)} job(s); Ctrl-C to stop", file=sys.stderr)
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        pass
    return 0
