import { useState, type ReactNode } from 'react';
import { Button, Card, Result, Select, Tabs } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { SectionKey } from '../../../common/contracts/dossier';
import type { Lifecycle } from '../../../common/contracts/lifecycle';
import { canOpen, useMe } from '../../app/auth';
import { LoadingBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import type { DictKey } from '../../i18n/dict';
import { useI18n } from '../../i18n/lang';
import { BasicsTab } from './basics/BasicsTab';
import { DossierHeader } from './DossierHeader';
import { HistoryTab } from './HistoryTab';
import { LifecycleTab } from './lifecycle/LifecycleTab';
import { TransitionModal } from './lifecycle/TransitionModal';
import { ComplianceTab, DocumentsTab, QrButton } from './mounts';
import { RiskTab } from '../risk/RiskTab';
import { ProposalsTab } from './ProposalsTab';
import { SectionPanel } from './sections/SectionPanel';
import { useDossier } from './useDossier';
import './sources.css';

type Allowed = Lifecycle['allowedTransitions'][number];

/** The section tabs: each shows its sections with the one generic table + form. */
const SECTION_TABS: Array<{ key: string; label: DictKey; sections: SectionKey[] }> = [
  { key: 'permits', label: 'dossier.tab.permits', sections: ['eia-approvals', 'acceptances', 'permits'] },
  { key: 'outlets', label: 'dossier.tab.outlets', sections: ['outlets', 'outlet-limits'] },
  { key: 'facilities', label: 'dossier.tab.facilities', sections: ['facilities'] },
  { key: 'devices', label: 'dossier.tab.devices', sections: ['devices'] },
  { key: 'wastes', label: 'dossier.tab.wastes', sections: ['hazardous-wastes'] },
  { key: 'emergency', label: 'dossier.tab.emergency', sections: ['emergency-plans'] },
  { key: 'penalties', label: 'dossier.tab.penalties', sections: ['penalties', 'credit-ratings'] },
  { key: 'contacts', label: 'dossier.tab.contacts', sections: ['contacts'] },
];

/** 一源一档: the dossier of one pollution source, in tabs (the tab is kept in ?tab=). */
export default function SourceDetailPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const me = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { dossier, lifecycle, error, lifecycleError, reload } = useDossier(id);
  const [transition, setTransition] = useState<Allowed | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const tab = params.get('tab') ?? 'basics';

  const changed = () => {
    setHistoryKey((k) => k + 1);
    return reload();
  };
  const setTab = (key: string) => {
    const next = new URLSearchParams(params);
    if (key === 'basics') next.delete('tab');
    else next.set('tab', key);
    setParams(next, { replace: true });
  };
  const onTransition = (a: Allowed) => {
    if (a.via === 'relocate') setTab('lifecycle');
    else setTransition(a);
  };

  if (!dossier) {
    if (!error) return <LoadingBlock />;
    const missing = error.status === 404 || error.status === 403;
    return (
      <Result
        status={missing ? 'warning' : 'error'}
        title={t(error.status === 403 ? 'dossier.forbidden' : error.status === 404 ? 'dossier.notFound' : 'error.loadFailed')}
        subTitle={pick(error.messages)}
        data-testid="dossier-error"
        extra={[
          <Button key="back" onClick={() => navigate('/sources')}>
            {t('dossier.backToList')}
          </Button>,
          !missing && (
            <Button key="retry" type="primary" onClick={() => void reload()}>
              {t('common.retry')}
            </Button>
          ),
        ]}
      />
    );
  }

  const sectionTab = (sections: SectionKey[]): ReactNode => (
    <div className="es-tab-stack">
      {sections.map((s) => (
        <SectionPanel key={s} section={s} dossier={dossier} onChanged={() => void changed()} />
      ))}
    </div>
  );

  const items: Array<{ key: string; label: string; children: ReactNode }> = [
    { key: 'basics', label: t('dossier.tab.basics'), children: <BasicsTab dossier={dossier} reload={changed} /> },
    ...SECTION_TABS.map((s) => ({ key: s.key, label: t(s.label), children: sectionTab(s.sections) })),
    {
      key: 'lifecycle',
      label: t('dossier.tab.lifecycle'),
      children: <LifecycleTab dossier={dossier} lifecycle={lifecycle} error={lifecycleError} onTransition={onTransition} onChanged={() => void changed()} />,
    },
    { key: 'proposals', label: t('dossier.tab.proposals'), children: <ProposalsTab dossier={dossier} onChanged={() => void changed()} /> },
    { key: 'documents', label: t('dossier.tab.documents'), children: <DocumentsTab sourceId={dossier.source.id} canUpload={dossier.canEdit} /> },
    { key: 'compliance', label: t('dossier.tab.compliance'), children: <ComplianceTab sourceId={dossier.source.id} /> },
    { key: 'history', label: t('dossier.tab.history'), children: <HistoryTab dossier={dossier} refreshKey={historyKey} /> },
    ...(canOpen(me.role, 'risk') ? [{ key: 'risk', label: t('risk.tab'), children: <RiskTab sourceId={dossier.source.id} /> }] : []),
  ];

  const active = items.some((i) => i.key === tab) ? tab : 'basics';
  return (
    <div data-testid="dossier-page">
      <div className="es-dossier-back">
        <Link to="/sources" data-testid="dossier-back">
          <ArrowLeftOutlined /> {t('dossier.backToList')}
        </Link>
      </div>
      <DossierHeader dossier={dossier} lifecycle={lifecycle} onTransition={onTransition} extraActions={<QrButton sourceId={dossier.source.id} />} />
      <Card variant="borderless" className="es-dossier-tabs">
        <Tabs
          data-testid="dossier-tabs"
          activeKey={active}
          onChange={setTab}
          items={items}
          tabPlacement={mobile ? 'top' : 'start'}
          tabBarGutter={mobile ? undefined : 0}
          // A phone has no room for fifteen tabs: one full-width picker lists them all.
          renderTabBar={
            mobile
              ? () => (
                  <Select
                    data-testid="dossier-tab-select"
                    value={active}
                    onChange={setTab}
                    options={items.map((i) => ({ value: i.key, label: i.label }))}
                    style={{ width: '100%', marginBottom: 12 }}
                    size="large"
                  />
                )
              : undefined
          }
        />
      </Card>
      <TransitionModal
        sourceId={dossier.source.id}
        version={dossier.version}
        fromStatus={lifecycle?.status ?? dossier.source.lifecycleStatus}
        transition={transition}
        onClose={() => setTransition(null)}
        onChanged={() => void changed()}
      />
    </div>
  );
}
