-- Stage 05 · pooled statistics: for every scored year and indicator, over the pooled window of the last
-- window_years years (all towns), so that scores compare across years:
--   win_lo / win_hi  winsorisation bounds: quantiles (win_lo_q, win_hi_q) or mean ± win_sd × sd;
--   lo, hi, mean, sd  of the winsorised values (min–max and z-score);
--   bench             the benchmark reference: quantile bench_q of the raw values (1 = best).
-- Quantiles interpolate linearly between order statistics (type 7, the default of R and numpy), written
-- out in plain SQL because the engines' percentile functions do not take a per-row fraction.
-- Inputs: transformed_values, catalog_items, catalog_settings.
WITH scored_years AS (
  SELECT DISTINCT year FROM transformed_values
),
windowed AS (
  SELECT y.year AS score_year, t.indicator_id, t.x
  FROM scored_years y
  CROSS JOIN catalog_settings s
  JOIN transformed_values t ON t.year <= y.year AND t.year > y.year - s.window_years
  WHERE t.x IS NOT NULL
),
quantile_points AS (
  SELECT item_id, 'win_lo' AS name, win_lo_q AS q FROM catalog_items WHERE win_lo_q IS NOT NULL
  UNION ALL SELECT item_id, 'win_hi', win_hi_q FROM catalog_items WHERE win_hi_q IS NOT NULL
  UNION ALL SELECT item_id, 'bench', bench_q FROM catalog_items WHERE bench_q IS NOT NULL
),
ranked AS (
  SELECT score_year, indicator_id, x,
         ROW_NUMBER() OVER (PARTITION BY score_year, indicator_id ORDER BY x) - 1 AS i,
         COUNT(*) OVER (PARTITION BY score_year, indicator_id) AS n
  FROM windowed
  WHERE indicator_id IN (SELECT item_id FROM quantile_points)
),
positions AS (
  SELECT DISTINCT r.score_year, r.indicator_id, q.name, (r.n - 1) * q.q AS h
  FROM ranked r
  JOIN quantile_points q ON q.item_id = r.indicator_id
),
quantiles AS (
  SELECT p.score_year, p.indicator_id, p.name,
         MAX(CASE WHEN r.i = FLOOR(p.h) THEN r.x END)
           + (p.h - FLOOR(p.h)) * (COALESCE(MAX(CASE WHEN r.i = FLOOR(p.h) + 1 THEN r.x END),
                                            MAX(CASE WHEN r.i = FLOOR(p.h) THEN r.x END))
                                   - MAX(CASE WHEN r.i = FLOOR(p.h) THEN r.x END)) AS v
  FROM positions p
  JOIN ranked r ON r.score_year = p.score_year AND r.indicator_id = p.indicator_id
               AND r.i >= FLOOR(p.h) AND r.i <= FLOOR(p.h) + 1
  GROUP BY p.score_year, p.indicator_id, p.name, p.h
),
raw_moments AS (
  SELECT score_year, indicator_id, AVG(x) AS mean, STDDEV_SAMP(x) AS sd
  FROM windowed
  GROUP BY score_year, indicator_id
),
bounds AS (
  SELECT m.score_year, m.indicator_id,
         CASE WHEN c.win_sd IS NOT NULL THEN m.mean - c.win_sd * m.sd ELSE ql.v END AS win_lo,
         CASE WHEN c.win_sd IS NOT NULL THEN m.mean + c.win_sd * m.sd ELSE qh.v END AS win_hi,
         qb.v AS bench
  FROM raw_moments m
  JOIN catalog_items c ON c.item_id = m.indicator_id
  LEFT JOIN quantiles ql ON ql.score_year = m.score_year AND ql.indicator_id = m.indicator_id AND ql.name = 'win_lo'
  LEFT JOIN quantiles qh ON qh.score_year = m.score_year AND qh.indicator_id = m.indicator_id AND qh.name = 'win_hi'
  LEFT JOIN quantiles qb ON qb.score_year = m.score_year AND qb.indicator_id = m.indicator_id AND qb.name = 'bench'
),
clipped AS (
  SELECT w.score_year, w.indicator_id,
         CASE WHEN b.win_lo IS NULL OR b.win_hi IS NULL THEN w.x
              WHEN w.x < b.win_lo THEN b.win_lo
              WHEN w.x > b.win_hi THEN b.win_hi
              ELSE w.x END AS x
  FROM windowed w
  JOIN bounds b ON b.score_year = w.score_year AND b.indicator_id = w.indicator_id
)
SELECT k.score_year, k.indicator_id, b.win_lo, b.win_hi, b.bench,
       MIN(k.x) AS lo, MAX(k.x) AS hi, AVG(k.x) AS mean, STDDEV_SAMP(k.x) AS sd
FROM clipped k
JOIN bounds b ON b.score_year = k.score_year AND b.indicator_id = k.indicator_id
GROUP BY k.score_year, k.indicator_id, b.win_lo, b.win_hi, b.bench
