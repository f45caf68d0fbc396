"""The app's process exit codes: what a supervisor (Windows Shell Launcher, systemd) should do next.

A kiosk never has a person at a terminal to read an error, so the exit code is the only message to the
program that restarts it. The codes are chosen so that the defaults of both supervisors are safe:

* ``0`` (:attr:`ExitCode.ADMIN_EXIT`) means "the administrator chose *Exit the kiosk*: stay down".
  systemd's ``Restart=on-failure`` does not restart on 0.
* ``1`` (:attr:`ExitCode.ERROR`) is what Python itself returns for an uncaught exception, so a crash and
  an error we caught look the same to the supervisor: restart the app.
* ``2`` (:attr:`ExitCode.USAGE`) is what :mod:`argparse` returns for a bad command line; configuration
  errors share it. Restarting cannot help, so supervisors must not loop on it.
* ``3`` (:attr:`ExitCode.RESTART`): "restart me" (settings changed, first-run setup done, update staged).
* ``4`` (:attr:`ExitCode.REBOOT`): the administrator asked to restart the device.

Windows Shell Launcher (``WESL_UserSetting.SetCustomShell``) maps *our* codes to *its* actions
(:class:`ShellLauncherAction`); :data:`SHELL_LAUNCHER_ACTIONS` is that mapping, and
``docs/deployment-windows.md`` shows it in the PowerShell set-up. Codes not in the mapping (a hard
crash such as ``0xC0000005``) get :data:`SHELL_LAUNCHER_DEFAULT_ACTION`: restart the app.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType


class ExitCode(enum.IntEnum):
    """Exit codes of ``kiosk run`` (and of the other commands, where they apply)."""

    #: The administrator chose "Exit the kiosk" (or a command finished normally): do not restart.
    ADMIN_EXIT = 0
    #: Unexpected error (also Python's own code for an uncaught exception): restart the app.
    ERROR = 1
    #: Bad command line or configuration (same as argparse): restarting will not help; fix the config.
    USAGE = 2
    #: Restart the app: settings changed, first-run setup finished, an update was staged.
    RESTART = 3
    #: Restart the device (asked for by the administrator).
    REBOOT = 4


#: Alias: a normal, successful end of a command.
OK = ExitCode.ADMIN_EXIT


class ShellLauncherAction(enum.IntEnum):
    """Actions of Windows Shell Launcher for a shell's exit code (Microsoft's numbering)."""

    RESTART_SHELL = 0
    RESTART_DEVICE = 1
    SHUT_DOWN_DEVICE = 2
    DO_NOTHING = 3


#: Our exit code -> the Shell Launcher action to configure for it.
SHELL_LAUNCHER_ACTIONS: Mapping[ExitCode, ShellLauncherAction] = MappingProxyType({
    ExitCode.ADMIN_EXIT: ShellLauncherAction.DO_NOTHING,
    ExitCode.ERROR: ShellLauncherAction.RESTART_SHELL,
    ExitCode.USAGE: ShellLauncherAction.DO_NOTHING,
    ExitCode.RESTART: ShellLauncherAction.RESTART_SHELL,
    ExitCode.REBOOT: ShellLauncherAction.RESTART_DEVICE,
})

#: Shell Launcher's action for any other code (crashes, killed process): restart the app.
SHELL_LAUNCHER_DEFAULT_ACTION = ShellLauncherAction.RESTART_SHELL

#: Codes after which a supervisor must not restart the app (systemd: ``RestartPreventExitStatus=``).
NO_RESTART: frozenset[ExitCode] = frozenset({ExitCode.ADMIN_EXIT, ExitCode.USAGE, ExitCode.REBOOT})


def shell_launcher_arrays() -> tuple[list[int], list[int]]:
    """The two arrays ``SetCustomShell`` takes: exit codes and their actions, in code order."""
    codes = sorted(SHELL_LAUNCHER_ACTIONS)
    return [int(c) for c in codes], [int(SHELL_LAUNCHER_ACTIONS[c]) for c in codes]


def describe(code: int) -> str:
    """A one-line description of an exit code for logs and docs (unknown codes are named as such)."""
    try:
        member = ExitCode(code)
    except ValueError:
        return f"{code}: not a kiosk exit code (crash or killed)"
    doc = {
        ExitCode.ADMIN_EXIT: "admin chose Exit: stay down",
        ExitCode.ERROR: "unexpected error: restart the app",
        ExitCode.USAGE: "bad command line or configuration: fix it, do not restart",
        ExitCode.RESTART: "restart the app",
        ExitCode.REBOOT: "restart the device",
    }[member]
    return f"{int(member)} ({member.name}): {doc}"
