-- Stage 05 · dimension and composite scores by weighted arithmetic or geometric mean (per the
-- catalog). Missing indicator scores are not zeros: the remaining weights are re-normalised and
-- coverage (the share of weight that had data, 0–1) records how much was missing. The geometric mean
-- lifts scores below 1 to 1, since ln 0 is undefined. Inputs: indicator_scores, catalog_items,
-- catalog_dimensions, catalog_settings.
WITH dimension_scores AS (
  SELECT s.town_code, s.year, c.dimension_id AS item_id,
         CASE WHEN d.aggregation = 'geometric'
              THEN EXP(SUM(c.weight * LN(GREATEST(s.score, 1.0))) / NULLIF(SUM(c.weight), 0))
              ELSE SUM(c.weight * s.score) / NULLIF(SUM(c.weight), 0) END AS score,
         SUM(c.weight) AS coverage
  FROM indicator_scores s
  JOIN catalog_items c ON c.item_id = s.indicator_id
  JOIN catalog_dimensions d ON d.dimension_id = c.dimension_id
  WHERE s.score IS NOT NULL
  GROUP BY s.town_code, s.year, c.dimension_id, d.aggregation
),
composite_scores AS (
  SELECT s.town_code, s.year, 'composite' AS item_id,
         CASE WHEN MAX(st.composite_aggregation) = 'geometric'
              THEN EXP(SUM(d.weight * LN(GREATEST(s.score, 1.0))) / NULLIF(SUM(d.weight), 0))
              ELSE SUM(d.weight * s.score) / NULLIF(SUM(d.weight), 0) END AS score,
         SUM(d.weight * s.coverage) AS coverage
  FROM dimension_scores s
  JOIN catalog_dimensions d ON d.dimension_id = s.item_id
  CROSS JOIN catalog_settings st
  WHERE s.score IS NOT NULL
  GROUP BY s.town_code, s.year
)
SELECT town_code, year, 'dimension' AS item_type, item_id, score, coverage FROM dimension_scores
UNION ALL
SELECT town_code, year, 'composite', item_id, score, coverage FROM composite_scores
