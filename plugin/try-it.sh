#!/usr/bin/env bash
# Brings up a Jenkins with this plugin set up, against the project's AEM simulator: `mvn hpi:run` with a global AEM
# connection, its credential, and the example jobs of plugin/try-it/jobs/. Ctrl-C stops Jenkins and the simulator.
#
#   plugin/try-it.sh                     # http://localhost:8080/jenkins/
#   JENKINS_PORT=9090 plugin/try-it.sh   # another port; AEM_PORT=N fixes the simulator's (default: a free one)
#
# Needs a JDK 17 or later and the Jenkins artifacts plugin/ builds with (see CONTRIBUTING.md). Jenkins' home is
# plugin/work/ (hpi:run's, kept between runs; the example jobs are written afresh at every start), or TRY_IT_HOME.
# Jenkins listens on localhost only and has no login, as hpi:run's Jenkins always has.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jenkins_port="${JENKINS_PORT:-8080}"
home="${TRY_IT_HOME:-$root/plugin/work}"
run="$home/try-it"
say() { echo "try-it: $*"; }

# A port nothing listens on, from 18400 up.
free_port() {
  local p
  for p in $(seq 18400 18499); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  say "no free port from 18400 to 18499 for the simulator; give one with AEM_PORT" >&2
  exit 2
}

command -v java >/dev/null || { say "java is missing: install a JDK 17 or later." >&2; exit 2; }
if (exec 3<>"/dev/tcp/127.0.0.1/$jenkins_port") 2>/dev/null; then
  say "port $jenkins_port is taken: stop what listens there, or give another with JENKINS_PORT" >&2
  exit 2
fi
aem_port="${AEM_PORT:-$(free_port)}"
mkdir -p "$run" "$home/jobs"

# The simulator runs from its jar; rebuild it when it is missing or older than its sources.
sim_jar="$root/aem-simulator/target/aem-simulator.jar"
if [ ! -f "$sim_jar" ] || [ -n "$(find aem-simulator/src/main aem-simulator/pom.xml -newer "$sim_jar" -print -quit)" ]; then
  say "building the AEM simulator"
  ./mvnw -B -ntp -q -pl aem-simulator -am -DskipTests package
fi

pids=()
stop_all() {
  trap - INT TERM EXIT
  # Each runs in a process group of its own (setsid), where SIGINT is ignored as in any background job of a script:
  # SIGTERM to the whole group ends it, hpi:run's Maven and the Jenkins it forks alike, through their shutdown hooks.
  for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for _ in $(seq 1 60); do pgrep -g "$p" >/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$p" 2>/dev/null || true
  done
  say "stopped Jenkins and the AEM simulator"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

started=$(date +%s)
rm -f "$run/aem-ca.pem" "$run/simulator.log"
setsid java -jar "$sim_jar" --config "$root/plugin/try-it/aem-simulator.json" --port "$aem_port" --tls \
  --cert-out "$run/aem-ca.pem" >"$run/simulator.log" 2>&1 &
pids+=($!)
aem_url="https://localhost:$aem_port"

# The example jobs, written afresh: one file each under plugin/try-it/jobs/, named as the job.
for job in plugin/try-it/jobs/*.xml; do
  name=$(basename "$job" .xml)
  mkdir -p "$home/jobs/$name"
  cp "$job" "$home/jobs/$name/config.xml"
done

# Configuration as Code reads these when Jenkins starts: the simulator's address and certificate (which it writes
# while Jenkins starts), the passwords of its public demo logins (operator and designer), and the endpoint passwords
# the promote-a-task job deploys with (any value will do: the simulator takes them; new ones at every start), all
# through the environment only.
jenkins_url="http://localhost:$jenkins_port/jenkins/"
export AEM_TRY_IT_PASSWORD="${AEM_TRY_IT_PASSWORD:-demo-password}"
export AEM_TRY_IT_RELEASE_PASSWORD="${AEM_TRY_IT_RELEASE_PASSWORD:-designer-password}"
export AEM_TRY_IT_SOURCE_DB_PASSWORD="${AEM_TRY_IT_SOURCE_DB_PASSWORD:-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}"
export AEM_TRY_IT_TARGET_DB_PASSWORD="${AEM_TRY_IT_TARGET_DB_PASSWORD:-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}"
export AEM_TRY_IT_URL="$aem_url" AEM_TRY_IT_CA_FILE="$run/aem-ca.pem" TRY_IT_JENKINS_URL="$jenkins_url"

say "starting Jenkins (mvn hpi:run) at $jenkins_url, and the AEM simulator at $aem_url"
# The checks of a release build (enforcer) are for `verify`; here hpi:run only needs the plugin compiled.
setsid ./mvnw -B -ntp -pl plugin -am -Ptry-it -DskipTests -Denforcer.skip=true -Dorg.slf4j.simpleLogger.showDateTime=true \
  -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS -Dport="$jenkins_port" -DjenkinsHome="$home" \
  -Dcasc.jenkins.config="$root/plugin/try-it/jenkins.yaml" -Djenkins.install.runSetupWizard=false \
  -Dhudson.model.UsageStatistics.disabled=true test-compile >"$run/jenkins.log" 2>&1 &
pids+=($!)

until grep -q "listening at" "$run/simulator.log" 2>/dev/null && [ -s "$run/aem-ca.pem" ]; do
  if ! kill -0 "${pids[0]}" 2>/dev/null || [ $(($(date +%s) - started)) -gt 120 ]; then
    cat "$run/simulator.log" >&2
    say "the AEM simulator did not start" >&2
    exit 1
  fi
  sleep 0.2
done
say "AEM simulator up at $aem_url (servers Replicate-Demo, Replicate-Test, Replicate-QA and Compose-Demo; log: $run/simulator.log)"

until curl -sf -o /dev/null "${jenkins_url}login"; do
  if ! kill -0 "${pids[1]}" 2>/dev/null; then
    tail -40 "$run/jenkins.log" >&2
    say "Jenkins did not start; the whole log is $run/jenkins.log" >&2
    exit 1
  fi
  sleep 0.5
done
say "Jenkins is up at $jenkins_url ($(($(date +%s) - started)) s; log: $run/jenkins.log). Ctrl-C stops it and the simulator."
wait "${pids[1]}"
