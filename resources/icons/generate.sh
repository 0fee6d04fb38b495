#!/usr/bin/env bash
# Renders the application icon from orderpulse.svg (the only source) into every raster form the
# installers use. The outputs are committed so Windows and macOS builds need none of these tools.
#   resources/icons/generate.sh   (Debian: librsvg2-bin, icoutils, icnsutils)
#   hicolor/<N>x<N>/apps/orderpulse.png   Linux desktop icon theme sizes, 16..256
#   orderpulse.ico                         Windows executable and installer icon
#   orderpulse.icns                        macOS bundle icon
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
sizes=(16 22 24 32 48 64 128 256)
for n in "${sizes[@]}"; do
    mkdir -p "hicolor/${n}x${n}/apps"
    rsvg-convert -w "$n" -h "$n" orderpulse.svg -o "hicolor/${n}x${n}/apps/orderpulse.png"
done
icotool -c -o orderpulse.ico hicolor/{16x16,24x24,32x32,48x48,64x64,128x128}/apps/orderpulse.png \
    -r hicolor/256x256/apps/orderpulse.png
# png2icns takes only the sizes the format defines (16, 32, 48, 128, 256, 512).
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
rsvg-convert -w 512 -h 512 orderpulse.svg -o "$tmp/512.png"
png2icns orderpulse.icns hicolor/{16x16,32x32,48x48,128x128,256x256}/apps/orderpulse.png "$tmp/512.png" >/dev/null
