# Sourced by the scripts that need the try-it Jenkins for a while: starts plugin/try-it.sh in a process group of its
# own, waits until Jenkins answers, and stops it as Ctrl-C would (SIGTERM to try-it.sh, which stops Jenkins and the
# simulator). Run from the project root.

# Starts try-it.sh with a Jenkins home of its own, fresh, in the folder $1 (so that it never shares plugin/work/ with a
# try-it Jenkins someone runs), its output in $1/try-it.log; sets TRYIT_PID and TRYIT_URL once Jenkins is up, and
# TRYIT_HOME. Gives up after 10 minutes.
tryit_start() {
  local log="$1/try-it.log" waited=0
  rm -rf "$1"
  mkdir -p "$1"
  export TRY_IT_HOME="$1"
  TRYIT_HOME="$1"
  setsid plugin/try-it.sh >"$log" 2>&1 &
  TRYIT_PID=$!
  until grep -q "Jenkins is up at" "$log"; do
    if ! kill -0 "$TRYIT_PID" 2>/dev/null; then
      cat "$log" >&2
      echo "try-it.sh ended before Jenkins was up" >&2
      return 1
    fi
    if [ "$waited" -ge 1200 ]; then
      cat "$log" >&2
      echo "Jenkins was not up after 10 minutes" >&2
      tryit_stop
      return 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  TRYIT_URL=$(sed -n 's/.*Jenkins is up at \([^ ]*\) .*/\1/p' "$log")
}

# Stops try-it.sh and waits (up to a minute) until it has ended.
tryit_stop() {
  [ -n "${TRYIT_PID:-}" ] || return 0
  if kill -0 "$TRYIT_PID" 2>/dev/null; then
    kill -TERM "$TRYIT_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$TRYIT_PID" 2>/dev/null || break; sleep 0.5; done
  fi
}

# Whether try-it.sh or anything it started (the simulator, hpi:run's Maven and its Jenkins) still runs: each of those
# names the Jenkins home on its command line.
tryit_left_running() {
  kill -0 "$TRYIT_PID" 2>/dev/null || pgrep -f -- "$TRYIT_HOME" >/dev/null 2>&1
}
