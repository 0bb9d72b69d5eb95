import type { CsvColumn } from '../csv';
import { normalizeAdCode } from '../extract';
import { tiktokVideoUrl } from '../links';
import { readPeriod, readStatus } from './values';

/**
 * Which field of a saved code each column of a sheet fills: guessed from the header (in our five
 * languages) and from what the cells hold, so a column of ad codes is the code column whatever it is
 * called and a column of "Leo Park"s is a name, never a handle. The user adjusts it in the dialog.
 */

/** Our CSV columns, plus the creator's name (kept as the sender's name or in the notes) and "ignore". */
export type SheetField = CsvColumn | 'creator_name' | 'ignore';

/** The fields offered in the mapping step, in the order a person thinks of them. */
export const MAPPABLE_FIELDS = [
  'code',
  'tiktok_handle',
  'creator_name',
  'post_url',
  'period_days',
  'received_at',
  'expires_at',
  'usage',
  'tags',
  'notes',
  'sender_name',
  'sender_email',
  'subject',
  'source_url',
  'ignore',
] as const satisfies readonly SheetField[];

/** Columns our own export writes that are worked out again from the rest; reading them back would only disagree. */
const DERIVED: readonly string[] = ['state', 'times_used', 'last_used_at'];

const fold = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9@]+/g, '_')
    .replace(/^_|_$/g, '');

