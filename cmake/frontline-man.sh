#!/bin/sh
# Writes frontline's man page from its --help texts: help2man for the page, with every
# subcommand's own --help added as a section. Usage: frontline-man.sh FRONTLINE OUTPUT
set -eu
exe="$1" out="$2"
inc="$out.include"
{
  echo "[SUBCOMMAND OPTIONS]"
  for cmd in render export areas state check geocode view; do
    if text="$("$exe" "$cmd" --help 2>/dev/null)"; then
      printf '.SS "frontline %s"\n.nf\n' "$cmd"
      printf '%s\n' "$text" | sed -e 's/\\/\\e/g' -e 's/^\./\\\&./'
      printf '.fi\n'
    fi
  done
  echo "[FILES]"
  echo "PREFIX/share/frontline: datasets, gazetteer extras and, when it was built, world/world.gpkg (map layers) and world/cities500.txt (GeoNames)."
  echo "[SEE ALSO]"
  echo "The README in the source tree; tools/setup.sh builds the world map data."
} >"$inc"
help2man --no-info --name "animated maps of territorial control" --include "$inc" --output "$out.tmp" "$exe"
rm -f "$inc"
mv "$out.tmp" "$out"
