#!/usr/bin/env bash
# The newcomer's check: what someone new gets from the README. Clones the repository into a temporary folder, runs
# the README's run command (read from the README's first code block), waits until the app is healthy, opens Cockpit
# and the citizen portal in headless Chromium (Cockpit must render its login, not only a spinner), stops the app with
# SIGTERM and prints how long each step took. Run it twice to see a start with the class-data archive too.
#
#   scripts/newcomer.sh [repository or path to clone, default: this repository]
#
# Environment: PORT (default 18080; the DigiD simulator and SFTP stand-in get PORT+1 and PORT+2),
# NEWCOMER_MAVEN_REPO (a local Maven repository for the clone's build; default: Maven's own),
# NEWCOMER_KEEP=1 keeps the clone. Needs git, JDK 17, Maven, Node/npm and /usr/bin/chromium.
set -euo pipefail
SOURCE="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
PORT="${PORT:-18080}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
WORK="$(mktemp -d -t noodrem-newcomer-XXXXXX)"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
cleanup() {
  [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID" 2>/dev/null
  [ "${NEWCOMER_KEEP:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

t0=$(now)
git clone -q "$SOURCE" "$WORK/noodrem"
cd "$WORK/noodrem"
if [ -n "${NEWCOMER_MAVEN_REPO:-}" ]; then
  mkdir -p .mvn && echo "-Dmaven.repo.local=$NEWCOMER_MAVEN_REPO" > .mvn/maven.config
fi
t_cloned=$(now)

# the README's first block: one comment line and the run command
RUN="$(awk '/^```/{block++; next} block==1 && $0 !~ /^#/ && NF {print; exit}' README.md)"
echo "README run command: $RUN"

run_once() {
  local log="$1"
  PORT="$PORT" NOODREM_DIGID_SIMULATOR_PORT=$((PORT + 1)) NOODREM_STANDIN_SFTP_PORT=$((PORT + 2)) \
    bash -c "$RUN" > "$log" 2>&1 &
  APP_PID=$!
  local started
  started=$(now)
  # health is asked only once the banner is out: probing a starting app makes Camel's readiness check warn
  until grep -q 'Noodrem is running' "$log" && curl -fs "http://localhost:$PORT/actuator/health" 2>/dev/null \
      | grep -q '^{"status":"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the run command ended early:"; tail -40 "$log"; exit 1; }
    sleep 1
  done
  READY=$(secs "$started" "$(now)")
  BUILD=$(sed -n 's/.*Built in \([0-9]*\) s\./\1/p' "$log")
  STARTED_IN=$(sed -n 's/.*Started NoodremApplication in \([0-9.]*\) seconds.*/\1/p' "$log")
  RSS=$(ps -o rss= -p "$APP_PID" | awk '{printf "%d", $1 / 1024}')
  PROCESSES=$(ps -o comm= --ppid "$APP_PID" | tr '\n' ' ')

  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --virtual-time-budget=30000 \
    --dump-dom "http://localhost:$PORT/camunda/app/cockpit/default/" > cockpit.html 2>/dev/null
  grep -q 'type="password"' cockpit.html || { echo "Cockpit did not render its login (spinner only?)"; exit 1; }
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --virtual-time-budget=10000 \
    --dump-dom "http://localhost:$PORT/" > portal.html 2>/dev/null
  grep -q 'Kunt u uw boetes niet betalen?' portal.html || { echo "the portal did not render"; exit 1; }

  local stopping
  stopping=$(now)
  kill -TERM "$APP_PID"
  wait "$APP_PID" || true
  STOP=$(secs "$stopping" "$(now)")
  APP_PID=
  grep -q 'Noodrem has stopped' "$log" || { echo "no closing line after SIGTERM"; tail -20 "$log"; exit 1; }
  ERRORS=$(grep -c ' ERROR ' "$log" || true)
}

run_once first.log
echo
echo "== Noodrem newcomer check ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "clone                                   $(secs "$t0" "$t_cloned") s"
echo "first run: build (Maven)                ${BUILD:-none} s"
echo "first run: command to healthy           $READY s (Spring: started in ${STARTED_IN:-?} s, no archive)"
echo "first run: resident memory, children    ${RSS} MB, ${PROCESSES:-none}"
echo "first run: SIGTERM to exit              $STOP s (writes the class-data archive), ERROR lines: $ERRORS"
echo "Cockpit rendered its login, the portal its home page"
run_once second.log
echo "second run: build                       ${BUILD:-none (sources unchanged)}"
echo "second run: command to healthy          $READY s (Spring: started in ${STARTED_IN:-?} s, with archive)"
echo "second run: resident memory             ${RSS} MB"
echo "second run: SIGTERM to exit             $STOP s, ERROR lines: $ERRORS"
