// Live-stream load (bench/stream.sh): CLIENTS server-sent-event streams on one api (half on the
// Breakout stream, half on the all-games stream), while RATE badge messages per second are
// PUBLISHed on the badge API's channel, each with a new best Breakout score and three lower ones.
// Delivery latency of a message = first receipt, on a client, of an event whose top Breakout score
// is at least the message's (the state then reflects it) minus its PUBLISH time; over every
// client and message. Prints one JSON line.
//   node bench/stream_load.mjs --clients 2000 --rate 500 --seconds 60
import http from 'node:http';
import net from 'node:net';
import { randomUUID } from 'node:crypto';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const CLIENTS = Number(args.clients ?? 2000);
const RATE = Number(args.rate ?? 500);
const SECONDS = Number(args.seconds ?? 60);
const API = new URL(args.api ?? 'http://127.0.0.1:8000');
const BASE = Number(args.base ?? 10_000_000);

const published = []; // index i: PUBLISH time (ms, monotonic) of the message with score BASE + i
const clients = [];    // per client: highest Breakout top score seen so far
const histogram = new Uint32Array(60_001); // delivery latency, whole ms
let deliveries = 0; let maxMs = 0;
let events = 0; let connected = 0; let failures = 0;
const now = () => performance.now();

function watch(path, index) {
  // Each client from its own loopback address, as screens and bots would be: the api's per-client
  // limit (API_LIMIT_MISSES_PER_SECOND) stays on.
  const localAddress = `127.0.${1 + Math.floor(index / 250)}.${1 + (index % 250)}`;
  const req = http.get({ host: API.hostname, port: API.port, path, agent: false, localAddress,
    headers: { accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) { failures++; res.resume(); return; }
    connected++;
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
        const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('');
        if (!data) continue; // heartbeat
        events++;
        const top = JSON.parse(data);
        if (top.game.abbreviation !== 'BO' || top.entries.length === 0) continue;
        const best = top.entries[0].score - BASE;
        const received = now();
        for (let i = clients[index] + 1; i <= best && i < published.length; i++) {
          const ms = received - published[i];
          histogram[Math.min(60_000, Math.round(ms))]++;
          deliveries++;
          if (ms > maxMs) maxMs = ms;
        }
        if (best > clients[index]) clients[index] = best;
      }
    });
    res.on('error', () => failures++);
  });
  req.on('error', () => failures++);
}

function resp(parts) {
  return `*${parts.length}\r\n` + parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('');
}

async function main() {
  for (let i = 0; i < CLIENTS; i++) {
    clients.push(-1);
    watch(i % 2 ? '/api/v2/leaderboards/stream?top=10' : '/api/v2/games/BO/leaderboard/stream?top=10', i);
    if (i % 100 === 99) await new Promise((r) => setTimeout(r, 50));
  }
  const deadline = now() + 15000;
  while (connected + failures < CLIENTS && now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 2000)); // every client has its first state
  const redis = net.connect(63799, '127.0.0.1');
  redis.on('data', () => {});
  const start = now(); let sent = 0;
  const total = RATE * SECONDS;
  await new Promise((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor((now() - start) / 1000 * RATE));
      let chunk = '';
      for (; sent < due; sent++) {
        const message = { user_uuid: randomUUID(), mac_address: '24:6F:28:00:00:01', event: 'high-score',
          high_scores: [['BO', BASE + sent, 60], ['LA', sent % 1000, 60], ['RO', sent % 997, 60], ['TT', sent % 991, 60]] };
        published[sent] = now();
        chunk += resp(['PUBLISH', 'high-score-processor', JSON.stringify(message)]);
      }
      if (chunk) redis.write(chunk);
      if (sent >= total) { clearInterval(tick); resolve(); }
    }, 5);
  });
  const loadSeconds = (now() - start) / 1000;
  await new Promise((r) => setTimeout(r, 5000)); // the last messages arrive
  redis.end();
  const expected = connected * total;
  const pick = (q) => {
    let seen = 0;
    for (let ms = 0; ms < histogram.length; ms++) {
      seen += histogram[ms];
      if (seen > q * deliveries) return ms;
    }
    return null;
  };
  console.log(JSON.stringify({ clients: CLIENTS, connected, failures, rate: RATE, messages: total,
    achieved_rate: Math.round(total / loadSeconds), events, deliveries, expected,
    p50_ms: pick(0.5), p99_ms: pick(0.99), max_ms: Math.round(maxMs) }));
  process.exit(0);
}
main();
