import { beforeEach, describe, expect, it } from 'vitest';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { saveCaptures } from '@/utils/vault/commands';
import { DAY_MS } from '@/utils/expiry';
import { loadPopupView } from '@/utils/vault/queries';

const NOW = Date.UTC(2026, 10, 25, 12);
const code = (i: number) => `#Qx${String(i).padStart(4, '0')}aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1t+/`;
let db: CodesDb;

beforeEach(async () => {
  db = openCodesDb(`popup-view-${Math.random()}`);
  // 120 codes: i days left from -40 to 79; every 10th has a note.
  await saveCaptures(
    db,
    Array.from({ length: 120 }, (_, i) => ({
      code: code(i),
      periodDays: 30,
      sentAt: NOW + (i - 40) * DAY_MS - 30 * DAY_MS + 1000,
      creatorHandle: `@creator${i}`,
      notes: i % 10 === 0 ? 'holiday campaign' : '',
      source: { kind: 'paste' as const },
    })),
    NOW,
  );
});

describe('loadPopupView', () => {
  it('pages both lists from the index: soonest usable first, latest expired first, with totals', async () => {
    const v = await loadPopupView(db, NOW, 3, '', { usable: 5, expired: 3 });
    expect(v.usable.map((r) => r.creatorHandle)).toEqual(['@creator40', '@creator41', '@creator42', '@creator43', '@creator44']);
    expect(v.expired.map((r) => r.creatorHandle)).toEqual(['@creator39', '@creator38', '@creator37']);
    expect([v.usableTotal, v.expiredTotal, v.total]).toEqual([80, 40, 120]);
    expect(v.expiring).toBe(3); // codes 40, 41 and 42 end within 3 days
  });

  it('searches the whole vault, not just the page shown', async () => {
    const v = await loadPopupView(db, NOW, 3, '  HOLIDAY ', { usable: 2, expired: 50 });
    expect(v.usable.map((r) => r.creatorHandle)).toEqual(['@creator40', '@creator50']);
    expect(v.usableTotal).toBe(8);
    expect(v.expired.map((r) => r.creatorHandle)).toEqual(['@creator30', '@creator20', '@creator10', '@creator0']);
    expect(v.total).toBe(120);
  });

  it('leaves archived codes out', async () => {
    const first = (await db.codes.where('code').equals(code(40)).first())!;
    await db.codes.update(first.id!, { archived: 1 });
    const v = await loadPopupView(db, NOW, 3, '', { usable: 1, expired: 1 });
    expect(v.usable[0].creatorHandle).toBe('@creator41');
    expect(v.total).toBe(119);
  });
});
