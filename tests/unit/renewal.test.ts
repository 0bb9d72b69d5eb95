import { describe, expect, it } from 'vitest';
import { renewalComposeUrl, renewalDraft } from '@/utils/renewal';
import { NOW, record } from './dashboard-fixtures';

describe('renewal request', () => {
  const r = record({ expiresAt: Date.UTC(2026, 11, 1, 9), source: { kind: 'gmail', senderName: 'Ana Ruiz', senderEmail: 'ana+collab@example.com', subject: 'RE: Your Spark code', url: 'https://mail.google.com/mail/u/2/#inbox/abc' } });

  it('drafts a reply asking to re-authorize for the chosen period', () => {
    const d = renewalDraft(r, 60, 'en', 'UTC', NOW);
    expect(d.to).toBe('ana+collab@example.com');
    expect(d.subject).toBe('Re: Your Spark code');
    expect(d.body).toMatch(/^Hi Ana Ruiz,/);
    expect(d.body).toContain('expires on December 1, 2026');
    expect(d.body).toContain('re-authorize the video for 60 days');
  });

  it('speaks the user’s language and says “expired” once it has', () => {
    const before = renewalDraft(r, 30, 'es', 'Europe/Madrid', r.expiresAt - 1);
    const after = renewalDraft(r, 30, 'es', 'Europe/Madrid', r.expiresAt);
    expect(before.body).toMatch(/^Hola, Ana Ruiz:/);
    expect(before.body).toContain(') caduca el 1 de diciembre de 2026.');
    expect(after.body).toContain('caducó el 1 de diciembre de 2026.');
    expect(after.body).not.toContain('caduca el');
    expect(after.body).toContain('¡Muchas gracias!');
    expect(after.body).not.toContain('Thank you');
    expect(renewalDraft(r, 30, 'en', 'UTC', Date.UTC(2027, 0, 1)).body).toContain('expired on December 1, 2026.');
  });

  it('opens Gmail compose in the same account, with every field encoded', () => {
    const url = new URL(renewalComposeUrl(r, { to: 'ana+collab@example.com', subject: 'Re: a&b', body: 'line 1\nline #2' })!);
    expect(url.origin + url.pathname).toBe('https://mail.google.com/mail/u/2/');
    expect(url.searchParams.get('view')).toBe('cm');
    expect(url.searchParams.get('to')).toBe('ana+collab@example.com');
    expect(url.searchParams.get('su')).toBe('Re: a&b');
    expect(url.searchParams.get('body')).toBe('line 1\nline #2');
  });

  it('uses mailto: for other sources and nothing when no address was captured', () => {
    const outlook = { ...r, source: { kind: 'outlook' as const, senderEmail: 'a@b.co' } };
    expect(renewalComposeUrl(outlook, { to: 'a@b.co', subject: 'Hi there', body: 'x y' })).toBe('mailto:a%40b.co?subject=Hi%20there&body=x%20y');
    expect(renewalComposeUrl(outlook, { subject: 's', body: 'b' })).toBeUndefined();
  });
});
