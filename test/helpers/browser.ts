/** A real headless Chromium for end-to-end tests, driven through playwright-core, and axe-core to check what it shows. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

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

let axeSource: Promise<string> | undefined;

/**
 * axe-core's serious and critical violations inside the element `selector` (shadow DOM
 * included), one line each. axe is evaluated through the DevTools protocol, so a host page's
 * CSP does not stop it.
 */
export async function seriousA11yViolations(page: Page, selector: string): Promise<string[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
  return page.evaluate(async (sel) => {
    type Result = { violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Element, opts: object): Promise<Result> } }).axe;
    const root = document.querySelector(sel);
    if (!root) throw new Error(`nothing matches ${sel}`);
    // Colours are judged as they settle, not halfway through a fade-in.
    const running = [...document.getAnimations(), ...(root.shadowRoot?.getAnimations() ?? [])];
    await Promise.all(running.filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime)).map((a) => a.finished.catch(() => undefined)));
    const result = await axe.run(root, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, selector);
}
