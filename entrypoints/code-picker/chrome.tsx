/** @jsxImportSource preact */
import type { TargetedMouseEvent } from 'preact';
import type { PickerTranslator } from '@/utils/i18n/picker';

export interface PickerHeaderProps {
  tr: PickerTranslator;
  account?: string;
  accountId?: string;
  onClose: () => void;
}

/** The list's one-line header: what it is, for which ad account, and its close button. */
export function PickerHeader({ tr, account, accountId, onClose }: PickerHeaderProps) {
  return (
    <header className="head">
      <span className="logo" aria-hidden="true">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round">
          <circle cx="8" cy="15" r="4" />
          <path d="M10.85 12.15 19 4" />
          <path d="m18 5 2 2" />
          <path d="m15 8 2 2" />
        </svg>
      </span>
      <div className="head-text">
        <h1>{tr.t('pickerTitle')}</h1>
        {account && <p title={accountId}>{account}</p>}
      </div>
      <button type="button" className="icon-btn" aria-label={tr.t('pickerClose')} onClick={onClose}>
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
          <path d="M6 6l12 12M18 6 6 18" />
        </svg>
      </button>
    </header>
  );
}

export interface PickerFooterProps {
  tr: PickerTranslator;
  selectedCount: number;
  busy: boolean;
  armed: boolean;
  onFillSelected: (e: TargetedMouseEvent<HTMLButtonElement>) => void;
}

/** After the last row (so it takes none of the room the first rows need): expired codes on request. */
export function ShowExpiredToggle({ tr, checked, onChange }: { tr: PickerTranslator; checked: boolean; onChange: (show: boolean) => void }) {
  return (
    <label className="toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>{tr.t('pickerShowExpired')}</span>
    </label>
  );
}

/**
 * Only while codes are selected in a multi-code field: "Fill N codes as lines". Otherwise the list has
 * no footer, so three rows fit under the field even at 200 % zoom; the keys are said in the field's list.
 */
export function PickerFooter(p: PickerFooterProps) {
  return (
    <footer className="foot">
      <button type="button" className="btn-primary" disabled={p.busy} aria-disabled={p.armed ? undefined : true} onClick={p.onFillSelected}>
        {p.tr.tn('pickerFillLines', p.selectedCount)}
      </button>
    </footer>
  );
}
