#!/usr/bin/env bash
# Runs the load generator in the three modes of issue 7 and an idle-connection run, against server
# processes started here (Release build, real redis-server on loopback), and writes the reports to
# artifacts/load/. Usage: bash tests/SharedHotline.Load/run-all.sh [seconds] [citizens] [agents] [rounds]
# (each mode: the relay and the hotline take turns `rounds` times, `seconds` each, pooled per scenario).
# With SWEEP=1 each of the three modes is a capacity sweep instead (docs/benchmarks.md; SWEEP_ARGS adds its options,
# e.g. "--max-chats 400 --seconds 10"), reported with an SVG plot per mode, and the idle run is left out.
# SKIP_EMBEDDED=1 leaves out the first mode (one node on the embedded default).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}; citizens=${2:-200}; agents=${3:-20}; rounds=${4:-1}
out=artifacts/load; [ -n "${SWEEP:-}" ] && out=artifacts/sweep; rm -rf "$out"; mkdir -p "$out"
prefix="load$RANDOM"
ulimit -n 65536 || true
missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
dotnet build SharedHotline.sln -c Release -nologo -v q >/dev/null
server=src/SharedHotline.Server/bin/Release/net10.0/SharedHotline.Server.dll
# The server with the relay baseline and the load-test agents, run from the server's folder (its appsettings).
loadhost="$PWD/tests/SharedHotline.Load.Host/bin/Release/net10.0/SharedHotline.Load.Host.dll"
generator=tests/SharedHotline.Load/bin/Release/net10.0/SharedHotline.Load.dll
barehost=tests/SharedHotline.Load.BareHost/bin/Release/net10.0/SharedHotline.Load.BareHost.dll
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  if [ -n "${pgdir:-}" ] && [ -f "$pgdir/data/postmaster.pid" ]; then kill -9 "$(head -1 "$pgdir/data/postmaster.pid")" 2>/dev/null || true; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_node() { # name port data-folder [redis]
  local env=(ASPNETCORE_ENVIRONMENT=Testing ASPNETCORE_URLS="http://127.0.0.1:$2" Serilog__MinimumLevel__Default=Warning
    Hotline__DataFolder="$3" Hotline__Clock__StartAt=2026-11-24T20:30:00+01:00
    Hotline__LoadTest__Enabled=true Hotline__LoadTest__Agents="$agents" Hotline__LoadTest__AgentCapacity=10
    Hotline__Redis__NodeId="$1" Hotline__Redis__Prefix="$prefix")
  # Every simulated citizen comes from 127.0.0.1: lift the per-address abuse limits (docs/security.md).
  local limit
  for limit in StartChatsPerIp StartChatsPerConnection MessagesPerIp MessagesPerSession ResumesPerIp ResumesPerConnection \
    HistoryPerConnection TypingPerConnection RefusedCallsPerIp RefusedCallsPerConnection CallbacksPerIp SignInsPerIp RequestsPerIp; do
    env+=("Hotline__Limits__${limit}__Permits=100000000")
  done
  env+=(Hotline__Limits__QueuedChatsPerIp=100000000)
  [ -n "${4:-}" ] && env+=(ConnectionStrings__Redis="127.0.0.1:$4")
  (cd "$(dirname "$server")" && exec env "${env[@]}" dotnet "$loadhost" > "$OLDPWD/$out/$1.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$2/health/ready" >/dev/null && return 0; sleep 0.5; done
  echo "node $1 did not start"; tail -20 "$out/$1.log"; exit 1
}

run() { dotnet "$generator" --out "$out" --rate 1 --seconds "$seconds" --rounds "$rounds" --citizens "$citizens" --agents "$agents" "$@"; }
# shellcheck disable=SC2086
measure() { if [ -n "${SWEEP:-}" ]; then dotnet "$generator" --out "$out" --agents "$agents" --mode sweep ${SWEEP_ARGS:-} "$@"; else run --mode compare "$@"; fi; }

# 1. One node, embedded default (SQLite, in-process state).
if [ -z "${SKIP_EMBEDDED:-}" ]; then
  p=$(free_port); start_node embedded "$p" "$(mktemp -d)"
  measure --url "http://127.0.0.1:$p" --label "one node embedded"
  if [ -z "${SWEEP:-}" ]; then
    # The idle run against the same (warm) node, and the same connections against a bare ASP.NET Core host (the
    # framework's own floor).
    bp=$(free_port); (cd "$(dirname "$barehost")" && exec env ASPNETCORE_URLS="http://127.0.0.1:$bp" dotnet "$(basename "$barehost")" > "$OLDPWD/$out/bare-host.log" 2>&1) &
    pids+=($!)
    for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$bp/api/load-test/process" >/dev/null && break; sleep 0.5; done
    curl -sf "http://127.0.0.1:$bp/api/load-test/process" >/dev/null || { echo "bare host did not start"; tail -20 "$out/bare-host.log"; exit 1; }
    run --url "http://127.0.0.1:$p" --bare-url "http://127.0.0.1:$bp" --mode idle --idle "${IDLE:-10000}" --label "idle connections"
    kill -9 "${pids[-1]}" "${pids[-2]}" 2>/dev/null || true
    pids=("${pids[@]:0:${#pids[@]}-2}")
  else
    kill -9 "${pids[-1]}" 2>/dev/null || true
    pids=("${pids[@]:0:${#pids[@]}-1}")
  fi
fi

# 2. One node with Redis; 3. two nodes with Redis, citizens on A and agents on B. Several nodes share a
# PostgreSQL database, as in production (docs/scale-out.md); two processes writing one SQLite file would
# measure SQLite's file locking instead. PostgreSQL runs with synchronous_commit=off unless PG_SYNCHRONOUS_COMMIT
# says otherwise: a crash of a hotline node loses nothing, but a crash of PostgreSQL or of its machine may lose
# the last commits (up to three times wal_writer_delay, 600 ms by default). deploy/compose.yaml keeps
# PostgreSQL's default, on, which waits for the WAL's fsync; PG_SYNCHRONOUS_COMMIT=on measures that
# on this machine's disk (docs/benchmarks.md).
rp=$(free_port); redis-server --port "$rp" --bind 127.0.0.1 --save "" --appendonly no > "$out/redis.log" 2>&1 & pids+=($!)
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgdir=$(mktemp -d); pgpass=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
echo "$pgpass" > "$pgdir/pw"
as_postgres=(); [ "$(id -u)" = 0 ] && { chown -R postgres:postgres "$pgdir"; as_postgres=(runuser -u postgres --); }
"${as_postgres[@]}" "$pgbin/initdb" -D "$pgdir/data" -U hotline --pwfile "$pgdir/pw" -A scram-sha-256 -E UTF8 --locale=C --no-sync > "$out/postgres-init.log" 2>&1
pp=$(free_port)
"${as_postgres[@]}" "$pgbin/postgres" -D "$pgdir/data" -p "$pp" -k "$pgdir" -c listen_addresses=127.0.0.1 \
  -c synchronous_commit="${PG_SYNCHRONOUS_COMMIT:-off}" -c max_connections=300 > "$out/postgres.log" 2>&1 & pids+=($!)
for _ in $(seq 1 60); do "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pp" && break; sleep 0.5; done
export Hotline__Database=postgres ConnectionStrings__Hotline="Host=127.0.0.1;Port=$pp;Database=hotline;Username=hotline;Password=$pgpass"
data=$(mktemp -d)
pa=$(free_port); start_node node-a "$pa" "$data" "$rp"
measure --url "http://127.0.0.1:$pa" --label "one node, Redis and PostgreSQL"
pb=$(free_port); start_node node-b "$pb" "$data" "$rp"
measure --url "http://127.0.0.1:$pa,http://127.0.0.1:$pb" --label "two nodes, Redis and PostgreSQL"
[ -n "${SWEEP:-}" ] || dotnet "$generator" --summarize "$out"
echo "Reports in $out/"
