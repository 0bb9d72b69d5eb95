import { Fragment, type ReactNode } from 'react';
/** The phrase itself lives in ./expiry-phrase (no React), so the code picker can use it too. */
export { localExpiryPhrase } from './expiry-phrase';

/**
 * Puts elements into a translated sentence: `rich('Click {save} now', { save: <strong>Save</strong> })`.
 * Word order stays the translator's; unknown placeholders are left as written.
 */
export function rich(template: string, parts: Record<string, ReactNode>): ReactNode[] {
  return template.split(/(\{\w+\})/).map((piece, i) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return <Fragment key={i}>{name !== undefined && name in parts ? parts[name] : piece}</Fragment>;
  });
}
