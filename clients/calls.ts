// A consumer of the generated TypeScript client (typescript-fetch, from the live OpenAPI
// document): calls every v2 endpoint, and v1's, against the running system and checks what comes
// back. Compiled with tsc --strict by clients/openapi-check; a renamed field or a wrong type in the
// document fails the compile or a check here.
import {
  CatalogueApi,
  Configuration,
  HealthApi,
  ResponseError,
  ScoresApi,
  StatusApi,
  V1Api,
} from './client';

// The two bits of Node.js used here (no @types/node needed).
declare const process: { argv: string[]; exit(code: number): never };

const config = new Configuration({ basePath: process.argv[2] ?? 'http://localhost:8000' });
const catalogue = new CatalogueApi(config);
const scores = new ScoresApi(config);
let checks = 0;
let failures = 0;

function check(what: string, ok: boolean): void {
  checks++;
  if (!ok) {
    failures++;
    console.error('FAILED: ' + what);
  }
}

async function status(call: () => Promise<unknown>): Promise<number> {
  try {
    await call();
    return 200;
  } catch (e) {
    if (e instanceof ResponseError) {
      return e.response.status;
    }
    throw e;
  }
}

async function catalogueEndpoints(): Promise<void> {
  const page = await catalogue.breeds({ origin: 'Egypt', sort: '-name', page: 1, pageSize: 5 });
  check('breeds: a page of Egyptian breeds', page.total > 0 && page.items.every((b) => b.origin === 'Egypt'));
  const all = await catalogue.breeds({ temperament: ['active'], pageSize: 200 });
  check('breeds: temperament filter', all.items.some((b) => b.id === 'abys'));
  const abys = await catalogue.breed({ id: 'abys' });
  check('breed: detail with images', abys.name === 'Abyssinian' && abys.images.length > 0);
  check('breed: 404 for an unknown id', (await status(() => catalogue.breed({ id: 'nope' }))) === 404);
  const origins = await catalogue.origins();
  check('origins with counts', origins.some((o) => o.origin === 'Egypt' && o.breeds > 0));
  const temperaments = await catalogue.temperaments();
  check('temperaments with counts', temperaments.some((t) => t.temperament === 'Curious'));
  const categories = await catalogue.categories();
  check('categories', categories.some((c) => c.name === 'hats'));
  const hats = await catalogue.categoryImages({ category: 'hats', pageSize: 10 });
  check('category images', hats.total > 0 && hats.items.every((i) => i.url.startsWith('http')));
  const images = await catalogue.images({ breed: 'abys' });
  check('images of a breed', images.total > 0);
}

async function scoreEndpoints(): Promise<void> {
  const games = await scores.games();
  check('four games', games.length === 4);
  for (const game of games) {
    for (const sortBy of ['best', 'worst', 'recent', 'stale'] as const) {
      const board = await scores.leaderboard({ game: game.abbreviation, sortBy, pageSize: 10 });
      check(`leaderboard ${game.abbreviation} ${sortBy}`, board.page === 1 && board.items.every((e) => e.rank >= 1));
    }
  }
  const breakout = await scores.leaderboard({ game: 'Breakout' });
  check('Breakout has scores from the samples', breakout.total > 0);
  const player = await scores.player({ player: 'b2d7e5c1-77aa-4f0e-8c2b-91f3a6d0e4c8' });
  check('a player page shows the public id, never the uuid', /^[a-z2-7]{12}$/.test(player.playerId));
  const byId = await scores.player({ player: player.playerId });
  check('the same page by public id', byId.total === player.total);
  check('leaderboards show public ids', breakout.items.every((e) => /^[a-z2-7]{12}$/.test(e.playerId)));
  check('player scores', player.items.length > 0 && player.gamesPlayed.length > 0);
  check('unknown game is 404', (await status(() => scores.leaderboard({ game: 'Pong' }))) === 404);
}

async function otherEndpoints(): Promise<void> {
  const status = await new StatusApi(config).status();
  check('status: the catalogue source synced', status.catalogue.some((s) => s.source === 'thecatapi' && s.lastOutcome === 'succeeded'));
  check('status: the queue as the drain saw it', status.scores.queue !== null && status.scores.newestScoreAt !== null);
  const ready = await new HealthApi(config).ready();
  check('ready', ready['status'] === 'UP');
  const v1 = new V1Api(config);
  const breeds = await v1.v1Breeds({ temperament: 'Active' });
  check('v1: a plain array', Array.isArray(breeds) && breeds.some((b) => b.id === 'abys'));
  const detail = await v1.v1Breed({ id: 'abys' });
  check('v1: temperament is one string', detail.temperament.split(', ').includes('Active'));
}

async function main(): Promise<void> {
  await catalogueEndpoints();
  await scoreEndpoints();
  await otherEndpoints();
  console.log(`generated client: ${checks - failures} passed, ${failures} failed`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
