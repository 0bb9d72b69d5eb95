import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '@/utils/i18n';
import { describeChange, historyLine } from '@/utils/tiktok-history';
import { verdictOf } from '@/utils/tiktok-apply';

const date = (ms: number) => new Date(ms).toLocaleDateString('de', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const AT = Date.UTC(2026, 11, 3);
const TO = Date.UTC(2027, 2, 3);

describe('TikTok words in the user language', () => {
  it('a history line in German', () => {
    const { t } = translator('de');
    expect(historyLine({ at: AT, actor: 'tiktok', kind: 'end-moved', from: AT, to: TO }, date, t)).toBe(`${date(AT)}: TikTok meldet: Die Autorisierung wurde bis ${date(TO)} verlängert`);
    expect(historyLine({ at: AT, actor: 'me', kind: 'applied', advertiserId: '7001', accountName: 'Luma' }, date, t)).toBe(`${date(AT)}: Auf Werbekonto Luma (7001) angewendet`);
  });

  it('English stays the default, word for word', () => {
    expect(historyLine({ at: AT, actor: 'tiktok', kind: 'status', from: 'AUTHORIZED', to: 'REVOKED' }, date)).toBe(
      `${date(AT)}: TikTok reports the authorization is no longer active: revoked (was authorized)`,
    );
    expect(verdictOf({ kind: 'code-expired', message: 'x' }).words).toBe('Expired: the authorization has ended. Ask the creator for a renewal.');
  });

  it('a change notification and an apply result in French and Spanish', () => {
    expect(describeChange({ kind: 'deleted' }, '@maya', date, translator('fr').t).title).toBe('Vidéo supprimée');
    expect(verdictOf({ kind: 'rate-limited', message: 'Despacio.' }, false, translator('es').t)).toEqual({ outcome: 'failed', words: 'Aún no aplicado: Despacio.', retry: true });
  });

  it('every language has its own words for the at-risk notice and the API section', () => {
    const en = translator('en');
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      const { t, tn } = translator(lang);
      expect(t('apiTitle')).not.toBe(en.t('apiTitle'));
      expect(tn('adsAtRisk', 3, { group: 'G', stop: 'S', who: 'W', until: 'U' })).not.toBe(en.tn('adsAtRisk', 3, { group: 'G', stop: 'S', who: 'W', until: 'U' }));
    }
  });
});
