-- Stage 09 · benchmarks: for every year and item, the P25, median, P75 and P90 of the score and of the
-- raw value, city-wide ('city'), within each town-type peer group ('type') and each structural cluster
-- ('cluster'). A town's profile compares it with its peer median and the city P90.
-- Input: ranked_scores.
WITH scoped AS (
  SELECT year, item_type, item_id, 'city' AS scope, 'all' AS scope_id, score, value FROM ranked_scores
  UNION ALL
  SELECT year, item_type, item_id, 'type', peer_type, score, value FROM ranked_scores
  UNION ALL
  SELECT year, item_type, item_id, 'cluster', CAST(cluster AS STRING), score, value
  FROM ranked_scores
  WHERE cluster IS NOT NULL
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
