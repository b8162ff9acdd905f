-- Stage 06 · ranks: competition ranks ("1224") city-wide and within the county for every indicator,
-- dimension and the composite, and the change against the previous year (positive = moved up).
-- Scores are compared at 6 decimals, so that two engines' last-bit differences cannot split a tie.
-- Inputs: indicator_scores, aggregate_scores, towns.
WITH items AS (
  SELECT town_code, year, 'indicator' AS item_type, indicator_id AS item_id, value, score,
         CAST(NULL AS DOUBLE) AS coverage
  FROM indicator_scores
  UNION ALL
  SELECT town_code, year, item_type, item_id, CAST(NULL AS DOUBLE), score, coverage
  FROM aggregate_scores
),
ranked AS (
  SELECT i.town_code, t.county_code, i.year, i.item_type, i.item_id, i.value, i.score, i.coverage,
         CASE WHEN i.score IS NOT NULL THEN
           RANK() OVER (PARTITION BY i.year, i.item_type, i.item_id
                        ORDER BY ROUND(i.score, 6) DESC NULLS LAST) END AS rank_city,
         CASE WHEN i.score IS NOT NULL THEN
           RANK() OVER (PARTITION BY i.year, i.item_type, i.item_id, t.county_code
                        ORDER BY ROUND(i.score, 6) DESC NULLS LAST) END AS rank_county
  FROM items i
  JOIN towns t ON t.town_code = i.town_code
)
SELECT r.town_code, r.county_code, r.year, r.item_type, r.item_id, r.value, r.score, r.coverage,
       r.rank_city, r.rank_county,
       p.rank_city - r.rank_city AS rank_change_city,
       p.rank_county - r.rank_county AS rank_change_county
FROM ranked r
LEFT JOIN ranked p ON p.town_code = r.town_code AND p.item_type = r.item_type
                  AND p.item_id = r.item_id AND p.year = r.year - 1
