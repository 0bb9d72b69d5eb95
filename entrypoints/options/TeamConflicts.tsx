import { useId, useRef, useState } from 'react';
import { shortCode } from '@/utils/i18n/core';
import type { TeamWords } from '@/utils/i18n/team';
import type { NotesSide, TeamConflict } from '@/utils/team-sheet/asking';

/**
 * Options → Share with your team → "Notes to settle": each code whose notes two teammates changed at once,
 * both versions with who wrote each and when, and the choice (keep mine / theirs / both). The choice is a
 * vault command (settleTeamConflict) synced like any edit, so the question goes away for everyone.
 */

export type SettleKeep = number | 'both';

export function TeamConflicts({
  words,
  conflicts,
  me,
  onSettle,
}: {
  words: TeamWords;
  conflicts: TeamConflict[];
  me: string;
  onSettle: (code: string, keep: SettleKeep) => Promise<boolean>;
}) {
  const { t, tn, dateTime } = words;
  const titleId = useId();
  const [busy, setBusy] = useState('');
  const [done, setDone] = useState('');
  const doneRef = useRef<HTMLParagraphElement>(null);

  const who = (s: NotesSide) => (s.by && s.by === me ? t('teamConflictYou') : s.by || t('teamConflictSomeone'));
  const settle = async (code: string, keep: SettleKeep) => {
    setBusy(code);
    setDone('');
    try {
      if (!(await onSettle(code, keep))) return;
      setDone(t('teamConflictSettled', { code: shortCode(code) }));
      // The settled item leaves the list: keep the keyboard where the user is, on the confirmation.
      requestAnimationFrame(() => doneRef.current?.focus());
    } finally {
      setBusy('');
    }
  };

  return (
    <section className="team-conflicts" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('teamConflictsTitle')}</h3>
      {conflicts.length === 0 ? (
        <p className="opt-help">{t('teamConflictsNone')}</p>
      ) : (
        <>
          <p className="opt-help">{tn('teamConflictsLead', conflicts.length)}</p>
          <ul className="team-conflict-list">
            {conflicts.map((c) => {
              const label = t('teamConflictCode', { code: shortCode(c.code) });
              const mine = c.sides.findIndex((s) => !!me && s.by === me);
              const theirs = mine < 0 ? -1 : c.sides.findIndex((_, i) => i !== mine);
              const keepOne =
                mine >= 0 && theirs >= 0
                  ? [
                      { keep: mine, text: t('teamKeepMine') },
                      { keep: theirs, text: t('teamKeepTheirs') },
                    ]
                  : [
                      { keep: 0, text: t('teamKeepFirst') },
                      { keep: 1, text: t('teamKeepSecond') },
                    ];
              return (
                <li key={c.code} className="team-conflict" aria-label={label}>
                  <p className="team-conflict-code" title={c.code}>
                    {label}
                  </p>
                  <ul className="team-versions">
                    {c.sides.map((s, i) => (
                      <li
                        key={i}
                        aria-label={s.by && s.by === me ? t('teamConflictVersionYours') : t('teamConflictVersion', { who: who(s) })}
                      >
                        <span className="team-version-who">
                          {s.at ? t('teamConflictWhen', { who: who(s), time: dateTime(s.at) }) : who(s)}
                        </span>
                        <span className="team-version-text">{s.value || t('teamConflictEmpty')}</span>
                      </li>
                    ))}
                  </ul>
                  <div className="opt-actions" role="group" aria-label={label}>
                    {keepOne.map((k) => (
                      <button
                        key={k.keep}
                        type="button"
                        className="btn"
                        disabled={busy === c.code}
                        onClick={() => void settle(c.code, k.keep)}
                      >
                        {k.text}
                      </button>
                    ))}
                    <button type="button" className="btn" disabled={busy === c.code} onClick={() => void settle(c.code, 'both')}>
                      {t('teamKeepBoth')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {done && (
        <p className="opt-saved" role="status" tabIndex={-1} ref={doneRef}>
          {done}
        </p>
      )}
    </section>
  );
}
