import { useEffect, useRef, useState } from 'react';
import { App, Badge, Button, Card, Pagination, Segmented, Tag } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { NotificationView } from '../../../common/contracts/notifications';
import { useAsync, useShowError } from '../../api/hooks';
import { announceInboxChange, listInbox, markAllRead, markRead } from '../../api/ops';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';
import './inbox.css';

const PAGE_SIZE = 20;

function daysTo(date: string): number {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);
}

/** 消息中心: the actor's notifications, unread first; opening one marks it read and goes to its target. */
export default function InboxPage() {
  const { t, pick, formatTime } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const [view, setView] = useState<'unread' | 'all'>('unread');
  const [page, setPage] = useState(1);
  const { data, loading, error, reload } = useAsync(() => listInbox({ unread: view === 'unread', page, pageSize: PAGE_SIZE }), [view, page]);

  // With nothing unread, the first view shows all messages instead of an empty list.
  const chosen = useRef(false);
  useEffect(() => {
    if (!chosen.current && data && view === 'unread' && data.unread === 0) {
      chosen.current = true;
      setView('all');
    }
  }, [data, view]);

  // Unread first, newest first within each group (the server sorts by time only).
  const items = [...(data?.items ?? [])].sort((a, b) => Number(!!a.readAt) - Number(!!b.readAt));

  const open = async (n: NotificationView) => {
    try {
      if (!n.readAt) {
        await markRead(n.id);
        announceInboxChange();
      }
      if (n.link) navigate(n.link);
      else reload();
    } catch (e) {
      showError(e);
    }
  };

  const readOne = async (n: NotificationView) => {
    try {
      await markRead(n.id);
      announceInboxChange();
      reload();
    } catch (e) {
      showError(e);
    }
  };

  const readAll = async () => {
    try {
      const r = await markAllRead();
      message.success(t('inbox.allReadDone', { n: r.updated }));
      announceInboxChange();
      setPage(1);
      reload();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div data-testid="inbox-page">
      <div className="es-page-title">
        <h1>{t('inbox.title')}</h1>
        <Button icon={<CheckOutlined />} onClick={() => void readAll()} disabled={!data?.unread} data-testid="inbox-read-all">
          {t('inbox.readAll')}
        </Button>
      </div>
      <Card variant="borderless">
        <Segmented
          value={view}
          onChange={(v) => {
            chosen.current = true;
            setView(v as 'unread' | 'all');
            setPage(1);
          }}
          options={[
            { value: 'unread', label: `${t('inbox.unread')}${data ? ` (${data.unread})` : ''}` },
            { value: 'all', label: t('inbox.all') },
          ]}
          style={{ marginBottom: 12 }}
          data-testid="inbox-view"
        />
        {loading && !data ? (
          <LoadingBlock />
        ) : error && !data ? (
          <ErrorBlock error={error} onRetry={reload} />
        ) : items.length === 0 ? (
          <EmptyBlock text={view === 'unread' ? t('inbox.noUnread') : t('inbox.none')} />
        ) : (
          <div data-testid="inbox-list">
            {items.map((n) => (
              <div key={n.id} className={`es-inbox-item${n.readAt ? '' : ' is-unread'}`} data-testid="inbox-item" data-read={n.readAt ? 'true' : 'false'}>
                <button type="button" className="es-inbox-open" onClick={() => void open(n)} data-testid="inbox-open">
                  <div className="es-inbox-head">
                    {!n.readAt && <Badge status="processing" />}
                    <strong>{pick(n.title)}</strong>
                    {n.dueDate && (
                      <Tag color={daysTo(n.dueDate) < 0 ? 'red' : daysTo(n.dueDate) <= 7 ? 'orange' : 'default'}>
                        {t('inbox.due', { date: n.dueDate })}
                      </Tag>
                    )}
                  </div>
                  <div className="es-inbox-body">{pick(n.body)}</div>
                  <div className="es-muted es-inbox-time">{formatTime(n.createdAt)}</div>
                </button>
                {!n.readAt && (
                  <Button size="small" type="link" onClick={() => void readOne(n)} data-testid="inbox-mark-read">
                    {t('inbox.markRead')}
                  </Button>
                )}
              </div>
            ))}
          </div>
        )}
        {(data?.total ?? 0) > PAGE_SIZE && (
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={data?.total ?? 0}
            onChange={setPage}
            showSizeChanger={false}
            size="small"
            style={{ marginTop: 12, justifyContent: 'center' }}
          />
        )}
      </Card>
    </div>
  );
}
