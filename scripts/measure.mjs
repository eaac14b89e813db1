// Pages of a built site that the benchmark scripts measure (lighthouse.mjs,
// interaction.mjs).
import fs from 'node:fs';
import path from 'node:path';

/** The largest prerendered article of a language in `dist` (by its HTML file), as
 * a site path: `/en/blog/<slug>`. */
export function largestArticle(dist, lang) {
  const dir = path.join(dist, lang, 'blog');
  const [file] = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort((a, b) => fs.statSync(path.join(dir, b)).size - fs.statSync(path.join(dir, a)).size);
  return `/${lang}/blog/${file.replace(/\.html$/, '')}`;
}
