-- Stage 11 · county table: per county and year the mean composite of its towns (every town counts
-- equally, so the table measures how strong a county's towns typically are, not how many it has), the
-- median, the best town's score, the number of towns, of towns in the top band, and of towns designated
-- strong towns up to that year; county rank (1224, means compared at the catalog's rank precision) and its
-- change against the previous year. Towns without a composite (数据不足 under the coverage rule) are left out.
-- Inputs: ranked_scores, designations, catalog_bands.
WITH composite AS (
  SELECT s.county_code, s.town_code, s.year, s.score, s.band
  FROM ranked_scores s
  WHERE s.item_type = 'composite' AND s.score IS NOT NULL
),
top_band AS (
  SELECT band_id FROM catalog_bands WHERE max_score IS NULL
),
per_county AS (
  SELECT c.county_code, c.year, AVG(c.score) AS mean_score,
         PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY c.score) AS median_score, MAX(c.score) AS best_score,
         COUNT(*) AS towns,
         SUM(CASE WHEN tb.band_id IS NOT NULL THEN 1 ELSE 0 END) AS top_band_towns,
         SUM(CASE WHEN d.town_code IS NOT NULL THEN 1 ELSE 0 END) AS designated_towns
  FROM composite c
  LEFT JOIN (SELECT town_code, MIN(year) AS year FROM designations GROUP BY town_code) d
         ON d.town_code = c.town_code AND d.year <= c.year
  LEFT JOIN top_band tb ON tb.band_id = c.band
  GROUP BY c.county_code, c.year
),
ranked AS (
  SELECT p.*, RANK() OVER (PARTITION BY year ORDER BY ROUND(mean_score, ${rank_decimals}) DESC) AS rank
  FROM per_county p
)
SELECT r.county_code, r.year, r.mean_score, r.median_score, r.best_score, r.towns, r.top_band_towns,
       r.designated_towns, r.rank, p.rank - r.rank AS rank_change, r.mean_score - p.mean_score AS score_change
FROM ranked r
LEFT JOIN ranked p ON p.county_code = r.county_code AND p.year = r.year - 1
