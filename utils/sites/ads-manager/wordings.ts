/**
 * The words Ads Manager's UI uses, per language, as data. Class names are generated and change
 * between releases, so recognising a code field, a dialog or a button is about what a person
 * reads: titles, labels, placeholders, button texts and TikTok's own error messages.
 *
 * Sources: English texts from TikTok's help pages ("TikTok post code", the Smart+ flow, "About
 * Spark Ads code error notifications", July 2025) and public Ads Manager automation scripts
 * (../shared/notes/real-pages.md); the Japanese help pages call the code 動画コード / 投稿.
 * Other languages follow the same UI strings as our fixtures show them (see fixtures.ts).
 */

const words = (list: string[]) => new RegExp(list.join('|'), 'i');

/**
 * A field asks for a code when its description has a "code" word AND a "what" word (post, video,
 * ad, Spark), in any of the languages below. Japanese has no word spaces, hence no \b anywhere.
 */
export const CODE_WORDS = words([
  'code', // en ("post code", "TikTok post code", "video code"), fr, de ("Beitragscode", "Videocode")
  'c[oó]digo', // es, pt
  'コード', // ja (動画コード, 投稿コード)
  '授权码',
]);

export const SUBJECT_WORDS = words([
  'post',
  'video',
  'spark',
  '\\bad\\b',
  'ad code',
  'authori[sz]', // en
  'publicaci[oó]n',
  'v[ií]deo',
  'anuncio',
  'autoriza', // es
  'publica[cç][aã]o',
  'an[uú]ncio', // pt
  'beitrag',
  'anzeige',
  'autoris', // de (Beitragscode, Anzeigencode, autorisieren)
  'publication',
  'vid[eé]o',
  'annonce',
  'autoris', // fr
  '投稿',
  '動画',
  '広告',
  '承認',
  '認証', // ja
]);

/**
 * Titles of the dialogs where a code goes: classic "Authorize TikTok Post", Smart+ "Authorize
 * TikTok posts" and the creative library's "Apply for authorization". Inside such a dialog a
 * field only needs a subject word ("Authorized Post", "Beitrag", "投稿").
 */
export const AUTHORIZE_DIALOG_TITLES = words([
  'authori[sz]e tiktok post',
  'apply for authori[sz]ation', // en
  'autorizar (la |las )?publicaci[oó]n',
  'autorizar publicaciones',
  'solicitar autorizaci[oó]n', // es
  'autorizar (a |as )?publica[cç]',
  'autorizar posts?',
  'solicitar autoriza[cç][aã]o', // pt
  'tiktok-beitr[aä]ge? autorisieren',
  'beitr[aä]ge? autorisieren',
  'autorisierung beantragen', // de
  'autoriser (la |les )?publication',
  "demander l'autorisation", // fr
  'tiktok\\s*投稿を(承認|認証)',
  '投稿を(承認|認証)',
  '承認を申請', // ja
]);

/** Buttons that commit the authorization: the moment a filled code counts as used. */
export const COMMIT_BUTTON_TEXTS = words([
  '^confirm$',
  '^done$',
  '^authori[sz]e$',
  '^apply$',
  '^add tiktok posts?$', // en
  '^confirmar$',
  '^autorizar$',
  '^aplicar$',
  '^añadir publicaciones de tiktok$', // es
  '^adicionar publica[cç][õo]es do tiktok$', // pt (confirmar, autorizar as in es)
  '^best[aä]tigen$',
  '^autorisieren$',
  '^anwenden$',
  '^tiktok-beitr[aä]ge hinzuf[uü]gen$', // de
  '^confirmer$',
  '^valider$',
  '^autoriser$',
  '^appliquer$',
  '^ajouter des publications tiktok$', // fr
  '^確認$',
  '^確定$',
  '^承認$',
  '^適用$',
  '^tiktok投稿を追加$', // ja
]);

/**
 * Buttons that go on to a next step ("Continue" in Smart+ leads to "Confirm TikTok posts"):
 * the codes are carried forward, but not used until a commit button in the next step.
 */
export const ADVANCE_BUTTON_TEXTS = words([
  '^continue$',
  '^next$', // en
  '^continuar$',
  '^siguiente$',
  '^pr[oó]ximo$', // es, pt
  '^weiter$',
  '^fortfahren$', // de
  '^continuer$',
  '^suivant$', // fr
  '^続行$',
  '^次へ$', // ja
]);

/** Buttons that abandon the step: codes carried forward from "Continue" are not used. */
export const CANCEL_BUTTON_TEXTS = words([
  '^cancel$',
  '^back$',
  '^close$', // en
  '^cancelar$',
  '^volver$',
  '^voltar$',
  '^cerrar$',
  '^fechar$', // es, pt
  '^abbrechen$',
  '^zur[uü]ck$',
  '^schlie[sß]en$', // de
  '^annuler$',
  '^retour$',
  '^fermer$', // fr
  '^キャンセル$',
  '^戻る$',
  '^閉じる$', // ja
]);

/** What TikTok's errors under the code field mean for the code (kinds as the API check records them). */
export type TikTokCodeProblem = 'code-expired' | 'code-invalid' | 'code-revoked';

/**
 * TikTok's own notification texts after Search ("About Spark Ads code error notifications in
 * TikTok Ads Manager", July 2025): 4025 auth_code_expired, 4013 auth_code_format_error,
 * auth_code_not_found, 4002 video_unavailable / video_deleted, 900012 illegal_item_status_error.
 */
export const TIKTOK_ERROR_TEXTS: { problem: TikTokCodeProblem; text: RegExp }[] = [
  { problem: 'code-expired', text: /authori[sz]ation expired/i },
  { problem: 'code-invalid', text: /the post code is incorrect/i },
  { problem: 'code-revoked', text: /the code has been deleted/i },
  { problem: 'code-revoked', text: /the video (is not available|has been deleted)/i },
  { problem: 'code-revoked', text: /the post is unavailable due to a community/i },
];

/** Input types a code can be typed into; anything else (password, email, number…) is never a code field. */
export const TEXT_INPUT_TYPES = new Set(['text', 'search']);
