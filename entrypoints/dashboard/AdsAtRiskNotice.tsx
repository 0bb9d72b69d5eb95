import { useMemo } from 'react';
import { useI18n } from '@/utils/i18n/context';
import { atRiskWords, codesAtRisk } from '@/utils/ads-at-risk';
import type { AdCodeRecord } from '@/utils/code-record';

/**
 * Live Spark ads that stop before their ad group's scheduled end because the creator's
 * authorization ends first (optional TikTok API feature: the background records them from
 * /ad/get/ and /adgroup/get/). The renewal request is one click away.
 */
export function AdsAtRiskNotice({ records, now, onRenew }: { records: AdCodeRecord[]; now: number; onRenew: (id: number) => void }) {
  const { t, tn, lang, zone } = useI18n();
  const risks = useMemo(() => codesAtRisk(records, now), [records, now]);
  const date = useMemo(() => {
    const f = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: zone });
    return (ms: number) => f.format(ms);
  }, [lang, zone]);
  if (!risks.length) return null;
  return (
    <section className="dash-at-risk" role="alert" aria-labelledby="at-risk-title">
      <h2 id="at-risk-title">{t('adsAtRiskTitle')}</h2>
      <ul>
        {risks.map((r) => (
          <li key={r.codeId}>
            {atRiskWords(r, date).map((w) => (
              <p key={w.group}>
                {w.until === undefined
                  ? tn('adsAtRiskNoEnd', w.ads, { group: w.group, stop: w.stop, who: w.who })
                  : tn('adsAtRisk', w.ads, { group: w.group, stop: w.stop, who: w.who, until: w.until })}
              </p>
            ))}
            <button type="button" className="btn btn-primary" onClick={() => onRenew(r.codeId)}>
              {t('adsAtRiskRenew', { who: r.who })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
