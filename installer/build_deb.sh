#!/usr/bin/env bash
# Builds the Debian package build/installer/clinic-kiosk_VERSION_amd64.deb from the PyInstaller bundle.
#   installer/build_deb.sh VERSION [--bundle DIR] [--out DIR]
# Without --bundle, installer/build_bundle.sh builds (or reuses) build/installer/dist/kiosk first.
# Layout: the bundle in /opt/clinic-kiosk, /usr/bin/kiosk, units in /lib/systemd/system, udev rules,
# PAM service, configuration (conffiles) in /etc/clinic-kiosk; data is created by postinst in
# /var/lib/clinic-kiosk. Files owned by root (dpkg-deb --root-owner-group), no fakeroot needed.
# Compression: KIOSK_DEB_COMPRESS (default "gzip -z1": fast, readable by every dpkg).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: installer/build_deb.sh VERSION [--bundle DIR] [--out DIR]" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
version=$1; shift
[[ $version =~ ^[0-9][A-Za-z0-9.+~-]*$ ]] || { echo "build_deb: bad version '$version'" >&2; exit 2; }
bundle="" out=build/installer
while [[ $# -gt 0 ]]; do
  case $1 in
    --bundle) bundle=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) usage ;;
  esac
done
if [[ -z $bundle ]]; then
  installer/build_bundle.sh >&2
  bundle=build/installer/dist/kiosk
fi
[[ -x $bundle/kiosk ]] || { echo "build_deb: no bundle at $bundle (missing $bundle/kiosk)" >&2; exit 2; }

start=$EPOCHREALTIME
src=installer/debian
root=$out/deb/clinic-kiosk_${version}
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/clinic-kiosk" "$root/lib/systemd/system" \
         "$root/lib/udev/rules.d" "$root/etc/pam.d" "$root/etc/clinic-kiosk" "$root/usr/share/doc/clinic-kiosk" \
         "$root/usr/share/man/man1"
cp -a "$bundle" "$root/opt/clinic-kiosk"
# Debian modes: directories 0755, files 0644 (shared libraries need no execute bit), the executable 0755.
find "$root/opt/clinic-kiosk" -type d -exec chmod 0755 {} +
find "$root/opt/clinic-kiosk" -type f -exec chmod 0644 {} +
chmod 0755 "$root/opt/clinic-kiosk/kiosk"

install -m 0755 $src/kiosk.sh "$root/usr/bin/kiosk"
install -m 0755 $src/kiosk-session $src/kiosk-app $src/x11-session $src/x11-start $src/exit-action "$root/usr/share/clinic-kiosk/"
install -m 0644 $src/clinic-kiosk.service $src/clinic-kiosk-x11.service $src/clinic-kiosk-hub.service \
        "$root/lib/systemd/system/"
install -m 0644 $src/70-clinic-kiosk.rules "$root/lib/udev/rules.d/"
install -m 0644 $src/pam-clinic-kiosk "$root/etc/pam.d/clinic-kiosk"
install -m 0644 $src/kiosk.toml $src/hub.env "$root/etc/clinic-kiosk/"
install -m 0644 $src/copyright "$root/usr/share/doc/clinic-kiosk/copyright"
install -D -m 0644 $src/lintian-overrides "$root/usr/share/lintian/overrides/clinic-kiosk"
install -m 0644 docs/deployment-linux.md "$root/usr/share/doc/clinic-kiosk/deployment-linux.md"
gzip -9n < $src/kiosk.1 > "$root/usr/share/man/man1/kiosk.1.gz"
{
  echo "clinic-kiosk ($version) stable; urgency=medium"
  echo
  echo "  * Release $version of the clinic check-in kiosk."
  echo
  echo " -- Clinic Kiosk Maintainers <kiosk@example.org>  $(date -R -u -d @"${SOURCE_DATE_EPOCH:-$(date +%s)}")"
} | gzip -9n > "$root/usr/share/doc/clinic-kiosk/changelog.gz"
chmod 0644 "$root/usr/share/man/man1/kiosk.1.gz" "$root/usr/share/doc/clinic-kiosk/changelog.gz"

install -m 0755 $src/postinst $src/prerm $src/postrm "$root/DEBIAN/"
install -m 0644 $src/conffiles "$root/DEBIAN/conffiles"
size=$(du -sk --apparent-size --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$size/" $src/control.in > "$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -printf '%P\0' \
   | LC_ALL=C sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

deb=$out/clinic-kiosk_${version}_amd64.deb
read -r -a compress <<< "${KIOSK_DEB_COMPRESS:-gzip -z1}"
dpkg-deb --root-owner-group -Z"${compress[0]}" "${compress[@]:1}" --build "$root" "$deb" >/dev/null
rm -rf "$root"
end=$EPOCHREALTIME
awk -v s="$start" -v e="$end" -v f="$deb" -v b="$(stat -c %s "$deb")" -v i="$size" \
  'BEGIN { printf "build_deb: %s: %.1f MB (installed %.0f MB) in %.1f s\n", f, b / 1e6, i / 1024, e - s }'
echo "$deb"
