"""`kiosk config show|template|paths`: what a technician needs to see of the configuration.

``show`` prints the effective configuration (file + environment overrides) as TOML or JSON with the hub
token masked; ``template`` prints a complete file with every setting documented, to start from; ``paths``
says where the configuration, the data, the database and the log file are.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

#: Settings that are secrets: shown as "***" unless --show-secrets.
SECRET_KEYS = {("hub", "token")}


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("config", help="show the effective configuration, a template, or where files live")
    sub = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    show = sub.add_parser("show", help="the effective configuration (file + KIOSK_* environment overrides)")
    show.add_argument("--config", type=Path, default=None, metavar="FILE", help="configuration file (TOML)")
    show.add_argument("--json", action="store_true", help="JSON instead of TOML")
    show.add_argument("--show-secrets", action="store_true", help="print the hub token instead of ***")
    show.set_defaults(handler=_show)
    template = sub.add_parser("template", help="a complete configuration file with every setting documented")
    template.set_defaults(handler=_template)
    paths = sub.add_parser("paths", help="where the configuration, data, database and log file are")
    paths.add_argument("--config", type=Path, default=None, metavar="FILE", help="configuration file (TOML)")
    paths.add_argument("--json", action="store_true", help="JSON output")
    paths.set_defaults(handler=_paths)


def masked(config: Any, show_secrets: bool = False) -> dict[str, Any]:
    """The configuration as a plain dict, secrets replaced by "***" (an empty secret stays empty)."""
    data: dict[str, Any] = dataclasses.asdict(config)
    if not show_secrets:
        for section, key in SECRET_KEYS:
            if data.get(section, {}).get(key):
                data[section][key] = "***"
    return data


def _load(path: Path | None) -> Any:
    from kiosk.config import ConfigError, load_config

    try:
        return load_config(path)
    except ConfigError as exc:
        print(f"kiosk config: {exc}", file=sys.stderr)
        return None


def _show(args: argparse.Namespace) -> int:
    from kiosk.config import to_toml

    config = _load(args.config)
    if config is None:
        return 2
    if args.json:
        print(json.dumps(masked(config, args.show_secrets), ensure_ascii=False, indent=2))
        return 0
    if not args.show_secrets and config.hub.token:
        config = dataclasses.replace(config, hub=dataclasses.replace(config.hub, token="***"))
    sys.stdout.write(to_toml(config))
    return 0


def _template(args: argparse.Namespace) -> int:
    from kiosk.config import Config
    from kiosk.setup.writer import documented_toml

    sys.stdout.write(documented_toml(Config()))
    return 0


def _paths(args: argparse.Namespace) -> int:
    from kiosk.config import data_dir, default_config_path
    from kiosk.logfile import log_path

    config_path = args.config or default_config_path()
    config = _load(args.config)
    if config is None:
        return 2
    database = config.database_url()
    paths = {"config": str(config_path), "config_exists": config_path.exists(), "data": str(data_dir()),
             "database": database, "log": str(log_path())}
    if args.json:
        print(json.dumps(paths, ensure_ascii=False))
    else:
        for key, value in paths.items():
            print(f"{key:14} {value}")
    return 0
