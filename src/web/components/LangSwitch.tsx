import { Button } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/lang';

/** Shows the other language's name; one click switches (and is remembered in localStorage). */
export function LangSwitch({ ghost }: { ghost?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      data-testid="lang-switch"
      type={ghost ? 'text' : 'default'}
      size="small"
      icon={<TranslationOutlined />}
      title={t('lang.switchTitle')}
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      className={ghost ? 'es-header-btn' : undefined}
    >
      {t('lang.other')}
    </Button>
  );
}
