-- Stage 01 · registry measures: enterprise-year rows -> one value per (town, year, measure).
-- Input: enterprises (one row per enterprise per year in which it existed; DESIGN §8).
-- Where it runs: when the registry enters the lake (lake/RegistryAggregate, DuckDB: the result is kept under
-- curated/registry_measures/ beside the registry it came from), and in the scoring whenever no such result
-- matches the registry (older lakes) or the engine reads the raw rows (Spark). Hence this file lives in the
-- ingest module, on the same classpath path as the other stages: the rule is written once for both.
-- "Alive" means registered by the end of the year and not deregistered within it.
-- manufacturing_firms (GB/T 4754 section C) and service_firms (sections G–R) describe economic structure
-- for the peer clusters. upgraded_above_scale counts private firms on the above-scale list this year that were not on it
-- last year (new entrants included), for every town-year with private firms; the first year of data has no
-- previous year and gets none. Only above-scale rows take part in that self-join (a few per cent of the
-- registry): joining every enterprise-year with last year's was the slowest part of the stage on Spark.
WITH flagged AS (
  SELECT town_code, year, private, above_scale, industry, srdi_level, gazelle, unicorn, single_champion,
         high_tech, tech_sme, listed, revenue, rd_spend, loans, energy_tce, registered_on, deregistered_on,
         CASE WHEN year(registered_on) <= year
               AND (deregistered_on IS NULL OR year(deregistered_on) > year) THEN 1 ELSE 0 END AS alive
  FROM enterprises
),
per_town AS (
  SELECT town_code, year,
    SUM(CASE WHEN private AND alive = 1 THEN 1 ELSE 0 END) AS private_entities_alive,
    SUM(CASE WHEN private AND year(registered_on) = year THEN 1 ELSE 0 END) AS private_entities_registered,
    SUM(CASE WHEN private AND year(deregistered_on) = year THEN 1 ELSE 0 END) AS private_entities_deregistered,
    SUM(CASE WHEN private AND alive = 1 AND above_scale THEN 1 ELSE 0 END) AS above_scale_firms,
    SUM(CASE WHEN private AND alive = 1 AND industry = 'C' THEN 1 ELSE 0 END) AS manufacturing_firms,
    SUM(CASE WHEN private AND alive = 1 AND industry IN ('G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R')
             THEN 1 ELSE 0 END) AS service_firms,
    SUM(CASE WHEN private AND alive = 1 AND srdi_level IS NOT NULL THEN 1 ELSE 0 END) AS srdi_firms,
    SUM(CASE WHEN private AND alive = 1 AND gazelle THEN 1 ELSE 0 END) AS gazelle_firms,
    SUM(CASE WHEN private AND alive = 1 AND unicorn IS NOT NULL THEN 1 ELSE 0 END) AS unicorn_firms,
    SUM(CASE WHEN private AND alive = 1 AND single_champion THEN 1 ELSE 0 END) AS single_champion_firms,
    SUM(CASE WHEN private AND alive = 1 AND high_tech THEN 1 ELSE 0 END) AS high_tech_firms,
    SUM(CASE WHEN private AND alive = 1 AND tech_sme THEN 1 ELSE 0 END) AS tech_sme_firms,
    SUM(CASE WHEN private AND alive = 1 AND listed IS NOT NULL THEN 1 ELSE 0 END) AS listed_firms,
    SUM(CASE WHEN private THEN COALESCE(rd_spend, 0) ELSE 0 END) AS rd_spend,
    SUM(CASE WHEN private THEN COALESCE(revenue, 0) ELSE 0 END) AS private_revenue,
    SUM(CASE WHEN private THEN COALESCE(loans, 0) ELSE 0 END) AS private_loans,
    SUM(COALESCE(energy_tce, 0)) AS energy_tce,
    SUM(CASE WHEN private THEN 1 ELSE 0 END) AS private_rows
  FROM flagged
  GROUP BY town_code, year
),
above_scale AS (
  SELECT enterprise_id, year, town_code, private FROM enterprises WHERE above_scale
),
upgraded AS (
  SELECT cur.town_code, cur.year, COUNT(*) AS upgraded_above_scale
  FROM above_scale cur
  LEFT JOIN above_scale prev ON prev.enterprise_id = cur.enterprise_id AND prev.year = cur.year - 1
  WHERE cur.private AND prev.enterprise_id IS NULL
  GROUP BY cur.town_code, cur.year
),
first_year AS (
  SELECT MIN(year) AS year FROM enterprises
)
-- One pass over per_town for all measures: a cross join with the measure names, not 18 UNION ALL
-- branches (Spark would scan and aggregate the lake once per branch).
SELECT p.town_code, p.year, m.measure,
       CAST(CASE m.measure
              WHEN 'private_entities_alive' THEN private_entities_alive
              WHEN 'private_entities_registered' THEN private_entities_registered
              WHEN 'private_entities_deregistered' THEN private_entities_deregistered
              WHEN 'above_scale_firms' THEN above_scale_firms
              WHEN 'manufacturing_firms' THEN manufacturing_firms
              WHEN 'service_firms' THEN service_firms
              WHEN 'srdi_firms' THEN srdi_firms
              WHEN 'gazelle_firms' THEN gazelle_firms
              WHEN 'unicorn_firms' THEN unicorn_firms
              WHEN 'single_champion_firms' THEN single_champion_firms
              WHEN 'high_tech_firms' THEN high_tech_firms
              WHEN 'tech_sme_firms' THEN tech_sme_firms
              WHEN 'listed_firms' THEN listed_firms
              WHEN 'rd_spend' THEN rd_spend
              WHEN 'private_revenue' THEN private_revenue
              WHEN 'private_loans' THEN private_loans
              WHEN 'energy_tce' THEN energy_tce
              WHEN 'upgraded_above_scale' THEN COALESCE(u.upgraded_above_scale, 0)
            END AS DOUBLE) AS value
FROM per_town p
LEFT JOIN upgraded u ON u.town_code = p.town_code AND u.year = p.year
CROSS JOIN first_year f
CROSS JOIN (VALUES
    ('private_entities_alive'),
    ('private_entities_registered'),
    ('private_entities_deregistered'),
    ('above_scale_firms'),
    ('manufacturing_firms'),
    ('service_firms'),
    ('srdi_firms'),
    ('gazelle_firms'),
    ('unicorn_firms'),
    ('single_champion_firms'),
    ('high_tech_firms'),
    ('tech_sme_firms'),
    ('listed_firms'),
    ('rd_spend'),
    ('private_revenue'),
    ('private_loans'),
    ('energy_tce'),
    ('upgraded_above_scale')
) AS m(measure)
WHERE m.measure <> 'upgraded_above_scale' OR (p.private_rows > 0 AND p.year > f.year)
