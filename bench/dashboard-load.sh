#!/usr/bin/env bash
# Benchmark: the dashboard under 50 concurrent sessions on loopback at city scale (issue 5, item 10).
# Builds the production jar (bench/lib/dashboard-jar.sh, as bench/soak.sh and bench/dashboard-province.sh do), starts
# it on a city-scale demo lake under $BENCH_DIR (generated on first start, then reused), runs
# cn.liaocheng.strongtown.dashboard.bench.DashboardLoadBench against it, and stops it again.
# Usage: bench/dashboard-load.sh [--sessions=50] [--warmup=30] [--duration=120] [--think-min=2000]
#        [--think-max=8000] [--loads=10]        (env: PORT=18103 BENCH_DIR=/tmp/strongtown-dashboard-load
#                                                SKIP_BUILD=1; LOCKED=1 when run under `flock /tmp/strongtown-maven.lock`)
# Needs Debian's chromium and chromium-driver. Only the build takes the shared Maven lock unless LOCKED=1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PORT=${PORT:-18103}
BENCH_DIR=${BENCH_DIR:-/tmp/strongtown-dashboard-load}
. "$ROOT/bench/lib/dashboard-jar.sh"
dashboard_jar_build
dashboard_jar_start "$ROOT/data" bench-admin-password \
  --strongtown.demo-scale=1.0 --strongtown.demo-first-year=2016

dashboard_machine
echo "load before: $(uptime)"
status=0
java -cp "$BENCH_CP" cn.liaocheng.strongtown.dashboard.bench.DashboardLoadBench --base="http://127.0.0.1:$PORT" \
  --pid="$SERVER_PID" --log="$LOG" "$@" 2> >(grep -v '^WARNING\|SLF4J' >&2) || status=$?
echo "load after: $(uptime)"
exit $status
