// The hosts the site is deployed to, started on 127.0.0.1 for the tests:
// Debian's nginx and Caddy running the configurations deploy/configure.mjs
// writes, Cloudflare's own Pages runtime (`wrangler pages dev`, tools/hosts/)
// reading the build's _headers and _redirects, and the suite's own server
// (server.mjs). Each runs in a temporary folder of its own and is stopped by
// close().
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { configure } from '../../deploy/configure.mjs';
import { serve } from './server.mjs';
import { ROOT } from './support.mjs';

/** What every staged folder holds beside the site, which no URL may reach. */
export const SECRET = 'not part of the site';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const CADDY = process.env.CADDY ?? '/usr/bin/caddy';
const WRANGLER = path.join(ROOT, 'tools/hosts/node_modules/wrangler/bin/wrangler.js');
// The newest date the runtime of wrangler 4.86 accepts (a later one stops it).
const PAGES_COMPATIBILITY_DATE = '2026-04-01';

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The folder of the document root in a staged folder: `site/` for a site at
 * the root, `www/` (with the site in `www/insights/`) under a sub-path. */
export function stagedDocroot(prefix) {
  return prefix ? 'www' : 'site';
}

/** A temporary folder with the build where a server's document root expects
 * it, and files that must stay out of reach: `secret.txt` above the document
 * root, and `secret.txt` in a folder beside it whose name starts with the
 * document root's (`site2/`, `www2/`), which a server that keeps paths inside
 * the root by comparing prefixes alone lets through. (Under a sub-path, the
 * rest of the document root is the server's own, reachable by its own URLs.) */
function stage(dist, prefix) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'host-'));
  // Readable by all, as a document root is: nginx started as root serves as
  // `nobody`, and the files beside the site must be readable for the traversal
  // checks to mean anything.
  fs.chmodSync(tmp, 0o755);
  const docroot = path.join(tmp, stagedDocroot(prefix));
  const siteDir = prefix ? path.join(docroot, prefix.slice(1)) : docroot;
  fs.mkdirSync(path.dirname(siteDir), { recursive: true });
  fs.symlinkSync(path.resolve(ROOT, dist), siteDir);
  fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
  fs.mkdirSync(`${docroot}2`);
  fs.writeFileSync(path.join(`${docroot}2`, 'secret.txt'), SECRET);
  return { tmp, docroot, siteDir };
}

// The process groups still running, stopped if the test process exits first
// (a failed start, an interrupted run), so that no server outlives the tests.
const running = new Set();
process.on('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }
});

