import { useCallback, useState } from 'react';

export interface Toast {
  id: number;
  message: string;
  tone?: 'info' | 'error';
  action?: { label: string; run: () => void | Promise<void> };
}

let seq = 0;
/** One visible notice at a time; a new one replaces the old (the old one's undo is then gone on purpose). */
export function useToast() {
  const [toast, setToast] = useState<Toast | null>(null);
  const show = useCallback((t: Omit<Toast, 'id'>) => setToast({ ...t, id: ++seq }), []);
  const dismiss = useCallback(() => setToast(null), []);
  return { toast, show, dismiss };
}
