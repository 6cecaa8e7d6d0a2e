import { Tabs } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/lang';
import { HandbookPanel } from './HandbookPanel';
import { LawsPanel } from './LawsPanel';
import { StandardsPanel } from './StandardsPanel';
import './knowledge.css';

const TABS = ['laws', 'standards', 'handbook'] as const;
type Tab = (typeof TABS)[number];

/**
 * 法规标准: laws by article (/knowledge/laws?law=&no=&q=), emission standards (/knowledge/standards?id=)
 * and the compliance handbook (/knowledge/handbook?year=&area=). Every role reads; the administrator
 * edits the handbook's draft edition.
 */
export default function KnowledgePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { tab: param } = useParams();
  const tab: Tab = (TABS as readonly string[]).includes(param ?? '') ? (param as Tab) : 'laws';
  return (
    <div data-testid="knowledge-page" className="es-kn">
      <div className="es-page-title">
        <h1>{t('kn.title')}</h1>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(`/knowledge/${k}`)}
        items={[
          { key: 'laws', label: <span data-testid="kn-tab-laws">{t('kn.tab.laws')}</span>, children: tab === 'laws' ? <LawsPanel /> : null },
          { key: 'standards', label: <span data-testid="kn-tab-standards">{t('kn.tab.standards')}</span>, children: tab === 'standards' ? <StandardsPanel /> : null },
          { key: 'handbook', label: <span data-testid="kn-tab-handbook">{t('kn.tab.handbook')}</span>, children: tab === 'handbook' ? <HandbookPanel /> : null },
        ]}
      />
    </div>
  );
}
