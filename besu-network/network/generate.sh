#!/usr/bin/env bash
# Generates the secrets and derived files of the Noodrem QBFT network into network/generated/
# (git-ignored): validator node keys, the ministry's and municipalities' transaction keys, genesis.json
# (QBFT extraData, zero base fee), per-node permissions_config.toml (node and account allowlists),
# static-nodes.json, network.json (public summary) and app.env (what the app needs).
#
#   ./generate.sh                      four validators on this machine (loopback, ports 30303-30306 / 8545-8548)
#   ./generate.sh --besu               let the Besu CLI make the node keys (besu operator generate-blockchain-config),
#                                      then derive the rest from them and cross-check Besu's extraData with ours
#   NOODREM_CHAIN_ID=... NOODREM_NODES="cjib=10.0.0.1:30303:8545 ministry=..." ./generate.sh
#                                      production layout: name=host:p2pPort:rpcPort per validator
#
# Existing keys are never overwritten: remove generated/ to start a new network.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(dirname "$HERE")"
OUT="$HERE/generated"
CHAIN_ID="${NOODREM_CHAIN_ID:-13372026}"
NODES="${NOODREM_NODES:-cjib=127.0.0.1:30303:8545 ministry=127.0.0.1:30304:8546 gemeente-utrecht=127.0.0.1:30305:8547 gemeente-amsterdam=127.0.0.1:30306:8548}"
USE_BESU=false
[[ "${1:-}" == "--besu" ]] && USE_BESU=true

if [[ -e "$OUT/genesis.json" ]]; then
  echo "$OUT already holds a network; keys are never overwritten. Remove it to start anew." >&2
  exit 1
fi
mkdir -p "$OUT"
chmod 700 "$OUT"

if $USE_BESU; then
  command -v besu >/dev/null || { echo "besu is not on PATH" >&2; exit 1; }
  rm -rf "$OUT/besu-operator"
  besu operator generate-blockchain-config --config-file="$HERE/qbftConfigFile.json" \
    --to="$OUT/besu-operator" --private-key-file-name=key
  # Besu names the key folders by node address; hand them to the validators in the order of NODES.
  mapfile -t KEYDIRS < <(find "$OUT/besu-operator/keys" -mindepth 1 -maxdepth 1 -type d | sort)
  i=0
  for spec in $NODES; do
    name="${spec%%=*}"
    mkdir -p "$OUT/$name"
    cp "${KEYDIRS[$i]}/key" "$OUT/$name/key"
    chmod 600 "$OUT/$name/key"
    i=$((i + 1))
  done
fi

# The Java generator (this module) makes the missing keys and everything derived from the keys.
if [[ ! -d "$MODULE/target/classes/nl/noodrem/ledger/network" ]]; then
  mvn -q -f "$MODULE/pom.xml" -DskipTests compile
fi
# shellcheck disable=SC2086
mvn -q -f "$MODULE/pom.xml" -Dnpm.skip=true exec:java \
  -Dexec.mainClass=nl.noodrem.ledger.network.QbftNetworkGenerator \
  -Dexec.args="$OUT $CHAIN_ID $NODES"

if $USE_BESU; then
  # Same validators, same extraData: Besu's genesis and ours must agree byte for byte.
  theirs="$(grep -o '"extraData" *: *"0x[0-9a-f]*"' "$OUT/besu-operator/genesis.json" | grep -o '0x[0-9a-f]*')"
  ours="$(grep -o '"extraData" *: *"0x[0-9a-f]*"' "$OUT/genesis.json" | grep -o '0x[0-9a-f]*')"
  if [[ "$theirs" != "$ours" ]]; then
    echo "extraData differs from Besu's: $theirs vs $ours" >&2
    exit 1
  fi
  echo "extraData matches besu operator generate-blockchain-config"
fi

find "$OUT" -name key -exec chmod 600 {} +
find "$OUT/accounts" -name '*.key' -exec chmod 600 {} +
echo "done: start the nodes as described in $HERE/README.md"
