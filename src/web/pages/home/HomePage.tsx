import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { PERMIT_CLASS, type PermitClass } from '../../../common/enums';
import { getOverview } from '../../api/endpoints';
import { useAsync } from '../../api/hooks';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';
import { IssueSection } from './IssueSection';
import { TownSection } from './TownSection';
import { canOpen, useMe } from '../../app/auth';
import { TypeSection } from './TypeSection';

const PERMIT_COLORS: Record<PermitClass, string> = {
  key: '#c2563f',
  simplified: '#d88a2d',
  registration: '#2f8f5b',
  none: '#7b8794',
};

export default function HomePage() {
  const { t, label } = useI18n();
  const me = useMe();
  const { data, loading, error, reload } = useAsync(getOverview, []);

  if (loading && !data) return <LoadingBlock />;
  if (error && !data) return <ErrorBlock error={error} onRetry={reload} />;
  if (!data) return <EmptyBlock />;

  const permitCount = (c: PermitClass) => data.byPermitClass.find((p) => p.permitClass === c)?.count ?? 0;

  return (
    <div data-testid="home-page">
      <div className="es-page-title">
        <h1 data-testid="scope-name">{data.scopeName}</h1>
      </div>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <Card variant="borderless" style={{ height: '100%' }}>
            <Statistic
              title={t('home.totalSources')}
              value={data.totalSources}
              formatter={(v) => <span data-testid="stat-total-sources">{String(v)}</span>}
              styles={{ content: { color: '#1f6e43', fontSize: 34, fontWeight: 600 } }}
            />
            <Link to="/sources" className="es-muted" style={{ fontSize: 13 }}>
              {t('regions.viewSources')} →
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card variant="borderless" title={t('home.byPermit')} size="small" style={{ height: '100%' }}>
            <Row gutter={[12, 12]}>
              {PERMIT_CLASS.values.map((c) => (
                <Col xs={12} sm={6} key={c}>
                  <Statistic
                    title={
                      <span>
                        <span
                          aria-hidden
                          style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: PERMIT_COLORS[c], marginRight: 6 }}
                        />
                        {label(PERMIT_CLASS, c)}
                      </span>
                    }
                    value={permitCount(c)}
                    formatter={(v) => <span data-testid={`stat-permit-${c}`}>{String(v)}</span>}
                  />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
      <IssueSection showFigures={canOpen(me.role, 'figures')} />
      <TownSection rows={data.byTown} total={data.totalSources} />
      <TypeSection rows={data.byType} total={data.totalSources} />
    </div>
  );
}