/** Starts `command` in its own process group; resolves once `url` answers. */
async function run(name, command, args, { cwd, env, url, log }) {
  const out = fs.openSync(log, 'a');
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  running.add(child.pid);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
    running.delete(child.pid);
  });
  const deadline = Date.now() + 60000;
  for (;;) {
    if (exited) throw new Error(`${name} exited (${exited.code ?? exited.signal}):\n${fs.readFileSync(log, 'utf8')}`);
    try {
      await fetch(url, { redirect: 'manual' });
      break;
    } catch {
      if (Date.now() > deadline) {
        process.kill(-child.pid, 'SIGKILL');
        throw new Error(`${name} did not answer at ${url}:\n${fs.readFileSync(log, 'utf8')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return async () => {
    if (exited) return;
    const done = new Promise((resolve) => child.on('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => !exited && process.kill(-child.pid, 'SIGKILL'), 5000);
    await done;
    clearTimeout(timer);
  };
}

const STARTERS = {
  /** The suite's own server, as every other e2e test uses it. */
  async 'test server'({ siteDir, prefix }) {
    const server = await serve(siteDir, { prefix });
    return { origin: server.url, stop: () => server.close() };
  },

  async nginx({ tmp, dist, docroot, prefix, edit }) {
    const port = await freePort();
    const site = path.join(tmp, 'site.conf');
    fs.writeFileSync(site, edit(configure('nginx', dist, { root: docroot, listen: `127.0.0.1:${port}` })));
    // Debian's main configuration, minus what needs root: the site's server
    // block inside `http { }`, as /etc/nginx/sites-enabled/ would have it.
    const main = path.join(tmp, 'nginx.conf');
    fs.writeFileSync(
      main,
      `daemon off;
worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log warn;
include /etc/nginx/modules-enabled/*.conf;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${tmp}/${t};`).join('\n')}
    include ${site};
}
`,
    );
    const stop = await run('nginx', NGINX, ['-c', main, '-e', `${tmp}/error.log`], {
      cwd: tmp,
      url: `http://127.0.0.1:${port}/`,
      log: `${tmp}/nginx.log`,
    });
    return { origin: `http://127.0.0.1:${port}`, stop, config: site };
  },

  async caddy({ tmp, dist, docroot, edit }) {
    const port = await freePort();
    const file = path.join(tmp, 'Caddyfile');
    fs.writeFileSync(file, edit(configure('caddy', dist, { root: docroot, listen: `http://127.0.0.1:${port}` })));
    const home = path.join(tmp, 'home');
    const stop = await run('caddy', CADDY, ['run', '--config', file, '--adapter', 'caddyfile'], {
      cwd: tmp,
      env: { HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home },
      url: `http://127.0.0.1:${port}/`,
      log: `${tmp}/caddy.log`,
    });
    return { origin: `http://127.0.0.1:${port}`, stop, config: file };
  },

  /** Cloudflare Pages serves a project at its domain's root: no sub-path. */
  async 'Cloudflare Pages'({ tmp, siteDir, prefix }) {
    if (prefix) throw new Error('Cloudflare Pages serves a site at the root of its domain');
    if (!fs.existsSync(WRANGLER)) throw new Error(`${WRANGLER} is missing: run scripts/setup --test`);
    const port = await freePort();
    const inspector = await freePort();
    // Offline, no account, no telemetry; its state and config in the temporary folder.
    const stop = await run(
      'wrangler pages dev',
      process.execPath,
      [
        WRANGLER,
        'pages',
        'dev',
        siteDir,
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--inspector-port',
        String(inspector),
        '--compatibility-date',
        PAGES_COMPATIBILITY_DATE,
        '--persist-to',
        path.join(tmp, 'state'),
        '--log-level',
        'warn',
        '--no-show-interactive-dev-session',
      ],
      {
        cwd: tmp,
        env: {
          XDG_CONFIG_HOME: path.join(tmp, 'config'),
          CLOUDFLARE_CF_FETCH_ENABLED: 'false',
          WRANGLER_SEND_METRICS: 'false',
          CI: '1',
        },
        url: `http://127.0.0.1:${port}/`,
        log: `${tmp}/wrangler.log`,
      },
    );
    return { origin: `http://127.0.0.1:${port}`, stop };
  },
};

/** The hosts, by name. */
export const HOSTS = Object.keys(STARTERS);

/** Starts `host` serving `dist` (a folder under the repository) under `prefix`
 * ('' or '/insights'). `edit` changes the generated configuration first (the
 * tests break a recipe on purpose with it). Resolves to
 * { name, origin, site, prefix, dist, close }. */
export async function startHost(host, dist, { prefix = '', edit = (text) => text } = {}) {
  const staged = stage(dist, prefix);
  let started;
  try {
    started = await STARTERS[host]({ ...staged, dist: path.resolve(ROOT, dist), prefix, edit });
  } catch (e) {
    fs.rmSync(staged.tmp, { recursive: true, force: true });
    throw e;
  }
  return {
    name: host,
    origin: started.origin,
    site: `${started.origin}${prefix}/`,
    prefix,
    dist: path.resolve(ROOT, dist),
    config: started.config,
    async close() {
      await started.stop();
      fs.rmSync(staged.tmp, { recursive: true, force: true });
    },
  };
}
