-- Stage 13 · the rank intervals' draws in SQL, one level of the tree per run (as stage 07: ${depth} is the
-- level computed now, ${previous} the aggregates of the levels below, per draw). Each draw of interval_draws
-- takes its normalisation variant of every indicator score (0 configured, 1 min–max, 2 z-score; rounded to 9
-- decimals so that engines' last bits cannot change a draw) and recomputes every aggregate with its own
-- perturbed weights (interval_edges), by stage 07's rule: weighted arithmetic or geometric mean of the
-- children that have a score, coverage the weighted share of children with one, no score below the level's
-- minimum coverage. The draws are generated in Java (uncertainty/IntervalDraws, seeded), so that this and
-- the Java Monte Carlo (uncertainty/MonteCarlo) see the same draws; SqlIntervalsTest holds them equal.
-- Indicators are children of dimensions only, which are always level 1.
-- Inputs: indicator_scores, interval_draws, interval_edges, ${previous}.
WITH nodes AS (
  SELECT d.draw, s.town_code, s.year, s.indicator_id AS item_id,
         CASE d.variant WHEN 0 THEN ROUND(s.score, 9) WHEN 1 THEN ROUND(s.score_minmax, 9)
                        ELSE ROUND(s.score_zscore, 9) END AS score,
         1.0E0 AS coverage
  FROM indicator_scores s
  JOIN interval_draws d ON d.year = s.year
  WHERE ${depth} = 1 AND s.score IS NOT NULL
  UNION ALL
  SELECT draw, town_code, year, item_id, score, coverage
  FROM ${previous}
),
totals AS (
  SELECT year, draw, parent_id, SUM(weight) AS total_weight
  FROM interval_edges
  WHERE parent_depth = ${depth}
  GROUP BY year, draw, parent_id
),
parents AS (
  SELECT n.draw, n.town_code, n.year, e.parent_id AS item_id,
         CASE WHEN MAX(e.method) = 'geometric'
              THEN EXP(SUM(e.weight * LN(GREATEST(n.score, e.geometric_floor))) / NULLIF(SUM(e.weight), 0))
              ELSE SUM(e.weight * n.score) / NULLIF(SUM(e.weight), 0) END AS score,
         SUM(e.weight * n.coverage) / NULLIF(MAX(t.total_weight), 0) AS coverage,
         MAX(e.min_coverage) AS min_coverage
  FROM nodes n
  JOIN interval_edges e ON e.year = n.year AND e.draw = n.draw AND e.child_id = n.item_id
                       AND e.parent_depth = ${depth}
  JOIN totals t ON t.year = e.year AND t.draw = e.draw AND t.parent_id = e.parent_id
  WHERE n.score IS NOT NULL
  GROUP BY n.draw, n.town_code, n.year, e.parent_id
)
SELECT draw, town_code, year, item_id, score, coverage FROM ${previous}
UNION ALL
SELECT draw, town_code, year, item_id,
       CASE WHEN coverage >= min_coverage - 1.0E-9 THEN score END AS score, coverage
FROM parents
