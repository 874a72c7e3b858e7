// The browser of the page checks (clients/board-check): Debian's chromium, headless, driven by
// playwright-core from npm (NODE_PATH); no browser is ever downloaded.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

export const launch = () => chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'],
});
