#!/usr/bin/env bash
# Benchmark: the dashboard under 50 concurrent sessions on loopback at city scale (issue 5, item 10).
# Starts the dashboard on a city-scale demo lake under $BENCH_DIR (generated on first start, then reused),
# runs cn.liaocheng.strongtown.dashboard.bench.DashboardLoadBench against it, and stops it again.
# Usage: bench/dashboard-load.sh [--sessions=50] [--warmup=30] [--duration=120] [--think-min=2000]
#        [--think-max=8000] [--loads=10]        (env: PORT=18103 BENCH_DIR=/tmp/strongtown-dashboard-load)
# Needs Debian's chromium and chromium-driver. Only the build takes the shared Maven lock; the run does not.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PORT=${PORT:-18103}
BENCH_DIR=${BENCH_DIR:-/tmp/strongtown-dashboard-load}
mkdir -p target "$BENCH_DIR/work"
rm -f target/bench-dashboard-server.cp target/bench-dashboard-test.cp

# Build: the server's runtime classpath and the bench's test classpath (reactor classes, not ~/.m2 snapshots).
flock /tmp/strongtown-maven.lock ./mvnw -q -o -pl dashboard -am test-compile dependency:build-classpath \
  -DincludeScope=runtime -Dmdep.outputFile="$ROOT/target/bench-dashboard-server.cp" 2>&1 | sed '/^npm warn/d;/up to date/d;/^$/d'
flock /tmp/strongtown-maven.lock ./mvnw -q -o -pl dashboard -am test-compile dependency:build-classpath \
  -DincludeScope=test -Dmdep.outputFile="$ROOT/target/bench-dashboard-test.cp" 2>&1 | sed '/^npm warn/d;/up to date/d;/^$/d'
test -s target/bench-dashboard-server.cp && test -s target/bench-dashboard-test.cp

# The dashboard as `spring-boot:run` starts it (Vaadin development mode, pre-compiled bundle, default heap),
# from a scratch working directory because Vaadin's dev mode writes src/main/frontend/ into it.
LOG="$BENCH_DIR/server.log"
(cd "$BENCH_DIR/work" && STRONGTOWN_ADMIN_PASSWORD=bench-admin-password exec java \
  -cp "$ROOT/dashboard/target/classes:$(cat "$ROOT/target/bench-dashboard-server.cp")" \
  cn.liaocheng.strongtown.dashboard.StrongTownApplication --server.port="$PORT" --server.address=127.0.0.1 \
  --strongtown.data-dir="$ROOT/data" --strongtown.lake-dir="$BENCH_DIR/lake" \
  --strongtown.workflow-db="$BENCH_DIR/state/workflow.duckdb" \
  --strongtown.demo-scale=1.0 --strongtown.demo-first-year=2016 >"$LOG" 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 180); do
  grep -q 'Started StrongTownApplication' "$LOG" && break
  kill -0 $SERVER 2>/dev/null || { tail -40 "$LOG"; exit 1; }
  sleep 1
done
SERVER_PID=$(pgrep -P $SERVER java || echo $SERVER)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM; $(java -version 2>&1 | head -1); $(chromium --version 2>/dev/null)"
echo "load before: $(uptime)"
status=0
java -cp "$ROOT/dashboard/target/test-classes:$ROOT/dashboard/target/classes:$(cat target/bench-dashboard-test.cp)" \
  cn.liaocheng.strongtown.dashboard.bench.DashboardLoadBench --base="http://127.0.0.1:$PORT" \
  --pid="$SERVER_PID" --log="$LOG" "$@" 2> >(grep -v '^WARNING\|SLF4J' >&2) || status=$?
echo "load after: $(uptime)"
exit $status
