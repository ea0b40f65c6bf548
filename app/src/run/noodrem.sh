#!/usr/bin/env bash
# The README's run command: starts the development system (H2, dev chain, embedded broker, DigiD simulator,
# stand-ins) as one Java process in the foreground.
#
#   app/src/run/noodrem.sh [Spring Boot arguments, e.g. --server.port=9090]
#
# - Builds (Maven, tests skipped) only when there is no runnable jar yet or a source file changed since it was built.
# - Runs the jar extracted, with a class-data-sharing (CDS) archive: the first start writes the archive of the
#   classes it loaded when the app stops; every later start maps it and starts faster (README, "Measured"). The
#   archive is kept until the jar changes.
# - Replaces itself with java (exec): no build tool stays behind as the app's parent, and Ctrl-C or SIGTERM reach
#   the app directly; it stops the dev chain, the broker and the stand-ins and prints a closing line.
#
# Environment: JAVA_HOME (else java from PATH), PORT (8080), NOODREM_DATA_DIR (./.noodrem/data),
# NOODREM_BUILD=never to skip the up-to-date check (the jar must exist).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
TARGET="$ROOT/app/target"
JAR="$TARGET/noodrem-app-exec.jar"
RUN="$TARGET/run"
APP="$RUN/app/noodrem-app-exec.jar"
ARCHIVE="$RUN/noodrem.jsa"

# The first changed build input newer than the jar, if any: every module's pom and sources (the wallet's npm
# packages included), not build output, installed packages, run data or this script's folder.
changed_source() {
  find pom.xml ./*/pom.xml ./*/*/pom.xml ./*/src ./*/*/src \
    \( -name node_modules -o -path ./app/src/run \) -prune -o -type f -newer "$JAR" -print -quit 2>/dev/null
}

if [ "${NOODREM_BUILD:-auto}" != never ]; then
  if [ ! -f "$JAR" ]; then
    reason="first run"
  else
    reason="$(changed_source)"
    [ -n "$reason" ] && reason="changed: ${reason#./}"
  fi
  if [ -n "$reason" ]; then
    echo "Building Noodrem ($reason); this takes a few minutes the first time…"
    started=$(date +%s)
    mvn -B -q -DskipTests -pl app -am package
    # the jar plugin may leave an unchanged jar untouched: mark it as built from these sources
    touch "$JAR"
    echo "Built in $(( $(date +%s) - started )) s."
  fi
fi
[ -f "$JAR" ] || { echo "No runnable jar at $JAR: run without NOODREM_BUILD=never." >&2; exit 1; }

if [ ! -f "$APP" ] || [ "$JAR" -nt "$APP" ]; then
  # a new jar: extract it again and drop the archive of the old one
  rm -rf "$RUN"
  mkdir -p "$RUN"
  # CDS cannot map classes from jars nested in a jar: Spring Boot's own extraction lays them out as plain jars
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$RUN/app" >/dev/null
  touch "$APP"
fi

if [ -s "$ARCHIVE" ]; then
  CDS=(-XX:SharedArchiveFile="$ARCHIVE")
else
  echo "First start of this build: the class-data archive is written when Noodrem stops (up to half a minute);"
  echo "every later start is faster."
  CDS=(-XX:ArchiveClassesAtExit="$ARCHIVE")
fi

# a small footprint for one node on a laptop: ~510 MB resident after start (README, "Measured")
exec "$JAVA" "${CDS[@]}" -Xlog:cds=off -Xlog:cds+dynamic=off -Xshare:auto \
  -XX:+UseSerialGC -Xms64m -Xmx512m -Xss512k -jar "$APP" "$@"
