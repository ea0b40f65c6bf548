#!/usr/bin/env bash
# A local production-like Noodrem cluster on loopback: PostgreSQL (Debian's server), an external ActiveMQ Artemis
# broker (the distribution from Maven Central), the dev chain (Anvil; Besu cannot be fetched here), the legacy
# stand-ins and the DigiD simulator in a process of their own, N app nodes with the production profile, and a
# sticky load balancer in front. Every piece can be stopped, killed and restarted on its own (the fault test does).
#
#   app/production/cluster.sh up [nodes]        build-free start of everything (default 2 nodes); waits until ready
#   app/production/cluster.sh down              stops everything (data stays in $NOODREM_CLUSTER_DIR)
#   app/production/cluster.sh start|stop|kill|restart <postgres|broker|chain|standins|node1..nodeN|proxy>
#   app/production/cluster.sh status            what runs, with pids and resident memory
#   app/production/cluster.sh wipe              down, then delete the cluster directory
#
# Needs: JDK 17, Maven (only to fetch the Artemis distribution once), the app built (mvn -DskipTests install),
# PostgreSQL server binaries (apt-get install postgresql; under root it runs as the 'postgres' user).
# Settings (environment): NOODREM_CLUSTER_DIR (default <repo>/.noodrem/cluster), NOODREM_CLUSTER_DB=postgres|h2
# (h2: measurements only), NOODREM_NODE_JAVA_OPTS, and the ports below.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="${NOODREM_CLUSTER_DIR:-$ROOT/.noodrem/cluster}"
JAR="${NOODREM_APP_JAR:-$ROOT/app/target/noodrem-app-exec.jar}"
DB_KIND="${NOODREM_CLUSTER_DB:-postgres}"
PUBLIC_PORT="${NOODREM_PUBLIC_PORT:-18080}"
NODE_PORT_BASE="${NOODREM_NODE_PORT_BASE:-18080}"          # node i listens on base+i, its management port on base+10+i, its staff port on base+20+i
PG_PORT="${NOODREM_PG_PORT:-15433}"
BROKER_PORT="${NOODREM_BROKER_PORT:-16617}"
CHAIN_PORT="${NOODREM_CHAIN_PORT:-18545}"
STANDINS_PORT="${NOODREM_STANDINS_PORT:-18070}"
SIMULATOR_TLS_PORT="${NOODREM_SIMULATOR_TLS_PORT:-18443}"
H2_PORT="${NOODREM_STANDINS_H2_PORT:-19092}"
NODE_JAVA_OPTS="${NOODREM_NODE_JAVA_OPTS:--Xms256m -Xmx512m -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=128m -Xss512k -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError}"
ARTEMIS_VERSION="${NOODREM_ARTEMIS_VERSION:-2.40.0}"   # = Spring Boot 3.5.7's artemis.version (client side)

RUN="$DIR/run"; LOGS="$DIR/logs"; SECRETS="$DIR/secrets"
mkdir -p "$RUN" "$LOGS" "$SECRETS"
chmod 700 "$SECRETS"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

# ------------------------------------------------------------------ secrets (generated once, files only)
secret() { # name [bytes]: a random secret kept in $SECRETS/<name>; the app reads the directory as a config tree
  local f="$SECRETS/$1"
  if [ ! -s "$f" ]; then (umask 077; head -c "${2:-32}" /dev/urandom | base64 -w0 > "$f"); fi
  cat "$f"
}
init_secrets() {
  secret NOODREM_DB_PASSWORD 18 >/dev/null
  secret NOODREM_BROKER_PASSWORD 18 >/dev/null
  secret NOODREM_ADMIN_PASSWORD 18 >/dev/null
  secret NOODREM_CHAIN_ISSUER_KEYSTORE_PASSWORD 18 >/dev/null
  # keys read by the app under their property names (file name = property name)
  secret noodrem.privacy.pseudonym-key 32 >/dev/null
  secret noodrem.privacy.sealing-key 32 >/dev/null
  secret noodrem.process.sealing-key 32 >/dev/null
}

