#!/usr/bin/env bash
# Retakes the README's plugin screenshots from a real Jenkins running this plugin, with the simulator as AEM.
#
#   docs/images/take-screenshots.sh            # from the project root; writes docs/images/*.png
#
# Needs: the local Jenkins (jenkins-war 2.541.3 and the plugin's dependencies in the local Maven repository, as
# .ci/run probes them), node and npm, and Debian's chromium. Everything listens on 127.0.0.1 only and is stopped at
# the end. Jenkins runs from plugin/target/screenshots/ with the plugin and the plugins its tests use, the setup
# wizard off and no security realm (a throwaway controller). The AEM login is the simulator's public demo login,
# handed to Jenkins through the environment, so it is written to no file.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
repo="${MAVEN_LOCAL_REPO:-$HOME/.m2/repository}"
war="$repo/org/jenkins-ci/main/jenkins-war/2.541.3/jenkins-war-2.541.3.war"
[ -f "$war" ] || { echo "screenshots: $war is missing: build the local Jenkins first (see README)." >&2; exit 2; }
command -v chromium >/dev/null || { echo "screenshots: chromium is missing: apt-get install chromium" >&2; exit 2; }
command -v npm >/dev/null || { echo "screenshots: npm is missing" >&2; exit 2; }

work="$root/plugin/target/screenshots"
jenkins_port="${JENKINS_PORT:-18080}"
aem_port="${AEM_PORT:-18443}"
rm -rf "$work" && mkdir -p "$work/home/plugins" "$work/node"

if [ -z "${SKIP_BUILD:-}" ]; then  # SKIP_BUILD=1 reuses the jars and .hpi of an earlier build
  echo "screenshots: building the CLI and the plugin"
  ./mvnw -B -ntp -q -DskipTests package
fi

# The same plugins the plugin's JenkinsRule tests run with (the hpi plugin resolves them for the tests), plus this one.
cp plugin/target/test-classes/test-dependencies/*.hpi "$work/home/plugins/"
cp plugin/target/qlik-enterprise-manager.hpi "$work/home/plugins/"
(cd "$work/node" && npm init -y >/dev/null && npm install -s --no-audit --no-fund playwright-core@1.65.1 >/dev/null)

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "screenshots: starting the AEM simulator (demo configuration, TLS) on 127.0.0.1:$aem_port"
java -jar aem-simulator/target/aem-simulator.jar --port "$aem_port" --tls --cert-out "$work/aem-ca.pem" \
  >"$work/simulator.log" 2>&1 &
pids+=($!)

# The credential comes from the environment through Configuration as Code's variable substitution.
cat >"$work/home/jenkins.yaml" <<'YAML'
credentials:
  system:
    domainCredentials:
      - credentials:
          - usernamePassword:
              scope: GLOBAL
              id: "aem-demo-login"
              description: "AEM demo login (simulator)"
              username: "admin"
              password: "${AEM_DEMO_PASSWORD}"
YAML

echo "screenshots: starting Jenkins on 127.0.0.1:$jenkins_port"
AEM_DEMO_PASSWORD=demo-password JENKINS_HOME="$work/home" java -Xmx1g -Djenkins.install.runSetupWizard=false \
  -Dhudson.model.UsageStatistics.disabled=true -jar "$war" --httpListenAddress=127.0.0.1 --httpPort="$jenkins_port" \
  >"$work/jenkins.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$jenkins_port/login" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://127.0.0.1:$jenkins_port/login" >/dev/null || { echo "screenshots: Jenkins did not start; see $work/jenkins.log" >&2; exit 1; }

echo "screenshots: driving Chromium"
JENKINS_URL="http://127.0.0.1:$jenkins_port/" AEM_URL="https://localhost:$aem_port" AEM_CA="$work/aem-ca.pem" \
  OUT="$root/docs/images" NODE_PATH="$work/node/node_modules" node docs/images/screenshots.mjs
echo "screenshots: done; pictures in docs/images/"
