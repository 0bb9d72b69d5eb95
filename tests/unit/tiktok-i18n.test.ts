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
    expect(historyLine({ at: AT, actor: 'tiktok', kind: 'end-moved', from: AT, to: TO }, date, t)).toBe(
      `${date(AT)}: TikTok meldet: Die Autorisierung wurde bis ${date(TO)} verlängert`,
    );
    expect(historyLine({ at: AT, actor: 'me', kind: 'applied', advertiserId: '7001', accountName: 'Luma' }, date, t)).toBe(
      `${date(AT)}: Auf Werbekonto Luma (7001) angewendet`,
    );
  });

  it('English stays the default, word for word', () => {
    expect(historyLine({ at: AT, actor: 'tiktok', kind: 'status', from: 'AUTHORIZED', to: 'REVOKED' }, date)).toBe(
      `${date(AT)}: TikTok reports the authorization is no longer active: revoked (was authorized)`,
    );
    expect(verdictOf({ kind: 'code-expired', message: 'x' }).words).toBe(
      'Expired: the authorization has ended. Ask the creator for a renewal.',
    );
  });

  it('a change notification and an apply result in French and Spanish', () => {
    expect(describeChange({ kind: 'deleted' }, '@maya', date, translator('fr').t).title).toBe('Vidéo supprimée');
    expect(verdictOf({ kind: 'rate-limited', message: 'TikTok asked us to slow down.' }, false, translator('es'))).toEqual({
      outcome: 'failed',
      words: 'Aún no aplicado: TikTok nos pidió ir más despacio. Inténtalo de nuevo un poco más tarde.',
      retry: true,
    });
  });

  it('an apply failure: English keeps the client detail, German gets its own words with the code', () => {
    const server = {
      kind: 'server' as const,
      message: "TikTok's service had a problem (50002). Checks will be retried later; nothing was changed.",
      apiCode: 50002,
    };
    expect(verdictOf(server).words).toBe(`Not applied yet: ${server.message}`);
    expect(verdictOf(server, false, translator('de')).words).toBe(
      'Noch nicht angewendet: Der Dienst von TikTok hatte ein Problem (50002). Es wurde nichts geändert.',
    );
    const http = {
      kind: 'bad-response' as const,
      message: 'TikTok answered with something that is not JSON (HTTP 502). Nothing was changed.',
    };
    expect(verdictOf(http, false, translator('de')).words).toBe(
      'Noch nicht angewendet: TikTok hat etwas Unerwartetes geantwortet. Es wurde nichts geändert.',
    );
    expect(verdictOf({ kind: 'scope', message: 'lacks a permission' }, false, translator('de')).words).toMatch(
      /^Keine Berechtigung: Dem Zugriffstoken fehlt/,
    );
  });

  it('every language has its own words for the at-risk notice and the API section', () => {
    const en = translator('en');
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      const { t, tn } = translator(lang);
      expect(t('apiTitle')).not.toBe(en.t('apiTitle'));
      expect(tn('adsAtRisk', 3, { group: 'G', stop: 'S', who: 'W', until: 'U' })).not.toBe(
        en.tn('adsAtRisk', 3, { group: 'G', stop: 'S', who: 'W', until: 'U' }),
      );
    }
  });
});
