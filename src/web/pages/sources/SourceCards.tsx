import { Card, Spin } from 'antd';
import { Link } from 'react-router-dom';
import type { SourceListItem } from '../../../common/contracts/dossier';
import { EmptyBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';
import { CompletenessBar, PermitTag, StatusTag, TypeTag, mono } from './tags';

/** The list as compact cards on a phone: a wide table does not fit 375 px. */
export function SourceCards({ items, loading }: { items: SourceListItem[]; loading: boolean }) {
  const { t } = useI18n();
  if (!loading && items.length === 0) return <EmptyBlock text={t('sources.empty')} />;
  return (
    <Spin spinning={loading}>
      <div data-testid="sources-cards" style={{ display: 'flex', flexDirection: 'column', gap: 8, minHeight: 80 }}>
        {items.map((s) => (
          <Link key={s.id} to={`/sources/${s.id}`} style={{ display: 'block' }} data-testid="source-card">
            <Card size="small" hoverable>
              <div style={{ fontWeight: 600, marginBottom: 4, color: 'rgba(0,0,0,0.88)' }}>{s.name}</div>
              <div className="es-muted" style={{ ...mono, fontSize: 12 }}>{s.uscc}</div>
              <div style={{ margin: '6px 0', display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                <TypeTag value={s.sourceType} />
                <PermitTag value={s.permitClass} />
                <StatusTag value={s.lifecycleStatus} />
              </div>
              <div className="es-muted" style={{ fontSize: 12 }}>
                {[s.townName, s.parkName, s.gridName].filter(Boolean).join(' · ')}
              </div>
              <div className="es-muted" style={{ fontSize: 12 }}>
                {s.industryCode} {s.industryName ?? ''}
              </div>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 4 }}>
                <span className="es-muted" style={{ fontSize: 12 }}>{t('dossier.completeness')}</span>
                <CompletenessBar percent={s.completenessPercent} width={140} />
              </div>
            </Card>
          </Link>
        ))}
      </div>
    </Spin>
  );
}
