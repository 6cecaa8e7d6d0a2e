import { Button, Card, Empty, Space, Timeline } from 'antd';
import type { Dossier } from '../../../../common/contracts/dossier';
import type { Lifecycle } from '../../../../common/contracts/lifecycle';
import type { ApiError } from '../../../api/client';
import { ErrorBlock, LoadingBlock } from '../../../components/PageState';
import { useI18n } from '../../../i18n/lang';
import { StatusTag } from '../tags';
import { PermitClassPanel } from './PermitClassPanel';
import { RelocationForm } from './RelocationForm';

type Allowed = Lifecycle['allowedTransitions'][number];
type Place = Lifecycle['relocations'][number]['from'];

interface Props {
  dossier: Dossier;
  lifecycle?: Lifecycle;
  error: ApiError | null;
  onTransition: (t: Allowed) => void;
  onChanged: () => void;
}

const placeText = (p: Place) => `${[p.townName, p.parkName, p.gridName].filter(Boolean).join(' · ')} · ${p.address}`;

/** 生命周期: status, the transitions this user may take, relocation, permit class, and the history. */
export function LifecycleTab({ dossier, lifecycle, error, onTransition, onChanged }: Props) {
  const { t, pick, formatTime } = useI18n();
  if (!lifecycle) return error ? <ErrorBlock error={error} onRetry={onChanged} /> : <LoadingBlock />;

  const plain = lifecycle.allowedTransitions.filter((a) => a.via === 'transition');
  const kindLabel = { transition: t('dossier.lifecycle.kindTransition'), relocation: t('dossier.lifecycle.kindRelocation'), registration: t('dossier.lifecycle.kindRegistration') };
  const history = [...lifecycle.history].sort((a, b) => (a.at < b.at ? 1 : -1));

  return (
    <div className="es-tab-stack" data-testid="lifecycle-tab">
      <Card size="small" className="es-section-card" title={t('dossier.lifecycle.current')}>
        <div style={{ marginBottom: 12 }}>
          <StatusTag value={lifecycle.status} testId="lifecycle-status" />
        </div>
        {plain.length > 0 ? (
          <>
            <div className="es-muted" style={{ marginBottom: 8 }}>{t('dossier.lifecycle.allowed')}</div>
            <Space wrap data-testid="lifecycle-transitions">
              {plain.map((a) => (
                <Button key={a.to} onClick={() => onTransition(a)} data-testid={`lifecycle-to-${a.to}`}>
                  {pick(a.label)} → {pick(a.toLabel)}
                </Button>
              ))}
            </Space>
          </>
        ) : (
          <div className="es-muted" data-testid="lifecycle-none">{t('dossier.lifecycle.noneAllowed')}</div>
        )}
      </Card>

      {lifecycle.relocation.allowed && (
        <Card size="small" className="es-section-card" title={t('dossier.relocation.title')} data-testid="relocation-card">
          <p className="es-muted" style={{ marginTop: 0 }}>{t('dossier.relocation.hint')}</p>
          <RelocationForm sourceId={dossier.source.id} version={dossier.version} lifecycle={lifecycle} onChanged={onChanged} />
        </Card>
      )}

      <PermitClassPanel dossier={dossier} lifecycle={lifecycle} onChanged={onChanged} />

      <Card size="small" className="es-section-card" title={t('dossier.lifecycle.history')} data-testid="lifecycle-history">
        {history.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
        ) : (
          <Timeline
            items={history.map((h) => ({
              key: h.id,
              color: h.kind === 'relocation' ? 'orange' : h.to === 'closed' ? 'gray' : 'green',
              title: <span className="es-muted">{h.effectiveDate}</span>,
              content: (
                <div data-testid="lifecycle-entry">
                  <div>
                    <strong>{kindLabel[h.kind]}</strong>{' '}
                    {h.from && (
                      <>
                        <StatusTag value={h.from} /> →{' '}
                      </>
                    )}
                    <StatusTag value={h.to} />
                  </div>
                  <div>{h.reason}</div>
                  <div className="es-muted" style={{ fontSize: 12 }}>
                    {h.actor.name} · {formatTime(h.at)}
                  </div>
                </div>
              ),
            }))}
          />
        )}
      </Card>

      {lifecycle.relocations.length > 0 && (
        <Card size="small" className="es-section-card" title={t('dossier.relocation.past')} data-testid="relocation-history">
          {lifecycle.relocations.map((r) => (
            <div key={r.id} className="es-decision">
              <div>
                <span className="es-muted">{t('dossier.relocation.from')}</span> {placeText(r.from)}
              </div>
              <div>
                <span className="es-muted">{t('dossier.relocation.to')}</span> {placeText(r.to)}
              </div>
              <div>{r.reason}</div>
              <div className="es-muted" style={{ fontSize: 12 }}>
                {r.effectiveDate} · {r.actor.name} · {formatTime(r.at)}
              </div>
            </div>
          ))}
        </Card>
      )}
    </div>
  );
}
