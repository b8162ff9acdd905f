-- Stage 06 · indicator scores. The level of x (winsorised to the window's bounds) by the indicator's
-- method (see catalog Normalisation): minmax, zscore (T-score 50 + 10 z), goalposts, percentile (percent
-- rank in the window), benchmark (ratio to the reference, capped at 100), efficacy (功效系数法
-- 60 + 40 (x - allowed) / (satisfactory - allowed)), target_ratio (100 x / target, at most ceiling, 0 below
-- floor). A constant window scores 50 for min–max and z-score. "Lower is better" flips minmax, zscore,
-- goalposts and percentile (100 - s); benchmark and target_ratio invert the ratio; efficacy follows the
-- order of its two reference values. An optional output range rescales 0–100 linearly.
-- Growth (indicators marked growth): CAGR over growth_years of the raw value, min–max over the window.
-- score = (1 - growth_weight) x level + growth_weight x growth where growth exists, else level.
-- score_minmax and score_zscore give the same with min–max or z-score levels, for the rank intervals.
-- Inputs: transformed_values, pooled_statistics, catalog_items, catalog_settings.
WITH current_values AS (
  SELECT t.town_code, t.year, t.indicator_id, t.value, c.direction, c.norm_method, c.cap,
         c.goal_lo, c.goal_hi, c.allowed, c.satisfactory, c.target, c.ceiling, c.floor_ratio, c.out_lo, c.out_hi,
         s.lo, s.hi, s.mean, s.sd, s.bench,
         CASE WHEN t.x IS NULL OR s.win_lo IS NULL OR s.win_hi IS NULL THEN t.x
              WHEN t.x < s.win_lo THEN s.win_lo
              WHEN t.x > s.win_hi THEN s.win_hi
              ELSE t.x END AS x
  FROM transformed_values t
  JOIN catalog_items c ON c.item_id = t.indicator_id
  LEFT JOIN pooled_statistics s ON s.score_year = t.year AND s.indicator_id = t.indicator_id
),
percent_ranks AS (
  SELECT score_year, town_code, indicator_id, pr
  FROM (
    SELECT y.year AS score_year, t.town_code, t.year, t.indicator_id,
           PERCENT_RANK() OVER (PARTITION BY y.year, t.indicator_id ORDER BY t.x) AS pr
    FROM (SELECT DISTINCT year FROM transformed_values) y
    CROSS JOIN catalog_settings s
    JOIN transformed_values t ON t.year <= y.year AND t.year > y.year - s.window_years
    JOIN catalog_items c ON c.item_id = t.indicator_id AND c.norm_method = 'percentile'
    WHERE t.x IS NOT NULL
  ) r
  WHERE r.year = r.score_year
),
core AS (
  SELECT v.*, pr.pr,
         CASE WHEN v.x IS NULL OR v.hi IS NULL THEN NULL WHEN v.hi = v.lo THEN 50.0
              ELSE 100.0 * (v.x - v.lo) / (v.hi - v.lo) END AS minmax_raw,
         CASE WHEN v.x IS NULL THEN NULL WHEN v.sd IS NULL OR v.sd = 0 THEN 50.0
              ELSE 50.0 + 10.0 * (v.x - v.mean) / v.sd END AS zscore_raw
  FROM current_values v
  LEFT JOIN percent_ranks pr ON pr.score_year = v.year AND pr.town_code = v.town_code
                            AND pr.indicator_id = v.indicator_id
),
methods AS (
  SELECT town_code, year, indicator_id, value, direction, norm_method, out_lo, out_hi, minmax_raw, zscore_raw,
         CASE WHEN x IS NULL THEN NULL
              WHEN norm_method = 'minmax' THEN minmax_raw
              WHEN norm_method = 'zscore' THEN zscore_raw
              WHEN norm_method = 'percentile' THEN 100.0 * pr
              WHEN norm_method = 'goalposts' THEN
                CASE WHEN NOT cap THEN 100.0 * (x - goal_lo) / (goal_hi - goal_lo)
                     WHEN x <= goal_lo THEN 0.0 WHEN x >= goal_hi THEN 100.0
                     ELSE 100.0 * (x - goal_lo) / (goal_hi - goal_lo) END
              WHEN norm_method = 'benchmark' THEN
                CASE WHEN direction = 'lower' THEN
                       CASE WHEN x <= 0 OR x <= bench THEN 100.0 ELSE 100.0 * bench / x END
                     WHEN bench IS NULL OR bench <= 0 THEN NULL
                     WHEN x >= bench THEN 100.0 WHEN x <= 0 THEN 0.0
                     ELSE 100.0 * x / bench END
              WHEN norm_method = 'efficacy' THEN
                CASE WHEN NOT cap THEN 60.0 + 40.0 * (x - allowed) / (satisfactory - allowed)
                     WHEN 60.0 + 40.0 * (x - allowed) / (satisfactory - allowed) > 100.0 THEN 100.0
                     WHEN 60.0 + 40.0 * (x - allowed) / (satisfactory - allowed) < 0.0 THEN 0.0
                     ELSE 60.0 + 40.0 * (x - allowed) / (satisfactory - allowed) END
              WHEN norm_method = 'target_ratio' THEN
                CASE WHEN direction = 'lower' AND x <= 0 THEN 100.0 * COALESCE(ceiling, 1.0)
                     WHEN (CASE WHEN direction = 'lower' THEN target / x ELSE x / target END) < COALESCE(floor_ratio, 0.0) THEN 0.0
                     WHEN (CASE WHEN direction = 'lower' THEN target / x ELSE x / target END) > COALESCE(ceiling, 1.0E308)
                       THEN 100.0 * ceiling
                     ELSE 100.0 * (CASE WHEN direction = 'lower' THEN target / x ELSE x / target END) END
         END AS method_raw
  FROM core
),
oriented AS (
  SELECT town_code, year, indicator_id, value, out_lo, out_hi,
         CASE WHEN direction = 'lower' AND norm_method IN ('minmax', 'zscore', 'goalposts', 'percentile')
              THEN 100.0 - method_raw ELSE method_raw END AS level_raw,
         CASE WHEN direction = 'lower' THEN 100.0 - minmax_raw ELSE minmax_raw END AS minmax_level,
         CASE WHEN direction = 'lower' THEN 100.0 - zscore_raw ELSE zscore_raw END AS zscore_level
  FROM methods
),
growth AS (
  SELECT a.town_code, a.year, a.indicator_id,
         CASE WHEN a.value > 0 AND p.value > 0
              THEN POWER(a.value / p.value, 1.0E0 / s.growth_years) - 1 END AS g
  FROM transformed_values a
  CROSS JOIN catalog_settings s
  JOIN catalog_items c ON c.item_id = a.indicator_id AND c.growth
  JOIN transformed_values p ON p.town_code = a.town_code AND p.indicator_id = a.indicator_id
                           AND p.year = a.year - s.growth_years
  WHERE a.x IS NOT NULL AND p.x IS NOT NULL
),
growth_range AS (
  SELECT y.year, g.indicator_id, MIN(g.g) AS lo, MAX(g.g) AS hi
  FROM (SELECT DISTINCT year FROM transformed_values) y
  CROSS JOIN catalog_settings s
  JOIN growth g ON g.year <= y.year AND g.year > y.year - s.window_years
  WHERE g.g IS NOT NULL
  GROUP BY y.year, g.indicator_id
),
growth_scores AS (
  SELECT g.town_code, g.year, g.indicator_id,
         CASE WHEN g.g IS NULL THEN NULL
              WHEN r.hi = r.lo THEN 50.0
              WHEN c.direction = 'lower' THEN 100.0 - 100.0 * (g.g - r.lo) / (r.hi - r.lo)
              ELSE 100.0 * (g.g - r.lo) / (r.hi - r.lo) END AS growth_score
  FROM growth g
  JOIN catalog_items c ON c.item_id = g.indicator_id
  LEFT JOIN growth_range r ON r.year = g.year AND r.indicator_id = g.indicator_id
),
levels AS (
  SELECT o.town_code, o.year, o.indicator_id, o.value,
         CASE WHEN o.out_lo IS NULL THEN o.level_raw ELSE o.out_lo + (o.out_hi - o.out_lo) * o.level_raw / 100.0 END
           AS level_score,
         o.minmax_level, o.zscore_level, gs.growth_score
  FROM oriented o
  LEFT JOIN growth_scores gs ON gs.town_code = o.town_code AND gs.year = o.year AND gs.indicator_id = o.indicator_id
)
SELECT l.town_code, l.year, l.indicator_id, l.value, l.level_score, l.growth_score,
       CASE WHEN l.growth_score IS NULL THEN l.level_score
            ELSE (1 - s.growth_weight) * l.level_score + s.growth_weight * l.growth_score END AS score,
       CASE WHEN l.growth_score IS NULL THEN l.minmax_level
            ELSE (1 - s.growth_weight) * l.minmax_level + s.growth_weight * l.growth_score END AS score_minmax,
       CASE WHEN l.growth_score IS NULL THEN l.zscore_level
            ELSE (1 - s.growth_weight) * l.zscore_level + s.growth_weight * l.growth_score END AS score_zscore
FROM levels l
CROSS JOIN catalog_settings s
