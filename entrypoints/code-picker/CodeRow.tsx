/** @jsxImportSource preact */
import type { TargetedKeyboardEvent, TargetedMouseEvent } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { PickerTranslator } from '@/utils/i18n/picker';
import type { PickerCode } from '@/utils/protocol';
import { creatorName, expiryLine, fillLabel, shortCode, shortDate } from './format';

export interface CodeRowProps {
  code: PickerCode;
  now: number;
  windowDays: number;
  /** The display zone chosen in Settings (resolved): days left are counted there. */
  zone: string;
  tr: PickerTranslator;
  multi: boolean;
  selected: boolean;
  inField: boolean;
  /** Highlighted by ↑/↓ in the page's field: Enter there fills this one. */
  active: boolean;
  /** Asking before a re-use; `focus`: asked from a click in the list, so its buttons take focus (not from the field). */
  confirming: boolean;
  focusConfirm: boolean;
  busy: boolean;
  /** False while the list has not been steadily visible long enough for a pointer click to count. */
  armed: boolean;
  onFill: (e: TargetedMouseEvent<HTMLButtonElement>) => void;
  onFillAnyway: (e: TargetedMouseEvent<HTMLButtonElement>) => void;
  onCancelConfirm: () => void;
  onToggle: () => void;
  onKeyDown: (e: TargetedKeyboardEvent<HTMLButtonElement>) => void;
}

/** One saved code on one line: who sent it (note, short code), when it ends, and its Fill button. */
export function CodeRow(p: CodeRowProps) {
  const { code: c, now, windowDays, zone, tr } = p;
  const expiry = expiryLine(c, now, windowDays, zone, tr);
  const expired = expiry.tone === 'expired';
  const rowRef = useRef<HTMLLIElement>(null);
  const anywayRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (p.confirming && p.focusConfirm) anywayRef.current?.focus();
  }, [p.confirming, p.focusConfirm]);
  useEffect(() => {
    if (p.active) rowRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [p.active, p.confirming]);
  const initial = (c.creatorHandle ?? '#').replace(/^@/, '').charAt(0).toUpperCase() || '#';
  const who = creatorName(c, tr);
  const short = shortCode(c.code);
  const label = fillLabel(c, now, windowDays, zone, tr);

  return (
    <li
      ref={rowRef}
      className={`row${expired ? ' row-expired' : ''}${p.selected ? ' row-selected' : ''}${p.active ? ' row-active' : ''}`}
      data-code-id={c.id}
      title={[who, c.notes, c.code, c.expiryHow].filter(Boolean).join('\n')}
    >
      {p.multi && (
        <input
          type="checkbox"
          className="row-check"
          checked={p.selected}
          disabled={expired || p.inField}
          onChange={p.onToggle}
          tabIndex={-1}
          aria-label={tr.t('pickerSelectLabel', { code: short, who })}
        />
      )}
      <span className="avatar" aria-hidden="true">
        {initial}
      </span>
      <span className="row-main">
        <span className="creator">{who}</span>
        {p.inField && <span className="tag">{tr.t('pickerInField')}</span>}
        <span className="meta">
          {c.notes && <span className="note">{c.notes} · </span>}
          <span className="code">{short}</span>
        </span>
      </span>
      <span className={`expiry expiry-${expiry.tone}`}>
        {expiry.tone === 'soon' && <span className="dot" aria-hidden="true" />}
        {expiry.text}
        {expiry.tone === 'soon' && <span className="sr-only"> {tr.t('pickerExpiringSoon')}</span>}
      </span>
      <button
        type="button"
        className="fill"
        data-fill-button
        disabled={expired || p.busy || (p.multi && p.inField)}
        // Not yet clickable (the list just appeared or moved), but still focusable for keyboard fills.
        aria-disabled={p.armed ? undefined : true}
        aria-label={p.selected ? tr.t('pickerSelected', { label }) : label}
        onClick={p.onFill}
        onKeyDown={p.onKeyDown}
      >
        {tr.t('pickerFill')}
      </button>
      {p.confirming && (
        <div className="confirm" role="group" aria-label={tr.t('pickerUsedConfirmLabel')}>
          <p>{c.lastUsedAt ? tr.t('pickerUsedConfirmOn', { date: shortDate(c.lastUsedAt, now, zone, tr.lang) }) : tr.t('pickerUsedConfirm')}</p>
          <div className="confirm-actions">
            <button type="button" className="btn-secondary" onClick={p.onCancelConfirm}>
              {tr.t('pickerCancel')}
            </button>
            <button type="button" className="btn-primary" ref={anywayRef} onClick={p.onFillAnyway}>
              {tr.t('pickerFillAnyway')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
