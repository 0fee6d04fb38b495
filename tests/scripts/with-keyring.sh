#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (a Secret Service),
# HOME and XDG_RUNTIME_DIR (mode 700) in a temp dir removed afterwards. Used by tst_keychain,
# which re-executes itself through this script; usable by hand: with-keyring.sh <command> [args].
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/home" "$tmp/runtime"
chmod 700 "$tmp/runtime"
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/runtime" XDG_CONFIG_HOME="$tmp/home/.config" \
    XDG_DATA_HOME="$tmp/home/.local/share" OP_KEYRING_SESSION=1
# The keyring's unlock password is a throw-away value for this temp keyring, fed on stdin.
set +e
dbus-run-session -- sh -c 'eval "$(printf %s keyring-test | gnome-keyring-daemon --unlock --components=secrets)" && exec "$@"' sh "$@"
rc=$?
set -e
exit $rc
