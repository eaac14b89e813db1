// The three browser engines readers use, behind one small page interface, so that
// the reader flows (engines.test.mjs) are one test code for all of them:
//
// * Chromium (Debian's `chromium`) and Firefox (Debian's `firefox-esr`) through
//   puppeteer-core: CDP for Chromium, WebDriver BiDi for Firefox;
// * WebKit (Debian's WebKitGTK: `WebKitWebDriver` driving its `MiniBrowser`)
//   through selenium-webdriver over classic WebDriver, as WebKitGTK's driver
//   speaks no BiDi. MiniBrowser needs a display: run it under `xvfb-run`.
//
// The interface is what a reader does and what a test reads: open a URL, click
// an element (a real pointer click at its centre), type keys, go back and
// forward, reload, and run a function in the page. Everything a test checks is
// read in the page, the same way in every engine.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { CHROMIUM_ARGS } from './support.mjs';

/** The engine under test: `E2E_ENGINE`, Chromium by default. */
export const ENGINE = process.env.E2E_ENGINE ?? 'chromium';

/** The window every page opens in. */
const VIEWPORT = { width: 1280, height: 900 };

/** Launches `engine` ('chromium', 'firefox' or 'webkit'); resolves to
 * `{ name, scriptsFirst, newPage(), close() }`, where `scriptsFirst` says whether
 * its pages can run a script before the page's own (`page.beforeScripts`). */
export async function launch(engine = ENGINE) {
  switch (engine) {
    case 'chromium':
      return puppeteerBrowser('chromium', {
        browser: 'chrome',
        executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
      });
    case 'firefox':
      return puppeteerBrowser('firefox', {
        browser: 'firefox',
        executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
      });
    case 'webkit':
      return webkitBrowser();
    default:
      throw new Error(`E2E_ENGINE=${engine}: not one of chromium, firefox, webkit`);
  }
}

/** Runs `fn` (a function) in the page: its source and JSON arguments, as the
 * drivers take them. */
const call = (fn, args) => `return (${fn}).apply(null, ${JSON.stringify(args)});`;

/** Polls `evaluate(fn, ...args)` until it returns something truthy, which it
 * resolves to; rejects after `timeout` ms with `what` and the last value. */
async function poll(evaluate, fn, args, { timeout = 10000, what = String(fn) } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await evaluate(fn, ...args);
      if (last) return last;
    } catch (error) {
      // A navigation destroyed the context the function ran in: ask again.
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${last})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Chromium or Firefox through puppeteer-core; each page in a fresh browser
 * context (its own storage, cache and service workers). */
async function puppeteerBrowser(name, options) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ headless: true, defaultViewport: VIEWPORT, ...options });
  return {
    name,
    scriptsFirst: true,
    async newPage() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      const evaluate = (fn, ...args) => page.evaluate(fn, ...args);
      return {
        /** Uncaught errors and console errors, where the engine tells them. */
        errors,
        async goto(url) {
          await page.goto(url, { waitUntil: 'load' });
        },
        evaluate,
        waitFor: (fn, args = [], options) => poll(evaluate, fn, args, options),
        async click(selector) {
          await page.click(selector);
        },
        async type(text) {
          await page.keyboard.type(text);
        },
        async press(key) {
          await page.keyboard.press(key);
        },
        async back() {
          await page.goBack({ waitUntil: 'load' });
        },
        async forward() {
          await page.goForward({ waitUntil: 'load' });
        },
        async reload() {
          await page.reload({ waitUntil: 'load' });
        },
        async beforeScripts(fn) {
          await page.evaluateOnNewDocument(fn);
        },
        async close() {
          await context.close();
        },
      };
    },
    close: () => browser.close(),
  };
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something listens on `port`. */
async function listening(port, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    const up = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    if (Date.now() > end) throw new Error(`WebKitWebDriver did not listen on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** WebKit: WebKitGTK's driver on a port of its own, and a new MiniBrowser (a new
 * WebDriver session, with its own storage) for each page. */
async function webkitBrowser() {
  const { Builder, By, Key } = await import('selenium-webdriver');
  if (!process.env.DISPLAY) throw new Error('WebKit (MiniBrowser) needs a display: run under xvfb-run');
  const port = await freePort();
  const driverProcess = spawn(process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver', [`--port=${port}`], {
    stdio: 'ignore',
  });
  await listening(port);
  const KEYS = { Enter: Key.ENTER, Escape: Key.ESCAPE, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, Tab: Key.TAB };
  return {
    name: 'webkit',
    scriptsFirst: false,
    async newPage() {
      const driver = await new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: process.env.MINIBROWSER ?? MINIBROWSER, args: ['--automation'] },
        })
        .build();
      await driver.manage().window().setRect(VIEWPORT);
      const evaluate = (fn, ...args) => driver.executeScript(call(fn, args));
      return {
        // WebDriver classic reads no console: uncaught errors show as a flow
        // that does not complete, and CSP violations in the server's reports.
        errors: [],
        goto: (url) => driver.get(url),
        evaluate,
        waitFor: (fn, args = [], options) => poll(evaluate, fn, args, options),
        async click(selector) {
          await driver.findElement(By.css(selector)).click();
        },
        async type(text) {
          await driver.actions().sendKeys(text).perform();
        },
        async press(key) {
          await driver.actions().sendKeys(KEYS[key] ?? key).perform();
        },
        back: () => driver.navigate().back(),
        forward: () => driver.navigate().forward(),
        reload: () => driver.navigate().refresh(),
        close: () => driver.quit(),
      };
    },
    async close() {
      driverProcess.kill();
    },
  };
}
