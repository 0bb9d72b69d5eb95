import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { PickerCode } from '@/utils/protocol';
import { expiryLine, fillLabel, shortCode, shortDate } from './format';

export interface CodeRowProps {
  code: PickerCode;
  now: number;
  windowDays: number;
  /** The display zone chosen in Settings (resolved): days left are counted there. */
  zone: string;
  multi: boolean;
  selected: boolean;
  inField: boolean;
  confirming: boolean;
  busy: boolean;
  /** False while the list has not been steadily visible long enough for a pointer click to count. */
  armed: boolean;
  onFill: (e: MouseEvent<HTMLButtonElement>) => void;
  onFillAnyway: (e: MouseEvent<HTMLButtonElement>) => void;
  onCancelConfirm: () => void;
  onToggle: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
}

/** One saved code: who sent it, when it ends, and its Fill button (the row's keyboard stop). */
export function CodeRow(p: CodeRowProps) {
  const { code: c, now, windowDays, zone } = p;
  const expiry = expiryLine(c, now, windowDays, zone);
  const expired = expiry.tone === 'expired';
  const anywayRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (p.confirming) anywayRef.current?.focus();
  }, [p.confirming]);
  const initial = (c.creatorHandle ?? '#').replace(/^@/, '').charAt(0).toUpperCase() || '#';

  return (
    <li className={`row${expired ? ' row-expired' : ''}${p.selected ? ' row-selected' : ''}`} data-code-id={c.id}>
      {p.multi && (
        <input
          type="checkbox"
          className="row-check"
          checked={p.selected}
          disabled={expired || p.inField}
          onChange={p.onToggle}
          tabIndex={-1}
          aria-label={`Select ${shortCode(c.code)} from ${c.creatorHandle ?? 'unknown creator'}`}
        />
      )}
      <span className="avatar" aria-hidden="true">
        {initial}
      </span>
      <span className="row-main">
        <span className="row-top">
          <span className="creator">{c.creatorHandle ?? 'Unknown creator'}</span>
          {c.usedHere && <span className="tag tag-used">Used here</span>}
          {p.inField && <span className="tag tag-field">In the field</span>}
        </span>
        <span className="code">{shortCode(c.code)}</span>
        {c.notes && <span className="note">{c.notes}</span>}
        <span className={`expiry expiry-${expiry.tone}`} title={c.expiryHow}>
          {expiry.tone === 'soon' && <span className="dot" aria-hidden="true" />}
          {expiry.text}
          {expiry.tone === 'soon' && <span className="sr-only"> (expiring soon)</span>}
        </span>
      </span>
      <button
        type="button"
        className="fill"
        data-fill-button
        disabled={expired || p.busy || (p.multi && p.inField)}
        // Not yet clickable (the list just appeared or moved), but still focusable for keyboard fills.
        aria-disabled={p.armed ? undefined : true}
        aria-label={fillLabel(c, now, windowDays, zone) + (p.selected ? ', selected' : '')}
        onClick={p.onFill}
        onKeyDown={p.onKeyDown}
      >
        Fill
      </button>
      {p.confirming && (
        <div className="confirm" role="group" aria-label="Code already used in this account">
          <p>
            Already used in this account{c.lastUsedAt ? ` on ${shortDate(c.lastUsedAt, now, zone)}` : ''}. TikTok may already list
            this post.
          </p>
          <div className="confirm-actions">
            <button type="button" className="btn-secondary" onClick={p.onCancelConfirm}>
              Cancel
            </button>
            <button type="button" className="btn-primary" ref={anywayRef} onClick={p.onFillAnyway}>
              Fill anyway
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
