#!/usr/bin/env bash
# Installs everything the kiosk needs on a fresh Debian machine into ./.venv.
#   scripts/setup.sh          system libraries + the app
#   scripts/setup.sh --test   ... + what the test suite needs (PostgreSQL, Xvfb, test tools)
# Idempotent: a second run only checks what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

apt_packages=(libzbar0 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libgl1 libegl1 libxkbcommon-x11-0
              libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-noto-core fonts-noto-cjk
              alsa-utils)  # aplay: the success/failure sounds
if (( want_test )); then
  apt_packages+=(xvfb xauth xdotool socat postgresql
                nsis wine64  # makensis compiles installer/windows/kiosk.nsi; wine64 runs it (tests/installer)
                lintian systemd  # checks of the .deb and its units (tests/installer)
                cage xwayland  # the kiosk session's compositor, run headless by tests/installer
                libwayland-cursor0 libwayland-egl1)  # dependencies of the .deb (installed by the upgrade test)
fi

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if (( ${#missing[@]} )); then
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  echo "setup: installing system packages: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  # --no-install-recommends: recommends pull ImageMagick and extra fonts that change Qt's fallback.
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if (( want_test )); then
  .venv/bin/python -m pip install -q -e '.[test]'
else
  .venv/bin/python -m pip install -q -e .
fi
# Compile the interface translations (translations/*.ts -> .qm; the app also does it on start if missing).
.venv/bin/python -c "from kiosk.ui.i18n import compile_catalogues; compile_catalogues()"
echo "setup: ready ($(.venv/bin/kiosk --version))"
