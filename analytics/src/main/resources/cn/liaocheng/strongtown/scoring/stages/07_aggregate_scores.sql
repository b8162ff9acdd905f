-- Stage 07 · aggregate scores of one level, run once per level from the dimensions (depth 1) up to the
-- composite: ${depth} is the level computed now, ${previous} the table of all aggregates below it (the
-- result accumulates, so the last run holds every level). Children combine by the weighted arithmetic
-- or geometric mean of their parent's method. Missing children are not zeros: the remaining weights are
-- re-normalised, and coverage (0–1, the weighted share of children that had data, recursively) records it.
-- The geometric mean lifts scores below the catalog's geometric floor to it (ln 0 is undefined; the floor
-- is 1 % of the output range unless the catalog sets geometric_floor). Coverage rule: a parent whose coverage
-- is below its level's minimum (catalog ranking.min_coverage; 75 % for the composite by default) keeps its
-- coverage but gets no score — no rank, no band, not in county means — and counts as missing one level up.
-- The one Java copy of this rule is scoring/Aggregator (AggregationEqualityTest holds them equal).
-- Inputs: indicator_scores, ${previous}, catalog_tree.
WITH nodes AS (
  SELECT town_code, year, indicator_id AS item_id, score, 1.0 AS coverage
  FROM indicator_scores
  WHERE score IS NOT NULL
  UNION ALL
  SELECT town_code, year, item_id, score, coverage
  FROM ${previous}
  WHERE score IS NOT NULL
),
totals AS (
  SELECT parent_id, SUM(weight) AS total_weight
  FROM catalog_tree
  GROUP BY parent_id
),
parents AS (
  SELECT n.town_code, n.year, t.parent_kind AS item_type, t.parent_id AS item_id,
         CASE WHEN t.method = 'geometric'
              THEN EXP(SUM(t.weight * LN(GREATEST(n.score, t.geometric_floor))) / NULLIF(SUM(t.weight), 0))
              ELSE SUM(t.weight * n.score) / NULLIF(SUM(t.weight), 0) END AS score,
         SUM(t.weight * n.coverage) / NULLIF(MAX(tt.total_weight), 0) AS coverage,
         MAX(t.min_coverage) AS min_coverage
  FROM nodes n
  JOIN catalog_tree t ON t.child_id = n.item_id AND t.parent_depth = ${depth}
  JOIN totals tt ON tt.parent_id = t.parent_id
  GROUP BY n.town_code, n.year, t.parent_kind, t.parent_id, t.method
)
SELECT town_code, year, item_type, item_id, score, coverage FROM ${previous}
UNION ALL
SELECT town_code, year, item_type, item_id,
       CASE WHEN coverage >= min_coverage - 1.0E-9 THEN score END AS score, coverage
FROM parents
