#!/usr/bin/env bash
# Uploads a built site to S3 for CloudFront (see deploy/README.md):
#   deploy/s3-sync.sh s3://BUCKET[/PREFIX] [SITE_DIR=dist]
# Hashed files (listed as immutable in the site's _headers, the figures among them)
# are cached for a year;
# everything else is revalidated on every request. Hashed files go first, so a
# page never names a file that is not there yet; old files are removed last.
set -euo pipefail
dest=${1:?usage: deploy/s3-sync.sh s3://BUCKET[/PREFIX] [SITE_DIR]}
site=${2:-dist}
mapfile -t hashed < <(grep -B1 'immutable' "$site/_headers" | grep '^/' | grep -v '/figures/\*$' | sed 's|.*/||')
# Every figure's name is hashed too.
hashed+=('figures/*')
includes=()
for file in "${hashed[@]}"; do includes+=(--include "$file"); done
aws s3 sync "$site" "$dest" --exclude '*' "${includes[@]}" \
  --cache-control 'public, max-age=31536000, immutable'
aws s3 sync "$site" "$dest" --exclude '_headers' --exclude '_redirects' --exclude '.nojekyll' \
  "${hashed[@]/#/--exclude=}" --cache-control 'public, max-age=0, must-revalidate'
aws s3 sync "$site" "$dest" --delete --exclude '_headers' --exclude '_redirects' --exclude '.nojekyll'
