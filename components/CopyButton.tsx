import { useEffect, useState } from 'react';
import { useI18nOrEnglish } from '@/utils/i18n/context';

const CLIPBOARD = 'M9 4h6v3H9zM7 5H5v15h14V5h-2M8 11h8M8 15h6';
const CHECK = 'M5 12.5l4.5 4.5L19 7.5';

/** Copies `text` (an icon button), then says so for a moment, to the eye and to screen readers. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useI18nOrEnglish();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 1600);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <button
      type="button"
      className={`btn btn-icon btn-copy${state === 'copied' ? ' is-copied' : ''}`}
      aria-label={label ?? t('copyCode')}
      title={t(state === 'failed' ? 'rowCopyFailedHint' : 'rowCopyHint')}
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        )
      }
    >
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d={state === 'copied' ? CHECK : CLIPBOARD} />
      </svg>
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? t('rowCopied') : state === 'failed' ? t('rowCopyFailed') : ''}
      </span>
    </button>
  );
}
