import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

// Debian's Chromium, never a browser downloaded by playwright, with a fresh temporary profile. The background-networking flags
// keep it from calling out on a machine with no network.
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
