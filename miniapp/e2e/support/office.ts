import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Locator, Page } from 'playwright-core';

// The first prefecture-office account, created by the server at start-up (BOOTSTRAP_ADMIN_*).
export const OFFICE_ADMIN = { username: 'office-admin', password: 'office-admin-password-2026' };

export const officeServerEnv = (): Record<string, string> => ({
  BOOTSTRAP_ADMIN_USERNAME: OFFICE_ADMIN.username,
  BOOTSTRAP_ADMIN_PASSWORD: OFFICE_ADMIN.password,
});

// The seed notice (Hotan, 2023) moved to `year`: the same wording with the notice's own years
// (2021–2023) advanced, the cited older documents left as they are.
export function hotanNoticeFor(year: number): string {
  const seed = readFileSync(
    resolve(__dirname, '../../../server/src/database/seed/hotan-2023-notice.md'),
    'utf8',
  );
  return seed.replace(/202[1-3]/g, (found) => String(Number(found) + year - 2023));
}

// The text box behind a field id, whether Taro renders the id on the input or on a wrapper.
export const officeInput = (page: Page, id: string): Locator =>
  page.locator(`input#${id}, textarea#${id}, #${id} input, #${id} textarea`).first();

export async function signInOffice(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/#/packages/office/pages/sign-in/index`);
  await officeInput(page, 'office-username').fill(OFFICE_ADMIN.username);
  await officeInput(page, 'office-password').fill(OFFICE_ADMIN.password);
  await page.locator('#office-sign-in-submit').click();
  await page.locator('#office-console').waitFor({ timeout: 20_000 });
}
