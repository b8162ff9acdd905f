-- Stage 02 · base values: registry measures and the newest revision of each declared value, named by
-- catalog item (indicator or input). Inputs: registry_measures, declarations, catalog_items, towns.
WITH newest_declarations AS (
  SELECT town_code, year, indicator_id, value, revision,
         ROW_NUMBER() OVER (PARTITION BY town_code, year, indicator_id ORDER BY revision DESC) AS newest
  FROM declarations
)
SELECT r.town_code, CAST(r.year AS INT) AS year, c.item_id, r.value, 'registry' AS source,
       CAST(NULL AS INT) AS revision
FROM registry_measures r
JOIN catalog_items c ON c.source = 'registry' AND c.measure = r.measure
JOIN towns t ON t.town_code = r.town_code
UNION ALL
SELECT d.town_code, CAST(d.year AS INT), c.item_id, d.value, 'declared', CAST(d.revision AS INT)
FROM newest_declarations d
JOIN catalog_items c ON c.source = 'declared' AND c.item_id = d.indicator_id
JOIN towns t ON t.town_code = d.town_code
WHERE d.newest = 1 AND d.value IS NOT NULL
