#!/usr/bin/env bash
# Publication drill R2 (issue 14): kill -9 at random moments, 50 times, of
#   * the command-line path (default): `strongtown upload` + `strongtown score` in a loop (cli PublicationDrill), or
#   * the dashboard (`dashboard` as first argument): the running dashboard's county submission → office acceptance →
#     background re-scoring and publication, driven through its own services (dashboard lake/RescoringDrill).
# After each kill: marts/CURRENT names a complete snapshot, every accepted upload is in the lake and in the audit
# trail (and, for the dashboard, recorded as accepted in the workflow database), the trail's chain holds; every
# dashboard start serves CURRENT. After the last kill the next run succeeds. Figures on standard output.
# Usage: bench/publication-drill.sh [dashboard] [kills=50] [demo-scale=0.05] [min-ms=300] [max-ms=8000] [work-folder]
# Only the build takes the shared Maven lock; the drill does not.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM; $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${1:-}" = dashboard ]; then
  shift
  # the dependency plugin pinned: the Spring Boot parent's 3.8.1 is not wholly in the offline repository
  flock /tmp/strongtown-maven.lock ./mvnw -q -o -pl dashboard -am test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-rescoring-drill.cp"
  # from dashboard/, as its tests run (Vaadin finds its frontend set-up there; the data folder is ../data)
  cd dashboard
  java -Xmx1g -cp "target/test-classes:target/classes:../analytics/target/test-classes:../analytics/target/classes:../ingest/target/classes:$(cat ../target/bench-rescoring-drill.cp)" \
    cn.liaocheng.strongtown.dashboard.lake.RescoringDrill "$@"
else
  flock /tmp/strongtown-maven.lock ./mvnw -q -o -pl cli -am test-compile dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-drill.cp"
  java -Xmx1g -cp "cli/target/test-classes:cli/target/classes:analytics/target/test-classes:analytics/target/classes:ingest/target/classes:$(cat target/bench-drill.cp)" \
    cn.liaocheng.strongtown.cli.drill.PublicationDrill "$@"
fi
