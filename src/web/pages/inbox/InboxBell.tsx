import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { INBOX_CHANGED, getUnreadCount } from '../../api/ops';
import { useI18n } from '../../i18n/lang';

const POLL_MS = 60_000;

/** The header bell: the unread count, polled every minute, after a page change and when the inbox changes. */
export function InboxBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);

  const refresh = useCallback(() => {
    if (document.visibilityState === 'hidden') return;
    getUnreadCount().then(
      (r) => setUnread(r.unread),
      () => undefined, // a failed poll keeps the last count; the next one tries again
    );
  }, []);

  useEffect(() => {
    const timer = setInterval(refresh, POLL_MS);
    window.addEventListener(INBOX_CHANGED, refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener(INBOX_CHANGED, refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [refresh]);

  useEffect(refresh, [pathname, refresh]);

  const title = unread ? t('inbox.bellUnread', { n: unread }) : t('inbox.title');
  return (
    <Tooltip title={title}>
      <Button className="es-header-btn" type="text" aria-label={title} onClick={() => navigate('/inbox')} data-testid="inbox-bell">
        <Badge count={unread} size="small" overflowCount={99} offset={[2, -2]} data-testid="inbox-bell-count" data-count={unread}>
          <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
        </Badge>
      </Button>
    </Tooltip>
  );
}
