#!/usr/bin/env bash
# Soak R3 (issue 14 item 4): the production jar under 100 concurrent sessions for 5 minutes on loopback, mixed roles,
# with an upload through the collection page every minute that re-scores while everyone reads.
# Builds the production jar (`package`, Vaadin production mode) and the bench's test classes, starts
# `java -Xms512m -Xmx2g -jar dashboard/target/dashboard-*.jar` (as deploy/strongtown.service does) on a city-scale demo
# lake under $BENCH_DIR (generated on first start, then reused), runs cn.liaocheng.strongtown.dashboard.bench.SoakBench
# against it and stops it again.
# Usage: bench/soak.sh [--sessions=100] [--ramp=30] [--warmup=30] [--duration=300] [--think-min=2000] [--think-max=8000]
#        [--upload-every=60]          (env: PORT=18104 BENCH_DIR=/tmp/strongtown-soak SKIP_BUILD=1 to reuse the build;
#                                      SERVER_ARGS="--strongtown.rescoring-threads=2" adds options to the server)
# Only the build takes the shared Maven lock; to keep builds off a recorded run, run the whole script under it:
#   flock /tmp/strongtown-maven.lock env LOCKED=1 bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PORT=${PORT:-18104}
BENCH_DIR=${BENCH_DIR:-/tmp/strongtown-soak}
ADMIN_PASSWORD=soak-admin-password-2026
. "$ROOT/bench/lib/dashboard-jar.sh"
dashboard_jar_build
# shellcheck disable=SC2086 # SERVER_ARGS is a list of options
dashboard_jar_start "$ROOT/data" "$ADMIN_PASSWORD" \
  --strongtown.demo-scale=1.0 --strongtown.demo-first-year=2016 ${SERVER_ARGS:-}

dashboard_machine
echo "jar: $JAR ($(grep -o 'Vaadin is running in production mode' "$LOG" | head -1)); lake $BENCH_DIR/lake"
echo "load before: $(uptime)"
status=0
java -cp "$BENCH_CP" \
  cn.liaocheng.strongtown.dashboard.bench.SoakBench --base="http://127.0.0.1:$PORT" \
  --pid="$SERVER_PID" --log="$LOG" --lake="$BENCH_DIR/lake" --data="$ROOT/data" --admin-password="$ADMIN_PASSWORD" \
  "$@" 2> >(grep -v '^WARNING\|SLF4J' >&2) || status=$?
echo "load after: $(uptime)"
exit $status
