import { describe, expect, it } from 'vitest';
import { renewalComposeUrl, renewalDraft, renewalRoute } from '@/utils/renewal';
import { NOW, record } from './dashboard-fixtures';
// Every language, as the dashboard loads the chosen one before it drafts.
import '@/utils/i18n';

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

  it('names the video, the creator and the whole code, so a creator with many videos knows which one', () => {
    const withVideo = { ...r, creatorHandle: '@ana.ruiz', postUrl: 'https://www.tiktok.com/@ana.ruiz/video/7439182736451029384' };
    const body = renewalDraft(withVideo, 30, 'en', 'UTC', NOW).body;
    expect(body).toContain('Video: https://www.tiktok.com/@ana.ruiz/video/7439182736451029384');
    expect(body).toContain('TikTok account: @ana.ruiz');
    expect(body).toContain(`Ad code: ${r.code}`);
    // A link that is not a TikTok video is never put in a message to the creator.
    expect(renewalDraft({ ...withVideo, postUrl: 'https://evil.example/video/1' }, 30, 'en', 'UTC', NOW).body).not.toContain('Video:');
    expect(renewalDraft(withVideo, 30, 'de', 'UTC', NOW).body).toContain('TikTok-Konto: @ana.ruiz');
  });

  it('replies in the original Gmail thread when the link back is one; else compose, mail app, TikTok profile or copy', () => {
    const draft = renewalDraft(r, 30, 'en', 'UTC', NOW);
    const thread = { ...r, source: { ...r.source, url: 'https://mail.google.com/mail/u/2/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx' } };
    expect(renewalRoute(thread, draft)).toEqual({ kind: 'gmail-thread', url: 'https://mail.google.com/mail/u/2/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx' });
    const label = { ...r, source: { ...r.source, url: 'https://mail.google.com/mail/u/0/#label/Creators/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx' } };
    expect(renewalRoute(label, draft).kind).toBe('gmail-thread');
    // The inbox itself, or a look-alike host, is not a thread.
    expect(renewalRoute({ ...r, source: { ...r.source, url: 'https://mail.google.com/mail/u/0/#inbox' } }, draft).kind).toBe('gmail-compose');
    expect(renewalRoute({ ...r, source: { ...r.source, url: 'https://mail.google.com.evil.example/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx' } }, draft).kind).toBe(
      'gmail-compose',
    );
    const outlook = { ...r, source: { kind: 'outlook' as const, senderEmail: 'a@b.co' } };
    expect(renewalRoute(outlook, { to: 'a@b.co', subject: 's', body: 'b' }).kind).toBe('mailto');
    const dm = { ...r, creatorHandle: '@ana.ruiz', source: { kind: 'instagram' as const } };
    expect(renewalRoute(dm, { subject: 's', body: 'b' })).toEqual({ kind: 'tiktok-profile', url: 'https://www.tiktok.com/@ana.ruiz' });
    expect(renewalRoute({ ...dm, creatorHandle: undefined }, { subject: 's', body: 'b' })).toEqual({ kind: 'copy-only' });
  });
});
