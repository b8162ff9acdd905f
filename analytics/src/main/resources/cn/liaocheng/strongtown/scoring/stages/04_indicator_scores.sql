-- Stage 04 · indicator scores on 0–100.
-- Level: transform (none | log | log1p), then min–max over a pooled window of the last
-- window_years years up to the scored year (all towns), so that scores compare across years; or fixed
-- goalposts (transformed like the value, capped). A constant indicator scores 50 for everyone.
-- Growth (indicators marked growth): CAGR over growth_years, min–max over the same pooled window.
-- Score = (1 - growth_weight) x level + growth_weight x growth where growth exists, else level.
-- "Lower is better" flips both parts. Inputs: indicator_values, catalog_items, catalog_settings.
WITH prepared AS (
  SELECT v.town_code, v.year, v.indicator_id, v.value,
         CASE WHEN v.flag IS NOT NULL THEN NULL
              WHEN c.transform = 'log1p' THEN CASE WHEN v.value > -1 THEN LN(1 + v.value) END
              WHEN c.transform = 'log' THEN CASE WHEN v.value > 0 THEN LN(v.value) END
              ELSE v.value END AS x
  FROM indicator_values v
  JOIN catalog_items c ON c.item_id = v.indicator_id
),
growth AS (
  SELECT a.town_code, a.year, a.indicator_id,
         CASE WHEN a.value > 0 AND p.value > 0
              THEN POWER(a.value / p.value, 1.0 / s.growth_years) - 1 END AS g
  FROM prepared a
  CROSS JOIN catalog_settings s
  JOIN catalog_items c ON c.item_id = a.indicator_id AND c.growth
  JOIN prepared p ON p.town_code = a.town_code AND p.indicator_id = a.indicator_id
                 AND p.year = a.year - s.growth_years
  WHERE a.x IS NOT NULL AND p.x IS NOT NULL
),
scored_years AS (
  SELECT DISTINCT year FROM prepared
),
pooled AS (
  SELECT year, indicator_id, 'level' AS part, x AS v FROM prepared WHERE x IS NOT NULL
  UNION ALL
  SELECT year, indicator_id, 'growth', g FROM growth WHERE g IS NOT NULL
),
pooled_range AS (
  SELECT y.year, p.indicator_id, p.part, MIN(p.v) AS lo, MAX(p.v) AS hi
  FROM scored_years y
  CROSS JOIN catalog_settings s
  JOIN pooled p ON p.year <= y.year AND p.year > y.year - s.window_years
  GROUP BY y.year, p.indicator_id, p.part
),
parts AS (
  SELECT p.town_code, p.year, p.indicator_id, p.value, c.direction,
         CASE WHEN p.x IS NULL THEN NULL
              WHEN c.norm_method = 'goalposts'
                THEN 100.0 * (LEAST(GREATEST(p.x, c.goal_lo), c.goal_hi) - c.goal_lo) / (c.goal_hi - c.goal_lo)
              WHEN lr.hi = lr.lo THEN 50.0
              ELSE 100.0 * (p.x - lr.lo) / (lr.hi - lr.lo) END AS level_part,
         CASE WHEN g.g IS NULL THEN NULL
              WHEN gr.hi = gr.lo THEN 50.0
              ELSE 100.0 * (g.g - gr.lo) / (gr.hi - gr.lo) END AS growth_part
  FROM prepared p
  JOIN catalog_items c ON c.item_id = p.indicator_id
  LEFT JOIN pooled_range lr ON lr.year = p.year AND lr.indicator_id = p.indicator_id AND lr.part = 'level'
  LEFT JOIN growth g ON g.town_code = p.town_code AND g.year = p.year AND g.indicator_id = p.indicator_id
  LEFT JOIN pooled_range gr ON gr.year = p.year AND gr.indicator_id = p.indicator_id AND gr.part = 'growth'
),
oriented AS (
  SELECT town_code, year, indicator_id, value,
         CASE WHEN direction = 'lower' THEN 100.0 - level_part ELSE level_part END AS level_score,
         CASE WHEN direction = 'lower' THEN 100.0 - growth_part ELSE growth_part END AS growth_score
  FROM parts
)
SELECT o.town_code, o.year, o.indicator_id, o.value, o.level_score, o.growth_score,
       CASE WHEN o.growth_score IS NULL THEN o.level_score
            ELSE (1 - s.growth_weight) * o.level_score + s.growth_weight * o.growth_score END AS score
FROM oriented o
CROSS JOIN catalog_settings s
