#!/usr/bin/env bash
# Compiles the Windows installer (installer/windows/kiosk.nsi) with makensis, warnings as errors.
#   installer/windows/build_nsis.sh                      against a placeholder bundle (CI on Linux)
#   installer/windows/build_nsis.sh --bundle DIR         against a real Windows bundle (dist/kiosk)
#   installer/windows/build_nsis.sh ... -- -DNO_COMPRESS extra makensis arguments after "--"
# Options: --out DIR (default build/installer), --version X.Y.Z (default: kiosk.__version__).
# The placeholder only checks the SCRIPT: its kiosk.exe is a text file, so the resulting setup .exe
# installs nothing runnable. The real Windows bundle is built on Windows (docs/deployment-windows.md).
set -euo pipefail
cd "$(dirname "$0")/../.."

bundle=""
out=build/installer
version=""
extra=()
while (( $# )); do
  case "$1" in
    --bundle) bundle=${2:?--bundle needs a folder}; shift 2 ;;
    --out) out=${2:?--out needs a folder}; shift 2 ;;
    --version) version=${2:?--version needs a value}; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "build_nsis: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

if ! command -v makensis >/dev/null; then
  echo "build_nsis: makensis not found: apt-get install nsis (scripts/setup.sh --test does)" >&2
  exit 2
fi
if [[ -z $version ]]; then
  version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' kiosk/__init__.py)
fi
# The version resource wants four numbers: 1.2.3rc1 -> 1.2.3.0.
IFS=. read -r -a nums <<<"$(grep -oE '^[0-9]+(\.[0-9]+){0,3}' <<<"$version" || echo 0)"
while (( ${#nums[@]} < 4 )); do nums+=(0); done
vi_version=$(IFS=.; echo "${nums[*]:0:4}")

mkdir -p "$out"
if [[ -z $bundle ]]; then
  # A stand-in with the layout of a PyInstaller 6 one-folder Windows build (kiosk.exe + _internal/).
  bundle=$out/nsis-placeholder/kiosk
  rm -rf "$bundle"
  mkdir -p "$bundle/_internal/translations" "$bundle/_internal/PySide6/plugins/platforms" \
           "$bundle/_internal/resources/demo" "$bundle/_internal/kiosk/db/migrations"
  echo "placeholder: not a Windows program (installer/windows/build_nsis.sh)" > "$bundle/kiosk.exe"
  for ts in translations/*.ts; do
    [[ -e $ts ]] || continue
    name=$(basename "$ts" .ts)
    echo "placeholder for $name.qm" > "$bundle/_internal/translations/$name.qm"
  done
  echo "placeholder" > "$bundle/_internal/PySide6/plugins/platforms/qwindows.dll"
  echo "placeholder" > "$bundle/_internal/python311.dll"
  echo "placeholder" > "$bundle/_internal/base_library.zip"
  echo "placeholder" > "$bundle/_internal/resources/demo/README.txt"
  echo "placeholder" > "$bundle/_internal/kiosk/db/migrations/env.py"
fi

outfile=$out/ClinicKiosk-$version-setup.exe
rm -f "$outfile"
start=$EPOCHREALTIME
makensis -V2 -WX -INPUTCHARSET UTF8 \
  "-DBUNDLE_DIR=$(realpath "$bundle")" "-DVERSION=$version" "-DVI_VERSION=$vi_version" \
  "-DOUTFILE=$(realpath "$out")/ClinicKiosk-$version-setup.exe" \
  "${extra[@]}" installer/windows/kiosk.nsi
elapsed=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
echo "build_nsis: $outfile ($(stat -c %s "$outfile") bytes, ${elapsed} s, bundle $bundle)"
