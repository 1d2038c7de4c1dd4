#!/usr/bin/env bash
# The try-it Jenkins, driven as a user drives it: starts plugin/try-it.sh, opens the dashboard in headless Chromium,
# builds the example pipeline and checks its result and console, and the AEM pages of the review, promote and release
# jobs (browser-test.mjs), then stops everything and checks that nothing is left running. Says how long each part took.
#
#   plugin/try-it/browser-test.sh            # Jenkins on port 18090 unless JENKINS_PORT says otherwise
#
# Needs what try-it.sh needs, plus node with npm and Debian's chromium (see CONTRIBUTING.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JENKINS_PORT="${JENKINS_PORT:-18090}"
say() { echo "browser-test: $*"; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

t0=$(date +%s%N)
# shellcheck source=browser-env.sh
source plugin/try-it/browser-env.sh
# shellcheck source=background.sh
source plugin/try-it/background.sh
t1=$(date +%s%N)
say "playwright-core and Chromium ready: $(seconds "$t0" "$t1") s"

# The endpoint passwords the release deploys with, known here so that the browser can check no page shows them.
export AEM_TRY_IT_SOURCE_DB_PASSWORD="${AEM_TRY_IT_SOURCE_DB_PASSWORD:-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}"
export AEM_TRY_IT_TARGET_DB_PASSWORD="${AEM_TRY_IT_TARGET_DB_PASSWORD:-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}"

trap tryit_stop EXIT
tryit_start "$PWD/plugin/target/browser-test"
t2=$(date +%s%N)
say "try-it Jenkins up at $TRYIT_URL: $(seconds "$t1" "$t2") s (its log: $TRYIT_HOME/try-it/jenkins.log)"

JENKINS_URL="$TRYIT_URL" node plugin/try-it/browser-test.mjs
t3=$(date +%s%N)

tryit_stop
trap - EXIT
t4=$(date +%s%N)
if tryit_left_running; then
  say "FAILED: try-it.sh or a process it started still runs after the stop" >&2
  exit 1
fi
if curl -s -o /dev/null "$TRYIT_URL"; then
  say "FAILED: Jenkins still answers at $TRYIT_URL after the stop" >&2
  exit 1
fi
say "stopped Jenkins and the simulator, nothing left running: $(seconds "$t3" "$t4") s"
say "PASSED: setup $(seconds "$t0" "$t1") s, Jenkins up $(seconds "$t1" "$t2") s, browser $(seconds "$t2" "$t3") s, stop $(seconds "$t3" "$t4") s, total $(seconds "$t0" "$t4") s"
