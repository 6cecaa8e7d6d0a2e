import type { ReactNode } from 'react';
import { Button, Card, Dropdown, Progress } from 'antd';
import { CheckCircleFilled, DownOutlined, ExclamationCircleOutlined, SwapOutlined } from '@ant-design/icons';
import type { Dossier } from '../../../common/contracts/dossier';
import type { Lifecycle } from '../../../common/contracts/lifecycle';
import { useI18n } from '../../i18n/lang';
import { PermitTag, StatusTag, TypeTag, mono } from './tags';

type Allowed = Lifecycle['allowedTransitions'][number];

interface Props {
  dossier: Dossier;
  lifecycle?: Lifecycle;
  /** Opens the transition dialog; 'relocate' transitions go to the lifecycle tab's move form. */
  onTransition: (t: Allowed) => void;
  /** Buttons from other modules (the QR card). */
  extraActions?: ReactNode;
}

/** The dossier's header: identity, place, status, completeness with what is missing, and actions. */
export function DossierHeader({ dossier, lifecycle, onTransition, extraActions }: Props) {
  const { t, pick } = useI18n();
  const s = dossier.source;
  const c = dossier.completeness;
  const allowed = lifecycle?.allowedTransitions ?? [];
  const color = c.percent >= 100 ? '#2f8f5b' : c.percent >= 60 ? '#d88a2d' : '#c2563f';

  return (
    <Card variant="borderless" className="es-dossier-header" data-testid="dossier-header">
      <div className="es-dossier-head-grid">
        <div className="es-dossier-identity">
          <h1 data-testid="dossier-name">{s.name}</h1>
          <div className="es-dossier-tags">
            <TypeTag value={s.sourceType} />
            <StatusTag value={lifecycle?.status ?? s.lifecycleStatus} testId="dossier-status" />
            <PermitTag value={s.permitClass} />
          </div>
          <dl className="es-dossier-facts">
            <dt>{t('sources.uscc')}</dt>
            <dd style={mono} data-testid="dossier-uscc">{s.uscc}</dd>
            <dt>{t('dossier.place')}</dt>
            <dd data-testid="dossier-place">{[s.townName, s.parkName, s.gridName].filter(Boolean).join(' · ')}</dd>
            <dt>{t('dossier.list.industry')}</dt>
            <dd>
              {s.industryCode} {s.industryName ?? ''}
            </dd>
          </dl>
          <div className="es-dossier-actions">
            {extraActions}
            {allowed.length > 0 && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: allowed.map((a) => ({
                    key: `${a.via}:${a.to}`,
                    label: (
                      <span data-testid={`transition-${a.to}`}>
                        {pick(a.label)} → {pick(a.toLabel)}
                        {a.via === 'relocate' ? <span className="es-muted">（{t('dossier.lifecycle.viaRelocate')}）</span> : null}
                      </span>
                    ),
                    onClick: () => onTransition(a),
                  })),
                }}
              >
                <Button icon={<SwapOutlined />} data-testid="transition-menu">
                  {t('dossier.lifecycle.change')} <DownOutlined />
                </Button>
              </Dropdown>
            )}
          </div>
        </div>
        <div className="es-dossier-completeness" data-testid="dossier-completeness">
          <div className="es-completeness-head">
            <Progress type="circle" percent={c.percent} size={72} strokeColor={color} format={(p) => <span data-testid="completeness-percent">{p}%</span>} />
            <div>
              <strong>{t('dossier.completeness')}</strong>
              <div className="es-muted" style={{ fontSize: 12 }}>
                {t('dossier.completenessDone', { done: c.required.length - c.missing.length, total: c.required.length })}
              </div>
            </div>
          </div>
          {c.missing.length === 0 ? (
            <div className="es-completeness-ok">
              <CheckCircleFilled style={{ color: '#2f8f5b' }} /> {t('dossier.completenessFull')}
            </div>
          ) : (
            <div>
              <div className="es-muted" style={{ fontSize: 12, margin: '8px 0 4px' }}>{t('dossier.missing')}</div>
              <ul className="es-missing-list" data-testid="completeness-missing">
                {c.missing.map((m) => (
                  <li key={m.key}>
                    <ExclamationCircleOutlined style={{ color: '#d88a2d' }} /> {pick(m)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>
    </Card>
  );
}
