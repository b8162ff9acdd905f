-- Stage 08 · ranks and changes for every indicator, dimension, group and the composite:
-- competition ranks ("1224") city-wide, within the county, within the town-type peer group (街道 vs
-- 镇/乡) and within the structural peer cluster; the change against the previous year (positive = moved
-- up); the score change and the progress rank (进步榜: largest score gain first); the year-on-year change
-- of the raw value (%) and its 3-year CAGR (%); and the performance band of the composite.
-- Indicators are ranked city-wide only (rank_city, rank_change_city); their county, type, cluster and progress
-- ranks are NULL. Method decision of issue 15 (docs/benchmarks.md, "Analytics (b)"): indicators are 84 % of the
-- rows and every further rank is one more sort of all of them, while the dashboard reads indicator ranks
-- city-wide only (the league table, comparison and profile header rank dimensions and the composite).
-- Previous-year and three-years-back values come from LAG over each town's item in year order (the row counts
-- only if its year is the one wanted): one sort instead of two self-joins of every row. Each LAG … OVER w is in
-- parentheses: Spark reads "OVER w - x" as a window named "w-x".
-- Indicators and aggregates never share a LAG partition (item_type is in it), so they run as two branches. The
-- indicator branch (84 % of the rows) ranks and lags narrow rows (town, year, indicator, value, score) and joins
-- the town's county, type and cluster (small tables) only at the end: its two sorts no longer move the 25-column
-- rows (issue 15, docs/benchmarks.md "Fifth round (issue 15, `stages5`)"; rows identical). Towns outside
-- `towns` are dropped before ranking, as the inner join did.
-- Every year is read with the catalog version in force for it (catalog_years, catalog_bands: one row per
-- version with its first and last year). Ranks compare the published score: the score at that version's
-- rank precision (ranking.decimals, by default the one decimal the league table shows), so two towns shown
-- alike share the rank; bands are decided on the same published score, so a town shown at a band's minimum
-- is in that band. The published score is rounded half away from zero as SIGN(x) * FLOOR(ABS(x) * scale +
-- 0.5) / scale rather than by ROUND: every step is one IEEE double operation both engines compute alike,
-- while ROUND of a DOUBLE differs between DuckDB and Spark at exact half edges (1.005 at two decimals).
-- An aggregate without a score (数据不足 under the coverage rule of stage 07) gets no rank and displaces
-- nobody. The one Java copy of this ranking and rounding is scoring/CompetitionRanks.
-- 1.0E0 and 0.5E0 are doubles in both engines; Spark would type 1.0 as DECIMAL and round 1.0 / 3 to six digits.
-- Inputs: indicator_scores, aggregate_scores, towns, peer_groups, catalog_years, catalog_bands.
WITH indicators AS (
  SELECT s.town_code, s.year, s.indicator_id AS item_id, s.value, s.score,
         SIGN(s.score) * FLOOR(ABS(s.score) * v.rank_scale + 0.5E0) / v.rank_scale AS score_ranked
  FROM indicator_scores s
  JOIN catalog_years v ON s.year BETWEEN v.first_year AND v.last_year
  WHERE s.town_code IN (SELECT town_code FROM towns)
),
indicator_ranks AS (
  SELECT town_code, year, item_id, value, score,
         CASE WHEN score IS NOT NULL THEN RANK() OVER (PARTITION BY year, item_id
                                                       ORDER BY score_ranked DESC NULLS LAST) END AS rank_city
  FROM indicators
),
indicator_changes AS (
  SELECT town_code, year, item_id, value, score, rank_city,
         CASE WHEN (LAG(year, 1) OVER w) = year - 1 THEN (LAG(rank_city, 1) OVER w) - rank_city END AS rank_change_city,
         CASE WHEN (LAG(year, 1) OVER w) = year - 1 THEN score - (LAG(score, 1) OVER w) END AS score_change,
         CASE WHEN (LAG(year, 1) OVER w) = year - 1 AND (LAG(value, 1) OVER w) <> 0
              THEN (value - (LAG(value, 1) OVER w)) / ABS((LAG(value, 1) OVER w)) * 100.0 END AS value_change_pct,
         CASE WHEN value > 0 AND (CASE WHEN (LAG(year, 3) OVER w) = year - 3 THEN (LAG(value, 3) OVER w)
                                       WHEN (LAG(year, 2) OVER w) = year - 3 THEN (LAG(value, 2) OVER w)
                                       WHEN (LAG(year, 1) OVER w) = year - 3 THEN (LAG(value, 1) OVER w) END) > 0
              THEN (POWER(value / (CASE WHEN (LAG(year, 3) OVER w) = year - 3 THEN (LAG(value, 3) OVER w)
                                        WHEN (LAG(year, 2) OVER w) = year - 3 THEN (LAG(value, 2) OVER w)
                                        WHEN (LAG(year, 1) OVER w) = year - 3 THEN (LAG(value, 1) OVER w) END), 1.0E0 / 3) - 1) * 100.0 END
           AS value_cagr3_pct
  FROM indicator_ranks
  WINDOW w AS (PARTITION BY town_code, item_id ORDER BY year)
),
aggregates AS (
  SELECT a.town_code, t.county_code, t.peer_type, pg.cluster, a.year, a.item_type, a.item_id, a.score, a.coverage,
         v.rank_scale,
         SIGN(a.score) * FLOOR(ABS(a.score) * v.rank_scale + 0.5E0) / v.rank_scale AS score_ranked
  FROM aggregate_scores a
  JOIN towns t ON t.town_code = a.town_code
  JOIN catalog_years v ON a.year BETWEEN v.first_year AND v.last_year
  LEFT JOIN peer_groups pg ON pg.town_code = a.town_code AND pg.year = a.year
),
aggregate_ranks AS (
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
  FROM aggregates g
),
aggregate_changes AS (
  SELECT r.*,
         CASE WHEN (LAG(year, 1) OVER w) = year - 1 THEN (LAG(rank_city, 1) OVER w) - rank_city END AS rank_change_city,
         CASE WHEN (LAG(year, 1) OVER w) = year - 1 THEN (LAG(rank_county, 1) OVER w) - rank_county END AS rank_change_county,
         CASE WHEN (LAG(year, 1) OVER w) = year - 1 THEN score - (LAG(score, 1) OVER w) END AS score_change
  FROM aggregate_ranks r
  WINDOW w AS (PARTITION BY town_code, item_type, item_id ORDER BY year)
)
SELECT c.town_code, t.county_code, t.peer_type, pg.cluster, c.year, 'indicator' AS item_type, c.item_id, c.value,
       c.score, CAST(NULL AS DOUBLE) AS coverage, c.rank_city, CAST(NULL AS INT) AS rank_county,
       CAST(NULL AS INT) AS rank_type, CAST(NULL AS INT) AS rank_cluster,
       c.rank_change_city, CAST(NULL AS INT) AS rank_change_county, c.score_change,
       CAST(NULL AS INT) AS rank_progress,
       c.value_change_pct, c.value_cagr3_pct,
       CAST(NULL AS STRING) AS band
FROM indicator_changes c
JOIN towns t ON t.town_code = c.town_code
LEFT JOIN peer_groups pg ON pg.town_code = c.town_code AND pg.year = c.year
UNION ALL
SELECT c.town_code, c.county_code, c.peer_type, c.cluster, c.year, c.item_type, c.item_id, CAST(NULL AS DOUBLE),
       c.score, c.coverage, c.rank_city, c.rank_county, c.rank_type, c.rank_cluster,
       c.rank_change_city, c.rank_change_county, c.score_change,
       CASE WHEN c.score_change IS NOT NULL THEN
         RANK() OVER (PARTITION BY c.year, c.item_type, c.item_id
                      ORDER BY SIGN(c.score_change) * FLOOR(ABS(c.score_change) * c.rank_scale + 0.5E0) DESC NULLS LAST) END AS rank_progress,
       CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE),
       b.band_id AS band
FROM aggregate_changes c
LEFT JOIN catalog_bands b ON c.item_type = 'composite' AND c.year BETWEEN b.first_year AND b.last_year
                         AND c.score_ranked >= b.min_score AND (b.max_score IS NULL OR c.score_ranked < b.max_score)
