#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs the system packages the tests start
# (as root, with apt-get), restores, builds once, runs every test project and prints
# "N passed, N failed" summed over all of them. Exit code 0 only when nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests start for real, each on a free loopback port and stopped afterwards:
# redis-server (live state, backplane), postgresql (the scale-out database), rabbitmq-server (the bus);
# python3-yaml for the deployment-file check; chromium for the browser tests (Playwright drives Debian's
# chromium, it downloads no browser of its own). The build itself runs npm (Node 20) for the web front end.
required_packages=(redis-server postgresql rabbitmq-server python3-yaml chromium)

missing=()
for pkg in "${required_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing system packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "Need root to apt-get install ${missing[*]}; run as root or install them first." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "apt-get install ${missing[*]} failed" >&2; exit 1; }
  # The packages may start system-wide servers; the tests start their own on free ports.
  for service in redis-server postgresql rabbitmq-server; do
    service "$service" stop >/dev/null 2>&1 || true
  done
fi

# The deployment files cannot be run here (no Docker engine, no Kubernetes): check what can be checked.
/usr/bin/python3 deploy/check.py || { echo "0 passed, 1 failed"; exit 1; }

# The chart: every template rendered (a small Go-template renderer, helm is not installable here) with the default and
# the sample values, the values checked against values.schema.json, every object against the Kubernetes schemas of
# the npm package kubernetes-models. Its counts join the totals below.
chart_log=$(mktemp)
( cd deploy/chart-check \
  && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error >/dev/null; } \
  && node check.mjs ) | tee "$chart_log"
chart_status=${PIPESTATUS[0]}
chart_line=$(grep -E "^chart check: [0-9]+ passed, [0-9]+ failed" "$chart_log" | tail -n 1)
[ -n "$chart_line" ] || { echo "0 passed, 1 failed"; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results_dir="${TEST_RESULTS_DIR:-artifacts/test-results}"
mkdir -p "$results_dir"

dotnet build SharedHotline.sln -c Release -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }

passed=$(sed -E 's/chart check: ([0-9]+) passed.*/\1/' <<<"$chart_line")
failed=$(sed -E 's/.* ([0-9]+) failed/\1/' <<<"$chart_line")
status=$([ "$chart_status" -eq 0 ] && echo 0 || echo 1)
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  # Only test projects: the shared test helpers and the benchmarks are not suites.
  grep -q "<IsTestProject>true</IsTestProject>" "$project" || continue
  log="$results_dir/$name.log"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results_dir" 2>&1 | tee "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  line=$(grep -E "(Passed|Failed)!\s+-\s+Failed:" "$log" | tail -n 1)
  if [ -z "$line" ]; then
    echo "No test summary from $name" >&2
    failed=$((failed + 1)); status=1; continue
  fi
  p=$(sed -E 's/.*Passed:\s+([0-9]+).*/\1/' <<<"$line")
  f=$(sed -E 's/.*Failed:\s+([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + p)); failed=$((failed + f))
done

echo "$passed passed, $failed failed"
exit $status
