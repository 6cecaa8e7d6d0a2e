import type { ReactNode } from 'react';
import { Button, Empty, Result, Spin } from 'antd';
import type { ApiError } from '../api/client';
import { useI18n } from '../i18n/lang';

export function FullPageSpin() {
  const { t } = useI18n();
  return (
    <div className="es-fullpage-center" role="status" aria-live="polite">
      <Spin size="large" />
      <span className="es-muted">{t('common.loading')}</span>
    </div>
  );
}

export function LoadingBlock() {
  const { t } = useI18n();
  return (
    <div className="es-block-center" role="status" aria-live="polite" data-testid="page-loading">
      <Spin />
      <span className="es-muted">{t('common.loading')}</span>
    </div>
  );
}

export function EmptyBlock({ text }: { text?: ReactNode }) {
  const { t } = useI18n();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text ?? t('common.empty')} data-testid="page-empty" />;
}

/** A failed page load, with the server's message and a retry button. */
export function ErrorBlock({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, pick } = useI18n();
  return (
    <Result
      status={error.status === 404 || error.status === 403 ? 'warning' : 'error'}
      title={t('error.loadFailed')}
      subTitle={pick(error.messages)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      data-testid="page-error"
    />
  );
}
