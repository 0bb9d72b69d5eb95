import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { codesDb } from '@/utils/vault/db';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/settings';
import { computeExpiry, expiryPhrase } from '@/utils/expiry';
import { translator } from '@/utils/i18n';
import { localExpiryPhrase } from '@/utils/i18n/phrases';
import { resolveZone } from '@/utils/i18n/dates';
import { makeCode, record } from './dashboard-fixtures';

vi.mock('@/utils/protocol', async (original) => ({
  ...(await original<typeof import('@/utils/protocol')>()),
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    // Imported when called: the helper imports this mocked module too.
    const { answerPopupRead, isPopupRead } = await import('./popup-background');
// The paste box is loaded when first opened; loaded here once so its first opening is not slower than findBy waits.
await import('@/entrypoints/popup/AddCodes');
    return isPopupRead(type) ? answerPopupRead(type, data) : [];
  }),
}));
const { App } = await import('@/entrypoints/popup/App');
// Loaded before the first render (it brings the schemas and handlers): the first read is then not slower than findBy waits.
await import('./popup-background');

const DAY = 86_400_000;
const NOW = Date.now();
const MAYA_RECEIVED = NOW - 10 * DAY + 60_000;

async function showPopup(language: string) {
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, language } as typeof DEFAULT_SETTINGS);
  const user = userEvent.setup();
  render(<App />);
  return user;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await codesDb().codes.clear();
  await codesDb().codes.bulkAdd([
    // A minute past 20 days: an hour past would be the 21st calendar day when the suite runs just before midnight.
    // Received 10 days ago with 30 days: the period explains the expiry (an edited one would say "custom expiry").
    record({ status: 'unused', code: makeCode(1), creatorHandle: '@maya', receivedAt: MAYA_RECEIVED, expiresAt: computeExpiry(MAYA_RECEIVED, 30), periodAssumed: true }),
    record({ code: makeCode(2), creatorHandle: '@old.creator', expiresAt: NOW - 2 * DAY }),
  ]);
});
afterEach(cleanup);

