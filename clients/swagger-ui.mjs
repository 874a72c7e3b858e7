// Swagger UI in a real browser (Debian's chromium through playwright-core, see clients/board-check):
// /api/swagger must show every operation of the api's OpenAPI document, without a script error.
import { launch } from './chromium.mjs';

const [api, screenshot] = process.argv.slice(2);
const fail = (why) => { console.error('Swagger UI check FAILED: ' + why); process.exit(1); };

const spec = await (await fetch(`${api}/api/openapi.json`)).json();
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const operations = Object.values(spec.paths)
  .reduce((n, item) => n + methods.filter((m) => item[m]).length, 0);

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${api}/api/swagger`);
  await page.waitForSelector('.opblock', { timeout: 15000 });
  await page.waitForFunction((n) => document.querySelectorAll('.opblock').length >= n,
    operations, { timeout: 10000 }).catch(() => {});
  const shown = await page.$$eval('.opblock', (blocks) => blocks.length);
  const title = await page.textContent('.info .title');
  await page.screenshot({ path: screenshot, fullPage: false });
  if (problems.length) fail('errors on the page: ' + problems.join(' | '));
  if (shown !== operations) fail(`${shown} operations shown, the document has ${operations}`);
  if (!title || !title.includes('catscores api')) fail(`title "${title}"`);
  console.log(`Swagger UI: ${shown} of ${operations} operations shown, no page errors`);
} finally {
  await browser.close();
}
