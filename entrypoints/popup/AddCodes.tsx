import { useEffect, useMemo, useRef, useState } from 'react';
import { shortCode } from '@/components/CodeRow';
import { useLiveQuery } from 'dexie-react-hooks';
import { codesDb } from '@/utils/codes-db';
import { extractAdCodes } from '@/utils/extract';
import { previewPaste } from '@/utils/paste-preview';
import { sendMessage } from '@/utils/protocol';

const PERIOD_TEXT = (d?: number) => (d ? (d === 365 ? '1 year' : `${d} days`) : 'period not stated');

/**
 * Paste box: the same extractor as the mail pages runs on whatever is pasted, and the
 * user sees per code what will happen before anything is saved.
 */
export function AddCodes({ onSaved, autoFocus }: { onSaved(message: string): void; autoFocus?: boolean }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  // Which of the pasted codes the vault already has: one indexed lookup, not the whole table.
  const found = useMemo(() => (text.trim() ? extractAdCodes(text).map((c) => c.code) : []), [text]);
  const key = found.join('\n');
  const lookup = useLiveQuery(async () => ({ key, saved: new Set((await codesDb().codes.where('code').anyOf(found).toArray()).map((r) => r.code)) }), [key]);
  // useLiveQuery keeps the previous answer while the new one loads: never preview with a stale one.
  const saved = lookup?.key === key ? lookup.saved : undefined;
  const preview = useMemo(() => (text.trim() && saved ? previewPaste(text, saved) : undefined), [text, saved]);

  useEffect(() => {
    if (autoFocus) area.current?.focus();
  }, [autoFocus]);

  const save = async () => {
    if (!preview?.toSave.length && !preview?.alreadySaved.length) return;
    setBusy(true);
    setError(undefined);
    try {
      const captures = [...preview.toSave, ...preview.alreadySaved].map((c) => ({ ...c, source: { kind: 'paste' as const } }));
      const results = await sendMessage('saveCodes', { captures });
      const added = results.filter((r) => r.outcome === 'saved').length;
      setText('');
      onSaved(added ? `${added} code${added === 1 ? '' : 's'} saved.` : 'Those codes were already saved; details updated.');
    } catch (e) {
      // The pasted text stays in the box, so nothing is lost.
      setError(`Could not save: ${e instanceof Error ? e.message : String(e)}. Your text is still here; try again.`);
    } finally {
      setBusy(false);
    }
  };

  const count = (preview?.toSave.length ?? 0) + (preview?.alreadySaved.length ?? 0);
  const nothingFound = preview && count === 0;

  return (
    <section className="add-codes" aria-labelledby="add-title">
      <h2 id="add-title" className="section-title">
        Add codes
      </h2>
      <textarea
        ref={area}
        className="input add-input"
        aria-label="Paste ad codes"
        placeholder={'Paste a code, an email or a spreadsheet column.\n#aB3dE5…'}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void save();
        }}
      />
      {preview && (
        <ul className="preview" aria-label="What will be saved">
          {preview.toSave.map((c) => (
            <li key={c.code} className="preview-item preview-new">
              <span className="preview-mark" aria-hidden>
                +
              </span>
              <span className="code-text">{shortCode(c.code, 8)}</span>
              <span className="preview-meta">
                new · {c.creatorHandle ? `${c.creatorHandle} · ` : ''}
                {PERIOD_TEXT(c.periodDays)}
              </span>
            </li>
          ))}
          {preview.alreadySaved.map((c) => (
            <li key={c.code} className="preview-item preview-known">
              <span className="preview-mark" aria-hidden>
                =
              </span>
              <span className="code-text">{shortCode(c.code, 8)}</span>
              <span className="preview-meta">already saved</span>
            </li>
          ))}
          {preview.rejected.map((r) => (
            <li key={r.text} className="preview-item preview-rejected">
              <span className="preview-mark" aria-hidden>
                ×
              </span>
              <span className="code-text">{r.text.length > 28 ? `${r.text.slice(0, 27)}…` : r.text}</span>
              <span className="preview-meta">not a code: {r.reason}</span>
            </li>
          ))}
        </ul>
      )}
      {nothingFound && (
        <p className="inline-error" role="alert">
          No ad code found. A code is # followed by about 64 letters, digits, + or /, for example #aB3dE5fG…
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="add-actions">
        <span className="hint">Ctrl+Enter saves</span>
        <button type="button" className="btn btn-primary" disabled={!count || busy} onClick={() => void save()}>
          {/* Shown as "Add 2 codes"; heard as "Add and save 2 codes": it is the paste box's only action. */}
          {busy ? (
            'Saving…'
          ) : (
            <span>
              Add<span className="visually-hidden"> and save</span> {count || ''} code{count === 1 ? '' : 's'}
            </span>
          )}
        </button>
      </div>
    </section>
  );
}
