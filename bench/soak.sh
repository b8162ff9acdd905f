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
mkdir -p target "$BENCH_DIR/work"
LOCK="flock /tmp/strongtown-maven.lock"
[ "${LOCKED:-}" = 1 ] && LOCK=""

if [ "${SKIP_BUILD:-}" != 1 ]; then
  # package compiles the bench's test classes too (tests skipped)
  $LOCK ./mvnw -q -o -pl dashboard -am package -DskipTests 2>&1 | sed '/^npm warn/d;/up to date/d;/^$/d;/^added/d'
fi
JAR=$(ls "$ROOT"/dashboard/target/dashboard-*.jar | grep -v original | head -1)
test -s "$JAR"
# The bench runs on the jar's own libraries (the same versions the server runs) plus the test classes.
rm -rf "$BENCH_DIR/jar" && mkdir -p "$BENCH_DIR/jar" && (cd "$BENCH_DIR/jar" && unzip -q "$JAR" 'BOOT-INF/*')
BENCH_CP="$ROOT/dashboard/target/test-classes:$BENCH_DIR/jar/BOOT-INF/classes:$BENCH_DIR/jar/BOOT-INF/lib/*"

LOG="$BENCH_DIR/server.log"
(cd "$BENCH_DIR/work" && STRONGTOWN_ADMIN_PASSWORD=$ADMIN_PASSWORD exec java -Xms512m -Xmx2g -jar "$JAR" \
  --server.port="$PORT" --server.address=127.0.0.1 \
  --strongtown.data-dir="$ROOT/data" --strongtown.lake-dir="$BENCH_DIR/lake" \
  --strongtown.workflow-db="$BENCH_DIR/state/workflow.duckdb" \
  --strongtown.demo-scale=1.0 --strongtown.demo-first-year=2016 ${SERVER_ARGS:-} >"$LOG" 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 900); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { tail -40 "$LOG"; exit 1; }
  sleep 1
done
grep -q 'Vaadin is running in production mode' "$LOG" || { echo "not in production mode"; exit 1; }
SERVER_PID=$(pgrep -P $SERVER java || echo $SERVER)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM; $(java -version 2>&1 | head -1)"
echo "jar: $JAR ($(grep -o 'Vaadin is running in production mode' "$LOG" | head -1)); lake $BENCH_DIR/lake"
echo "load before: $(uptime)"
status=0
java -cp "$BENCH_CP" \
  cn.liaocheng.strongtown.dashboard.bench.SoakBench --base="http://127.0.0.1:$PORT" \
  --pid="$SERVER_PID" --log="$LOG" --lake="$BENCH_DIR/lake" --data="$ROOT/data" --admin-password="$ADMIN_PASSWORD" \
  "$@" 2> >(grep -v '^WARNING\|SLF4J' >&2) || status=$?
echo "load after: $(uptime)"
exit $status
