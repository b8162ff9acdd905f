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
. "$ROOT/bench/lib/dashboard-jar.sh"
dashboard_jar_build
[ -d "$BENCH_DIR/data/reference" ] || java -cp "$BENCH_CP" cn.liaocheng.strongtown.dashboard.bench.ProvinceDataDir \
  "$ROOT/data" "$BENCH_DIR/data" "$TOWNS"
dashboard_jar_start "$BENCH_DIR/data" province-admin-password-2026 \
  --strongtown.demo-scale=0.1 --strongtown.demo-first-year=2016
dashboard_machine
echo "load before: $(uptime)"
status=0
java -cp "$BENCH_CP" cn.liaocheng.strongtown.dashboard.bench.ProvinceBench --base="http://127.0.0.1:$PORT" \
  --pid="$SERVER_PID" --data="$BENCH_DIR/data" "$@" 2> >(grep -v '^WARNING\|SLF4J' >&2) || status=$?
echo "snapshot in memory (server log): $(grep -o '快照 .* 已载入内存：[^（]*\|快照 .* 的数据约 [0-9]* MB' "$LOG" | tail -1)"
echo "load after: $(uptime)"
exit $status