/** Header words, folded (no accents, lower case, `_` between words), in en/de/es/fr/pt. */
const HEADERS: Record<Exclude<SheetField, 'ignore'>, string[]> = {
  code: [
    'code',
    'ad_code',
    'adcode',
    'ads_code',
    'spark_code',
    'spark_ad_code',
    'spark_ads_code',
    'video_code',
    'post_code',
    'authorization_code',
    'auth_code',
    'codigo',
    'codigo_de_anuncio',
    'codigo_del_anuncio',
    'codigo_do_anuncio',
    'codigo_spark',
    'codigo_de_autorizacion',
    'codigo_de_autorizacao',
    'anzeigencode',
    'werbecode',
    'spark_code_tiktok',
    'autorisierungscode',
    'code_publicitaire',
    'code_d_annonce',
    'code_de_l_annonce',
    'code_spark',
    'code_d_autorisation',
  ],
  tiktok_handle: [
    'tiktok_handle',
    'handle',
    'creator_handle',
    'tiktok',
    'tiktok_account',
    'tiktok_username',
    'username',
    'user_name',
    '@',
    'usuario',
    'usuario_de_tiktok',
    'cuenta',
    'cuenta_de_tiktok',
    'conta',
    'perfil',
    'nutzername',
    'benutzername',
    'konto',
    'tiktok_konto',
    'compte',
    'compte_tiktok',
    'pseudo',
    'identifiant',
  ],
  creator_name: [
    'creator',
    'creator_name',
    'name',
    'influencer',
    'influencer_name',
    'talent',
    'creador',
    'creadora',
    'nombre',
    'creador_a',
    'criador',
    'criadora',
    'nome',
    'creator_in',
    'ersteller',
    'erstellerin',
    'createur',
    'createurice',
    'createur_rice',
    'nom',
    'influenceur',
  ],
  post_url: [
    'post_url',
    'video_url',
    'video_link',
    'video',
    'link_video',
    'tiktok_link',
    'tiktok_url',
    'post',
    'post_link',
    'videolink',
    'enlace_del_video',
    'link_del_video',
    'enlace_video',
    'link_do_video',
    'url_do_video',
    'lien_video',
    'lien_de_la_video',
    'url_video',
  ],
  period_days: [
    'period_days',
    'period',
    'days',
    'authorization_period',
    'auth_period',
    'authorisation_period',
    'duration',
    'validity',
    'term',
    'periodo',
    'periodo_de_autorizacion',
    'periodo_de_autorizacao',
    'duracion',
    'duracao',
    'vigencia',
    'validade',
    'dias',
    'zeitraum',
    'autorisierungszeitraum',
    'dauer',
    'laufzeit',
    'gultigkeit',
    'tage',
    'periode',
    'periode_d_autorisation',
    'duree',
    'validite',
    'jours',
  ],
  received_at: [
    'received_at',
    'received',
    'date_received',
    'received_date',
    'received_on',
    'sent_at',
    'date',
    'date_sent',
    'fecha',
    'fecha_de_recepcion',
    'fecha_recibido',
    'recibido',
    'data',
    'data_de_recebimento',
    'recebido',
    'recebido_em',
    'datum',
    'empfangen',
    'empfangen_am',
    'eingangsdatum',
    'erhalten_am',
    'date_de_reception',
    'recu_le',
    'recu',
  ],
  expires_at: [
    'expires_at',
    'expiry',
    'expires',
    'expiration',
    'expiry_date',
    'expiration_date',
    'expires_on',
    'valid_until',
    'caduca',
    'vence',
    'vencimiento',
    'fecha_de_caducidad',
    'caducidad',
    'expira',
    'expiracao',
    'vencimento',
    'valido_ate',
    'ablauf',
    'ablaufdatum',
    'lauft_ab',
    'gultig_bis',
    'expire',
    'expire_le',
    'date_d_expiration',
    'expiration_le',
  ],
  expires_local: ['expires_local'],
  time_zone: ['time_zone', 'timezone', 'zona_horaria', 'fuso_horario', 'zeitzone', 'fuseau_horaire'],
  usage: ['usage', 'status', 'used', 'estado', 'uso', 'situacao', 'statut', 'etat', 'utilisation', 'zustand', 'nutzung', 'verwendet'],
  period_assumed: ['period_assumed'],
  archived: ['archived', 'archivado', 'arquivado', 'archiviert', 'archive'],
  renewal_requested_at: ['renewal_requested_at'],
  tags: [
    'tags',
    'tag',
    'campaign',
    'campaign_name',
    'label',
    'labels',
    'campana',
    'etiquetas',
    'etiqueta',
    'campanha',
    'kampagne',
    'schlagworter',
    'campagne',
    'etiquettes',
  ],
  notes: [
    'notes',
    'note',
    'comments',
    'comment',
    'remarks',
    'notas',
    'nota',
    'comentarios',
    'observaciones',
    'observacoes',
    'notizen',
    'bemerkungen',
    'kommentar',
    'anmerkungen',
    'remarques',
    'commentaires',
  ],
  sender_name: ['sender_name', 'sender', 'from', 'contact', 'contact_name', 'remitente', 'remetente', 'absender', 'von', 'expediteur'],
  sender_email: ['sender_email', 'email', 'e_mail', 'mail', 'email_address', 'correo', 'correo_electronico', 'e_mail_adresse', 'courriel'],
  subject: ['subject', 'asunto', 'assunto', 'betreff', 'objet', 'sujet'],
  source_kind: ['source_kind'],
  source_url: ['source_url', 'link', 'source', 'url', 'mail_link', 'enlace', 'lien', 'quelle'],
  state: [],
  times_used: [],
  last_used_at: [],
};

const BY_HEADER: ReadonlyMap<string, SheetField> = new Map(
  Object.entries(HEADERS).flatMap(([field, words]) => words.map((w) => [w, field as SheetField] as const)),
);

/** What most of a column's filled cells look like, or undefined when nothing stands out. */
type Looks = 'code' | 'handle' | 'name' | 'video' | 'email' | 'period' | 'status';

const HANDLE_CELL = /^@[a-z0-9._]{2,24}$/i;
const NAME_CELL = /^\p{L}[\p{L}'’.-]*(\s+\p{L}[\p{L}'’.-]*){1,3}$/u;

