-- Stage 04 · transformed values: each scorable indicator value after its transform (none | log | log1p |
-- per_10k_residents, the last divided by the input resident_population in 10,000 persons).
-- Out-of-range values (flagged in stage 03) are not scored: x is NULL for them.
-- Inputs: indicator_values, base_values, catalog_items.
WITH population AS (
  SELECT town_code, year, value AS pop FROM base_values WHERE item_id = 'resident_population'
)
SELECT v.town_code, v.year, v.indicator_id, v.value,
       CASE WHEN v.flag IS NOT NULL THEN NULL
            WHEN c.transform = 'log1p' THEN CASE WHEN v.value > -1 THEN LN(1 + v.value) END
            WHEN c.transform = 'log' THEN CASE WHEN v.value > 0 THEN LN(v.value) END
            WHEN c.transform = 'per_10k_residents' THEN v.value / NULLIF(p.pop, 0)
            ELSE v.value END AS x
FROM indicator_values v
JOIN catalog_items c ON c.item_id = v.indicator_id
LEFT JOIN population p ON p.town_code = v.town_code AND p.year = v.year
