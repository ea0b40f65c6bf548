#!/usr/bin/env bash
# One command: the production profile on this machine against PostgreSQL, an external ActiveMQ Artemis broker and
# a dev chain (Anvil — Besu cannot be fetched here), with the legacy stand-ins and the DigiD simulator in a process
# of their own and a load balancer in front. Ctrl-C stops everything; data stays for the next start.
#
#   app/production/start.sh            # one app node
#   app/production/start.sh 2          # two app nodes behind the load balancer
#
# Builds the app first when its jar is missing (mvn -q -DskipTests install). See app/production/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NODES="${1:-1}"
if [ ! -f "${NOODREM_APP_JAR:-$ROOT/app/target/noodrem-app-exec.jar}" ]; then
  (cd "$ROOT" && mvn -q -DskipTests install)
fi
trap '"$ROOT/app/production/cluster.sh" down' INT TERM
"$ROOT/app/production/cluster.sh" up "$NODES"
echo "Running. Ctrl-C stops the cluster." >&2
while true; do sleep 3600 & wait $!; done
