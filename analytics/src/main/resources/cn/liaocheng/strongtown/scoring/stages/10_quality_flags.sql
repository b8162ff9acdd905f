-- Stage 10 · data-quality flags on every collected or derived value (indicators and inputs such as
-- population), one row per finding, with its reason code and the numbers behind it:
--   out_of_range   a value outside the catalog's valid range (not scored);            reference_lo/hi = range
--   jump           a year-on-year change (log ratio for positive values, else difference) whose robust
--                  z-score (x - median) / (1.4826 MAD) exceeds jump_z against BOTH the town's own history
--                  and all towns' changes that year;                              z = peers, z_own = own
--   disagreement   a declared value differing from its registry counterpart by more than the tolerance;
--                                                                     reference_lo = the registry value
--   missing        a scored indicator without any value for a town and year (derived ones excepted when
--                  their operands are missing: those show as missing operands).
-- Inputs: indicator_values, base_values, registry_measures, catalog_items, catalog_settings, towns.
WITH observed AS (
  SELECT v.town_code, v.year, v.item_id AS indicator_id, v.value,
         p.value AS previous,
         CASE WHEN v.value > 0 AND p.value > 0 THEN LN(v.value / p.value) ELSE v.value - p.value END AS change
  FROM base_values v
  JOIN base_values p ON p.town_code = v.town_code AND p.item_id = v.item_id AND p.year = v.year - 1
),
peer_centre AS (
  SELECT year, indicator_id, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY change) AS med
  FROM observed GROUP BY year, indicator_id
),
peer_spread AS (
  SELECT o.year, o.indicator_id, c.med,
         PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ABS(o.change - c.med)) AS mad
  FROM observed o JOIN peer_centre c ON c.year = o.year AND c.indicator_id = o.indicator_id
  GROUP BY o.year, o.indicator_id, c.med
),
own_centre AS (
  SELECT town_code, indicator_id, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY change) AS med
  FROM observed GROUP BY town_code, indicator_id
),
own_spread AS (
  SELECT o.town_code, o.indicator_id, c.med,
         PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ABS(o.change - c.med)) AS mad
  FROM observed o JOIN own_centre c ON c.town_code = o.town_code AND c.indicator_id = o.indicator_id
  GROUP BY o.town_code, o.indicator_id, c.med
),
scored_changes AS (
  SELECT o.town_code, o.year, o.indicator_id, o.value, o.previous,
         (o.change - ps.med) / NULLIF(1.4826 * ps.mad, 0) AS z,
         (o.change - os.med) / NULLIF(1.4826 * os.mad, 0) AS z_own
  FROM observed o
  JOIN peer_spread ps ON ps.year = o.year AND ps.indicator_id = o.indicator_id
  JOIN own_spread os ON os.town_code = o.town_code AND os.indicator_id = o.indicator_id
),
expected AS (
  SELECT t.town_code, y.year, c.item_id AS indicator_id
  FROM towns t
  CROSS JOIN (SELECT DISTINCT year FROM indicator_values) y
  CROSS JOIN catalog_items c
  WHERE c.kind = 'indicator' AND c.source <> 'derived'
)
SELECT v.town_code, v.year, v.item_id AS indicator_id, 'out_of_range' AS flag, v.value,
       c.valid_min AS reference_lo, c.valid_max AS reference_hi, CAST(NULL AS DOUBLE) AS z, CAST(NULL AS DOUBLE) AS z_own
FROM base_values v
JOIN catalog_items c ON c.item_id = v.item_id
WHERE v.value < c.valid_min OR v.value > c.valid_max
UNION ALL
SELECT v.town_code, v.year, v.indicator_id, 'out_of_range', v.value, c.valid_min, c.valid_max,
       CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE)
FROM indicator_values v
JOIN catalog_items c ON c.item_id = v.indicator_id AND c.source = 'derived'
WHERE v.flag = 'out_of_range'
UNION ALL
SELECT s.town_code, s.year, s.indicator_id, 'jump', s.value, s.previous, CAST(NULL AS DOUBLE), s.z, s.z_own
FROM scored_changes s
CROSS JOIN catalog_settings st
WHERE ABS(s.z) > st.jump_z AND ABS(s.z_own) > st.jump_z
UNION ALL
SELECT b.town_code, b.year, b.item_id, 'disagreement', b.value, r.value, CAST(NULL AS DOUBLE),
       CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE)
FROM base_values b
JOIN catalog_items c ON c.item_id = b.item_id AND c.xcheck_measure IS NOT NULL
JOIN registry_measures r ON r.town_code = b.town_code AND r.year = b.year AND r.measure = c.xcheck_measure
WHERE ABS(b.value - r.value) > c.xcheck_tolerance * ABS(r.value)
UNION ALL
SELECT e.town_code, e.year, e.indicator_id, 'missing', CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE),
       CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE)
FROM expected e
LEFT JOIN indicator_values v ON v.town_code = e.town_code AND v.year = e.year AND v.indicator_id = e.indicator_id
WHERE v.town_code IS NULL
