import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/lang';

export function NoAccessPage() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('page.noAccess')}
      extra={
        <Link to="/">
          <Button type="primary">{t('page.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('page.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('page.backHome')}</Button>
        </Link>
      }
    />
  );
}