export function columnLooks(cells: readonly string[]): Looks | undefined {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (!filled.length) return undefined;
  const share = (test: (c: string) => boolean) => filled.filter(test).length / filled.length;
  const tests: [Looks, (c: string) => boolean][] = [
    ['code', (c) => c.length >= 20 && normalizeAdCode(c) !== null],
    ['handle', (c) => HANDLE_CELL.test(c)],
    ['video', (c) => tiktokVideoUrl(c) !== undefined],
    ['email', (c) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c)],
    ['period', (c) => readPeriod(c).ok && !/^\d{5,}$/.test(c)],
    ['status', (c) => readStatus(c).reading !== undefined],
    ['name', (c) => NAME_CELL.test(c)],
  ];
  for (const [looks, test] of tests) if (share(test) >= 0.6) return looks;
  return undefined;
}

export interface ColumnGuess {
  field: SheetField;
  /** Why: the header was recognised, or what the cells look like. */
  because: 'header' | 'cells' | 'unknown' | 'derived' | 'duplicate';
}

/**
 * For each column, one field or "ignore". The cells overrule the header where they disagree on who
 * someone is (a "Creator" column of @handles is the handle; a "Handle" column of full names is a name)
 * and a column of ad codes is the code column. Each field is given to one column only (the first).
 */
export function guessMapping(headers: readonly string[], sampleRows: readonly (readonly string[])[]): ColumnGuess[] {
  const looks = headers.map((_, i) => columnLooks(sampleRows.map((r) => r[i] ?? '')));
  const codeByCells = looks.indexOf('code');
  const guesses = headers.map((h, i): ColumnGuess => {
    const folded = fold(h);
    if (DERIVED.includes(folded)) return { field: 'ignore', because: 'derived' };
    const byHeader = BY_HEADER.get(folded);
    const cells = looks[i];
    if (cells === 'code' && i === codeByCells) return { field: 'code', because: byHeader === 'code' ? 'header' : 'cells' };
    if (byHeader === 'code' && codeByCells >= 0 && codeByCells !== i) return { field: 'ignore', because: 'duplicate' };
    const person = byHeader === 'tiktok_handle' || byHeader === 'creator_name' || byHeader === 'sender_name';
    if (cells === 'handle' && (person || !byHeader))
      return { field: 'tiktok_handle', because: byHeader === 'tiktok_handle' ? 'header' : 'cells' };
    if (cells === 'name' && byHeader === 'tiktok_handle') return { field: 'creator_name', because: 'cells' };
    if (cells === 'video' && (!byHeader || byHeader === 'source_url')) return { field: 'post_url', because: 'cells' };
    if (byHeader) return { field: byHeader, because: 'header' };
    if (cells === 'email') return { field: 'sender_email', because: 'cells' };
    if (cells === 'status') return { field: 'usage', because: 'cells' };
    if (cells === 'period') return { field: 'period_days', because: 'cells' };
    return { field: 'ignore', because: 'unknown' };
  });
  const taken = new Set<SheetField>();
  return guesses.map((g) => {
    if (g.field === 'ignore') return g;
    if (taken.has(g.field)) return { field: 'ignore', because: 'duplicate' };
    taken.add(g.field);
    return g;
  });
}

/** A key for one set of headers (case, accents and punctuation aside), under which the chosen mapping is remembered. */
export function headerSetKey(headers: readonly string[]): string {
  const text = headers.map(fold).join('\u0001');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `importMapping:${h.toString(16).padStart(8, '0')}:${headers.length}`;
}

/** A remembered mapping fits only the same headers; anything else falls back to the guess. */
export function restoreMapping(saved: unknown, headers: readonly string[], guess: readonly ColumnGuess[]): SheetField[] {
  const fallback = guess.map((g) => g.field);
  if (!Array.isArray(saved) || saved.length !== headers.length) return fallback;
  const known = new Set<string>([...Object.keys(HEADERS), 'ignore']);
  return saved.every((f) => typeof f === 'string' && known.has(f)) ? (saved as SheetField[]) : fallback;
}
