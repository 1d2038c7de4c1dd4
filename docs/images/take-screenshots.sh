#!/usr/bin/env bash
# Retakes the README's pictures from the try-it Jenkins (plugin/try-it.sh: this plugin in `mvn hpi:run`, the simulator
# as AEM), driving it in headless Chromium as a user would (screenshots.mjs).
#
#   docs/images/take-screenshots.sh            # from anywhere; writes docs/images/*.png
#
# Needs what plugin/try-it.sh needs, node with npm, and Debian's chromium. Jenkins listens on localhost:18080 and the
# simulator on 18443, so that the pictures show the same addresses at every run; everything is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JENKINS_PORT="${JENKINS_PORT:-18080}" AEM_PORT="${AEM_PORT:-18443}"
# shellcheck source=../../plugin/try-it/browser-env.sh
source plugin/try-it/browser-env.sh
# shellcheck source=../../plugin/try-it/background.sh
source plugin/try-it/background.sh

trap tryit_stop EXIT
echo "screenshots: starting the try-it Jenkins"
tryit_start "$PWD/plugin/target/screenshots"
echo "screenshots: driving Chromium at $TRYIT_URL"
JENKINS_URL="$TRYIT_URL" AEM_URL="https://localhost:$AEM_PORT" AEM_CA="$TRYIT_HOME/try-it/aem-ca.pem" \
  OUT="docs/images" node docs/images/screenshots.mjs
echo "screenshots: done; pictures in docs/images/. Look at each before committing."
