// Blind evaluation of extractAdCodes on tests/fixtures/mail-eval/cases.json (issue 16, "done when").
// The mail set was written without reading the extractor or its tests, so it measures it fairly.
// EVAL_REPORT_ONLY=1 prints the tables without asserting; EVAL_REPORT_ONLY=0 asserts EVAL_TARGETS.
// Until the extractor meets the targets, report-only is the default so the suite stays green: flip
// REPORT_ONLY_BY_DEFAULT to false to enforce them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractAdCodes } from '../../utils/extract';
import {
  EVAL_TARGETS, addTally, emptyTally, formatTable, ratios, scoreCase, type CaseResult, type EvalCase, type Tally,
} from './extract-eval-score';

const REPORT_ONLY_BY_DEFAULT = false;
const reportOnly = (process.env.EVAL_REPORT_ONLY ?? (REPORT_ONLY_BY_DEFAULT ? '1' : '0')) === '1';

const cases: EvalCase[] = JSON.parse(readFileSync(join(__dirname, '../fixtures/mail-eval/cases.json'), 'utf8'));
const LANGS = ['en', 'es', 'pt', 'de', 'fr', 'it', 'nl', 'ja'];
const CODE = /^#[A-Za-z0-9+/]{32,120}={0,2}$/;

describe('blind mail set (tests/fixtures/mail-eval)', () => {
  it('has at least 200 cases, 15 or more in every language, more in English', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const per = (lang: string) => cases.filter((c) => c.lang === lang).length;
    for (const lang of LANGS) expect(per(lang), lang).toBeGreaterThanOrEqual(15);
    for (const lang of LANGS.slice(1)) expect(per('en')).toBeGreaterThan(per(lang));
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('labels only well-formed codes that appear in the text, with TikTok periods', () => {
    for (const c of cases) {
      for (const e of c.expected) {
        expect(e.code, c.id).toMatch(CODE);
        expect(c.text.includes(e.code.slice(1)), c.id).toBe(true);
        if (e.periodDays !== undefined) expect([7, 30, 60, 365], c.id).toContain(e.periodDays);
      }
    }
  });
});

describe('eval scorer', () => {
  const sample: EvalCase = {
    id: 't', lang: 'en', kind: ['x'], text: '',
    expected: [{ code: '#a', periodDays: 60 }, { code: '#b' }, { code: '#c', periodDays: 7 }],
  };

  it('gives a perfect score to a perfect answer', () => {
    const r = ratios(scoreCase(sample, sample.expected).tally);
    expect(r).toEqual({ codePrecision: 1, codeRecall: 1, periodAccuracy: 1, inventedPeriods: 0 });
  });

  it('counts a missed code, an extra code, a missed period and invented periods', () => {
    const result = scoreCase(sample, [{ code: '#a' }, { code: '#b', periodDays: 30 }, { code: '#z' }, { code: '#a', periodDays: 60 }]);
    expect(result.missed).toEqual(['#c']);
    expect(result.extra).toEqual(['#z']);
    expect(result.tally).toMatchObject({ expectedCodes: 3, returnedCodes: 3, matchedCodes: 2, statedPeriods: 2, rightPeriods: 0 });
    expect(result.tally.inventedPeriods).toBe(1);
    const wrong = scoreCase(sample, [{ code: '#a', periodDays: 30 }, { code: '#b' }, { code: '#c', periodDays: 7 }]);
    expect(ratios(wrong.tally)).toMatchObject({ periodAccuracy: 0.5, inventedPeriods: 1 });
  });
});

describe('extractAdCodes on the blind mail set (issue 16 targets)', () => {
  it(`meets ${JSON.stringify(EVAL_TARGETS)}${reportOnly ? ' (EVAL_REPORT_ONLY: printing, not asserting)' : ''}`, () => {
    const total = emptyTally();
    const byLang = new Map<string, Tally>();
    const byKind = new Map<string, Tally>();
    const failures: string[] = [];
    const into = (map: Map<string, Tally>, key: string, t: Tally) => map.set(key, addTally(map.get(key) ?? emptyTally(), t));
    for (const c of cases) {
      const result: CaseResult = scoreCase(c, extractAdCodes(c.text));
      addTally(total, result.tally);
      into(byLang, c.lang, result.tally);
      for (const kind of c.kind) into(byKind, kind, result.tally);
      const notes = [
        ...result.missed.map((code) => `missed ${code.slice(0, 12)}…`),
        ...result.extra.map((code) => `extra ${code.slice(0, 12)}…`),
        ...result.periodMisses.map((m) => `period ${m.code.slice(0, 12)}… want ${m.expected ?? '-'} got ${m.found ?? '-'}`),
      ];
      if (notes.length) failures.push(`${c.id} [${c.kind.join(',')}]: ${notes.join('; ')}`);
    }
    const r = ratios(total);
    console.log([
      formatTable('by language', byLang, total),
      formatTable('by class', byKind, total),
      `== cases with a difference (${failures.length})`,
      ...failures,
      `== totals ${JSON.stringify(r)} targets ${JSON.stringify(EVAL_TARGETS)}`,
    ].join('\n'));
    if (reportOnly) return;
    expect(r.codePrecision).toBeGreaterThanOrEqual(EVAL_TARGETS.codePrecision);
    expect(r.codeRecall).toBeGreaterThanOrEqual(EVAL_TARGETS.codeRecall);
    expect(r.periodAccuracy).toBeGreaterThanOrEqual(EVAL_TARGETS.periodAccuracy);
    expect(r.inventedPeriods).toBeLessThanOrEqual(EVAL_TARGETS.inventedPeriods);
  });
});
