#!/usr/bin/env bash
# Benchmark (b): full scoring with 1,000-draw rank intervals at city, province and national scale.
# Usage: bench/scoring.sh [towns enterprise-scale]...   (default: 136 1  1800 0.1  38000 0.01)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
./mvnw -q -o -pl analytics -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-scoring.cp"
java -Xmx12g -cp "analytics/target/test-classes:analytics/target/classes:$(cat target/bench-scoring.cp)" \
  cn.liaocheng.strongtown.bench.scoring.ScoringBench "$@"
