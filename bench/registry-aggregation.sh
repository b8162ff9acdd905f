#!/usr/bin/env bash
# Benchmark (a) of issue 4: registry aggregation of ~10 million enterprise-year rows into town-year
# measures (stage 01) — project on DuckDB, raw DuckDB SQL, Spark local[2] (project's SparkEngine),
# pandas. Results and how to read them: docs/benchmarks.md. Not part of the tests.
#
#   [PANDAS=0] bench/registry-aggregation.sh [SCALE=2.1] [RUNS=3]
#
# On a shared machine run it under the Maven lock, so timings and others' builds do not collide:
#   flock /tmp/strongtown-maven.lock bench/registry-aggregation.sh
# Needs Debian's pandas for /usr/bin/python3: apt-get install -y python3-pandas
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-2.1}
RUNS=${2:-3}
# PANDAS=0 leaves the pandas contestant out (it takes minutes and is not one of the issue's targets)
PANDAS_SCRIPT=bench/registry_aggregation_pandas.py
[ "${PANDAS:-1}" = 0 ] && PANDAS_SCRIPT=-
WORK=target/bench/registry-aggregation
LAKE=target/bench/lake-$SCALE
mkdir -p "$WORK"

# Compile (the bench lives in analytics' test sources, which see the provided Spark) and resolve the classpath.
./mvnw -q ${MAVEN_OFFLINE:+-o} -pl ingest,analytics test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$WORK/classpath.txt"
CP="analytics/target/test-classes:analytics/target/classes:$(cat "$WORK/classpath.txt")"

# Demo lake with the default seed and years 2016–2025; scale 2.1 gives ~10.3 million enterprise-year rows.
if [ ! -d "$LAKE/raw/enterprises" ]; then
  ./mvnw -q ${MAVEN_OFFLINE:+-o} -pl cli -am package -DskipTests
  java -Xmx4g -jar cli/target/strongtown.jar demo --lake "$LAKE" --scale "$SCALE"
fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM; load $(cut -d" " -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
java -Xmx6g -cp "$CP" cn.liaocheng.strongtown.bench.RegistryAggregationBench \
  "$LAKE" "$WORK" "$RUNS" "$PANDAS_SCRIPT"
