#!/usr/bin/env bash
# The dashboard at province scale (issue 15 item 4): league table, county table and profile with a province-scale
# snapshot (1,800 synthetic towns, 10 years) loaded. Builds the production jar, writes a province data folder
# (cn.liaocheng.strongtown.dashboard.bench.ProvinceDataDir: the catalog, and SyntheticTowns as the town list) under
# $BENCH_DIR, starts `java -Xms512m -Xmx2g -jar dashboard-*.jar` on it — its first start generates the province demo
# lake (enterprise scale 0.1, 2016–2025) and scores it; later runs reuse it — and runs
# cn.liaocheng.strongtown.dashboard.bench.ProvinceBench against it. The server log names the snapshot's memory.
# Usage: bench/dashboard-province.sh [--sessions=20] [--warmup=20] [--duration=120] [--loads=5]
#        (env: PORT=18105 BENCH_DIR=/tmp/strongtown-province TOWNS=1800 SKIP_BUILD=1; LOCKED=1 when run under
#         `flock /tmp/strongtown-maven.lock`)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PORT=${PORT:-18105}
BENCH_DIR=${BENCH_DIR:-/tmp/strongtown-province}
TOWNS=${TOWNS:-1800}
mkdir -p "$BENCH_DIR/work"
LOCK="flock /tmp/strongtown-maven.lock"
[ "${LOCKED:-}" = 1 ] && LOCK=""
if [ "${SKIP_BUILD:-}" != 1 ]; then
  $LOCK ./mvnw -q -o -pl dashboard -am package -DskipTests 2>&1 | sed '/^npm warn/d;/up to date/d;/^$/d;/^added/d'
fi
JAR=$(ls "$ROOT"/dashboard/target/dashboard-*.jar | grep -v original | head -1)
rm -rf "$BENCH_DIR/jar" && mkdir -p "$BENCH_DIR/jar" && (cd "$BENCH_DIR/jar" && unzip -q "$JAR" 'BOOT-INF/*')
# the paint probe drives Chromium through Selenium, a test dependency: from the local Maven repository
SELENIUM=$(find ~/.m2/repository/org/seleniumhq ~/.m2/repository/io/opentelemetry ~/.m2/repository/net/bytebuddy \
  ~/.m2/repository/dev/failsafe ~/.m2/repository/com/google/auto -name '*.jar' 2>/dev/null | tr '\n' ':')
BENCH_CP="$ROOT/dashboard/target/test-classes:$BENCH_DIR/jar/BOOT-INF/classes:$BENCH_DIR/jar/BOOT-INF/lib/*:$SELENIUM"
[ -d "$BENCH_DIR/data/reference" ] || java -cp "$BENCH_CP" cn.liaocheng.strongtown.dashboard.bench.ProvinceDataDir \
  "$ROOT/data" "$BENCH_DIR/data" "$TOWNS"

LOG="$BENCH_DIR/server.log"
(cd "$BENCH_DIR/work" && STRONGTOWN_ADMIN_PASSWORD=province-admin-password-2026 exec java -Xms512m -Xmx2g -jar "$JAR" \
  --server.port="$PORT" --server.address=127.0.0.1 --strongtown.data-dir="$BENCH_DIR/data" \
  --strongtown.lake-dir="$BENCH_DIR/lake" --strongtown.workflow-db="$BENCH_DIR/state/workflow.duckdb" \
  --strongtown.demo-scale=0.1 --strongtown.demo-first-year=2016 >"$LOG" 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 900); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { tail -40 "$LOG"; exit 1; }
  sleep 1
done
SERVER_PID=$(pgrep -P $SERVER java || echo $SERVER)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM; $(java -version 2>&1 | head -1); $(chromium --version 2>/dev/null)"
echo "load before: $(uptime)"
status=0
java -cp "$BENCH_CP" cn.liaocheng.strongtown.dashboard.bench.ProvinceBench --base="http://127.0.0.1:$PORT" \
  --pid="$SERVER_PID" --data="$BENCH_DIR/data" "$@" 2> >(grep -v '^WARNING\|SLF4J' >&2) || status=$?
echo "snapshot in memory (server log): $(grep -o '快照 .* 已载入内存：[^（]*\|快照 .* 的数据约 [0-9]* MB' "$LOG" | tail -1)"
echo "load after: $(uptime)"
exit $status
