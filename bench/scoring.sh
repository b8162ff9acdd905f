#!/usr/bin/env bash
# Benchmark (b): full scoring with 1,000-draw rank intervals at city, province and national scale.
# Usage: bench/scoring.sh [towns enterprise-scale]...   (default: 136 1  1800 0.1  38000 0.01)
# Env: HEAP (Java -Xmx, default 3g), DUCKDB_MEMORY (DuckDB memory_limit, default: the engine's own, see
# DuckDbLimits), INTERVAL_YEARS (intervals for the newest N years; default every year),
# LAKE_CACHE (folder keeping generated lakes between runs; default none, each lake generated and deleted),
# ROUNDS (scorings of each lake in one JVM, the later ones warm; default 1), INTERVALS_SQL=true (rank
# intervals by SQL stages 13-14 instead of the Java Monte Carlo, to compare the two on DuckDB),
# ENGINE (kept, the default: one DuckDB instance for all rounds, as the dashboard keeps one for its re-scorings —
# round 1 is a first scoring on a new instance, later rounds re-scorings; new: a new instance per round, as the
# command line scores), REGISTRY (ingest, the default: stage 01 reads the registry measures written when the
# registry entered the lake — a cached lake without them is linked into <lake>-ingested and they are written there
# once; raw: stage 01 aggregates the raw registry, as on a lake written before them).
# The heap stays well below the 8 GB peak-RSS target: DuckDB's memory lives outside it.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
./mvnw -q -o -pl analytics -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-scoring.cp"
opts=("-Xmx${HEAP:-3g}")
[[ -n "${DUCKDB_MEMORY:-}" ]] && opts+=("-Dstrongtown.duckdb.memory-limit=$DUCKDB_MEMORY")
[[ -n "${INTERVAL_YEARS:-}" ]] && opts+=("-Dbench.interval-years=$INTERVAL_YEARS")
[[ -n "${LAKE_CACHE:-}" ]] && opts+=("-Dbench.lake-cache=$LAKE_CACHE")
[[ -n "${ROUNDS:-}" ]] && opts+=("-Dbench.rounds=$ROUNDS")
[[ -n "${INTERVALS_SQL:-}" ]] && opts+=("-Dbench.intervals-in-sql=$INTERVALS_SQL")
[[ -n "${ENGINE:-}" ]] && opts+=("-Dbench.engine=$ENGINE")
[[ -n "${REGISTRY:-}" ]] && opts+=("-Dbench.registry=$REGISTRY")
java "${opts[@]}" -cp "analytics/target/test-classes:analytics/target/classes:$(cat target/bench-scoring.cp)" \
  cn.liaocheng.strongtown.bench.scoring.ScoringBench "$@"
