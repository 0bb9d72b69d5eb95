import type { AdCodeRecord } from '@/utils/code-record';

/** A random-looking but deterministic ad code (same generator as tests/e2e/harness.mjs). */
export function makeCode(seed = 1): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let x = (seed * 2654435761) >>> 0;
  let body = '';
  for (let i = 0; i < 64; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    body += alphabet[(x >>> 16) % 64];
  }
  return `#${body.slice(0, 8)}Q7x${body.slice(11)}`;
}

export const NOW = Date.UTC(2026, 10, 20, 12);

export function record(over: Partial<AdCodeRecord> = {}): AdCodeRecord {
  return {
    code: makeCode(1),
    creatorHandle: '@jose.cocina',
    periodDays: 30,
    periodAssumed: false,
    receivedAt: Date.UTC(2026, 10, 1, 9),
    expiresAt: Date.UTC(2026, 11, 1, 9),
    status: 'used',
    uses: [{ at: Date.UTC(2026, 10, 2), advertiserId: '123' }],
    archived: 0,
    notes: '',
    tags: ['Navidad', 'Q4'],
    source: { kind: 'gmail', senderName: 'José Müller', senderEmail: 'jose@example.com', subject: 'Código', url: 'https://mail.google.com/mail/u/0/#inbox/1' },
    alertsSent: [],
    createdAt: NOW - 1000,
    updatedAt: NOW - 1000,
    ...over,
  };
}
