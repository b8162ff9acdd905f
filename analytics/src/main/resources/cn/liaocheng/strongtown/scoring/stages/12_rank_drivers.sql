-- Stage 12 · why the rank changed: each dimension's (and group's) contribution to the change of the
-- composite score since the previous year, its composite weight (the product of normalised weights on
-- its path to the composite) times its own score change, largest effect first (driver_rank 1 = moved
-- the town most, up or down). Missing data re-weight the composite, so contributions are close to, not
-- always exactly, the composite's change. Inputs: ranked_scores, catalog_tree.
WITH contributions AS (
  SELECT s.town_code, s.year, s.item_type, s.item_id, s.score_change,
         t.composite_weight * s.score_change AS contribution
  FROM ranked_scores s
  JOIN catalog_tree t ON t.child_id = s.item_id
  WHERE s.item_type IN ('dimension', 'group') AND s.score_change IS NOT NULL
)
SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c.town_code, c.year, c.item_type
                               ORDER BY ABS(c.contribution) DESC, c.item_id) AS driver_rank
FROM contributions c
