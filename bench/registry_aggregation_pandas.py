#!/usr/bin/python3
"""Benchmark (a), pandas side: stage 01's registry measures computed with pandas.

Debian bookworm ships pandas without pyarrow or fastparquet, so pandas cannot read the lake's
Parquet: it reads a CSV export of the same rows (made by the Java benchmark in the same run).
Loading is timed apart from the aggregation. Usage:
    /usr/bin/python3 registry_aggregation_pandas.py ENTERPRISES_CSV RESULT_CSV RUNS
Prints one JSON line: pandas version, rows, load seconds, aggregation seconds per run.
"""
import json
import sys
import time

import pandas as pd

BOOLS = ["private", "above_scale", "gazelle", "single_champion", "high_tech", "tech_sme"]
DOUBLES = ["revenue", "rd_spend", "loans", "energy_tce"]
STRINGS = ["town_code", "enterprise_id", "industry", "srdi_level", "unicorn", "listed"]
SERVICES = list("GHIJKLMNOPQR")


def load(path):
    dtypes = {"year": "int32", **{c: "bool" for c in BOOLS}, **{c: "float64" for c in DOUBLES},
              **{c: "object" for c in STRINGS}}
    return pd.read_csv(path, dtype=dtypes, parse_dates=["registered_on", "deregistered_on"])


def registry_measures(df):
    """Same definitions as stages/01_registry_measures.sql, in long format (town_code, year, measure, value)."""
    year = df["year"]
    reg_year = df["registered_on"].dt.year
    dereg_year = df["deregistered_on"].dt.year  # NaN where never deregistered
    private = df["private"]
    alive = (reg_year <= year) & ~(dereg_year <= year)  # NaN compares False: never deregistered is alive
    pa = private & alive
    flags = pd.DataFrame({
        "town_code": df["town_code"], "year": year,
        "private_entities_alive": pa,
        "private_entities_registered": private & (reg_year == year),
        "private_entities_deregistered": private & (dereg_year == year),
        "above_scale_firms": pa & df["above_scale"],
        "manufacturing_firms": pa & (df["industry"] == "C"),
        "service_firms": pa & df["industry"].isin(SERVICES),
        "srdi_firms": pa & df["srdi_level"].notna(),
        "gazelle_firms": pa & df["gazelle"],
        "unicorn_firms": pa & df["unicorn"].notna(),
        "single_champion_firms": pa & df["single_champion"],
        "high_tech_firms": pa & df["high_tech"],
        "tech_sme_firms": pa & df["tech_sme"],
        "listed_firms": pa & df["listed"].notna(),
        "rd_spend": df["rd_spend"].fillna(0).where(private, 0.0),
        "private_revenue": df["revenue"].fillna(0).where(private, 0.0),
        "private_loans": df["loans"].fillna(0).where(private, 0.0),
        "energy_tce": df["energy_tce"].fillna(0),
    })
    per_town = flags.groupby(["town_code", "year"], sort=False).sum()

    # Firms on the above-scale list this year but not last year (first year of data: none).
    cur = df.loc[private & (year > year.min()), ["enterprise_id", "town_code", "year", "above_scale"]]
    prev = df[["enterprise_id", "year", "above_scale"]].assign(year=year + 1)
    joined = cur.merge(prev, on=["enterprise_id", "year"], how="left", suffixes=("", "_prev"))
    joined["upgraded_above_scale"] = joined["above_scale"] & ~joined["above_scale_prev"].fillna(False).astype(bool)
    upgraded = joined.groupby(["town_code", "year"], sort=False)[["upgraded_above_scale"]].sum()

    long = pd.concat([per_town.astype("float64").stack(), upgraded.astype("float64").stack()])
    long.index = long.index.set_names(["town_code", "year", "measure"])
    return long.rename("value").reset_index()


def main():
    source, result_path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    start = time.perf_counter()
    df = load(source)
    load_seconds = time.perf_counter() - start
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        result = registry_measures(df)
        seconds.append(time.perf_counter() - start)
    result.to_csv(result_path, index=False)
    print(json.dumps({"pandas": pd.__version__, "rows": len(df), "load_seconds": load_seconds,
                      "aggregate_seconds": seconds}))


if __name__ == "__main__":
    main()
