-- Stage 05 · pooled statistics: for every scored year and indicator, over the pooled window of the last
-- window_years years (all towns), so that scores compare across years:
--   win_lo / win_hi  winsorisation bounds: quantiles (win_lo_q, win_hi_q) or mean ± win_sd × sd;
--   lo, hi, mean, sd  of the winsorised values (min–max and z-score);
--   bench             the benchmark reference: quantile bench_q of the raw values (1 = best).
-- Quantiles interpolate linearly between order statistics (type 7, the default of R and numpy), written
-- out in plain SQL because the engines' percentile functions do not take a per-row fraction.
-- Moments are pooled exactly from per-year ones, so that no value is repeated for every score year whose
-- window holds it (57 M rows at national scale; issue 15, docs/benchmarks.md "Sixth round (issue 15,
-- `nation6`)"): per source year and indicator the count, min, max, mean and sum of squared deviations M2
-- (VAR_POP × n, both engines' stable one-pass algorithm), combined over the window by the exact
-- multi-group form of Chan et al.: n = Σ nᵢ, mean = Σ nᵢ·meanᵢ / n, M2 = Σ (M2ᵢ + nᵢ·(meanᵢ − mean)²) —
-- a sum of non-negative terms, no difference of large sums (method decision of the owner: the summation
-- order may change, results within ~1e-12 relative of the value-by-value sums). An indicator that is
-- winsorised still needs its values clipped at each score year's bounds: only those go through the window,
-- streamed into one grouped pass and never materialised; the catalog's winsorised items are picked before the
-- window joins (bounds is a CTE read twice, whose size DuckDB cannot estimate: without that filter it expanded
-- every value to its window years first and only then found no bounds to clip at).
-- Inputs: transformed_values, catalog_items, catalog_settings.
WITH scored_years AS (
  SELECT DISTINCT year FROM transformed_values
),
window_years AS (
  SELECT y.year AS score_year, t.year
  FROM scored_years y
  CROSS JOIN scored_years t
  CROSS JOIN catalog_settings s
  WHERE t.year <= y.year AND t.year > y.year - s.window_years
),
quantile_points AS (
  SELECT item_id, 'win_lo' AS name, win_lo_q AS q FROM catalog_items WHERE win_lo_q IS NOT NULL
  UNION ALL SELECT item_id, 'win_hi', win_hi_q FROM catalog_items WHERE win_hi_q IS NOT NULL
  UNION ALL SELECT item_id, 'bench', bench_q FROM catalog_items WHERE bench_q IS NOT NULL
),
ranked AS (
  SELECT w.score_year, t.indicator_id, t.x,
         ROW_NUMBER() OVER (PARTITION BY w.score_year, t.indicator_id ORDER BY t.x) - 1 AS i,
         COUNT(*) OVER (PARTITION BY w.score_year, t.indicator_id) AS n
  FROM window_years w
  JOIN transformed_values t ON t.year = w.year
  WHERE t.x IS NOT NULL AND t.indicator_id IN (SELECT item_id FROM quantile_points)
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
year_moments AS (
  SELECT year, indicator_id, COUNT(x) AS n, MIN(x) AS lo, MAX(x) AS hi, AVG(x) AS mean, VAR_POP(x) * COUNT(x) AS m2
  FROM transformed_values
  WHERE x IS NOT NULL
  GROUP BY year, indicator_id
),
pooled_means AS (
  SELECT w.score_year, m.indicator_id, SUM(m.n) AS n, MIN(m.lo) AS lo, MAX(m.hi) AS hi,
         SUM(m.n * m.mean) / SUM(m.n) AS mean
  FROM window_years w
  JOIN year_moments m ON m.year = w.year
  GROUP BY w.score_year, m.indicator_id
),
raw_moments AS (
  SELECT p.score_year, p.indicator_id, p.lo, p.hi, p.mean,
         CASE WHEN p.n > 1 THEN SQRT(SUM(m.m2 + m.n * (m.mean - p.mean) * (m.mean - p.mean)) / (p.n - 1)) END AS sd
  FROM pooled_means p
  JOIN window_years w ON w.score_year = p.score_year
  JOIN year_moments m ON m.year = w.year AND m.indicator_id = p.indicator_id
  GROUP BY p.score_year, p.indicator_id, p.lo, p.hi, p.mean, p.n
),
bounds AS (
  SELECT m.score_year, m.indicator_id,
         CASE WHEN c.win_sd IS NOT NULL THEN m.mean - c.win_sd * m.sd ELSE ql.v END AS win_lo,
         CASE WHEN c.win_sd IS NOT NULL THEN m.mean + c.win_sd * m.sd ELSE qh.v END AS win_hi,
         qb.v AS bench, m.lo, m.hi, m.mean, m.sd
  FROM raw_moments m
  JOIN catalog_items c ON c.item_id = m.indicator_id
  LEFT JOIN quantiles ql ON ql.score_year = m.score_year AND ql.indicator_id = m.indicator_id AND ql.name = 'win_lo'
  LEFT JOIN quantiles qh ON qh.score_year = m.score_year AND qh.indicator_id = m.indicator_id AND qh.name = 'win_hi'
  LEFT JOIN quantiles qb ON qb.score_year = m.score_year AND qb.indicator_id = m.indicator_id AND qb.name = 'bench'
),
clipped AS (
  SELECT b.score_year, b.indicator_id, b.win_lo, b.win_hi, b.bench,
         CASE WHEN t.x < b.win_lo THEN b.win_lo WHEN t.x > b.win_hi THEN b.win_hi ELSE t.x END AS x
  FROM bounds b
  JOIN window_years w ON w.score_year = b.score_year
  JOIN transformed_values t ON t.year = w.year AND t.indicator_id = b.indicator_id
  WHERE t.x IS NOT NULL AND b.win_lo IS NOT NULL AND b.win_hi IS NOT NULL
    AND t.indicator_id IN (SELECT item_id FROM catalog_items
                           WHERE win_sd IS NOT NULL OR (win_lo_q IS NOT NULL AND win_hi_q IS NOT NULL))
)
SELECT score_year, indicator_id, win_lo, win_hi, bench,
       MIN(x) AS lo, MAX(x) AS hi, AVG(x) AS mean, STDDEV_SAMP(x) AS sd
FROM clipped
GROUP BY score_year, indicator_id, win_lo, win_hi, bench
UNION ALL
SELECT score_year, indicator_id, win_lo, win_hi, bench, lo, hi, mean, sd
FROM bounds
WHERE win_lo IS NULL OR win_hi IS NULL
