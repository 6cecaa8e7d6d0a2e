import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/lang';
import { NegativeListPanel } from './NegativeListPanel';
import { ScreeningPanel } from './ScreeningPanel';
import './screening.css';

/** 准入评估 and the local negative list (负面清单), on two tabs (?tab=negative). */
export default function ScreeningPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'negative' ? 'negative' : 'screen';
  return (
    <div data-testid="screening-page">
      <div className="es-page-title">
        <h1>{t('screen.title')}</h1>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'negative' ? { tab: 'negative' } : {}, { replace: true })}
        items={[
          { key: 'screen', label: t('screen.tab'), children: <ScreeningPanel /> },
          { key: 'negative', label: t('neg.tab'), children: <NegativeListPanel /> },
        ]}
        destroyOnHidden={false}
      />
    </div>
  );
}
