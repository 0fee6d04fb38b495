#!/usr/bin/env bash
# The Debian package as a user gets it: builds it with cpack from an already built tree, checks its
# control fields and file list, runs the validators Debian and software centres run
# (desktop-file-validate, appstreamcli, lintian), then extracts it into a temporary root and runs
# the extracted programs from there: the CLI, and the desktop application rendering the bundled
# demo offscreen. strace proves the demo was read from the package, not from the source tree.
#   check_deb.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build="$1"
source_dir="$2"
version="$3"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
step() { echo "--- $*"; }

for tool in cpack dpkg-deb desktop-file-validate appstreamcli lintian strace file; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/packages.txt lists it)"
done

tmp="$(mktemp -d /tmp/orderpulse-packaging.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT

step "cpack -G DEB"
(cd "$build" && cpack -G DEB -B "$tmp/out") > "$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack failed"; }
debs=("$tmp/out"/orderpulse_"$version"-1_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one orderpulse_${version}-1_<arch>.deb in $tmp/out"
deb="${debs[0]}"
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"

step "control fields"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = orderpulse ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version-1" ] || fail "Version is '$(field Version)', project() says $version"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Section)" ] || fail "no Section"
[ -n "$(dpkg-deb -f "$deb" Description | sed -n 2p)" ] || fail "no extended Description"
depends="$(field Depends)"
echo "Depends: $depends"
# Explicit run-time plugins, and libraries only dpkg-shlibdeps can have found.
for dep in libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6 libqt6core6 libqt6widgets6 libqt6charts6 libc6; do
    grep -Eq "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep"
done
grep -q fonts-noto-cjk <<<"$(field Recommends)" || fail "Recommends lacks fonts-noto-cjk"

step "file list"
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' > "$tmp/files"
app_id=io.github.orderpulse.OrderPulse
expected=(
    /usr/bin/orderpulse
    /usr/bin/orderpulse-cli
    "/usr/share/applications/$app_id.desktop"
    "/usr/share/metainfo/$app_id.metainfo.xml"
    /usr/share/icons/hicolor/scalable/apps/orderpulse.svg
    /usr/share/orderpulse/demo/orders.ndjson
    /usr/share/man/man1/orderpulse.1.gz
    /usr/share/man/man1/orderpulse-cli.1.gz
    /usr/share/doc/orderpulse/copyright
    /usr/share/doc/orderpulse/changelog.Debian.gz
)
for size in 16 22 24 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/orderpulse.png")
done
for path in "${expected[@]}"; do
    grep -qxF "$path" "$tmp/files" || fail "the package lacks $path"
done
echo "${#expected[@]} expected files present ($(grep -vc '/$' "$tmp/files") files in all)"
grep -E '^/usr/(local|lib/debug)/|^/(opt|home|root|tmp|work)/' "$tmp/files" && fail "files outside /usr"

step "extract"
root="$tmp/root"
dpkg-deb -x "$deb" "$root"

step "desktop-file-validate"
desktop-file-validate "$root/usr/share/applications/$app_id.desktop"
grep -qx 'Categories=Office;Finance;DataVisualization;' "$root/usr/share/applications/$app_id.desktop" \
    || fail "desktop entry categories"

step "appstreamcli validate --no-net"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml"
newest="$(grep -o '<release version="[^"]*"' "$root/usr/share/metainfo/$app_id.metainfo.xml" | head -1 | cut -d'"' -f2)"
[ "$newest" = "$version" ] || fail "the newest metainfo release is '$newest', project() says $version"

step "lintian (errors fail)"
status=0
lintian -I --fail-on error "$deb" > "$tmp/lintian.log" 2>&1 || status=$?
grep -v 'running with root privileges' "$tmp/lintian.log" || true
[ "$status" -eq 0 ] || fail "lintian reports errors (exit $status)"

# Run as a user would: no build paths, a clean home, no display.
run_env=(env -u LD_LIBRARY_PATH HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" QT_QPA_PLATFORM=offscreen)
mkdir -p "$tmp/home" "$tmp/run" && chmod 700 "$tmp/run"
cd "$tmp"

step "extracted orderpulse-cli"
out="$("${run_env[@]}" "$root/usr/bin/orderpulse-cli" --version)"
echo "$out"
[ "$out" = "orderpulse-cli $version" ] || fail "orderpulse-cli --version printed '$out'"
"${run_env[@]}" "$root/usr/bin/orderpulse-cli" analyze "$root/usr/share/orderpulse/demo/orders.ndjson" \
    --json "$tmp/report.json" > "$tmp/analyze.log" 2>&1 || { cat "$tmp/analyze.log"; fail "analyze on the packaged demo"; }
[ -s "$tmp/report.json" ] || fail "analyze wrote no report"

step "man pages list every command"
commands="$("${run_env[@]}" "$root/usr/bin/orderpulse-cli" --help | awk '/^Commands:/{on=1; next} on && NF==0{exit} on{print $1}')"
[ -n "$commands" ] || fail "no commands in orderpulse-cli --help"
for c in $commands; do
    gzip -dc "$root/usr/share/man/man1/orderpulse-cli.1.gz" | grep -qx "\.SS $c" || fail "orderpulse-cli.1 lacks the command $c"
done
echo "orderpulse-cli.1 documents: $(echo $commands)"
for opt in replay capture; do
    gzip -dc "$root/usr/share/man/man1/orderpulse.1.gz" | grep -q "^\.B .*\\\\-\\\\-$opt" || fail "orderpulse.1 lacks --$opt"
done

step "extracted orderpulse --capture (offscreen, bundled demo)"
strace -f -qq -e trace=open,openat -o "$tmp/strace.log" \
    "${run_env[@]}" "$root/usr/bin/orderpulse" --capture "$tmp/cap" > "$tmp/capture.log" 2>&1 \
    || { cat "$tmp/capture.log"; fail "orderpulse --capture failed"; }
grep -F "$root/usr/share/orderpulse/demo/orders.ndjson" "$tmp/strace.log" | grep -qv ENOENT \
    || fail "the demo was not read from the package's share/orderpulse/demo"
grep -F "$source_dir/resources/demo" "$tmp/strace.log" && fail "the demo was read from the source tree"
for page in overview trends customers restaurants delivery fraud health; do
    png="$tmp/cap/$page.png"
    [ -f "$png" ] || fail "no $page.png"
    file "$png" | grep -q 'PNG image data, 1600 x 1000' || fail "$page.png: $(file -b "$png")"
done
echo "$(find "$tmp/cap" -name '*.png' | wc -l) pages: $(cd "$tmp/cap" && echo *.png)"

echo "PASS: $(basename "$deb")"
