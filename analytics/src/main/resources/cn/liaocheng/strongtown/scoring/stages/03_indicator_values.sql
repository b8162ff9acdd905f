-- Stage 03 · indicator values: the scored indicators' raw values, derived ones computed from base
-- values (ratio, year-on-year growth or decline, in %). A value outside the catalog's valid range is
-- kept but flagged 'out_of_range'; later stages do not score it. Inputs: base_values, catalog_items.
WITH derived AS (
  SELECT a.town_code, a.year, c.item_id,
         a.value / NULLIF(b.value, 0) * COALESCE(c.scale, 1.0) AS value
  FROM catalog_items c
  JOIN base_values a ON a.item_id = c.numerator
  JOIN base_values b ON b.item_id = c.denominator AND b.town_code = a.town_code AND b.year = a.year
  WHERE c.source = 'derived' AND c.op = 'ratio'
  UNION ALL
  SELECT a.town_code, a.year, c.item_id,
         CASE WHEN c.op = 'yoy_growth' THEN (a.value - p.value) / NULLIF(ABS(p.value), 0) * 100.0
              ELSE (p.value - a.value) / NULLIF(ABS(p.value), 0) * 100.0 END AS value
  FROM catalog_items c
  JOIN base_values a ON a.item_id = c.operand
  JOIN base_values p ON p.item_id = c.operand AND p.town_code = a.town_code AND p.year = a.year - 1
  WHERE c.source = 'derived' AND c.op IN ('yoy_growth', 'yoy_decline')
),
merged AS (
  SELECT b.town_code, b.year, b.item_id AS indicator_id, b.value, b.source, b.revision
  FROM base_values b
  JOIN catalog_items c ON c.item_id = b.item_id AND c.kind = 'indicator'
  UNION ALL
  SELECT town_code, year, item_id, value, 'derived', CAST(NULL AS INT)
  FROM derived
  WHERE value IS NOT NULL
)
SELECT m.town_code, m.year, m.indicator_id, m.value, m.source, m.revision,
       CASE WHEN m.value < c.valid_min OR m.value > c.valid_max THEN 'out_of_range' END AS flag
FROM merged m
JOIN catalog_items c ON c.item_id = m.indicator_id
