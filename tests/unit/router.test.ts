import { describe, expect, it } from 'vitest';
import { senderKind } from '@/entrypoints/background/router';
import { messageSchemas } from '@/utils/protocol-schemas';

const ORIGIN = 'chrome-extension://abc/';
const ID = 'abc';

describe('senderKind', () => {
  it('recognises our own pages and our content scripts, nothing else', () => {
    expect(senderKind({ id: ID, url: `${ORIGIN}popup.html` }, ORIGIN, ID)).toBe('extension');
    expect(senderKind({ id: ID, url: 'https://mail.google.com/mail/u/0/', tab: { id: 1 } as never }, ORIGIN, ID)).toBe('content');
    expect(senderKind({ id: 'other', url: `${ORIGIN}popup.html` }, ORIGIN, ID)).toBeUndefined();
    expect(senderKind({ id: ID, url: 'http://insecure.example/', tab: { id: 1 } as never }, ORIGIN, ID)).toBeUndefined();
    expect(senderKind({ id: ID }, ORIGIN, ID)).toBeUndefined();
  });
});

describe('message schemas', () => {
  it('content scripts may save codes but never delete or edit them', () => {
    expect(messageSchemas.saveCodes.from).toContain('content');
    for (const m of ['deleteCodes', 'updateCode', 'setUsage', 'restoreDeleted'] as const) expect(messageSchemas[m].from).toEqual(['extension']);
  });
  it('rejects malformed capture payloads', () => {
    const ok = { captures: [{ code: '#x', source: { kind: 'gmail' } }] };
    expect(messageSchemas.saveCodes.data.safeParse(ok).success).toBe(true);
    expect(messageSchemas.saveCodes.data.safeParse({ captures: [] }).success).toBe(false);
    expect(messageSchemas.saveCodes.data.safeParse({ captures: [{ code: '#x', source: { kind: 'evil' } }] }).success).toBe(false);
    expect(messageSchemas.saveCodes.data.safeParse({ captures: [{ code: '#x', creatorHandle: '<img>', source: { kind: 'gmail' } }] }).success).toBe(false);
    expect(messageSchemas.saveCodes.data.safeParse({ captures: [{ code: '#x', postUrl: 'javascript:alert(1)', source: { kind: 'gmail' } }] }).success).toBe(false);
    expect(messageSchemas.updateCode.data.safeParse({ id: 1, patch: { code: '#other' } }).success).toBe(false);
  });
});
