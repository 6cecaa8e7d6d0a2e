import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { getIssueFigures } from '../../api/reporting';
import { useAsync } from '../../api/hooks';
import { useI18n } from '../../i18n/lang';

/** The closed loop at a glance on the home page: issues this year, closed, the rate, open and overdue, each opening the list. */
export function IssueSection({ showFigures }: { showFigures: boolean }) {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const { data } = useAsync(() => getIssueFigures('town', `${year}-01-01`), [year]);
  if (!data) return null;
  const { totals } = data;
  const rate = totals.rectificationRate === null ? '—' : `${(totals.rectificationRate * 100).toFixed(1)}%`;
  const stat = (title: string, value: string | number, to: string, testId: string, color?: string) => (
    <Col xs={12} sm={8} md={4}>
      <Link to={to} data-testid={testId}>
        <Statistic title={title} value={value} styles={{ content: { color, fontWeight: 600 } }} />
      </Link>
    </Col>
  );
  return (
    <Card
      variant="borderless"
      size="small"
      title={t('home.issues', { year })}
      extra={showFigures ? <Link to="/figures">{t('fig.nav')} →</Link> : null}
      style={{ marginTop: 12 }}
      data-testid="home-issues"
    >
      <Row gutter={[12, 12]}>
        {stat(t('fig.total'), totals.total, `/issues?counted=true&from=${year}-01-01`, 'home-issues-total')}
        {stat(t('fig.closed'), totals.closed, `/issues?status=closed&from=${year}-01-01`, 'home-issues-closed', '#2f8f5b')}
        {stat(t('fig.rate'), rate, showFigures ? '/figures' : '/issues', 'home-issues-rate', '#1f6e43')}
        {stat(t('fig.open'), totals.open, `/issues?open=true&from=${year}-01-01`, 'home-issues-open', '#d88a2d')}
        {stat(t('fig.overdue'), totals.overdue, `/issues?overdue=true&from=${year}-01-01`, 'home-issues-overdue', totals.overdue > 0 ? '#c2563f' : undefined)}
        {stat(t('fig.returns'), totals.returns, '/issues', 'home-issues-returns')}
      </Row>
    </Card>
  );
}
