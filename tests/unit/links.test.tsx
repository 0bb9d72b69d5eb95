// Imports and edits follow the capture rules: one sender address, only TikTok video links are links.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { isSingleEmail, tiktokVideoUrl, videoLinkLabel } from '@/utils/links';
import { renewalComposeUrl, renewalDraft } from '@/utils/renewal';
import { previewImportFile } from '@/utils/import-preview';
import { makeBackup } from '@/utils/backup';
import { messageSchemas } from '@/utils/protocol-schemas';
import { makeCode, NOW, record } from './dashboard-fixtures';

const EVIL = 'https://www.tiktok.com.evil.example/@ana/video/7300000000000000001';
const GOOD = 'https://www.tiktok.com/@ana/video/7300000000000000001';
const opts = { zone: 'UTC', now: NOW, defaultPeriodDays: 30, fmtDate: (t: number) => new Date(t).toISOString() };

describe('the shared rules', () => {
  it.each([
    [GOOD, true],
    ['https://vm.tiktok.com/ZMabc123/', true],
    ['https://www.tiktok.com/t/ZTabc123/', true],
    [EVIL, false],
    ['http://www.tiktok.com/@ana/video/7300000000000000001', false],
    ['https://evil.example/?u=www.tiktok.com/@ana/video/7300000000000000001', false],
    ['https://user@www.tiktok.com/@ana/video/7300000000000000001', false],
    ['https://www.tiktok.com/@ana', false],
    ['javascript:alert(1)', false],
  ])('%s is a TikTok video link: %s', (url, ok) => expect(!!tiktokVideoUrl(url)).toBe(ok));

  it.each([
    ['jose@example.com', true],
    ['a.b+c@mail.example.co', true],
    ['a@x.com,b@evil.example', false],
    ['a@x.com;b@evil.example', false],
    ['a@x.com, evil', false],
    ['"Jose" <jose@example.com>', false],
    ['a@x.com\nbcc:b@evil.example', false],
  ])('%s is one address: %s', (email, ok) => expect(isSingleEmail(email)).toBe(ok));

  it('never shortens a look-alike host into something that reads as TikTok', () => {
    expect(videoLinkLabel(GOOD)).toBe('tiktok.com/@ana/video/7300000000000000001');
    expect(videoLinkLabel(EVIL)).toBe(EVIL);
  });
});

describe('renewal draft', () => {
  it('a comma list never becomes extra recipients', () => {
    const r = record({ source: { kind: 'gmail', senderEmail: 'jose@example.com,boss@evil.example', url: 'https://mail.google.com/mail/u/0/#inbox/1' } });
    const draft = renewalDraft(r, 30, 'en', 'UTC', NOW);
    expect(draft.to).toBeUndefined();
    expect(renewalComposeUrl(r, draft)).toBeUndefined();
  });
});

describe('imports', () => {
  it('a sheet row with a list of sender addresses is refused; a look-alike video link is kept as text', () => {
    const csv = [
      'code,creator,sender_email,post_url',
      `${makeCode(2)},@ana,"a@x.com,b@evil.example",`,
      `${makeCode(3)},@ben,ben@example.com,${EVIL}`,
    ].join('\n');
    const p = previewImportFile('codes.csv', csv, new Map(), opts);
    if (!p.ok) throw new Error(p.error);
    expect(p.rows[0]).toMatchObject({ outcome: 'reject', detail: expect.stringMatching(/one email address/) });
    expect(p.rows[1].outcome).toBe('add');
    expect(p.rows[1].record?.postUrl).toBeUndefined();
    expect(p.rows[1].record?.notes).toContain(EVIL);
  });

  it('a backup record keeps a look-alike link and a list of addresses as text only', () => {
    const r = record({ code: makeCode(4), postUrl: EVIL, source: { kind: 'gmail', senderEmail: 'a@x.com,b@evil.example' } });
    const p = previewImportFile('backup.json', makeBackup([r], 1, NOW), new Map(), opts);
    if (!p.ok) throw new Error(p.error);
    const out = p.rows[0].record!;
    expect(out.postUrl).toBeUndefined();
    expect(out.source.senderEmail).toBeUndefined();
    expect(out.notes).toContain(EVIL);
    expect(out.notes).toContain('a@x.com,b@evil.example');
  });
});

describe('edits and captures', () => {
  it('refuse a video link that is not TikTok’s; never keep a list of addresses', () => {
    expect(messageSchemas.updateCode.data.safeParse({ id: 1, patch: { postUrl: EVIL } }).success).toBe(false);
    expect(messageSchemas.updateCode.data.safeParse({ id: 1, patch: { postUrl: GOOD } }).success).toBe(true);
    const capture = (over: object) => ({ captures: [{ code: makeCode(5), source: { kind: 'gmail' }, ...over }] });
    expect(messageSchemas.saveCodes.data.safeParse(capture({ postUrl: EVIL })).success).toBe(false);
    // A capture is still saved, but a list of addresses is dropped rather than kept as the sender.
    const listed = messageSchemas.saveCodes.data.safeParse(capture({ source: { kind: 'gmail', senderEmail: 'a@x.com,b@evil.example' } }));
    expect(listed.success && (listed.data as { captures: { source: { senderEmail?: string } }[] }).captures[0].source.senderEmail).toBeUndefined();
  });
});

describe('display', () => {
  it('the popup row shows a look-alike link in full, as text, never as a link', async () => {
    const { CodeRow } = await import('@/components/CodeRow');
    const r = record({ id: 7, code: makeCode(7), postUrl: EVIL });
    const actions = { onToggleUsed: () => undefined, onDelete: () => undefined, onUpdate: () => undefined };
    render(
      <ul>
        <CodeRow record={r} now={NOW} windowDays={3} actions={actions} tiktok={false} />
      </ul>,
    );
    fireEvent.click(screen.getByRole('button', { expanded: false }));
    expect(await screen.findByText(EVIL)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /tiktok\.com\.evil/ })).toBeNull();
  });
});
