#!/usr/bin/python3
"""Compare frontline's modelled Islamic State area with published figures.

Usage:
    /usr/bin/python3 tools/compare-published-areas.py STATS_CSV PUBLISHED_CSV [--controller ID] [--csv]

STATS_CSV      output of `frontline stats` (one row per date and controller:
               date,controller,name,area_km2,settled_km2,places,settlements,
               IQ_km2,IQ_share,SY_km2,SY_share), e.g. made with
               build/frontline stats --from 2014-06-01 --to 2019-03-31 --step 30d -o /tmp/stats.csv
PUBLISHED_CSV  assets/datasets/isis-2014-2019/published-areas.csv
               (date,scope,value,unit,source,url,quote)
--controller   actor id to compare (default: islamic_state)
--csv          print CSV instead of a Markdown table

For each published row the model row nearest in date is used (a month-only date such
as 2015-01 is read as the 15th). The gap in days is shown; a stats CSV made with
--step 1d gives exact dates. Units handled:

  km2                      model area_km2 and settled_km2 (scope iraq+syria)
  km2_peak_in_iraq         the model's largest IQ_km2 up to that date
  km2_upper_bound          model SY_km2 / IQ_km2 / area_km2 (by scope) against the bound
  percent_of_country       model IQ_share (or SY_share) x 100
  percent_lost_since_peak  loss from the model's own peak up to that date: area_km2 and
                           settled_km2 for iraq+syria; IQ_km2 or SY_km2 for one country
                           (the stats CSV has no per-country settled area, so "-")
  percent_lost_in_year     loss since the model row nearest 1 January of that year

Errors are model - published: in km2 and % of the published value for areas, in
percentage points (pp) and % of the published value for percentages.
Python 3 standard library only.
"""

import argparse
import csv
import datetime as dt
import re
import sys


def parse_date(text):
    """'YYYY-MM-DD' or 'YYYY-MM' (read as the 15th) -> date."""
    text = text.strip()
    parts = text.split("-")
    if len(parts) == 2:
        return dt.date(int(parts[0]), int(parts[1]), 15)
    return dt.date.fromisoformat(text)


def load_series(path, controller):
    series = []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row.get("controller") != controller:
                continue
            series.append({
                "date": dt.date.fromisoformat(row["date"]),
                "area": float(row["area_km2"]),
                "settled": float(row["settled_km2"]),
                "IQ_km2": float(row.get("IQ_km2") or 0),
                "IQ_share": float(row.get("IQ_share") or 0),
                "SY_km2": float(row.get("SY_km2") or 0),
                "SY_share": float(row.get("SY_share") or 0),
            })
    series.sort(key=lambda r: r["date"])
    return series


def nearest(series, day):
    return min(series, key=lambda r: (abs((r["date"] - day).days), r["date"]))


def peak_until(series, day, key):
    rows = [r for r in series if r["date"] <= day] or series[:1]
    best = max(rows, key=lambda r: r[key])
    return best[key], best["date"]


def pct_lost(series, day, key):
    peak, peak_date = peak_until(series, day, key)
    now = nearest(series, day)[key]
    if peak <= 0:
        return None, peak_date
    return 100.0 * (peak - now) / peak, peak_date


def short_source(text):
    """Publisher part of the source field: before ':' and before a comma outside ()."""
    head = text.split(":")[0]
    return re.split(r",(?![^(]*\))", head)[0].strip()


def country_key(scope):
    scope = scope.strip().lower()
    if scope == "iraq":
        return "IQ"
    if scope == "syria":
        return "SY"
    return None


def fmt_num(x, unit):
    if x is None:
        return "-"
    if unit == "km2":
        return f"{x:,.0f} km²"
    return f"{x:.1f} %"


def fmt_err(model, published, unit):
    if model is None:
        return "-"
    diff = model - published
    rel = f"{100.0 * diff / published:+.0f} %" if published else "n/a"
    if unit == "km2":
        return f"{diff:+,.0f} km² ({rel})"
    return f"{diff:+.1f} pp ({rel})"