describe('popup follows the language setting', () => {
  it('English stays exactly as before', async () => {
    const user = await showPopup('en');
    const usable = await screen.findByRole('list', { name: 'Ready codes' });
    const row = within(usable).getByRole('listitem', { name: /^@maya, / });
    expect(row).toHaveTextContent(/expires in 20 days/);
    expect(within(row).getByRole('button', { name: /^Mark used: @maya #\S{3}…\S{3}$/ })).toHaveTextContent('Mark used');
    expect(within(row).getByRole('button', { name: /^Copy code @maya #/ })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: /^Delete code @maya #/ })).toBeInTheDocument();
    expect(within(row).getByText('Ready')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Expired codes' })).getByText('expired 2 days ago')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search codes' })).toHaveAttribute('placeholder', 'Search by creator, code or note');
    expect(screen.getByRole('link', { name: 'Open dashboard' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByText('2 saved codes')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');

    await user.click(screen.getByRole('button', { name: '+ Add' }));
    // The paste box (and its extractor) loads when it first opens.
    await user.type(await screen.findByRole('textbox', { name: 'Paste ad codes' }), `${makeCode(3)}\n${makeCode(4)}`);
    const add = await screen.findByRole('button', { name: 'Add and save 2 codes' });
    expect(within(add).getByText('and save')).toHaveClass('visually-hidden'); // seen: "Add 2 codes"
    expect(screen.getByRole('list', { name: 'What will be saved' })).toBeInTheDocument();
  });

  it('Spanish: rows, expiry phrases, accessible names and the paste box', async () => {
    const user = await showPopup('es');
    const usable = await screen.findByRole('list', { name: 'Códigos listos' });
    const row = within(usable).getByRole('listitem', { name: /^@maya, / });
    expect(row).toHaveTextContent(/caduca en 20 días/);
    expect(row).toHaveTextContent(/· estimado/);
    expect(within(row).getByRole('button', { name: /^Marcar usado: @maya #/ })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: /^Copiar código @maya #/ })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: /^Eliminar código @maya #/ })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Códigos caducados' })).getByText('caducó hace 2 días')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Buscar códigos' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Abrir el panel' })).toBeInTheDocument();
    expect(screen.getByText('2 códigos guardados')).toBeInTheDocument();
    expect(screen.queryByText(/Mark used|expires in|Usable/)).toBeNull();
    expect(document.documentElement.lang).toBe('es');

    await user.click(within(row).getByRole('button', { expanded: false }));
    expect(within(row).getByText('Recibido', { exact: false })).toBeInTheDocument();
    expect(within(row).getByRole('combobox', { name: 'Periodo de autorización' })).toHaveDisplayValue('30 días');

    await user.click(screen.getByRole('button', { name: '+ Añadir' }));
    await user.type(await screen.findByRole('textbox', { name: 'Pegar códigos de anuncio' }), `${makeCode(3)}\n#${'x'.repeat(20)}abc`);
    const preview = await screen.findByRole('list', { name: 'Qué se guardará' });
    expect(preview).toHaveTextContent(/no es un código: demasiado corto para un código de anuncio \(23 caracteres/);
    expect(await screen.findByRole('button', { name: 'Añadir y guardar 1 código' })).toBeInTheDocument();
  });

  it('German: rows, plural forms, dates and accessible names', async () => {
    await showPopup('de');
    const usable = await screen.findByRole('list', { name: 'Bereite Codes' });
    const row = within(usable).getByRole('listitem', { name: /^@maya, / });
    expect(row).toHaveTextContent(/läuft in 20 Tagen ab/);
    expect(within(row).getByText('Bereit')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: /^Als verwendet abhaken: @maya #/ })).toHaveTextContent('Abhaken');
    expect(within(row).getByRole('button', { name: /^Code @maya #.* kopieren$/ })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: /^Code @maya #.* löschen$/ })).toBeInTheDocument();
    const expired = within(screen.getByRole('list', { name: 'Abgelaufene Codes' })).getByText('vor 2 Tagen abgelaufen');
    // The exact date on hover, in German.
    expect(expired).toHaveAttribute('title', expect.stringMatching(/^Abgelaufen am \d{1,2}\. [A-ZÄÖÜ][a-zä]+\.? \d{4}/));
    expect(screen.getByRole('heading', { name: 'Abgelaufen 1' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Codes durchsuchen' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Übersicht öffnen' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Einstellungen' })).toBeInTheDocument();
    expect(screen.getByText('2 gespeicherte Codes')).toBeInTheDocument();
  });

  it('German empty state keeps the names of the (English) Save controls', async () => {
    await codesDb().codes.clear();
    await showPopup('de');
    expect(await screen.findByText('Noch keine Codes gespeichert')).toBeInTheDocument();
    expect(screen.getByText('Save as ad code').tagName).toBe('STRONG');
    expect(await screen.findByRole('textbox', { name: 'Anzeigencodes einfügen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Codes hinzufügen und speichern' })).toBeDisabled();
  });

  it('switching the language while open re-renders in the new one', async () => {
    await showPopup('en');
    await screen.findByRole('list', { name: 'Ready codes' });
    await act(() => settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'fr' } as typeof DEFAULT_SETTINGS));
    expect(await screen.findByRole('list', { name: 'Codes prêts' })).toHaveTextContent(/expire dans 20 jours/);
  });
});

describe('localExpiryPhrase', () => {
  it('in English and the browser zone is exactly expiryPhrase', () => {
    const tr = translator('en');
    const zone = resolveZone('local');
    const now = new Date(2026, 2, 28, 22, 30).getTime();
    for (let h = -24 * 400; h <= 24 * 400; h += 7) {
      const at = now + h * 3_600_000 + 17 * 60_000;
      expect(localExpiryPhrase(tr, at, now, zone)).toBe(expiryPhrase(at, now, zone));
    }
  });

  it('has natural phrases in every language', () => {
    const now = Date.UTC(2026, 10, 20, 12);
    const phrases = (lang: 'es' | 'pt' | 'de' | 'fr') =>
      [now + 3 * DAY, now + DAY, now + 5 * 3_600_000, now + 3_600_000 / 2, now - 2 * DAY, now - DAY, now - 60_000].map((at) =>
        localExpiryPhrase(translator(lang), at, now, 'UTC'),
      );
    expect(phrases('es')).toEqual(['caduca en 3 días', 'caduca mañana', 'caduca en 5 horas', 'caduca en 1 hora', 'caducó hace 2 días', 'caducó ayer', 'caducó hoy']);
    expect(phrases('pt')).toEqual(['expira em 3 dias', 'expira amanhã', 'expira em 5 horas', 'expira em 1 hora', 'expirou há 2 dias', 'expirou ontem', 'expirou hoje']);
    expect(phrases('de')).toEqual(['läuft in 3 Tagen ab', 'läuft morgen ab', 'läuft in 5 Stunden ab', 'läuft in 1 Stunde ab', 'vor 2 Tagen abgelaufen', 'gestern abgelaufen', 'heute abgelaufen']);
    expect(phrases('fr')).toEqual(['expire dans 3 jours', 'expire demain', 'expire dans 5 heures', 'expire dans 1 heure', 'expiré il y a 2 jours', 'expiré hier', 'expiré aujourd’hui']);
  });
});
