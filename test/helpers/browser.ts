/** A real headless Chromium for end-to-end tests, driven through playwright-core. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const missingMessage = `Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get update && apt-get install -y chromium`;

/**
 * Why browser tests should be skipped here, or undefined to run them. Only a local run
 * may skip; in CI a missing browser must fail loudly rather than pass by skipping.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH) || process.env.CI) return undefined;
  return `${missingMessage} (skipped locally; CI fails instead)`;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(missingMessage);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    headless: true,
  });
}