# ------------------------------------------------------------------ process bookkeeping
pidfile() { echo "$RUN/$1.pid"; }
running() { local p; p="$(pidfile "$1")"; [ -s "$p" ] && kill -0 "$(cat "$p")" 2>/dev/null; }
wait_port() { # port seconds what
  local i
  for ((i = 0; i < $2 * 5; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  die "$3 did not open port $1 within $2 s (log: $LOGS)"
}
wait_gone() { # name seconds
  local p i; p="$(cat "$(pidfile "$1")" 2>/dev/null || true)"; [ -n "$p" ] || return 0
  for ((i = 0; i < $2 * 5; i++)); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.2; done
  log "$1 ($p) did not stop within $2 s: killing it"; kill -9 "$p" 2>/dev/null || true
}
spawn() { # name command...  (background, own process group, log appended)
  local name="$1"; shift
  echo "---- $(date -Is) start" >> "$LOGS/$name.log"
  setsid "$@" >> "$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$(pidfile "$name")"
}
signal() { # name signal
  running "$1" || return 0
  # the whole process group: setsid made each component its own group leader
  kill "-$2" -- "-$(cat "$(pidfile "$1")")" 2>/dev/null || kill "-$2" "$(cat "$(pidfile "$1")")" 2>/dev/null || true
}

# ------------------------------------------------------------------ the app, exploded (all Java parts run from it)
APP="$DIR/app"
classpath() { echo "$APP/BOOT-INF/classes:$APP/BOOT-INF/lib/*"; }
explode_app() { # [refresh]: only 'up' replaces an older unpacked app (never under running components)
  [ -f "$JAR" ] || die "no $JAR: build first (mvn -q -DskipTests install)"
  if [ ! -f "$APP/.exploded" ] || { [ "${1:-}" = refresh ] && [ "$JAR" -nt "$APP/.exploded" ]; }; then
    log "unpacking $(basename "$JAR")"
    rm -rf "$APP"; mkdir -p "$APP"
    (cd "$APP" && unzip -q "$JAR") && touch "$APP/.exploded"
  fi
}

# ------------------------------------------------------------------ PostgreSQL
pg_bin() {
  local b
  for b in /usr/lib/postgresql/*/bin; do [ -x "$b/pg_ctl" ] && echo "$b"; done | sort -V | tail -1
}
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }
start_postgres() {
  [ "$DB_KIND" = postgres ] || return 0
  local bin data="$DIR/pg/data"; bin="$(pg_bin)"
  [ -n "$bin" ] || die "no PostgreSQL server: apt-get install postgresql (Debian's 15 is what this was tested with)"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initialising PostgreSQL in $DIR/pg"
    mkdir -p "$DIR/pg"
    is_root && chown postgres "$DIR/pg"
    local pw="$DIR/pg/.pw"; (umask 077; secret NOODREM_DB_PASSWORD > "$pw"); is_root && chown postgres "$pw"
    as_pg "$bin/initdb" -D "$data" -U noodrem --pwfile="$pw" --auth=scram-sha-256 -E UTF8 > "$LOGS/postgres.log" 2>&1
    rm -f "$pw"
  fi
  if running postgres; then return 0; fi
  as_pg "$bin/pg_ctl" -D "$data" -w -t 60 -l "$DIR/pg/server.log" -o \
    "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DIR/pg -c max_connections=200 -c shared_buffers=256MB" \
    start >> "$LOGS/postgres.log" 2>&1 || die "PostgreSQL did not start (see $DIR/pg/server.log)"
  head -1 "$data/postmaster.pid" > "$(pidfile postgres)"
  if ! PGPASSWORD="$(secret NOODREM_DB_PASSWORD)" "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U noodrem -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname='noodrem'" | grep -q 1; then
    PGPASSWORD="$(secret NOODREM_DB_PASSWORD)" "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U noodrem noodrem
  fi
  log "PostgreSQL up on 127.0.0.1:$PG_PORT"
}
stop_postgres() { # mode: fast|immediate
  [ "$DB_KIND" = postgres ] || return 0
  local bin; bin="$(pg_bin)"
  [ -f "$DIR/pg/data/postmaster.pid" ] || return 0
  as_pg "$bin/pg_ctl" -D "$DIR/pg/data" -m "${1:-fast}" -w stop >> "$LOGS/postgres.log" 2>&1 || true
  rm -f "$(pidfile postgres)"
}

# ------------------------------------------------------------------ ActiveMQ Artemis (external broker)
start_broker() {
  local dist="$DIR/artemis/apache-artemis-$ARTEMIS_VERSION" instance="$DIR/broker"
  if [ ! -x "$dist/bin/artemis" ]; then
    log "fetching the Artemis $ARTEMIS_VERSION distribution from Maven Central"
    mkdir -p "$DIR/artemis"
    mvn -q dependency:copy -Dartifact="org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" \
      -DoutputDirectory="$DIR/artemis" >> "$LOGS/broker.log" 2>&1 || die "cannot fetch the Artemis distribution"
    tar xzf "$DIR/artemis/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" -C "$DIR/artemis"
  fi
  if [ ! -f "$instance/etc/broker.xml" ]; then
    log "creating the broker instance"
    "$dist/bin/artemis" create "$instance" --silent --force --user noodrem --password "$(secret NOODREM_BROKER_PASSWORD)" \
      --require-login --host 127.0.0.1 --default-port "$BROKER_PORT" --no-web --no-amqp-acceptor --no-mqtt-acceptor \
      --no-stomp-acceptor --no-hornetq-acceptor --no-autotune >> "$LOGS/broker.log" 2>&1
    python3 "$ROOT/app/production/broker/configure-broker.py" "$instance/etc/broker.xml" \
      "$ROOT/app/production/broker/noodrem-address-settings.xml"
    sed -i 's/-Xms[0-9]*[MmGg] -Xmx[0-9]*[MmGg]/-Xms128M -Xmx384M/' "$instance/etc/artemis.profile"
  fi
  running broker && return 0
  spawn broker "$instance/bin/artemis" run
  wait_port "$BROKER_PORT" 90 broker
  log "Artemis broker up on 127.0.0.1:$BROKER_PORT"
}

# ------------------------------------------------------------------ dev chain (in place of the Besu network)
start_chain() {
  running chain && return 0
  explode_app
  mkdir -p "$DIR/chain"; rm -f "$DIR/chain/chain.env"
  NOODREM_CHAIN_ISSUER_KEYSTORE_PASSWORD="$(secret NOODREM_CHAIN_ISSUER_KEYSTORE_PASSWORD)" \
    spawn chain java -Xmx256m -cp "$(classpath)" nl.noodrem.app.production.devonly.DevChainNode "$DIR/chain" \
    "$CHAIN_PORT" "$ROOT"
  local i; for ((i = 0; i < 600; i++)); do [ -f "$DIR/chain/chain.env" ] && break; running chain || break; sleep 0.2; done
  [ -f "$DIR/chain/chain.env" ] || die "the dev chain did not come up (log: $LOGS/chain.log)"
  log "dev chain up on 127.0.0.1:$CHAIN_PORT (DEVELOPMENT ONLY: Anvil, not Besu)"
}

# ------------------------------------------------------------------ legacy stand-ins + DigiD simulator
start_standins() {
  running standins && return 0
  explode_app
  mkdir -p "$DIR/standins/db" "$DIR/standins/batch-drop"
  spawn standins java -Xmx384m -cp "$(classpath)" nl.noodrem.app.production.devonly.StandinsNode \
    --server.port="$STANDINS_PORT" --server.address=127.0.0.1 \
    --spring.artemis.mode=native --spring.artemis.embedded.enabled=false \
    "--spring.artemis.broker-url=tcp://127.0.0.1:$BROKER_PORT?reconnectAttempts=-1&retryInterval=500&maxRetryInterval=5000" \
    --spring.artemis.user=noodrem --spring.artemis.password="$(secret NOODREM_BROKER_PASSWORD)" \
    --noodrem.standins.enabled=true --noodrem.standins.batch-drop.sftp-enabled=false \
    --noodrem.standins.batch-drop.directory="$DIR/standins/batch-drop" \
    --noodrem.standins.batch-drop.sftp-root="$DIR/standins/sftp-root" \
    "--noodrem.standins.municipality.jdbc-url=jdbc:h2:$DIR/standins/db/municipality;DB_CLOSE_DELAY=-1" \
    "--noodrem.standins.legacy-db.jdbc-url=jdbc:h2:$DIR/standins/db/legacy-shv;DB_CLOSE_DELAY=-1" \
    "--noodrem.standins.collection.jdbc-url=jdbc:h2:$DIR/standins/db/cjib;DB_CLOSE_DELAY=-1" \
    --noodrem.standins-node.h2-port="$H2_PORT" --noodrem.standins-node.h2-directory="$DIR/standins/db" \
    --noodrem.standins-node.sp-metadata-url="http://127.0.0.1:$PUBLIC_PORT/digid/metadata" \
    --noodrem.digid.simulator.enabled=true --noodrem.digid.simulator.key-directory="$DIR/standins/digid-simulator" \
    --noodrem.digid.simulator.artifact-resolution-port="$SIMULATOR_TLS_PORT" \
    --noodrem.digid.simulator.base-url="http://127.0.0.1:$STANDINS_PORT"
  wait_port "$STANDINS_PORT" 120 standins
  log "stand-ins and DigiD simulator up on 127.0.0.1:$STANDINS_PORT (DEVELOPMENT ONLY)"
}

# ------------------------------------------------------------------ app nodes
node_env() { # i: the environment of app node i (production profile), printed as KEY=VALUE lines
  local i="$1" sim="$DIR/standins/digid-simulator"
  [ -f "$DIR/chain/chain.env" ] || die "start the chain first"
  grep -v '^#' "$DIR/chain/chain.env"
  if [ "$DB_KIND" = h2 ]; then
    echo "NOODREM_DB_URL=jdbc:h2:$DIR/h2/noodrem;AUTO_SERVER=TRUE"
    echo "NOODREM_PRODUCTION_ALLOWH2FORMEASUREMENTS=true"
  else
    echo "NOODREM_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/noodrem"
  fi
  cat <<EOF
NOODREM_DB_USERNAME=noodrem
NOODREM_BROKER_URL=tcp://127.0.0.1:$BROKER_PORT?reconnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=1.5&maxRetryInterval=5000
NOODREM_BROKER_USER=noodrem
NOODREM_SECRETS_DIR=$SECRETS
NOODREM_PUBLIC_URL=http://127.0.0.1:$PUBLIC_PORT
NOODREM_SECURE_COOKIES=false
NOODREM_NODE_ID=node$i
NOODREM_DATA_DIR=$DIR/nodes/node$i/data
NOODREM_MANAGEMENT_PORT=$((NODE_PORT_BASE + 10 + i))
NOODREM_STAFF_PORT=$((NODE_PORT_BASE + 20 + i))
NOODREM_DIGID_SP_KEYSTORE=file:$sim/sp-signing.p12
NOODREM_PRODUCTION_ALLOWDIGIDSIMULATORKEYSFORMEASUREMENTS=true
NOODREM_DIGID_SP_KEYSTORE_PASSWORD=noodrem-dev-only
NOODREM_DIGID_SP_TLSKEYSTORE=file:$sim/sp-tls.p12
NOODREM_DIGID_SP_TLSKEYSTOREPASSWORD=noodrem-dev-only
NOODREM_DIGID_IDP_METADATA=file:$sim/idp-metadata.xml
NOODREM_DIGID_IDP_TRUSTSTORE=file:$sim/dev-ca.pem
NOODREM_DEBT_HELP_SOAP_ADDRESS=http://127.0.0.1:$STANDINS_PORT/services/standin/schuldhulpregistratie/v1
NOODREM_COLLECTION_JDBC_URL=jdbc:h2:tcp://127.0.0.1:$H2_PORT/cjib
NOODREM_COLLECTION_DB_USERNAME=sa
NOODREM_BATCH_NODE=$([ "$i" = 1 ] && echo true || echo false)
NOODREM_BATCH_DIRECTORY=$DIR/standins/batch-drop
EOF
}
start_node() { # i
  local i="$1" name="node$1"
  running "$name" && return 0
  explode_app
  mkdir -p "$DIR/nodes/$name/data"
  # values quoted: the broker URL holds '&'
  node_env "$i" | sed "s/^\([A-Za-z0-9_.-]*\)=\(.*\)$/\1='\2'/" > "$DIR/nodes/$name/env"
  # shellcheck disable=SC2086
  (set -a; . "$DIR/nodes/$name/env"; set +a
   spawn "$name" java $NODE_JAVA_OPTS -cp "$(classpath)" nl.noodrem.app.NoodremApplication \
     --spring.profiles.active=production --server.port=$((NODE_PORT_BASE + i)) --server.address=127.0.0.1)
}
wait_node() { # i
  local i="$1" port=$((NODE_PORT_BASE + 10 + $1)) n
  for ((n = 0; n < 900; n++)); do
    if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      log "node$i ready on 127.0.0.1:$((NODE_PORT_BASE + i)) (management $port)"; return 0
    fi
    running "node$i" || die "node$i exited (log: $LOGS/node$i.log)"
    sleep 0.4
  done
  die "node$i not ready within 6 minutes (log: $LOGS/node$i.log)"
}

# ------------------------------------------------------------------ load balancer
node_count() { cat "$RUN/nodes" 2>/dev/null || echo 2; }
start_proxy() {
  running proxy && return 0
  explode_app
  local backends="" i
  for ((i = 1; i <= $(node_count); i++)); do backends="$backends${backends:+,}http://127.0.0.1:$((NODE_PORT_BASE + i))"; done
  spawn proxy java -Xmx128m -cp "$(classpath)" nl.noodrem.app.production.devonly.StickyProxy "$PUBLIC_PORT" "$backends"
  wait_port "$PUBLIC_PORT" 30 proxy
}

# ------------------------------------------------------------------ commands
component_start() {
  case "$1" in
    postgres) start_postgres ;;
    broker) start_broker ;;
    chain) start_chain ;;
    standins) start_standins ;;
    proxy) start_proxy ;;
    node*) start_node "${1#node}"; wait_node "${1#node}" ;;
    *) die "unknown component $1" ;;
  esac
}
component_stop() { # name [signal]
  local sig="${2:-TERM}"
  case "$1" in
    postgres) if [ "$sig" = KILL ]; then stop_postgres immediate; else stop_postgres fast; fi ;;
    *) signal "$1" "$sig"; wait_gone "$1" 60; rm -f "$(pidfile "$1")" ;;
  esac
}

up() {
  local nodes="${1:-2}" i
  echo "$nodes" > "$RUN/nodes"
  init_secrets
  if ls "$RUN"/*.pid >/dev/null 2>&1 && [ -n "$(status | grep -v 'not running')" ]; then
    explode_app
  else
    explode_app refresh
  fi
  start_postgres
  start_broker
  start_chain
  start_proxy            # before the stand-ins: the simulator reads the SP's metadata through it
  start_standins
  for ((i = 1; i <= nodes; i++)); do
    start_node "$i"
    wait_node "$i"     # one at a time: the first migrates the schema, the rest find it done
  done
  cat >&2 <<EOF

  Noodrem production profile is running ($nodes node(s), database: $DB_KIND) — logs in $LOGS
  Citizen portal            http://127.0.0.1:$PUBLIC_PORT/            (load balancer, sticky)
  Cockpit / Tasklist/Admin  http://127.0.0.1:$((NODE_PORT_BASE + 21))/camunda/app/cockpit/   (staff port of node 1; every node has one)
                            admin user 'admin', password in $SECRETS/NOODREM_ADMIN_PASSWORD
  Health, metrics           http://127.0.0.1:$((NODE_PORT_BASE + 11))/actuator/health  (…/readiness, …/liveness, …/prometheus)
  DigiD simulator (DEV)     http://127.0.0.1:$STANDINS_PORT/digid-simulator/metadata
  Stop: app/production/cluster.sh down

EOF
}

down() {
  local i
  component_stop proxy
  for ((i = 1; i <= 9; i++)); do component_stop "node$i"; done
  component_stop standins
  component_stop chain
  component_stop broker
  stop_postgres fast
}

status() {
  local f name pid rss
  for f in "$RUN"/*.pid; do
    [ -e "$f" ] || continue
    name="$(basename "$f" .pid)"; pid="$(cat "$f")"
    if kill -0 "$pid" 2>/dev/null; then
      rss="$(awk '/VmRSS/{print $2/1024 " MB"}' "/proc/$pid/status" 2>/dev/null)"
      echo "$name pid=$pid rss=${rss:-?}"
    else
      echo "$name (not running)"
    fi
  done
}

cmd="${1:-}"; shift || true
case "$cmd" in
  up) up "${1:-2}" ;;
  down) down ;;
  wipe) down; rm -rf "$DIR" ;;
  start) component_start "$1" ;;
  stop) component_stop "$1" TERM ;;
  kill) component_stop "$1" KILL ;;
  restart) component_stop "$1" TERM; component_start "$1" ;;
  status) status ;;
  env) node_env "${1:-1}" ;;
  *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