def compare(series, pub):
    """Return a dict describing one published row, or None if not comparable."""
    day = parse_date(pub["date"])
    unit = pub["unit"].strip()
    scope = pub["scope"].strip().lower()
    value = float(pub["value"])
    near = nearest(series, day)
    cc = country_key(scope)
    out = {
        "date": pub["date"], "scope": scope, "unit": unit, "value": value,
        "source": short_source(pub["source"]),
        "model_date": near["date"], "gap": (near["date"] - day).days,
        "area": None, "settled": None, "kind": "km2", "note": "",
    }
    if unit == "km2":
        if cc:
            out["area"] = near[cc + "_km2"]
        else:
            out["area"], out["settled"] = near["area"], near["settled"]
    elif unit == "km2_peak_in_iraq":
        out["area"], pdate = peak_until(series, day, "IQ_km2")
        out["model_date"], out["gap"] = pdate, (pdate - day).days
        out["note"] = "model peak IQ_km2"
    elif unit == "km2_upper_bound":
        out["area"] = near[cc + "_km2"] if cc else near["area"]
        out["note"] = "published is an upper bound"
    elif unit == "percent_of_country":
        if not cc:
            return None
        out["kind"] = "pct"
        out["area"] = 100.0 * near[cc + "_share"]
        out["note"] = f"{cc}_share"
    elif unit == "percent_lost_since_peak":
        out["kind"] = "pct"
        if cc:
            out["area"], pdate = pct_lost(series, day, cc + "_km2")
            out["note"] = f"peak {cc}_km2 {pdate}"
        else:
            out["area"], pdate = pct_lost(series, day, "area")
            out["settled"], sdate = pct_lost(series, day, "settled")
            out["note"] = f"peaks {pdate} / {sdate}"
    elif unit == "percent_lost_in_year":
        out["kind"] = "pct"
        start = nearest(series, dt.date(day.year, 1, 1))
        key_a = (cc + "_km2") if cc else "area"
        if start[key_a] > 0:
            out["area"] = 100.0 * (start[key_a] - near[key_a]) / start[key_a]
        if not cc and start["settled"] > 0:
            out["settled"] = 100.0 * (start["settled"] - near["settled"]) / start["settled"]
        out["note"] = f"since {start['date']}"
    else:
        return None
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stats_csv")
    ap.add_argument("published_csv")
    ap.add_argument("--controller", default="islamic_state")
    ap.add_argument("--csv", action="store_true", help="print CSV instead of Markdown")
    args = ap.parse_args(argv)

    series = load_series(args.stats_csv, args.controller)
    if not series:
        sys.exit(f"no rows for controller {args.controller!r} in {args.stats_csv}")
    with open(args.published_csv, newline="", encoding="utf-8") as f:
        published = list(csv.DictReader(f))

    rows, skipped = [], []
    for pub in published:
        r = compare(series, pub)
        (rows if r else skipped).append(r or pub)

    pa, pad = peak_until(series, series[-1]["date"], "area")
    ps, psd = peak_until(series, series[-1]["date"], "settled")

    if args.csv:
        w = csv.writer(sys.stdout)
        w.writerow(["published_date", "scope", "unit", "published", "source", "model_date",
                    "gap_days", "model_area", "error_area", "model_settled",
                    "error_settled", "note"])
        for r in rows:
            u = "km2" if r["kind"] == "km2" else "pct"
            w.writerow([r["date"], r["scope"], r["unit"], r["value"], r["source"],
                        r["model_date"], r["gap"],
                        "" if r["area"] is None else round(r["area"], 1),
                        "" if r["area"] is None else round(r["area"] - r["value"], 1),
                        "" if r["settled"] is None else round(r["settled"], 1),
                        "" if r["settled"] is None else round(r["settled"] - r["value"], 1),
                        r["note"]])
        return

    print(f"Model series: {series[0]['date']} to {series[-1]['date']}, {len(series)} dates; "
          f"peak area_km2 {pa:,.0f} ({pad}), peak settled_km2 {ps:,.0f} ({psd}).")
    print()
    print("| published | scope | figure | source | model row (gap) "
          "| model: all land | error | model: settled land | error |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        u = "km2" if r["kind"] == "km2" else "pct"
        label = {"km2": f"{r['value']:,.0f} km²",
                 "km2_peak_in_iraq": f"{r['value']:,.0f} km² (peak)",
                 "km2_upper_bound": f"< {r['value']:,.0f} km²",
                 "percent_of_country": f"{r['value']:g} % of country",
                 "percent_lost_since_peak": f"{r['value']:g} % lost since peak",
                 "percent_lost_in_year": f"{r['value']:g} % lost in year"}[r["unit"]]
        mdate = f"{r['model_date']} ({r['gap']:+d} d)"
        if r["note"]:
            mdate += f" — {r['note']}"
        print(f"| {r['date']} | {r['scope']} | {label} | {r['source']} | {mdate} "
              f"| {fmt_num(r['area'], u)} | {fmt_err(r['area'], r['value'], u)} "
              f"| {fmt_num(r['settled'], u)} | {fmt_err(r['settled'], r['value'], u)} |")
    for pub in skipped:
        print(f"\n(not comparable: {pub['date']} {pub['scope']} {pub['unit']})")


if __name__ == "__main__":
    main()
