#!/usr/bin/env bash
# The Windows installer configuration, checked where it can be here: cpack -G NSIS writes the .nsi
# script from cmake/Packaging.cmake and makensis compiles it. It wraps this build's Linux
# programs (Debian has no Windows Qt), so only the script is under test: it must compile and
# carry the start-menu shortcuts, the uninstaller, the license page and the icon.
#   check_nsis.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1"
source_dir="$2"
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
command -v makensis >/dev/null || fail "makensis is not installed (Debian package nsis)"
tmp="$(mktemp -d /tmp/orderpulse-nsis.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT

# cpack runs makensis itself and fails when the script does not compile.
(cd "$build" && cpack -G NSIS -B "$tmp/out") > "$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack -G NSIS failed"; }
nsi="$(find "$tmp/out/_CPack_Packages" -name project.nsi)"
[ -f "$nsi" ] || fail "no project.nsi"
ls "$tmp/out"/*.exe > /dev/null || fail "no installer .exe"
grep -q "Create package using NSIS" "$tmp/cpack.log" || fail "cpack did not run makensis"
echo "makensis $(makensis -VERSION) compiled $(basename "$nsi") into $(basename "$(ls "$tmp/out"/*.exe)")"

check() {
    grep -qF "$1" "$nsi" || fail "project.nsi lacks: $1"
    echo "ok: $1"
}
check '!define MUI_ICON "'"$source_dir"'/resources/icons/orderpulse.ico"'
check '!define MUI_UNICON "'"$source_dir"'/resources/icons/orderpulse.ico"'
check '!insertmacro MUI_PAGE_LICENSE "'"$source_dir"'/LICENSE"'
check 'CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\OrderPulse.lnk" "$INSTDIR\bin\orderpulse.exe"'
check 'CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\Uninstall.lnk" "$INSTDIR\Uninstall.exe"'
check 'WriteUninstaller "$INSTDIR\Uninstall.exe"'
check 'Name "OrderPulse"'
echo "PASS"
