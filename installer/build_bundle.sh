#!/usr/bin/env bash
# Builds the PyInstaller one-folder bundle build/installer/dist/kiosk/ (executable: kiosk) and runs
# its smoke test (`kiosk --self-test`, offscreen).
#   installer/build_bundle.sh            build unless the sources are unchanged since the last build
#   installer/build_bundle.sh --force    always build
# Prints the build time and the bundle size. The key of the cache is a hash of everything that goes
# into the bundle (kiosk/ sources, resources, translations, the spec, the PyInstaller version).
set -euo pipefail
cd "$(dirname "$0")/.."

out=build/installer
dist=$out/dist
bundle=$dist/kiosk
force=0
[[ "${1:-}" == "--force" ]] && force=1

py=.venv/bin/python
if ! $py -c "import PyInstaller" 2>/dev/null; then
  echo "build_bundle: PyInstaller is not installed: run scripts/setup.sh --test" >&2
  exit 2
fi
# The .qm catalogues are build products (not in git): compile missing/stale ones first.
$py -c "from kiosk.ui.i18n import compile_catalogues; compile_catalogues()"

mkdir -p $out
# One build at a time (several test sessions may share this tree); a running build finishes first.
exec 9>$out/.build.lock
flock 9
key=$($py installer/bundle_key.py)
if (( ! force )) && [[ -x $bundle/kiosk && -f $out/bundle.key && "$(cat $out/bundle.key)" == "$key" ]]; then
  echo "build_bundle: $bundle is up to date ($key)"
else
  rm -f $out/bundle.key
  start=$EPOCHREALTIME
  # Build beside the current bundle and swap it in at the end: a bundle in use is never half-written.
  rm -rf "$out/dist.new" "$out/dist.old"
  $py -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$out/dist.new" --workpath "$out/work" \
      installer/kiosk.spec
  if [[ -d $dist ]]; then mv "$dist" "$out/dist.old"; fi
  mv "$out/dist.new" "$dist"
  rm -rf "$out/dist.old"
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" 'BEGIN { printf "build_bundle: built in %.1f s\n", e - s }'
  echo "$key" > $out/bundle.key
fi
echo "build_bundle: bundle size $(du -sh --apparent-size "$bundle" | cut -f1) ($(find "$bundle" -type f | wc -l) files) in $bundle"

# Smoke test: the frozen app checks itself, offscreen.
QT_QPA_PLATFORM=offscreen "$bundle/kiosk" --self-test
