/**
 * Deterministic texts for measuring the extractor: realistic mail (the fixture mails with codes
 * filled in, newsletters, long quoted threads) and the inputs that break naive parsers.
 * Shared by scripts/bench.mjs and tests/budgets/budgets.test.ts, so both measure the same thing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { adCode, ALPHABET, random } from './random-codes';

export { adCode, random };

/** The fixture mails (tests/fixtures/mail), with their `{{a}}`-style placeholders filled with fresh codes. */
const templates = new Map<string, string[]>();
function mailTemplates(root: string): string[] {
  const dir = join(root, 'tests/fixtures/mail');
  if (!templates.has(dir)) {
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    templates.set(dir, files.map((f) => readFileSync(join(dir, f), 'utf8')));
  }
  return templates.get(dir)!;
}

export function fixtureMails(root: string, rand: () => number): string[] {
  return mailTemplates(root).map((text) => {
    const codes = new Map<string, string>();
    return text.replace(/\{\{(\w+)(?:\|[^}]*)?\}\}/g, (_, name: string) => {
      if (!codes.has(name)) codes.set(name, adCode(rand));
      return codes.get(name)!;
    });
  });
}

const WORDS = (
  'the a to and of we you your our for on in with this that is are be will can video campaign launch ' +
  'creator brand budget thanks please hi hello regards best team meeting schedule invoice payment ' +
  'content post review draft approve summer holiday product shipping tracking order update week ' +
  'tomorrow Monday Friday TikTok Instagram performance report numbers reach views likes comments'
).split(' ');

function sentence(rand: () => number): string {
  const n = 6 + Math.floor(rand() * 14);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return words.join(' ') + (rand() < 0.15 ? '?' : '.');
}

/** A plain business mail, sometimes with a quoted earlier message, a link and a signature. */
function proseMail(rand: () => number): string {
  const paragraphs = Array.from({ length: 2 + Math.floor(rand() * 4) }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 4) }, () => sentence(rand)).join(' '),
  );
  let mail = `Hi ${rand() < 0.5 ? 'Jordan' : 'team'},\n\n${paragraphs.join('\n\n')}\n\n`;
  if (rand() < 0.3) mail += `Details: https://www.example.com/campaigns/${Math.floor(rand() * 1e9)}?utm_source=mail\n\n`;
  mail += 'Best,\nSam Rivera\nPartnerships · Glow Bottle\n';
  if (rand() < 0.4) mail += `\nOn Fri, Nov 20, 2026 at 10:14 AM Maya Lopez <maya@example.com> wrote:\n> ${sentence(rand)}\n> ${sentence(rand)}\n`;
  return mail;
}

/**
 * About `bytes` of mail as a brand's inbox has it: mostly ordinary mail, every twentieth one from
 * a creator with codes (the fixture mails), separated like messages in a thread.
 */
export function realisticMailText(root: string, bytes: number, seed = 7): string[] {
  const rand = random(seed);
  const mails: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const fixtures = fixtureMails(root, rand);
    const mail = i % 20 === 0 ? fixtures[Math.floor(rand() * fixtures.length)] : proseMail(rand);
    mails.push(mail);
    size += mail.length;
  }
  return mails;
}

/** Inputs that make backtracking regexes or nested scans blow up, each `bytes` long. */
export function worstCaseInputs(bytes: number, seed = 11): Record<string, string> {
  const rand = random(seed);
  const b64 = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(rand() * 64)];
    return s;
  };
  // MIME base64 part: 76-char lines of random base64.
  let mime = '';
  while (mime.length < bytes) mime += b64(76) + '\n';
  // One unbroken base64 run, a wall of '#', and '#' + almost-long-enough bodies.
  let nearMiss = '';
  while (nearMiss.length < bytes) nearMiss += '#' + b64(39) + (rand() < 0.5 ? ' ' : '\n');
  let hashes = '';
  while (hashes.length < bytes) hashes += rand() < 0.7 ? '#' : rand() < 0.5 ? ' ' : '#a';
  // Prose with no line break at all (a mail client that never wraps).
  let longLine = '';
  while (longLine.length < bytes) longLine += sentence(rand) + ' ';
  // Codes everywhere: a spreadsheet column pasted into a mail.
  let codeColumn = '';
  while (codeColumn.length < bytes) codeColumn += adCode(rand) + (rand() < 0.5 ? ' (30 days) @creator.x\n' : '\n');
  return {
    'base64 lines': mime.slice(0, bytes),
    'base64 one run': b64(bytes),
    "'#' walls": hashes.slice(0, bytes),
    "'#' + 39 chars": nearMiss.slice(0, bytes),
    'one long line': longLine.slice(0, bytes),
    'codes only': codeColumn.slice(0, bytes),
  };
}

/** What a quick single-pass scanner would do: one regex, no context, no checks. */
export const RAW_CODE_RE = /#?[A-Za-z0-9+/]{40,120}={0,2}/g;
export function rawScan(text: string): number {
  let n = 0;
  RAW_CODE_RE.lastIndex = 0;
  while (RAW_CODE_RE.exec(text)) n++;
  return n;
}
