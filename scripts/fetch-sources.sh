#!/usr/bin/env bash
# Downloads the publishers' files into a folder (default .sources/, git-ignored)
# for `prepare`, when neither MET_DATA_DIR nor ../shared/data is available.
# Each source is documented in geodata/SOURCES.md. `prepare` recognises files by
# their headers, so the names below do not matter to it.
set -euo pipefail
dest="${1:-.sources}"
mkdir -p "$dest"
cd "$dest"

fetch() { # url file
  if [ -s "$2" ]; then echo "have $2"; return; fi
  echo "downloading $2 from $1"
  curl --fail --location --silent --show-error --retry 3 -o "$2.part" "$1"
  mv "$2.part" "$2"
}

# MPS Recorded Crime: Geographic Breakdown (London Datastore dataset exy3m, Metropolitan Police Service).
# File addresses as published on https://data.london.gov.uk/dataset/mps-recorded-crime-geographic-breakdown-exy3m
# (the dataset page is the authority if they move).
MPS=https://data.london.gov.uk/download/exy3m
fetch "$MPS/e4x/MPS%20Borough%20Level%20Crime%20%28most%20recent%2024%20months%29.csv" mps-borough-24m.csv
fetch "$MPS/6b725bdf-f863-4a7c-a1b4-c2bc15d547e1/MPS%20Borough%20Level%20Crime%20%28Historical%29.csv" mps-borough-historical.csv
fetch "$MPS/s8b/MPS%20Ward%20Level%20Crime%20%28most%20recent%2024%20months%29.csv" mps-ward-24m.csv

# GLA Statistical GIS Boundary Files for London (borough shapefile, British National Grid).
fetch "https://data.london.gov.uk/download/statistical-gis-boundary-files-london/9ba8c833-6370-4b11-abdc-314aa020d5e0/statistical-gis-boundaries-london.zip" gla-boundaries.zip
[ -d gla-boundaries ] || { mkdir -p gla-boundaries && (cd gla-boundaries && unzip -q ../gla-boundaries.zip); }

# ONS: Census 2021 TS007A (usual residents by age) for local authorities.
fetch "https://www.nomisweb.co.uk/output/census/2021/census2021-ts007a.zip" census2021-ts007a.zip
[ -f census2021-ts007a-ltla.csv ] || unzip -q -j -o census2021-ts007a.zip '*ltla.csv'

# police.uk stop and search, Metropolitan Police: the monthly archive holds every force's files for the
# 36 months before it (large: about 1.5 GB); only the Met's stop-and-search files are kept.
ARCHIVE="${POLICE_UK_ARCHIVE:-2024-08}"
if ! ls stop-search/*-metropolitan-stop-and-search.csv >/dev/null 2>&1; then
  fetch "https://data.police.uk/data/archive/$ARCHIVE.zip" "police-uk-$ARCHIVE.zip"
  mkdir -p stop-search
  unzip -q -j -o "police-uk-$ARCHIVE.zip" '*-metropolitan-stop-and-search.csv' -d stop-search
  rm -f "police-uk-$ARCHIVE.zip"
fi

echo "Ward boundaries (ONS Wards December 2024 BGC, GeoPackage), the LSOA (2021) to ward (2024) lookup and the GLA"
echo "Census 2021 LSOA ethnic-group workbook are published behind download pages (ONS Open Geography Portal and the"
echo "London Datastore) without stable file URLs: see geodata/SOURCES.md for where to get them and place them in $dest."
echo "prepare works without them (borough level only)."
