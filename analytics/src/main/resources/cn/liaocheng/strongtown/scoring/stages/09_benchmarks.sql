-- Stage 09 · benchmarks: for every year and item, the P25, median, P75 and P90 of the score and of the
-- raw value, city-wide ('city'), within each town-type peer group ('type') and each structural cluster
-- ('cluster'). A town's profile compares it with its peer median and the city P90.
-- Run once per scope by ScoringPipeline.benchmarks with ${scope} replaced by the scope's name, and the scopes'
-- rows appended: every quantile keeps a copy of its group's values, and the three scopes at once (51 M values
-- per quantile at national scale) do not fit DuckDB's memory limit, one scope does (issue 15, docs/benchmarks.md
-- "Seventh round (issue 15, `nation7`)"). The scope's rows and id are picked by the constant name, so each run
-- reads ranked_scores once; an unknown name gives no rows.
-- Input: ranked_scores.
WITH scoped AS (
  SELECT year, item_type, item_id, '${scope}' AS scope,
         CASE '${scope}' WHEN 'city' THEN 'all' WHEN 'type' THEN peer_type
                         WHEN 'cluster' THEN CAST(cluster AS STRING) END AS scope_id,
         score, value
  FROM ranked_scores
  WHERE '${scope}' IN ('city', 'type') OR ('${scope}' = 'cluster' AND cluster IS NOT NULL)
)
SELECT year, item_type, item_id, scope, scope_id, COUNT(score) AS towns,
       PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY score) AS score_p25,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY score) AS score_median,
       PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY score) AS score_p75,
       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY score) AS score_p90,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY value) AS value_median,
       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY value) AS value_p90
FROM scoped
GROUP BY year, item_type, item_id, scope, scope_id
