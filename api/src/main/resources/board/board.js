// The big-screen board: every game's top 10 from /api/v2/leaderboards/stream (server-sent events),
// a new entry highlighted, reconnecting by itself. Text only (textContent): nothing from the
// stream is ever parsed as HTML. Players appear by their public playerId only.
'use strict';
const STREAM = new URL('../api/v2/leaderboards/stream?top=10', document.baseURI);
const boardEl = document.getElementById('board');
const statusEl = document.getElementById('status');
const games = new Map(); // game id -> { section, list, seen: Set of entry keys }
let retryDelay = 1000;

function setStatus(state, text) {
  statusEl.className = 'status ' + state;
  statusEl.textContent = text;
}

function gameBoard(game) {
  let board = games.get(game.id);
  if (!board) {
    const section = document.createElement('section');
    section.dataset.game = game.name;
    section.dataset.order = game.id;
    const title = document.createElement('h2');
    title.textContent = game.name;
    const abbreviation = document.createElement('small');
    abbreviation.textContent = game.abbreviation;
    title.append(abbreviation);
    const list = document.createElement('ol');
    section.append(title, list);
    const after = [...boardEl.children].find((s) => Number(s.dataset.order) > game.id);
    boardEl.insertBefore(section, after || null);
    board = { section, list, seen: null };
    games.set(game.id, board);
  }
  return board;
}

function row(entry, isNew) {
  const item = document.createElement('li');
  item.dataset.rank = entry.rank;
  item.dataset.player = entry.playerId;
  item.dataset.score = entry.score;
  if (isNew) item.classList.add('new');
  for (const [name, text] of [['rank', entry.rank], ['player', entry.playerId],
      ['score', entry.score.toLocaleString()]]) {
    const cell = document.createElement('span');
    cell.className = name;
    cell.textContent = text;
    item.append(cell);
  }
  return item;
}

function render(top) {
  const board = gameBoard(top.game);
  const keys = top.entries.map((e) => `${e.playerId}:${e.score}:${e.duration}`);
  const items = top.entries.map((entry, i) =>
    row(entry, board.seen !== null && !board.seen.has(keys[i])));
  if (items.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'empty';
    empty.textContent = 'no score yet';
    items.push(empty);
  }
  board.list.replaceChildren(...items);
  board.seen = new Set(keys);
}

function connect() {
  const source = new EventSource(STREAM);
  source.addEventListener('open', () => {
    retryDelay = 1000;
    setStatus('live', 'live');
  });
  source.addEventListener('leaderboard', (event) => render(JSON.parse(event.data)));
  source.addEventListener('error', () => {
    setStatus('reconnecting', 'reconnecting…');
    if (source.readyState === EventSource.CLOSED) { // refused (e.g. 503): retry with backoff
      source.close();
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30000);
    } // else the browser reconnects by itself, with Last-Event-ID
  });
}

connect();
