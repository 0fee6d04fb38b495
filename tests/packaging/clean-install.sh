#!/usr/bin/env bash
# Manual check (network, root, ~170 MB download; not part of ctest): installs a .deb into a fresh
# Debian 12 minbase chroot the way a user would (apt-get install ./file.deb, Recommends included),
# runs orderpulse-cli --version and orderpulse --capture offscreen there (no source tree in
# sight), then removes the package.
#   tests/packaging/clean-install.sh build-package/orderpulse_<version>-1_amd64.deb [CHROOT_DIR]
set -euo pipefail
deb="$(realpath "$1")"
chroot_dir="${2:-/tmp/orderpulse-bookworm}"
[ "$(id -u)" -eq 0 ] || { echo "clean-install: run as root" >&2; exit 2; }
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap
[ -x "$chroot_dir/usr/bin/apt-get" ] || debootstrap --variant=minbase bookworm "$chroot_dir" http://deb.debian.org/debian
mountpoint -q "$chroot_dir/proc" || mount -t proc proc "$chroot_dir/proc"
trap 'umount "$chroot_dir/proc"' EXIT
cp "$deb" "$chroot_dir/tmp/"
chroot "$chroot_dir" env DEBIAN_FRONTEND=noninteractive bash -euc "
    apt-get update -qq
    apt-get install -y -qq /tmp/$(basename "$deb") > /tmp/apt.log 2>&1
    cd /tmp
    orderpulse-cli --version
    rm -rf /tmp/cap
    QT_QPA_PLATFORM=offscreen orderpulse --capture /tmp/cap 2> /tmp/capture.log
    echo \"captured: \$(cd /tmp/cap && echo *.png)\"
    [ \$(ls /tmp/cap/*.png | wc -l) -ge 7 ]
    apt-get remove -y -qq orderpulse > /dev/null 2>&1
    [ ! -e /usr/bin/orderpulse ] && ! dpkg -s orderpulse > /dev/null 2>&1
"
echo "clean-install: OK ($(basename "$deb"))"
