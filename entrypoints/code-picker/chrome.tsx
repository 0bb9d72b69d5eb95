/** @jsxImportSource preact */
import type { TargetedMouseEvent } from 'preact';
import type { PickerTranslator } from '@/utils/i18n/picker';

/** The list's one-line header: what it is, for which ad account, and its close button. */
export function PickerHeader({ tr, account, accountId, onClose }: { tr: PickerTranslator; account?: string; accountId?: string; onClose: () => void }) {
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
  multi: boolean;
  selectedCount: number;
  busy: boolean;
  armed: boolean;
  showExpired: boolean;
  onShowExpired: (show: boolean) => void;
  onFillSelected: (e: TargetedMouseEvent<HTMLButtonElement>) => void;
}

/** "Show expired", and either the keys that work from the field or, with codes selected, "Fill N codes as lines". */
export function PickerFooter(p: PickerFooterProps) {
  const { tr } = p;
  return (
    <footer className="foot">
      <label className="toggle">
        <input type="checkbox" checked={p.showExpired} onChange={(e) => p.onShowExpired(e.currentTarget.checked)} />
        <span>{tr.t('pickerShowExpired')}</span>
      </label>
      {p.multi && p.selectedCount > 0 ? (
        <button type="button" className="btn-primary" disabled={p.busy} aria-disabled={p.armed ? undefined : true} onClick={p.onFillSelected}>
          {tr.tn('pickerFillLines', p.selectedCount)}
        </button>
      ) : (
        <span className="keys" title={tr.t('pickerTypeHint')}>
          <kbd>↑↓</kbd> <kbd>Enter</kbd> {tr.t('pickerKeyFill')} · <kbd>Esc</kbd> {tr.t('pickerKeyClose')}
        </span>
      )}
    </footer>
  );
}
