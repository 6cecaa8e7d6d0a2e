import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dossier } from '../../../common/contracts/dossier';
import type { Lifecycle } from '../../../common/contracts/lifecycle';
import { ApiError } from '../../api/client';
import { getDossier, getLifecycle } from '../../api/dossier';

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, { code: 'client_error', message: { zh: String(e), en: String(e) } }));

/**
 * One dossier and its lifecycle. `reload` resolves once both are fresh, and keeps the old data on
 * screen meanwhile (the forms on the page stay mounted, so nothing typed is lost).
 */
export function useDossier(id: string) {
  const [dossier, setDossier] = useState<Dossier | undefined>();
  const [lifecycle, setLifecycle] = useState<Lifecycle | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [lifecycleError, setLifecycleError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);

  const reload = useCallback(async (): Promise<Dossier | undefined> => {
    const mine = ++seq.current;
    setLoading(true);
    const [d, l] = await Promise.allSettled([getDossier(id), getLifecycle(id)]);
    if (mine !== seq.current) return undefined;
    setLoading(false);
    if (d.status === 'fulfilled') {
      setDossier(d.value);
      setError(null);
    } else setError(asApiError(d.reason));
    if (l.status === 'fulfilled') {
      setLifecycle(l.value);
      setLifecycleError(null);
    } else setLifecycleError(asApiError(l.reason));
    return d.status === 'fulfilled' ? d.value : undefined;
  }, [id]);

  useEffect(() => {
    setDossier(undefined);
    setLifecycle(undefined);
    void reload();
  }, [reload]);

  return { dossier, lifecycle, error, lifecycleError, loading, reload };
}
