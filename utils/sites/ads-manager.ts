/**
 * TikTok Ads Manager, described as data: where it runs and the words its UI uses, per language.
 * Ads Manager's class names are generated and change between releases, so everything here is
 * about what a person sees (dialog titles, labels, placeholders, button texts).
 *
 * Tested against: the fixtures in tests/fixtures/ads-manager (classic Identity step, Smart+
 * "Authorize TikTok posts", other code fields) in English, Spanish, Portuguese, German, French
 * and Japanese wording.
 */

/**
 * Hosts the helper runs on. Match patterns allow a wildcard only at the start of the host, so
 * regional hosts such as ads.us.tiktok.com are listed one by one; `*.ads.tiktok.com` covers
 * hosts nested under the main one. tiktok.com itself (the consumer site) is deliberately absent.
 */
export const ADS_MANAGER_MATCHES = [
  'https://ads.tiktok.com/*',
  'https://*.ads.tiktok.com/*',
  'https://ads.us.tiktok.com/*',
];

/** The advertiser account the page shows: `aadvid` in the query (also seen in the hash route). */
export function advertiserIdFromUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    const fromQuery = u.searchParams.get('aadvid');
    const fromHash = new URLSearchParams(u.hash.split('?')[1] ?? '').get('aadvid');
    const id = fromQuery ?? fromHash;
    return id && /^\d{1,32}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

const words = (list: string[]) => new RegExp(list.join('|'), 'i');

/**
 * A field asks for a code when its description has a "code" word AND a "what" word (post, video,
 * ad, Spark), in any of the languages below. Japanese has no word spaces, hence no \b anywhere.
 */
export const CODE_WORDS = words([
  'code', // en, fr, de ("Code", "Anzeigencode", "Beitragscode")
  'c[oó]digo', // es, pt
  'コード',
  '授权码',
]);

export const SUBJECT_WORDS = words([
  'post', 'video', 'spark', '\\bad\\b', 'ad code', 'authori[sz]', // en
  'publicaci[oó]n', 'v[ií]deo', 'anuncio', 'autoriza', // es
  'publica[cç][aã]o', 'an[uú]ncio', // pt
  'beitrag', 'anzeige', 'autoris', // de (Beitragscode, Anzeigencode, autorisieren)
  'publication', 'vid[eé]o', 'annonce', 'autoris', // fr
  '投稿', '動画', '広告', '承認', '認証', // ja
]);

/**
 * Titles of the dialogs where a code goes: classic "Authorize TikTok Post" and Smart+
 * "Authorize TikTok posts". Inside such a dialog a field only needs a subject word
 * ("Authorized Post", "Beitrag", "投稿").
 */
export const AUTHORIZE_DIALOG_TITLES = words([
  'authori[sz]e tiktok post', // en (both flows)
  'autorizar (la |las )?publicaci[oó]n', 'autorizar publicaciones', // es
  'autorizar (a |as )?publica[cç]', 'autorizar posts?', // pt
  'tiktok-beitr[aä]ge? autorisieren', 'beitr[aä]ge? autorisieren', // de
  'autoriser (la |les )?publication', // fr
  'tiktok\\s*投稿を(承認|認証)', '投稿を(承認|認証)', // ja
]);

/** Buttons that confirm the authorization (the moment a filled code counts as used). */
export const CONFIRM_BUTTON_TEXTS = words([
  '^confirm$', '^continue$', '^done$', '^authori[sz]e$', // en
  '^confirmar$', '^continuar$', '^autorizar$', // es, pt
  '^best[aä]tigen$', '^weiter$', '^fortfahren$', '^autorisieren$', // de
  '^confirmer$', '^continuer$', '^valider$', '^autoriser$', // fr
  '^確認$', '^確定$', '^続行$', '^次へ$', '^承認$', // ja
]);

/** Input types a code can be typed into; anything else (password, email, number…) is never a code field. */
export const TEXT_INPUT_TYPES = new Set(['text', 'search']);

/** True for an origin the helper runs on (the only parents the code picker frame talks to). */
export function isAdsManagerOrigin(origin: string): boolean {
  return ADS_MANAGER_MATCHES.some((pattern) => {
    const host = pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
    const re = new RegExp(`^https://${host.replace(/\./g, '\\.').replace(/^\*\\\./, '([a-z0-9-]+\\.)+')}$`, 'i');
    return re.test(origin);
  });
}
