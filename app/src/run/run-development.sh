#!/usr/bin/env bash
# Starts the development system (the README's run command calls this through `mvn -Prun`).
#
# It runs the app from an extracted copy of its jar with a class-data-sharing (CDS) archive: the first start writes
# the archive of the classes it loaded when the app stops (Ctrl-C); every later start maps it and starts in about
# 60% of the time (measured in the README). A rebuilt jar is extracted again and its archive written anew.
#
#   run-development.sh <java> <target directory> <jar file name>
set -euo pipefail
JAVA="$1"
TARGET="$2"
JAR="$TARGET/$3"
RUN="$TARGET/run"
APP="$RUN/app/$3"
ARCHIVE="$RUN/noodrem.jsa"

if [ ! -f "$APP" ] || [ "$JAR" -nt "$APP" ]; then
  rm -rf "$RUN"
  mkdir -p "$RUN"
  # CDS cannot map classes from jars nested in a jar: Spring Boot's own extraction lays them out as plain jars
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$RUN/app" >/dev/null
fi

if [ -s "$ARCHIVE" ]; then
  CDS=(-XX:SharedArchiveFile="$ARCHIVE")
else
  echo "First start: the class-data archive is written when Noodrem stops; the next start is faster."
  CDS=(-XX:ArchiveClassesAtExit="$ARCHIVE")
fi

# a small footprint for one node on a laptop: ~510 MB resident after start (README, "Measured")
exec "$JAVA" "${CDS[@]}" -Xlog:cds=off -Xlog:cds+dynamic=off -Xshare:auto \
  -XX:+UseSerialGC -Xms64m -Xmx512m -Xss512k -jar "$APP"
