import { lazy, Suspense } from 'react';

// Opened from a link or a button, never on the first paint: the TikTok account store (and zod) load with it.
const ApplyDialog = lazy(() => import('./ApplyDialog').then((m) => ({ default: m.ApplyDialog })));

/** The Apply dialog, fetched when first shown. */
export function LazyApplyDialog(props: { ids: number[]; onClose: () => void }) {
  return (
    <Suspense fallback={null}>
      <ApplyDialog {...props} />
    </Suspense>
  );
}
