#!/usr/bin/env node
// Writes an nginx or Caddy configuration for a built site, from the templates
// beside this file (deploy/nginx.conf, deploy/Caddyfile) and the build's own
// _headers and _redirects, so that the server does what Netlify and Cloudflare
// Pages do with those files and the two can never drift apart:
//
//   node deploy/configure.mjs nginx dist > /etc/nginx/sites-enabled/insights
//   node deploy/configure.mjs caddy dist > /etc/caddy/Caddyfile
//
// Options:
//   --root DIR     the server's document root; the site's files must be in
//                  DIR/ for a site at the domain's root, and in DIR/insights/ for
//                  one built with SITE_URL=https://example.org/insights
//                  (default: DIST's absolute path, or its parent for a sub-path)
//   --listen ADDR  nginx's `listen` (default 80) or Caddy's site address
//                  (default :80; a domain name gives automatic HTTPS)
//
// Taken from the build: the sub-path (from _redirects' rules), the languages
// (their 404 rules) and the security headers (the `/*` block of _headers, with
// the Content-Security-Policy, whose script hash changes with public/boot.js and
// the name of the start-up module it imports).
// Written in the templates, and checked here against the build (a mismatch stops
// with a message, so a config never drifts from the build silently): which files
// are hashed and cached for a year, and the redirect rules.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TEMPLATES = { nginx: 'nginx.conf', caddy: 'Caddyfile' };

/** The rules of a build's `_headers` and `_redirects` that a server config needs. */
export function readBuild(dist) {
  const read = (name) => fs.readFileSync(path.join(dist, name), 'utf8');
  const lines = (text) => text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));

  const blocks = [];
  for (const line of lines(read('_headers'))) {
    if (!/^\s/.test(line)) blocks.push({ pattern: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      blocks.at(-1).headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  const redirects = lines(read('_redirects')).map((l) => {
    const [from, to, status] = l.trim().split(/\s+/);
    return { from, to, status: Number(status ?? 301) };
  });
  // The last rule is `{base}/*  {base}/404.html  404`.
  const fallback = redirects.at(-1);
  if (!fallback || fallback.status !== 404 || !fallback.from.endsWith('/*')) {
    throw new Error(`${dist}/_redirects: expected its last rule to be "<base>/*  <base>/404.html  404"`);
  }
  const base = fallback.from.slice(0, -2);
  const langs = redirects
    .filter((r) => r.status === 404 && r.from !== fallback.from)
    .map((r) => r.from.slice(base.length + 1, -2));
  const site = blocks.find((b) => b.pattern === `${base}/*`);
  if (!site) throw new Error(`${dist}/_headers: no "${base}/*" block`);
  const cached = blocks.filter((b) => b !== site).map((b) => b.pattern);
  // Hashed files by name, and folders whose every file is hashed (`/figures/*`).
  const hashed = cached.filter((p) => !p.endsWith('/*'));
  const hashedFolders = cached.filter((p) => p.endsWith('/*')).map((p) => p.slice(0, -1));
  return { base, langs, headers: site.headers, hashed, hashedFolders, redirects, blocks };
}

// What the templates treat as hashed (a top-level `name-<16 hex>.js|.css|.wasm`,
// or `_bg.wasm`) and the redirects they make (a trailing slash on an article or
// tag page), as in deploy/nginx.conf and deploy/Caddyfile.
// A file named with a content hash. Trunk writes its hash without leading zeros
// (so 15 digits one time in 16), the splitter and the prerenderer 16 digits:
// the prerenderer's `is_hashed` takes 12 to 16, and so do the templates.
export const HASHED = /^[^/]+-[0-9a-f]{12,16}(_bg)?\.(js|css|wasm)$/;
// The folder whose every file is hashed: the figures (pipeline/src/figures).
export const HASHED_FOLDER = 'figures/';
const SLASH_RULE = /^\/(blog|tags)\/:(\w+)\/$/;

/** Throws unless the templates' fixed rules are exactly the build's. */
function checkTemplateRules(dist, build) {
  const { base, langs, hashed, hashedFolders, redirects } = build;
  if (hashedFolders.join() !== `${base}/${HASHED_FOLDER}`) {
    throw new Error(`${dist}/_headers: the templates cache one folder for a year, ${base}/${HASHED_FOLDER}*, not ${hashedFolders}`);
  }
  const hashedNames = hashed.map((pattern) => {
    const name = pattern.slice(base.length + 1);
    if (!pattern.startsWith(`${base}/`) || !HASHED.test(name)) {
      throw new Error(`${dist}/_headers: "${pattern}" is not a file the templates cache for a year (HASHED in configure.mjs)`);
    }
    return name;
  });
  for (const name of fs.readdirSync(dist)) {
    if (HASHED.test(name) && !hashedNames.includes(name)) {
      throw new Error(`${dist}/${name} looks hashed, but _headers does not cache it for a year`);
    }
  }
  for (const { from, to, status } of redirects.filter((r) => r.status !== 404)) {
    const lang = langs.find((l) => from.startsWith(`${base}/${l}/`));
    const rule = lang && SLASH_RULE.exec(from.slice(`${base}/${lang}`.length));
    if (status !== 301 || !rule || to !== from.slice(0, -1)) {
      throw new Error(`${dist}/_redirects: the templates have no rule for "${from}  ${to}  ${status}"`);
    }
  }
}

/** A header value inside double quotes, as both servers read it. */
function quoted(value) {
  if (/["\\\n]/.test(value)) throw new Error(`header value not supported: ${value}`);
  return `"${value}"`;
}

/** The configuration for `server` ('nginx' or 'caddy') serving the build in `dist`. */
export function configure(server, dist, { root, listen } = {}) {
  const template = TEMPLATES[server];
  if (!template) throw new Error(`unknown server "${server}": nginx or caddy`);
  const build = readBuild(dist);
  checkTemplateRules(dist, build);
  if (!root) {
    root = path.resolve(dist);
    if (build.base) {
      // A sub-path site is served from ROOT/insights/: DIST must be that folder.
      if (path.basename(root) !== build.base.split('/').at(-1) || build.base.split('/').length > 2) {
        throw new Error(`the site is built for ${build.base}/: copy it to ROOT${build.base}/ and pass --root ROOT`);
      }
      root = path.dirname(root);
    }
  }
  const headers =
    server === 'nginx'
      ? build.headers.map(([name, value]) => `    add_header ${name} ${quoted(value)} always;`).join('\n')
      : build.headers.map(([name, value]) => `\t\t${name} ${quoted(value)}`).join('\n');
  const values = {
    root,
    listen: listen ?? (server === 'nginx' ? '80' : ':80'),
    base: build.base,
    langs: build.langs.join('|'),
    headers,
  };
  const text = fs.readFileSync(path.join(HERE, template), 'utf8');
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name) => {
    if (!(name in values)) throw new Error(`${template}: unknown placeholder ${whole}`);
    return values[name];
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const options = {};
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--root') options.root = path.resolve(args[++i]);
    else if (args[i] === '--listen') options.listen = args[++i];
    else positional.push(args[i]);
  }
  if (positional.length !== 2) {
    console.error('usage: node deploy/configure.mjs nginx|caddy DIST [--root DIR] [--listen ADDR]');
    process.exit(2);
  }
  try {
    process.stdout.write(configure(positional[0], positional[1], options));
  } catch (e) {
    console.error(`configure: ${e.message}`);
    process.exit(1);
  }
}
