#!/usr/bin/env bash
# Cluster proof of issue 15 (item 3): a synthetic lake of TOWNS towns × 10 years, scored by DuckDB and by the
# packaged job on a Spark standalone cluster on loopback (master + 2 workers, one core each) with the
# driver's heap capped; prints times, the driver's peak heap, what the driver collected, the Spark stage
# summary (history server REST API) and the parity of every mart with DuckDB. Not part of the tests.
#
#   bench/spark-cluster.sh [TOWNS=38000] [ENTERPRISE_SCALE=0.01] [DRIVER_HEAP=1g] [WORKER_MEMORY=4g] [EXECUTOR_MEMORY=3g] [TIMEOUT_MIN=12]
#
# On the shared machine run it under the Maven lock (results and logs: target/spark-cluster-bench/):
#   flock /tmp/strongtown-maven.lock bench/spark-cluster.sh 1800 0.1
set -euo pipefail
cd "$(dirname "$0")/.."
TOWNS=${1:-38000}
SCALE=${2:-0.01}
DRIVER_HEAP=${3:-1g}
WORKER_MEMORY=${4:-4g}
EXECUTOR_MEMORY=${5:-3g}
TIMEOUT_MIN=${6:-12}
mkdir -p target

# The shaded job jar (analytics-…-spark.jar) and the bench in analytics' test sources, which see the provided Spark.
./mvnw -q ${MAVEN_OFFLINE:+-o} -pl ingest,analytics package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-spark-cluster.cp"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM; load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
java -Xmx8g -cp "analytics/target/test-classes:analytics/target/classes:$(cat target/bench-spark-cluster.cp)" \
  cn.liaocheng.strongtown.spark.SparkClusterBench "$TOWNS" "$SCALE" "$DRIVER_HEAP" "$WORKER_MEMORY" "$EXECUTOR_MEMORY" "$TIMEOUT_MIN"
