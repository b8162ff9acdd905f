-- Stage 08 · ranks and changes for every indicator, dimension, group and the composite:
-- competition ranks ("1224") city-wide, within the county, within the town-type peer group (街道 vs
-- 镇/乡) and within the structural peer cluster; the change against the previous year (positive = moved
-- up); the score change and the progress rank (进步榜: largest score gain first); the year-on-year change
-- of the raw value (%) and its 3-year CAGR (%); and the performance band of the composite.
-- Ranks compare scores at the catalog's rank precision (ranking.decimals, by default the one decimal the
-- league table shows), so two towns shown alike share the rank and engines' last bits cannot split a tie;
-- an aggregate without a score (数据不足 under the coverage rule of stage 07) gets no rank and displaces
-- nobody. The one Java copy of this ranking is scoring/CompetitionRanks. Bands use the 6-decimal score.
-- 1.0E0 is a double in both engines; Spark would type 1.0 as DECIMAL and round 1.0 / 3 to six digits.
-- Inputs: indicator_scores, aggregate_scores, towns, peer_groups, catalog_bands.
WITH items AS (
  SELECT town_code, year, 'indicator' AS item_type, indicator_id AS item_id, value, score,
         CAST(NULL AS DOUBLE) AS coverage
  FROM indicator_scores
  UNION ALL
  SELECT town_code, year, item_type, item_id, CAST(NULL AS DOUBLE), score, coverage
  FROM aggregate_scores
),
grouped AS (
  SELECT i.town_code, t.county_code, t.peer_type, pg.cluster, i.year, i.item_type, i.item_id, i.value,
         i.score, i.coverage, ROUND(i.score, 6) AS score6, ROUND(i.score, ${rank_decimals}) AS score_ranked
  FROM items i
  JOIN towns t ON t.town_code = i.town_code
  LEFT JOIN peer_groups pg ON pg.town_code = i.town_code AND pg.year = i.year
),
ranked AS (
  SELECT g.*,
         CASE WHEN score IS NOT NULL THEN RANK() OVER (PARTITION BY year, item_type, item_id
                                                       ORDER BY score_ranked DESC NULLS LAST) END AS rank_city,
         CASE WHEN score IS NOT NULL THEN RANK() OVER (PARTITION BY year, item_type, item_id, county_code
                                                       ORDER BY score_ranked DESC NULLS LAST) END AS rank_county,
         CASE WHEN score IS NOT NULL THEN RANK() OVER (PARTITION BY year, item_type, item_id, peer_type
                                                       ORDER BY score_ranked DESC NULLS LAST) END AS rank_type,
         CASE WHEN score IS NOT NULL AND cluster IS NOT NULL
              THEN RANK() OVER (PARTITION BY year, item_type, item_id, cluster
                                ORDER BY score_ranked DESC NULLS LAST) END AS rank_cluster
  FROM grouped g
),
changes AS (
  SELECT r.*,
         p.rank_city - r.rank_city AS rank_change_city,
         p.rank_county - r.rank_county AS rank_change_county,
         r.score - p.score AS score_change,
         CASE WHEN p.value IS NOT NULL AND p.value <> 0 THEN (r.value - p.value) / ABS(p.value) * 100.0 END
           AS value_change_pct,
         CASE WHEN r.value > 0 AND p3.value > 0 THEN (POWER(r.value / p3.value, 1.0E0 / 3) - 1) * 100.0 END
           AS value_cagr3_pct
  FROM ranked r
  LEFT JOIN ranked p ON p.town_code = r.town_code AND p.item_type = r.item_type
                    AND p.item_id = r.item_id AND p.year = r.year - 1
  LEFT JOIN ranked p3 ON p3.town_code = r.town_code AND p3.item_type = r.item_type
                     AND p3.item_id = r.item_id AND p3.year = r.year - 3
)
SELECT c.town_code, c.county_code, c.peer_type, c.cluster, c.year, c.item_type, c.item_id, c.value, c.score,
       c.coverage, c.rank_city, c.rank_county, c.rank_type, c.rank_cluster,
       c.rank_change_city, c.rank_change_county, c.score_change,
       CASE WHEN c.score_change IS NOT NULL THEN
         RANK() OVER (PARTITION BY c.year, c.item_type, c.item_id
                      ORDER BY ROUND(c.score_change, ${rank_decimals}) DESC NULLS LAST) END AS rank_progress,
       c.value_change_pct, c.value_cagr3_pct,
       b.band_id AS band
FROM changes c
LEFT JOIN catalog_bands b ON c.item_type = 'composite' AND c.score6 >= b.min_score
                         AND (b.max_score IS NULL OR c.score6 < b.max_score)
