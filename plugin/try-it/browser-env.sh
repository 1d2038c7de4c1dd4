# Sourced by the scripts that drive a browser: checks for Debian's Chromium and node, and installs playwright-core
# (the library alone: it drives the system's Chromium and downloads no browser) into plugin/work/node, once.
# Sets NODE_PATH for the .mjs scripts.
playwright_version=1.65.1
command -v chromium >/dev/null || { echo "Chromium is missing: apt-get install chromium" >&2; exit 2; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are missing: apt-get install nodejs npm" >&2; exit 2; }
node_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/work/node"
if [ ! -f "$node_dir/node_modules/playwright-core/package.json" ] \
    || ! grep -q "\"version\": \"$playwright_version\"" "$node_dir/node_modules/playwright-core/package.json"; then
  mkdir -p "$node_dir"
  (cd "$node_dir" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install -s --no-audit --no-fund "playwright-core@$playwright_version" >/dev/null)
fi
export NODE_PATH="$node_dir/node_modules"
