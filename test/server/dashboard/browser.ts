// Shared by the dashboard's browser tests: Debian's Chromium through playwright-core (failing, with the fix, when it
// is missing), a table's rows as text, and axe-core's serious or critical findings on a page.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const WIDTHS = [1280, 375] as const;

/** test-artifacts/<folder>/, made if need be (gitignored). */
export function artifacts(folder: string): string {
  const dir = new URL(`../../../test-artifacts/${folder}/`, import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Fails each test, saying how to install Chromium, rather than skipping when it is missing. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The dashboard's browser tests need Debian's Chromium at ${CHROMIUM}. Install it as root: apt-get update && apt-get install -y chromium`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A table's body rows as [row header's datetime or text, ...cells]. */
export const rows = (page: Page, id: string) =>
  page.$$eval(`table#${id} tbody tr`, (trs) =>
    trs.map((tr) => {
      const head = tr.querySelector('th')!;
      return [
        head.querySelector('time')?.getAttribute('datetime') ?? head.textContent!.trim(),
        ...[...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
      ];
    }),
  );

/** Runs axe-core in the page (its context must bypass the CSP) and expects no serious or critical violation. */
export async function expectAccessible(page: Page, reportFile: string): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => ({
    violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })),
    passes: r.passes.length,
  }))`)) as { violations: { id: string; impact: string; nodes: number }[]; passes: number };
  writeFileSync(reportFile, JSON.stringify(result, null, 2));
  expect(result.passes).toBeGreaterThan(10);
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}
