-- Stage 14 · rank intervals from the draws of stage 13: in every draw, the competition rank of each town's
-- composite at the catalog's rank precision (as stage 08; a town without a composite in a draw ranks after
-- every town with one, all such towns sharing the rank); per town and year the median and the P5–P95 of its
-- ranks (linear interpolation between order statistics, R's type 7; rounded to 6 decimals, as engines
-- interpolate with differently ordered arithmetic), for every town with an official
-- composite rank, and whether its interval overlaps that of the next town in the official ranking.
-- The Java copy of this is uncertainty/RankIntervals (SqlIntervalsTest holds them equal).
-- Inputs: indicator_scores, interval_draws, ${aggregates}, ranked_scores.
WITH scored_towns AS (
  SELECT DISTINCT s.year, s.town_code
  FROM indicator_scores s
  WHERE s.score IS NOT NULL AND s.year IN (SELECT year FROM interval_draws)
),
draw_ranks AS (
  SELECT t.town_code, t.year,
         RANK() OVER (PARTITION BY t.year, d.draw ORDER BY ROUND(c.score, ${rank_decimals}) DESC NULLS LAST) AS rank_draw
  FROM scored_towns t
  JOIN interval_draws d ON d.year = t.year
  LEFT JOIN ${aggregates} c ON c.town_code = t.town_code AND c.year = t.year AND c.draw = d.draw
                           AND c.item_id = 'composite'
),
bounds AS (
  SELECT town_code, year,
         ROUND(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY rank_draw), 6) AS rank_median,
         ROUND(PERCENTILE_CONT(0.05) WITHIN GROUP (ORDER BY rank_draw), 6) AS rank_p5,
         ROUND(PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY rank_draw), 6) AS rank_p95
  FROM draw_ranks
  GROUP BY town_code, year
),
official AS (
  SELECT o.town_code, o.year, o.rank_city, b.rank_median, b.rank_p5, b.rank_p95,
         LEAD(b.rank_p5) OVER (PARTITION BY o.year ORDER BY o.rank_city, o.town_code) AS next_p5,
         LEAD(b.rank_p95) OVER (PARTITION BY o.year ORDER BY o.rank_city, o.town_code) AS next_p95
  FROM ranked_scores o
  JOIN bounds b ON b.town_code = o.town_code AND b.year = o.year
  WHERE o.item_type = 'composite' AND o.rank_city IS NOT NULL
)
SELECT town_code, CAST(year AS INT) AS year, CAST(rank_city AS INT) AS rank_official,
       CAST(rank_median AS DOUBLE) AS rank_median, CAST(rank_p5 AS DOUBLE) AS rank_p5,
       CAST(rank_p95 AS DOUBLE) AS rank_p95,
       COALESCE(next_p5 IS NOT NULL AND rank_p95 >= next_p5 AND next_p95 >= rank_p5, FALSE) AS overlaps_next,
       CAST(${draws} AS INT) AS draws
FROM official
