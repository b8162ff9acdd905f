#!/usr/bin/env bash
# Publication drill R2 (issue 14): kill -9 at random moments of `strongtown upload` + `strongtown score`, 50 times.
# After each kill: marts/CURRENT names a complete snapshot, every accepted upload is in the lake and in the audit
# trail, the trail's chain holds; after the last kill the next score and upload succeed. Figures on standard output.
# Usage: bench/publication-drill.sh [kills=50] [demo-scale=0.05] [min-ms=300] [max-ms=8000] [work-folder]
# Only the build takes the shared Maven lock; the drill does not.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
flock /tmp/strongtown-maven.lock ./mvnw -q -o -pl cli -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-drill.cp"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM; $(java -version 2>&1 | head -1)"
java -Xmx1g -cp "cli/target/test-classes:cli/target/classes:analytics/target/classes:ingest/target/classes:$(cat target/bench-drill.cp)" \
  cn.liaocheng.strongtown.cli.drill.PublicationDrill "$@"
