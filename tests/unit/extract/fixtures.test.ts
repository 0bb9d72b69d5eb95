import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractAdCodes, type ExtractedCode } from '../../../utils/extract';
import { C, type CodeName } from './helpers';

// ---------------------------------------------------------------------------------------------------------
// Fixture mails: `{{a}}` → code a, `{{a|bare}}` → without `#`, `{{a|wrap:N:prefix}}` → hard line break after
// N body chars (next line starts with prefix), `{{a|qp:N}}` → raw quoted-printable (soft break, "=3D").

function fill(template: string): string {
  return template.replace(/\{\{(\w)(?:\|([^}]*))?\}\}/g, (_, name: CodeName, spec?: string) => {
    const code = C[name];
    if (!spec) return code;
    const [kind, n, prefix = ''] = spec.split(':');
    const cut = 1 + Number(n);
    if (kind === 'bare') return code.slice(1);
    if (kind === 'wrap') return `${code.slice(0, cut)}\n${prefix}${code.slice(cut)}`;
    if (kind === 'qp') return `${code.slice(0, cut)}=\n${code.slice(cut).replace(/=/g, '=3D')}`;
    throw new Error(`unknown placeholder ${spec}`);
  });
}

const FIXTURE_DIR = join(__dirname, '../../fixtures/mail');
const fixture = (file: string) => fill(readFileSync(join(FIXTURE_DIR, file), 'utf8'));

type Expected = Omit<ExtractedCode, 'code'> & { code: CodeName };
const FIXTURES: Record<string, Expected[]> = {
  'en-gmail-thread.txt': [
    {
      code: 'a',
      periodDays: 60,
      creatorHandle: '@jane.doe',
      postUrl: 'https://www.tiktok.com/@Jane.Doe/video/7301234567890123456',
    },
  ],
  'en-three-videos.txt': [
    { code: 'a', periodDays: 30, creatorHandle: '@milacooks', postUrl: 'https://www.tiktok.com/@milacooks/video/7311111111111111111' },
    { code: 'b', periodDays: 60, creatorHandle: '@milacooks', postUrl: 'https://www.tiktok.com/@milacooks/video/7322222222222222222' },
    { code: 'c', periodDays: 365, creatorHandle: '@milacooks', postUrl: 'https://vm.tiktok.com/ZMh3kPq7R/' },
  ],
  'en-quoted-printable-raw.txt': [{ code: 'd', periodDays: 7 }],
  'en-plain-wrapped-reply.txt': [{ code: 'b', periodDays: 30, creatorHandle: '@jane.unboxes' }],
  'es-creadora.txt': [
    {
      code: 'a',
      periodDays: 60,
      creatorHandle: '@lucia.viajes',
      postUrl: 'https://www.tiktok.com/@lucia.viajes/video/7333333333333333333',
    },
  ],
  'pt-criadora.txt': [
    {
      code: 'c',
      periodDays: 30,
      creatorHandle: '@ana_receitas',
      postUrl: 'https://www.tiktok.com/@ana_receitas/video/7344444444444444444',
    },
  ],
  'de-creatorin.txt': [{ code: 'b', periodDays: 365, creatorHandle: '@max.mustermann' }],
  'fr-createur.txt': [{ code: 'c', periodDays: 7, creatorHandle: '@chloe.cuisine' }],
  'it-creatrice.txt': [
    {
      code: 'e',
      periodDays: 30,
      creatorHandle: '@giulia.style',
      postUrl: 'https://www.tiktok.com/@giulia.style/video/7355555555555555555',
    },
  ],
  'ja-creator.txt': [
    {
      code: 'a',
      periodDays: 30,
      creatorHandle: '@yuki_cooking',
      postUrl: 'https://www.tiktok.com/@yuki_cooking/video/7366666666666666666',
    },
  ],
  'dm-instagram.txt': [{ code: 'g', periodDays: 30, creatorHandle: '@danny.dances' }],
  'negatives-newsletter.txt': [],
};

describe('fixture mails', () => {
  it('has an expectation for every fixture file', () => {
    expect(readdirSync(FIXTURE_DIR).sort()).toEqual(Object.keys(FIXTURES).sort());
  });

  it.each(Object.entries(FIXTURES))('%s', (file, expected) => {
    const want = expected.map((e) => ({ ...e, code: C[e.code] }));
    expect(extractAdCodes(fixture(file))).toEqual(want);
  });
});
