import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Without Chromium the browser suites are skipped with a visible line — except in CI
 * (`CONSENTRY_CI=1`, set by .ci/run after installing it), where its absence is a failure.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CONSENTRY_CI === '1')
    throw new Error(`Chromium is required in CI but ${CHROMIUM_PATH} is missing`);
  process.stderr.write(
    `Skipping browser tests: ${CHROMIUM_PATH} is not installed (apt-get install chromium).\n`,
  );
  return false;
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}
