import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { createContextMenu, retitleContextMenu, saveSelection } from '@/entrypoints/background/context-menu';
import { saveSettings } from '@/utils/settings';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';

const CODE = '#aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1tU3v+/w=';
const tab = { id: 4, url: 'https://app.slack.com/client/T1/C2', title: 'Slack | creators' } as { id: number; url: string; title: string };
let db: CodesDb;
let notify: ReturnType<typeof vi.fn>;

beforeEach(async () => {
  db = openCodesDb(`menu-${Math.random()}`);
  notify = vi.fn().mockResolvedValue('id');
  (browser as unknown as { notifications: unknown }).notifications = { create: notify };
  (browser as unknown as { scripting: unknown }).scripting = { executeScript: vi.fn().mockRejectedValue(new Error('no access')) };
});

describe('Save as ad code (context menu)', () => {
  it('saves the code in the selection with the page as its source and says so', async () => {
    const changed = vi.fn();
    await saveSelection(db, { menuItemId: 'x', editable: false, pageUrl: tab.url, selectionText: `here you go ${CODE} (30 days)` } as never, tab as never, changed);
    const [row] = await db.codes.toArray();
    expect(row).toMatchObject({ code: CODE, periodDays: 30, source: { kind: 'selection', url: tab.url, subject: 'Slack | creators' } });
    expect(changed).toHaveBeenCalled();
    expect(notify.mock.calls[0][1].message).toBe('1 code saved.');
  });

  it('prefers the real selection (with line breaks) when the page allows reading it', async () => {
    const [a, b] = [CODE.slice(0, 30), CODE.slice(30)];
    // The menu's flattened text holds another code, so only reading the page's selection can give CODE.
    const OTHER = `#${'Zz9'.repeat(21)}Q=`;
    const executeScript = vi.fn().mockResolvedValue([{ result: `Ad code:\n${a}\n${b}` }]);
    (browser as unknown as { scripting: unknown }).scripting = { executeScript };
    await saveSelection(db, { menuItemId: 'x', editable: false, frameId: 2, selectionText: `Ad code: ${OTHER}` } as never, tab as never, vi.fn());
    expect((await db.codes.toArray()).map((r) => r.code)).toEqual([CODE]);
    expect(executeScript.mock.calls[0][0].target).toEqual({ tabId: tab.id, frameIds: [2] });
  });

  it('falls back to the menu’s text when the page’s selection reads empty', async () => {
    (browser as unknown as { scripting: unknown }).scripting = { executeScript: vi.fn().mockResolvedValue([{ result: '  ' }]) };
    await saveSelection(db, { menuItemId: 'x', editable: false, selectionText: `Ad code: ${CODE}` } as never, tab as never, vi.fn());
    expect((await db.codes.toArray()).map((r) => r.code)).toEqual([CODE]);
  });

  it('explains when the selection holds no code, and saves nothing', async () => {
    await saveSelection(db, { menuItemId: 'x', editable: false, selectionText: 'love the #fyp vibes #ff00aa' } as never, tab as never, vi.fn());
    expect(await db.codes.count()).toBe(0);
    expect(notify.mock.calls[0][1].message).toMatch(/^No ad code in the selection/);
  });

  it('says when the code was already saved', async () => {
    await saveSelection(db, { menuItemId: 'x', editable: false, selectionText: CODE } as never, tab as never, vi.fn());
    await saveSelection(db, { menuItemId: 'x', editable: false, selectionText: CODE } as never, tab as never, vi.fn());
    expect(await db.codes.count()).toBe(1);
    expect(notify.mock.calls[1][1].message).toBe('1 already saved.');
  });

  it('speaks the language chosen in Settings: the menu item, and the notification after saving', async () => {
    const create = vi.fn();
    const update = vi.fn().mockResolvedValue(undefined);
    (browser as unknown as { contextMenus: unknown }).contextMenus = { removeAll: vi.fn().mockResolvedValue(undefined), create, update };
    await saveSettings({ language: 'de' });
    await createContextMenu();
    expect(create.mock.calls[0][0]).toMatchObject({ title: 'Als Anzeigencode speichern', contexts: ['selection'] });
    await saveSelection(db, { menuItemId: 'x', editable: false, selectionText: CODE } as never, tab as never, vi.fn());
    expect(notify.mock.calls[0][1].message).toBe('1 Code gespeichert.');
    await saveSettings({ language: 'fr' });
    await retitleContextMenu();
    expect(update).toHaveBeenCalledWith('save-selection-as-ad-code', { title: 'Enregistrer comme code publicitaire' });
    await saveSettings({ language: 'en' });
  });
});
