// Drives Debian's chromium (headless) through playwright-core: see clients/board-check.
import { launch } from './chromium.mjs';
import net from 'node:net';
import { randomUUID } from 'node:crypto';

const [api, screenshot] = process.argv.slice(2);
const fail = (why) => { console.error('board check FAILED: ' + why); process.exit(1); };

/** PUBLISH on the badge API's channel over raw RESP, as the producer does. */
function publish(message) {
  return new Promise((resolve, reject) => {
    const parts = ['PUBLISH', 'high-score-processor', JSON.stringify(message)];
    const resp = `*${parts.length}\r\n` +
      parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('');
    const socket = net.connect(63799, '127.0.0.1', () => socket.write(resp));
    socket.on('data', () => { socket.end(); resolve(); });
    socket.on('error', reject);
  });
}

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${api}/board/`);
  await page.waitForSelector('#status.live', { timeout: 10000 });
  for (const game of ['Breakout', 'Labyrinth', 'Asteroids', 'Tappytime']) {
    await page.waitForSelector(`section[data-game="${game}"] li`, { timeout: 10000 });
  }
  const best = await page.$eval('section[data-game="Breakout"] li[data-rank="1"]',
    (li) => Number(li.dataset.score)).catch(() => 0);
  const score = best + 1000 + Math.floor(Math.random() * 1000);
  const uuid = randomUUID();
  const mac = '24:6F:28:BE:EF:' + Math.floor(Math.random() * 256).toString(16).padStart(2, '0');

  const published = Date.now();
  await publish({ user_uuid: uuid, mac_address: mac, event: 'high-score',
    high_scores: [{ g: 'Breakout', s: score, d: 99 }] });
  const first = 'section[data-game="Breakout"] li[data-rank="1"]';
  await page.waitForFunction(
    ([selector, expected]) => document.querySelector(selector)?.dataset.score === String(expected),
    [first, score], { timeout: 3000 }).catch(() => fail(`score ${score} not first within 3 s`));
  const seenAfter = Date.now() - published;
  const shown = await page.$eval(first, (li) => ({
    player: li.dataset.player, highlighted: li.classList.contains('new'),
  }));
  await page.screenshot({ path: screenshot, fullPage: true });

  const own = await (await fetch(`${api}/api/v2/players/${uuid}`)).json();
  if (shown.player !== own.playerId) fail(`shows ${shown.player}, the player is ${own.playerId}`);
  if (!shown.highlighted) fail('the new entry is not highlighted');
  const text = (await page.content()).toLowerCase();
  if (text.includes(uuid) || text.includes(mac.toLowerCase())) fail('the page shows a credential');
  if (problems.length) fail('browser errors: ' + problems.join('; '));
  console.log(`board check passed: score ${score} first on Breakout as ${shown.player},` +
    ` highlighted, ${seenAfter} ms after PUBLISH; screenshot ${screenshot}`);
} finally {
  await browser.close();
}
