// Scoring for the blind mail evaluation (issue 16): code precision/recall, stated-period accuracy, invented periods.
// Kept apart from the test so the scorer itself is tested on small hand-made inputs.

/** The "done when" targets. The eval test asserts these unless EVAL_REPORT_ONLY=1. */
export const EVAL_TARGETS = { codePrecision: 0.99, codeRecall: 0.99, periodAccuracy: 0.97, inventedPeriods: 0 } as const;

export interface ExpectedCode {
  code: string;
  periodDays?: number;
}

export interface EvalCase {
  id: string;
  lang: string;
  kind: string[];
  text: string;
  expected: ExpectedCode[];
}

export interface FoundCode {
  code: string;
  periodDays?: number;
}

export interface Tally {
  cases: number;
  expectedCodes: number;
  returnedCodes: number;
  matchedCodes: number;
  statedPeriods: number;
  rightPeriods: number;
  /** On a code that was expected and found: a period where none is stated, or a different one. */
  inventedPeriods: number;
}

export interface CaseResult {
  tally: Tally;
  missed: string[];
  extra: string[];
  periodMisses: { code: string; expected?: number; found?: number }[];
}

export const emptyTally = (): Tally => ({
  cases: 0, expectedCodes: 0, returnedCodes: 0, matchedCodes: 0, statedPeriods: 0, rightPeriods: 0, inventedPeriods: 0,
});

export function scoreCase(testCase: EvalCase, found: readonly FoundCode[]): CaseResult {
  // The same code returned twice counts once (its first period wins): precision is about distinct codes.
  const returned = new Map<string, FoundCode>();
  for (const f of found) if (!returned.has(f.code)) returned.set(f.code, f);
  const tally = emptyTally();
  tally.cases = 1;
  tally.expectedCodes = testCase.expected.length;
  tally.returnedCodes = returned.size;
  const missed: string[] = [];
  const periodMisses: CaseResult['periodMisses'] = [];
  for (const want of testCase.expected) {
    if (want.periodDays !== undefined) tally.statedPeriods += 1;
    const got = returned.get(want.code);
    if (!got) {
      missed.push(want.code);
      continue;
    }
    tally.matchedCodes += 1;
    if (want.periodDays !== undefined && got.periodDays === want.periodDays) tally.rightPeriods += 1;
    if (got.periodDays !== undefined && got.periodDays !== want.periodDays) tally.inventedPeriods += 1;
    if (got.periodDays !== want.periodDays) periodMisses.push({ code: want.code, expected: want.periodDays, found: got.periodDays });
  }
  const wanted = new Set(testCase.expected.map((e) => e.code));
  const extra = [...returned.keys()].filter((code) => !wanted.has(code));
  return { tally, missed, extra, periodMisses };
}

export function addTally(into: Tally, more: Tally): Tally {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += more[key];
  return into;
}

export function ratios(t: Tally) {
  return {
    codePrecision: t.returnedCodes === 0 ? 1 : t.matchedCodes / t.returnedCodes,
    codeRecall: t.expectedCodes === 0 ? 1 : t.matchedCodes / t.expectedCodes,
    periodAccuracy: t.statedPeriods === 0 ? 1 : t.rightPeriods / t.statedPeriods,
    inventedPeriods: t.inventedPeriods,
  };
}

/** Rows keyed by language or class, plus a total row; fixed-width so it reads in a terminal log. */
export function formatTable(title: string, rows: Map<string, Tally>, total: Tally): string {
  const head = ['', 'cases', 'codes', 'found', 'extra', 'P', 'R', 'periods', 'right', 'acc', 'invented'];
  const line = (name: string, t: Tally) => {
    const r = ratios(t);
    return [name, t.cases, t.expectedCodes, t.matchedCodes, t.returnedCodes - t.matchedCodes, r.codePrecision.toFixed(3),
      r.codeRecall.toFixed(3), t.statedPeriods, t.rightPeriods, r.periodAccuracy.toFixed(3), t.inventedPeriods].map(String);
  };
  const body = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, t]) => line(name, t));
  const all = [head, ...body, line('TOTAL', total)];
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const fmt = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [`== ${title}`, ...all.map(fmt)].join('\n');
}
