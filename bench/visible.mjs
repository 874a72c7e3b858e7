// Publish -> visible (bench/visible.sh): COUNT new best Breakout scores PUBLISHed on the badge
// API's channel, one every INTERVAL ms, while a client polls GET /api/v2/games/BO/leaderboard
// ?pageSize=1 back to back on one keep-alive connection. A score's latency = the first answer
// received whose best score is at least it, minus its PUBLISH time. Prints one JSON line.
import http from 'node:http';
import net from 'node:net';
import { randomUUID } from 'node:crypto';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const COUNT = Number(args.count ?? 300);
const INTERVAL = Number(args.interval ?? 100);
const BASE = 20_000_000 + Math.floor(Math.random() * 1_000_000) * 100;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const published = [];
const latencies = [];
let seen = -1; let polls = 0; let done = false;
const now = () => performance.now();

function poll() {
  if (done) return;
  http.get({ host: '127.0.0.1', port: 8000, agent,
    path: '/api/v2/games/BO/leaderboard?pageSize=1' }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (c) => { body += c; });
    res.on('end', () => {
      polls++;
      const received = now();
      const best = (JSON.parse(body).items[0]?.score ?? 0) - BASE;
      for (let i = seen + 1; i <= best && i < published.length; i++) {
        latencies.push(received - published[i]);
      }
      if (best > seen) seen = best;
      poll();
    });
  }).on('error', () => setTimeout(poll, 10));
}

const redis = net.connect(63799, '127.0.0.1');
redis.on('data', () => {});
const resp = (parts) => `*${parts.length}\r\n` +
  parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('');
poll();
for (let i = 0; i < COUNT; i++) {
  const message = { user_uuid: randomUUID(), mac_address: '24:6F:28:00:00:02', event: 'high-score',
    high_scores: [['BO', BASE + i, 60]] };
  published[i] = now();
  redis.write(resp(['PUBLISH', 'high-score-processor', JSON.stringify(message)]));
  await new Promise((r) => setTimeout(r, INTERVAL));
}
const deadline = now() + 10000;
while (seen < COUNT - 1 && now() < deadline) await new Promise((r) => setTimeout(r, 50));
done = true;
redis.end();
latencies.sort((a, b) => a - b);
const pick = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
console.log(JSON.stringify({ scores: COUNT, seen: latencies.length, polls,
  p50_ms: pick(0.5), p99_ms: pick(0.99), max_ms: Math.round(latencies.at(-1)) }));
process.exit(0);
