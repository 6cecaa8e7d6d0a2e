import { useCallback, useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useI18n } from '../i18n/lang';
import { ApiError } from './client';

export interface AsyncState<T> {
  data: T | undefined;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}

/** Runs `load` now and whenever `deps` change; a newer run wins over an older one still in flight. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let live = true;
    setLoading(true);
    loadRef.current().then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof ApiError ? e : new ApiError(0, { code: 'client_error', message: { zh: String(e), en: String(e) } }));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, error, reload };
}

/**
 * Shows an API failure to the user: as the form field's error when the server names a field the
 * form has, otherwise as a message toast. A 401 is already handled (back to login), so it is silent.
 */
export function useShowError() {
  const { message } = App.useApp();
  const { pick, t } = useI18n();
  return useCallback(
    (err: unknown, form?: FormInstance, fieldMap?: Record<string, string>) => {
      if (!(err instanceof ApiError)) {
        message.error(t('error.unexpected'));
        return;
      }
      if (err.status === 401 && err.code !== 'invalid_credentials') return;
      const text = pick(err.messages);
      if (form && err.field) {
        const name = fieldMap?.[err.field] ?? err.field;
        const known = form.getFieldsError().some((f) => f.name.join('.') === name);
        if (known) {
          form.setFields([{ name, errors: [text] }]);
          return;
        }
      }
      message.error(text);
    },
    [message, pick, t],
  );
}
