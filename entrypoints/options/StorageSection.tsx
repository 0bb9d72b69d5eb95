import { useEffect, useId, useState } from 'react';
import { useI18n } from '@/utils/i18n/context';

/**
 * Asks the browser to keep the vault's storage under pressure (navigator.storage.persist, which
 * the unlimitedStorage permission makes Chrome grant) and says plainly whether it did.
 */
export function StorageSection() {
  const { t } = useI18n();
  const id = useId();
  const [persisted, setPersisted] = useState<boolean>();

  useEffect(() => {
    let live = true;
    const storage = globalThis.navigator?.storage;
    const ask = storage?.persist ? storage.persist() : Promise.resolve(false);
    void ask.catch(() => false).then((granted) => live && setPersisted(granted));
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="opt-card" aria-labelledby={`${id}-storage`}>
      <h2 id={`${id}-storage`}>{t('settingsStorage')}</h2>
      <p className={persisted === false ? 'opt-error' : undefined}>
        {persisted === undefined ? t('storageChecking') : persisted ? t('storagePersisted') : t('storageNotPersisted')}
      </p>
    </section>
  );
}
