import { Button, Tag } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, ExclamationCircleOutlined, MobileOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/lang';
import type { SyncState } from './queue-logic';

/** 已保存在本机 / 同步中 / 已同步 / 同步失败（原因）, with a retry button after a refusal. */
export function SyncBadge({ state, online, onRetry }: { state: SyncState; online: boolean; onRetry: () => void }) {
  const { t, pick } = useI18n();
  const offline = online ? null : <Tag color="default" data-testid="fd-offline">{t('field.sync.offline')}</Tag>;
  switch (state.kind) {
    case 'local':
      return <>{offline}<Tag icon={<MobileOutlined />} color="gold" data-testid="fd-sync-status" data-state="local">{t('field.sync.local')}</Tag></>;
    case 'syncing':
      return <Tag icon={<CloudUploadOutlined />} color="processing" data-testid="fd-sync-status" data-state="syncing">{t('field.sync.syncing')}</Tag>;
    case 'synced':
      return <>{offline}<Tag icon={<CheckCircleOutlined />} color="green" data-testid="fd-sync-status" data-state="synced">{t('field.sync.synced')}</Tag></>;
    default:
      return (
        <span className="fd-sync-failed">
          <Tag icon={<ExclamationCircleOutlined />} color="red" data-testid="fd-sync-status" data-state="failed">{t('field.sync.failed', { reason: pick(state.reason) })}</Tag>
          <Button size="small" onClick={onRetry} data-testid="fd-sync-retry">{t('field.sync.retry')}</Button>
        </span>
      );
  }
}
