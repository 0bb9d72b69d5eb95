import { act, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { FillError, fillField, mergeCodeLines } from '@/utils/fill';

const CODE_A = '#AAAAaaaa1111BBBBbbbb2222CCCCcccc3333DDDDdddd4444EEEEeeee5555FFFF';
const CODE_B = '#ZZZZzzzz9999YYYYyyyy8888XXXXxxxx7777WWWWwwww6666VVVVvvvv5555UU+/';

/** An Ads-Manager-like controlled input: the state, not the DOM, is what the page acts on. */
function Controlled({ multiline = false }: { multiline?: boolean }) {
  const [value, setValue] = useState('');
  return (
    <>
      {multiline ? (
        <textarea aria-label="codes" value={value} onChange={(e) => setValue(e.target.value)} />
      ) : (
        <input aria-label="code" value={value} onChange={(e) => setValue(e.target.value)} />
      )}
      <output data-testid="state">{value}</output>
    </>
  );
}

describe('fillField', () => {
  it("reaches a React controlled input's state, where a plain assignment does not", () => {
    render(<Controlled />);
    const input = screen.getByLabelText<HTMLInputElement>('code');
    act(() => {
      input.value = CODE_B;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(screen.getByTestId('state')).toHaveTextContent(/^$/);

    act(() => void fillField(input, [CODE_A], { mode: 'replace' }));
    expect(screen.getByTestId('state')).toHaveTextContent(CODE_A);
    expect(input).toHaveValue(CODE_A);
    expect(document.activeElement).toBe(input);
    expect(input.selectionStart).toBe(CODE_A.length);
  });

  it('replaces what was in a single-code field', () => {
    render(<Controlled />);
    const input = screen.getByLabelText<HTMLInputElement>('code');
    act(() => void fillField(input, [CODE_B], { mode: 'replace' }));
    act(() => void fillField(input, [CODE_A], { mode: 'replace' }));
    expect(screen.getByTestId('state')).toHaveTextContent(CODE_A);
  });

  it('adds codes as new lines in a textarea, keeping what the user typed', () => {
    render(<Controlled multiline />);
    const area = screen.getByLabelText<HTMLTextAreaElement>('codes');
    act(() => {
      fillField(area, ['#typedByTheUser'], { mode: 'replace' });
    });
    let result!: ReturnType<typeof fillField>;
    act(() => void (result = fillField(area, [CODE_A, CODE_B], { mode: 'append-lines' })));
    expect(area.value).toBe(`#typedByTheUser\n${CODE_A}\n${CODE_B}`);
    expect(screen.getByTestId('state').textContent).toBe(area.value);
    expect(result.added).toEqual([CODE_A, CODE_B]);
  });

  it('fires the events of a paste, all bubbling: beforeinput, input, change', () => {
    document.body.innerHTML = '<form><input></form>';
    const input = document.querySelector('input')!;
    const seen: string[] = [];
    for (const type of ['beforeinput', 'input', 'change']) {
      document.querySelector('form')!.addEventListener(type, (e) => seen.push(`${type}:${(e as InputEvent).inputType ?? ''}`));
    }
    fillField(input, [CODE_A], { mode: 'replace' });
    expect(seen).toEqual(['beforeinput:insertFromPaste', 'input:insertFromPaste', 'change:']);
  });

  it('fills nothing, anywhere, when the field has gone', () => {
    document.body.innerHTML = '<input id="gone"><input id="other">';
    const gone = document.getElementById('gone') as HTMLInputElement;
    const other = document.getElementById('other') as HTMLInputElement;
    other.focus();
    gone.remove();
    expect(() => fillField(gone, [CODE_A], { mode: 'replace' })).toThrow(FillError);
    expect(gone.value).toBe('');
    expect(other.value).toBe('');
    expect(document.activeElement).toBe(other);
  });

  it('fills nothing when the field no longer passes the caller’s check (moved out of its dialog)', () => {
    document.body.innerHTML = '<input>';
    const input = document.querySelector('input')!;
    const error = (() => {
      try {
        fillField(input, [CODE_A], { mode: 'replace', stillValid: () => false });
      } catch (e) {
        return e as FillError;
      }
    })();
    expect(error?.reason).toBe('field-gone');
    expect(error?.message).toMatch(/Nothing was filled/);
    expect(input.value).toBe('');
  });

  it('respects a page that cancels the input, and says so', () => {
    document.body.innerHTML = '<input>';
    const input = document.querySelector('input')!;
    input.addEventListener('beforeinput', (e) => e.preventDefault());
    expect(() => fillField(input, [CODE_A], { mode: 'replace' })).toThrow(/blocked typing/);
    expect(input.value).toBe('');
  });

  it('reports a controlled input that throws the value away', () => {
    function Stubborn() {
      const [v] = useState('');
      return <input aria-label="stubborn" value={v} onChange={() => undefined} />;
    }
    render(<Stubborn />);
    const input = screen.getByLabelText<HTMLInputElement>('stubborn');
    let error: unknown;
    act(() => {
      try {
        fillField(input, [CODE_A], { mode: 'replace' });
      } catch (e) {
        error = e;
      }
    });
    // React puts its own value back as soon as the input event is handled: the fill must not claim success.
    expect((error as FillError).reason).toBe('not-accepted');
    expect(input.value).toBe('');
  });
});

describe('mergeCodeLines', () => {
  it('appends after the last line, adding a line break only where needed', () => {
    expect(mergeCodeLines('', [CODE_A])).toEqual({ value: CODE_A, added: [CODE_A] });
    expect(mergeCodeLines('#x', [CODE_A]).value).toBe(`#x\n${CODE_A}`);
    expect(mergeCodeLines('#x\n', [CODE_A]).value).toBe(`#x\n${CODE_A}`);
    expect(mergeCodeLines(`  ${CODE_A}  `, [CODE_A, CODE_A])).toEqual({ value: `  ${CODE_A}  `, added: [] });
  });

  it('never changes what was there and never repeats a code (property)', () => {
    const line = fc.stringMatching(/^[#A-Za-z0-9+/ ]{0,20}$/);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.array(fc.stringMatching(/^#[A-Za-z0-9+/]{5,12}$/), { maxLength: 6 }), (lines, codes) => {
        const existing = lines.join('\n');
        const { value, added } = mergeCodeLines(existing, codes);
        expect(value.startsWith(existing)).toBe(true);
        const outLines = value.split('\n').map((l) => l.trim());
        for (const c of codes) expect(outLines).toContain(c);
        for (const c of added) expect(outLines.filter((l) => l === c)).toHaveLength(1);
      }),
    );
  });
});
