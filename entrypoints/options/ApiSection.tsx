import { useEffect, useId, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import {
  apiCredentialsItem,
  credentialProblems,
  getApiCredentials,
  getVerificationState,
  maskToken,
  NO_CREDENTIALS,
  removeApiCredentials,
  saveApiCredentials,
  setApiEnabled,
  verificationStateItem,
  type ApiCredentials,
  type VerificationState,
} from '@/utils/api-settings';
import { sendMessage } from '@/utils/protocol';
import { TIKTOK_API_PERMISSION } from '@/utils/tiktok-api';
import { TikTokAccounts } from './TikTokAccounts';
import { useI18n } from '@/utils/i18n/context';
import type { Translator } from '@/utils/i18n/core';
import './ApiSection.css';

type Tone = 'ok' | 'error' | 'info' | 'busy';
type Problems = ReturnType<typeof credentialProblems>;

const PERMISSION = { origins: [TIKTOK_API_PERMISSION] };
const AUTH_DOCS = 'https://business-api.tiktok.com/portal/docs?id=1738373164380162';

/** Options → "TikTok API verification": the user's own token, off by default, removable. */
export function ApiSection() {
  const { t, dateTime } = useI18n();
  const ids = { token: useId(), advertiser: useId(), help: useId(), tokenError: useId(), advertiserError: useId(), title: useId() };
  const [saved, setSaved] = useState<ApiCredentials>(NO_CREDENTIALS);
  const [token, setToken] = useState('');
  const [advertiser, setAdvertiser] = useState('');
  const [showToken, setShowToken] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [status, setStatus] = useState<{ tone: Tone; text: string }>();
  const [run, setRun] = useState<VerificationState>({ failures: 0 });
  const [busy, setBusy] = useState(false);
  const tokenRef = useRef<HTMLInputElement>(null);
  const advertiserRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const load = (c: ApiCredentials) => {
      setSaved(c);
      setToken(c.accessToken);
      setAdvertiser(c.advertiserId);
    };
    void getApiCredentials().then(load);
    void getVerificationState().then(setRun);
    const unwatchCreds = apiCredentialsItem.watch(() => void getApiCredentials().then(setSaved));
    const unwatchRun = verificationStateItem.watch(() => void getVerificationState().then(setRun));
    return () => {
      unwatchCreds();
      unwatchRun();
    };
  }, []);

  const on = saved.enabled;
  const dirty = token.trim() !== saved.accessToken || advertiser.trim() !== saved.advertiserId;
  const hasSaved = !!(saved.accessToken || saved.advertiserId);

  /** Shows field problems and focuses the first one; true when the form can be used. */
  function checkFields(): boolean {
    const found = credentialProblems({ accessToken: token, advertiserId: advertiser });
    setProblems(found);
    if (found.accessToken) tokenRef.current?.focus();
    else if (found.advertiserId) advertiserRef.current?.focus();
    return !found.accessToken && !found.advertiserId;
  }

  async function testConnection() {
    setStatus({ tone: 'busy', text: t('apiContacting') });
    try {
      const report = await sendMessage('testTikTokConnection', {});
      if (report.ok) {
        const who = report.advertiserName ? `${report.advertiserName} (${advertiser.trim()})` : t('apiAdvertiserWho', { id: advertiser.trim() });
        setStatus({ tone: 'ok', text: t('apiConnected', { who }) });
      } else {
        setStatus({ tone: 'error', text: report.error?.message ?? t('apiUnreachable') });
      }
    } catch (e) {
      setStatus({ tone: 'error', text: t('apiTestFailed', { reason: (e as Error).message }) });
    }
  }

  async function turnOn() {
    if (!checkFields()) {
      setStatus({ tone: 'error', text: t('apiNeedFields') });
      return;
    }
    // Must be the first await: Chrome only shows the permission prompt during the click.
    let granted = false;
    try {
      granted = await browser.permissions.request(PERMISSION);
    } catch (e) {
      setStatus({ tone: 'error', text: t('apiPermissionRefused', { reason: (e as Error).message }) });
      return;
    }
    if (!granted) {
      setStatus({ tone: 'error', text: t('apiNotAllowed') });
      return;
    }
    setBusy(true);
    try {
      setSaved(await saveApiCredentials({ accessToken: token, advertiserId: advertiser, enabled: true }));
      await testConnection();
    } catch (e) {
      setStatus({ tone: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setBusy(true);
    try {
      setSaved(await setApiEnabled(false));
      await browser.permissions.remove(PERMISSION).catch(() => false);
      setStatus({ tone: 'info', text: t('apiTurnedOff') });
    } finally {
      setBusy(false);
    }
  }

  async function saveChanges() {
    if (!checkFields()) return;
    setBusy(true);
    try {
      setSaved(await saveApiCredentials({ accessToken: token, advertiserId: advertiser, enabled: saved.enabled }));
      if (saved.enabled) await testConnection();
      else setStatus({ tone: 'info', text: t('apiSavedOnly') });
    } catch (e) {
      setStatus({ tone: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    try {
      await removeApiCredentials();
      await browser.permissions.remove(PERMISSION).catch(() => false);
      setSaved(NO_CREDENTIALS);
      setToken('');
      setAdvertiser('');
      setProblems({});
      setShowToken(false);
      setStatus({ tone: 'info', text: t('apiRemoved') });
    } finally {
      setBusy(false);
    }
  }

  const runLine = describeRun(run, on, t, dateTime);

  return (
    <section className="api-section" aria-labelledby={ids.title}>
      <header className="api-head">
        <div>
          <h2 id={ids.title}>{t('apiTitle')}</h2>
          <p className="api-lead" id={ids.help}>
            {t('apiLead')}
          </p>
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-describedby={ids.help}
          className="api-switch"
          disabled={busy}
          onClick={() => void (on ? turnOff() : turnOn())}
        >
          <span className="api-switch-track" aria-hidden="true">
            <span className="api-switch-thumb" />
          </span>
          <span className="api-switch-label">{on ? t('apiOn') : t('apiOff')}</span>
          <span className="visually-hidden">{t('apiSwitch')}</span>
        </button>
      </header>

      <form
        className="api-form"
        onSubmit={(e) => {
          e.preventDefault();
          void saveChanges();
        }}
      >
        <div className="api-field">
          <label htmlFor={ids.token}>{t('apiToken')}</label>
          <div className="api-token-row">
            <input
              id={ids.token}
              ref={tokenRef}
              className="input api-mono"
              type={showToken ? 'text' : 'password'}
              value={token}
              onChange={(e) => setToken(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              placeholder={t('apiTokenPlaceholder')}
              aria-invalid={!!problems.accessToken}
              aria-describedby={problems.accessToken ? ids.tokenError : undefined}
            />
            <button type="button" className="btn" aria-pressed={showToken} onClick={() => setShowToken((s) => !s)}>
              {showToken ? t('apiHide') : t('apiShow')}
              <span className="visually-hidden"> {t('apiTokenHidden')}</span>
            </button>
          </div>
          {problems.accessToken ? (
            <p className="api-problem" id={ids.tokenError}>{problems.accessToken}</p>
          ) : saved.accessToken && !dirty ? (
            <p className="api-hint">{t('apiSavedToken', { token: maskToken(saved.accessToken) })}</p>
          ) : null}
        </div>

        <div className="api-field">
          <label htmlFor={ids.advertiser}>{t('apiAdvertiser')}</label>
          <input
            id={ids.advertiser}
            ref={advertiserRef}
            className="input api-mono api-advertiser"
            inputMode="numeric"
            value={advertiser}
            onChange={(e) => setAdvertiser(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder={t('apiAdvertiserPlaceholder')}
            aria-invalid={!!problems.advertiserId}
            aria-describedby={problems.advertiserId ? ids.advertiserError : undefined}
          />
          {problems.advertiserId ? (
            <p className="api-problem" id={ids.advertiserError}>{problems.advertiserId}</p>
          ) : (
            <p className="api-hint">{t('apiAdvertiserHint')}</p>
          )}
        </div>

        <div className="api-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !dirty}>
            {t('apiSave')}
          </button>
          <button type="button" className="btn" disabled={busy || !on || dirty} onClick={() => void testConnection()}>
            {t('apiTest')}
          </button>
          <button type="button" className="btn btn-ghost api-remove" disabled={busy || !hasSaved} onClick={() => void remove()}>
            {t('apiRemove')}
          </button>
        </div>
      </form>

      <p className={`api-status api-status-${status?.tone ?? 'none'}`} role="status" aria-live="polite">
        {status?.text}
      </p>
      {runLine && <p className={`api-run${run.lastError ? ' api-run-error' : ''}`}>{runLine}</p>}
      {on && !dirty && <TikTokAccounts />}

      <ul className="api-privacy">
        <li>{t('apiPrivacyToken')}</li>
        <li>{t('apiPrivacyOff')}</li>
        <li>
          {t('apiPrivacyWhen')}{' '}
          <a href={AUTH_DOCS} target="_blank" rel="noreferrer">
            {t('apiHowToken')}
          </a>
        </li>
      </ul>
    </section>
  );
}

function describeRun(run: VerificationState, on: boolean, t: Translator['t'], when: (ms: number) => string): string | undefined {
  if (!on) return undefined;
  if (run.lastError) {
    const retry = run.notBefore ? ` ${t('apiNextTry', { when: when(run.notBefore) })}` : '';
    return `${t('apiLastFailed', { when: when(run.lastError.at), message: run.lastError.message })}${retry}`;
  }
  if (run.lastSuccessAt) return t('apiLastOk', { when: when(run.lastSuccessAt) });
  return undefined;
}
