-- Stage 09 · benchmarks: for every year and item, the P25, median, P75 and P90 of the score and of the
-- raw value, city-wide ('city'), within each town-type peer group ('type') and each structural cluster
-- ('cluster'). A town's profile compares it with its peer median and the city P90.
-- One grouped aggregate per scope, their results appended: the scopes never share a group (the scope is in
-- the key), so the rows are those of one aggregate over the three scopes' rows appended, without building that
-- 51 M-row union at national scale (issue 15, docs/benchmarks.md "Sixth round (issue 15, `nation6`)").
-- Input: ranked_scores.
SELECT year, item_type, item_id, 'city' AS scope, 'all' AS scope_id, COUNT(score) AS towns,
       PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY score) AS score_p25,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY score) AS score_median,
       PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY score) AS score_p75,
       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY score) AS score_p90,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY value) AS value_median,
       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY value) AS value_p90
FROM ranked_scores
GROUP BY year, item_type, item_id
UNION ALL
SELECT year, item_type, item_id, 'type', peer_type, COUNT(score),
       PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY score),
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY score),
       PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY score),
       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY score),
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY value),
       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY value)
FROM ranked_scores
GROUP BY year, item_type, item_id, peer_type
UNION ALL
SELECT year, item_type, item_id, 'cluster', CAST(cluster AS STRING), COUNT(score),
       PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY score),
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY score),
       PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY score),
       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY score),
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY value),
       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY value)
FROM ranked_scores
WHERE cluster IS NOT NULL
GROUP BY year, item_type, item_id, cluster
