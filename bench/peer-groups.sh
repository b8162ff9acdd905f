#!/usr/bin/env bash
# Peer groups at scale (issue 15, item 2): the k-means fit on a bounded sample in the driver, the assignment of
# every town-year and the similar-town lists as SQL — timed on DuckDB and on Spark local[2], results compared.
#
#   bench/peer-groups.sh [TOWNS=38000] [ENTERPRISE_SCALE=0.01] [LAKE]
# LAKE: a lake of those towns and scale generated before (e.g. bench/scoring.sh's LAKE_CACHE/lake-38000-0.01);
# without it the lake is generated (national: ~150 s) and deleted afterwards.
#
# On the shared machine run it under the Maven lock:  flock /tmp/strongtown-maven.lock bench/peer-groups.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
./mvnw -q ${MAVEN_OFFLINE:+-o} -pl ingest,analytics test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-peer-groups.cp"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM; load $(cut -d" " -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
java -Xmx6g -cp "analytics/target/test-classes:analytics/target/classes:$(cat target/bench-peer-groups.cp)" \
  cn.liaocheng.strongtown.bench.PeerGroupsBench "${1:-38000}" "${2:-0.01}" ${3:+"$3"}
