import type { BrowserContext, Page } from 'playwright-core';
import { WORKED_EXAMPLE_AGENCIES } from '../../scripts/worked-example';
import { newProfile } from './support/browser';
import { activate, choose, tabTo } from './support/keyboard';
import { checkPage } from './support/page-checks';
import { must, type Newsroom, seedAgency, seedNewsroom } from './support/seed';
import { signedIn } from './support/sign-in';
import { type Stack, startStack } from './support/stack';

// A reporter brings in the desk's spreadsheet of earlier requests, with the
// keyboard alone: one column the app cannot guess ("Headline"), one agency it
// knows, one it adds, and one row whose filing date is not a date.

/** A day some weeks ago, as the spreadsheet writes it (the import refuses days in the future). */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const CSV = [
  'Metro desk FOIA log,,,,,',
  'Agency,State,Headline,Date filed,Status,Released',
  `City of Minneapolis,MN,Police overtime ledgers,${daysAgo(90)},Full grant,${daysAgo(60)}`,
  `Hennepin County Sheriff,Minnesota,Jail booking logs,${daysAgo(80)},Pending,`,
  'City of Minneapolis,MN,Snow emergency towing,sometime in March,Pending,',
].join('\r\n');

let stack: Stack;
let room: Newsroom;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  room = await seedNewsroom(stack, 'Metro Import Desk');
  await seedAgency(stack, room, WORKED_EXAMPLE_AGENCIES.minneapolis);
  context = await newProfile(stack.browser, stack.baseUrl);
  page = await signedIn(stack, context, room.people.reporter.email, { keyboard: true });
});
afterAll(async () => {
  await context?.close();
  await stack?.close();
});

/** The preview's row for a spreadsheet row number. */
const planRow = (n: number) =>
  page
    .getByRole('table', { name: /What each row (would create|created)/ })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: String(n), exact: true }) });

describe('importing a spreadsheet from the web app', () => {
  it('when a reporter uploads a CSV, maps the column it could not guess, previews and confirms, then the created requests open from the result', async () => {
    await activate(page, page.getByRole('link', { name: 'Import a spreadsheet' }));
    await page.waitForURL(/\/requests\/import$/);
    await checkPage(page, 'import', { heading: 'Import a spreadsheet' });

    // The file picker opens from the keyboard like any button.
    const chooser = page.waitForEvent('filechooser');
    await activate(page, page.getByRole('button', { name: /Spreadsheet \(CSV or XLSX\)/ }));
    await (await chooser).setFiles({ name: 'metro-log.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await activate(page, page.getByRole('button', { name: 'Read the file' }));

    // The guess is shown for every field; the one it missed is empty.
    const columns = page.getByRole('form', { name: 'Columns' });
    await columns.waitFor();
    await expect(page.getByText(/Headers found on row 2 of/).textContent()).resolves.toMatch(/Agency, State, Headline, Date filed/);
    await expect(
      columns
        .getByRole('combobox', { name: /^Agency/ })
        .first()
        .inputValue(),
    ).resolves.toBe('Agency');
    await expect(columns.getByRole('combobox', { name: /^Filed on/ }).inputValue()).resolves.toBe('Date filed');
    // Without a title the service refuses a preview, and says so beside the field.
    const title = columns.getByRole('combobox', { name: /^Title/ });
    await expect(title.inputValue()).resolves.toBe('');
    await expect(title.getAttribute('aria-invalid')).resolves.toBe('true');
    await columns.getByText('Map the title (or the records sought) to a column.').waitFor();
    await checkPage(page, 'import-columns', { heading: 'Import a spreadsheet' });

    await choose(page, title, 'Headline');
    await activate(page, page.getByRole('button', { name: 'Preview with these columns' }));

    // What each row will do, and the bad date beside its row and its column.
    await planRow(3).getByText('Will be created').waitFor();
    await expect(planRow(3).textContent()).resolves.toMatch(/City of Minneapolis.*already in the tracker.*Police overtime ledgers/);
    await expect(planRow(4).textContent()).resolves.toMatch(/Hennepin County Sheriff.*new agency, US-MN.*Jail booking logs/);
    await planRow(5).getByText('Skipped: needs fixing').waitFor();
    const filedCell = planRow(5).getByRole('cell').nth(3);
    await expect(filedCell.textContent()).resolves.toMatch(/Error — Date filed:/);
    await checkPage(page, 'import-preview', { heading: 'Import a spreadsheet' });

    const create = page.getByRole('button', { name: 'Create 2 requests' });
    await tabTo(page, create);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Imported' }).waitFor();
    await page.getByRole('status').filter({ hasText: '2 requests were created from metro-log.csv; 1 row was skipped.' }).waitFor();
    await checkPage(page, 'import-result', { heading: 'Import a spreadsheet' });

    // Both requests are in the tracker, filed on the spreadsheet's day, and open from the result.
    const list = (await must(stack, room.people.reporter.token, 'GET', '/v1/requests?limit=100', undefined, 200)).items as Array<{
      id: string;
      title: string;
      agency: { name: string };
    }>;
    expect(list.map((r) => r.title).sort()).toEqual(['Jail booking logs', 'Police overtime ledgers']);
    const created = page.getByRole('navigation', { name: 'Created requests' });
    await activate(page, created.getByRole('link', { name: 'Police overtime ledgers' }));
    await page.getByRole('heading', { level: 1, name: 'Police overtime ledgers' }).waitFor();
    const id = list.find((r) => r.title === 'Police overtime ledgers')!.id;
    expect(new URL(page.url()).pathname).toBe(`/requests/${id}`);
  });

  it('when the file is an old .xls workbook, then the API’s problem is shown beside the file field', async () => {
    await page.goto('/requests/import');
    await page.getByRole('heading', { level: 1, name: 'Import a spreadsheet' }).waitFor();
    const chooser = page.waitForEvent('filechooser');
    const field = page.getByRole('button', { name: /Spreadsheet \(CSV or XLSX\)/ });
    await activate(page, field);
    // The OLE signature an old Excel file starts with.
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    await (await chooser).setFiles({ name: 'old-log.xls', mimeType: 'application/vnd.ms-excel', buffer: xls });
    await activate(page, page.getByRole('button', { name: 'Read the file' }));
    const message = page.getByText('This is an old Excel (.xls) file; save it as .xlsx or CSV and upload that.');
    await message.waitFor();
    // Beside the field and tied to it, so a screen reader reads it with the field.
    const errorId = await message.getAttribute('id');
    expect(errorId).toBeTruthy();
    expect((await field.getAttribute('aria-describedby'))?.split(' ')).toContain(errorId);
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await checkPage(page, 'import-bad-file', { heading: 'Import a spreadsheet' });
  });
});
