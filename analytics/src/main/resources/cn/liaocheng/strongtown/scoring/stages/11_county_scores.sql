-- Stage 11 · county table: per county and year the mean composite of its towns (every town counts
-- equally, so the table measures how strong a county's towns typically are, not how many it has), the
-- median, the best town's score, the number of towns, of towns in the top band, and of towns designated
-- strong towns up to that year; county rank (1224, means compared as published: at the rank precision of the
-- catalog version in force for the year, rounded as stage 08 rounds) and its change against the previous
-- year. The top band is that version's too. Towns without a composite (数据不足 under the coverage rule) are
-- left out. Inputs: ranked_scores, designations, catalog_years, catalog_bands.
WITH composite AS (
  SELECT s.county_code, s.town_code, s.year, s.score, s.band
  FROM ranked_scores s
  WHERE s.item_type = 'composite' AND s.score IS NOT NULL
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
  LEFT JOIN catalog_bands tb ON tb.band_id = c.band AND tb.max_score IS NULL
                           AND c.year BETWEEN tb.first_year AND tb.last_year
  GROUP BY c.county_code, c.year
),
ranked AS (
  SELECT p.*, RANK() OVER (PARTITION BY p.year
                           ORDER BY SIGN(p.mean_score) * FLOOR(ABS(p.mean_score) * v.rank_scale + 0.5E0) DESC) AS rank
  FROM per_county p
  JOIN catalog_years v ON p.year BETWEEN v.first_year AND v.last_year
)
SELECT r.county_code, r.year, r.mean_score, r.median_score, r.best_score, r.towns, r.top_band_towns,
       r.designated_towns, r.rank, p.rank - r.rank AS rank_change, r.mean_score - p.mean_score AS score_change
FROM ranked r
LEFT JOIN ranked p ON p.county_code = r.county_code AND p.year = r.year - 1
