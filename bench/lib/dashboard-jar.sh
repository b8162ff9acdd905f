# Sourced by bench/soak.sh, bench/dashboard-province.sh and bench/dashboard-load.sh: builds the production jar, puts
# its libraries beside the bench's test classes, starts it on loopback and waits until it is ready.
# Expects ROOT (the repository) and BENCH_DIR; honours SKIP_BUILD=1 (reuse the last build) and LOCKED=1 (the caller
# already holds /tmp/strongtown-maven.lock, e.g. `flock /tmp/strongtown-maven.lock env LOCKED=1 bench/soak.sh`).

# Builds (unless SKIP_BUILD=1) and unpacks the jar. Sets JAR and BENCH_CP: the bench runs on the jar's own libraries
# (the versions the server runs) plus the test classes, and Selenium from ~/.m2 for the paint probe (a test dependency).
dashboard_jar_build() {
  local lock="flock /tmp/strongtown-maven.lock"
  [ "${LOCKED:-}" = 1 ] && lock=""
  mkdir -p "$BENCH_DIR/work"
  if [ "${SKIP_BUILD:-}" != 1 ]; then
    # package compiles the bench's test classes too (tests skipped)
    (cd "$ROOT" && $lock ./mvnw -q -o -pl dashboard -am package -DskipTests 2>&1 \
      | sed '/^npm warn/d;/up to date/d;/^$/d;/^added/d')
  fi
  JAR=$(ls "$ROOT"/dashboard/target/dashboard-*.jar | grep -v original | head -1)
  test -s "$JAR"
  rm -rf "$BENCH_DIR/jar" && mkdir -p "$BENCH_DIR/jar" && (cd "$BENCH_DIR/jar" && unzip -q "$JAR" 'BOOT-INF/*')
  local selenium
  selenium=$(find ~/.m2/repository/org/seleniumhq ~/.m2/repository/io/opentelemetry ~/.m2/repository/net/bytebuddy \
    ~/.m2/repository/dev/failsafe ~/.m2/repository/com/google/auto -name '*.jar' 2>/dev/null | tr '\n' ':')
  BENCH_CP="$ROOT/dashboard/target/test-classes:$BENCH_DIR/jar/BOOT-INF/classes:$BENCH_DIR/jar/BOOT-INF/lib/*:$selenium"
}

# Starts `java -Xms512m -Xmx2g -jar $JAR` (as deploy/strongtown.service does) from $BENCH_DIR/work on 127.0.0.1:$PORT
# with its lake and workflow database under $BENCH_DIR, logging to $BENCH_DIR/server.log; stops it when the calling
# script exits. Arguments: the data folder, the admin password, then further server options.
# Sets SERVER (the subshell), SERVER_PID (the java process) and LOG; returns once readiness answers (the first start
# on a new lake generates and scores it: up to 15 minutes), or exits with the log's tail if the server died.
dashboard_jar_start() {
  local data=$1 password=$2
  shift 2
  LOG="$BENCH_DIR/server.log"
  (cd "$BENCH_DIR/work" && STRONGTOWN_ADMIN_PASSWORD=$password exec java -Xms512m -Xmx2g -jar "$JAR" \
    --server.port="$PORT" --server.address=127.0.0.1 --strongtown.data-dir="$data" \
    --strongtown.lake-dir="$BENCH_DIR/lake" --strongtown.workflow-db="$BENCH_DIR/state/workflow.duckdb" \
    "$@" >"$LOG" 2>&1) &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
  for _ in $(seq 900); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 $SERVER 2>/dev/null || { tail -40 "$LOG"; exit 1; }
    sleep 1
  done
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 || { echo "server not ready"; exit 1; }
  grep -q 'Vaadin is running in production mode' "$LOG" || { echo "not in production mode"; exit 1; }
  SERVER_PID=$(pgrep -P $SERVER java || echo $SERVER)
}

# One line naming the machine, the JVM and the browser.
dashboard_machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM; $(java -version 2>&1 | head -1); $(chromium --version 2>/dev/null)"
}
