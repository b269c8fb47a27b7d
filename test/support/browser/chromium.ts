import { existsSync } from 'node:fs';

/** Debian's Chromium, driven by playwright-core; never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Browser tests run where Chromium is installed; CI installs it, so there a missing browser is a failure. */
export function chromiumAvailable(suite: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${suite}: ${CHROMIUM} is missing, and CI must run the browser tests`);
  console.warn(`${suite}: ${CHROMIUM} is not installed (apt-get install chromium); these tests are skipped.`);
  return false;
}
