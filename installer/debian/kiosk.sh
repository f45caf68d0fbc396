#!/bin/sh
# /usr/bin/kiosk: the kiosk command for technicians. Runs the bundle in /opt/clinic-kiosk with the
# system-wide configuration and data (not per-user folders), and as the "kiosk" user when started by
# root, so that databases and files it creates stay writable for the kiosk session and the hub.
# KIOSK_ALLOW_ROOT=1 runs it as root anyway.
: "${KIOSK_CONFIG:=/etc/clinic-kiosk/kiosk.toml}"
: "${KIOSK_DATA_DIR:=/var/lib/clinic-kiosk}"
export KIOSK_CONFIG KIOSK_DATA_DIR
if [ "$(id -u)" = 0 ] && [ -z "${KIOSK_ALLOW_ROOT:-}" ] && getent passwd kiosk >/dev/null; then
    exec runuser -u kiosk -- /opt/clinic-kiosk/kiosk "$@"
fi
exec /opt/clinic-kiosk/kiosk "$@"
