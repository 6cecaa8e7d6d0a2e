import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/lang';
import { ItemBankPanel } from './ItemBankPanel';
import { TemplatesPanel } from './TemplatesPanel';
import './checklists.css';

/** 检查表: the item bank and the templates built from it, on two tabs (?tab=templates). */
export default function ChecklistsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'templates' ? 'templates' : 'items';
  return (
    <div data-testid="checklists-page">
      <div className="es-page-title">
        <h1>{t('ck.title')}</h1>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'templates' ? { tab: 'templates' } : {}, { replace: true })}
        items={[
          { key: 'items', label: t('ck.tab.items'), children: <ItemBankPanel /> },
          { key: 'templates', label: t('ck.tab.templates'), children: <TemplatesPanel /> },
        ]}
        destroyOnHidden={false}
      />
    </div>
  );
}
