import { useState, type KeyboardEvent } from 'react';

/**
 * A table cell that edits in place: the value is a button (Enter or click to edit); the input saves on Enter
 * or when focus leaves, and Escape puts the old value back. Only a changed value is sent.
 */
export function InlineEdit({
  value,
  label,
  display,
  type = 'text',
  maxLength,
  onSave,
}: {
  value: string;
  /** Accessible name of both the button and the input ("Notes for @ana"). */
  label: string;
  display?: React.ReactNode;
  type?: 'text' | 'date';
  maxLength?: number;
  onSave: (next: string) => Promise<unknown> | void;
}) {
  const [draft, setDraft] = useState<string>();
  if (draft === undefined) {
    return (
      <button type="button" className="tbl-inline" aria-label={label} title={value || undefined} onClick={() => setDraft(value)}>
        {display ?? (value || <span className="dash-muted">—</span>)}
      </button>
    );
  }
  const finish = (save: boolean) => {
    const next = draft;
    setDraft(undefined);
    if (save && next !== value) void onSave(next);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') finish(true);
    if (e.key === 'Escape') {
      e.stopPropagation();
      finish(false);
    }
  };
  return (
    <input
      className="input input-sm tbl-inline-input"
      aria-label={label}
      type={type}
      value={draft}
      maxLength={maxLength}
      autoFocus
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  );
}
