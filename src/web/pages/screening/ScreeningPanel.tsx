import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { NegativeEntry, ScreeningRequest, ScreeningResult } from '../../../common/contracts/lifecycle';
import { useShowError } from '../../api/hooks';
import { screenProject } from '../../api/ops';
import { IndustryPicker } from '../../components/IndustryPicker';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/lang';
import { RESTRICTION_COLOR, RESTRICTION_KEY, VERDICT_TYPE } from './labels';
import { PermitSuggestionView } from './PermitSuggestionView';
import { RegisterModal } from './RegisterModal';

interface Values {
  name: string;
  industryCode: string;
  townId?: string | null;
  parkId?: string | null;
  uscc?: string;
}

function toRequest(v: Values): ScreeningRequest {
  return {
    name: v.name.trim(),
    industryCode: v.industryCode,
    townId: v.townId || undefined,
    parkId: v.parkId || undefined,
    uscc: v.uscc?.trim() || undefined,
  };
}

/** 准入评估: a planned project's industry and place against the negative list, with the permit-class suggestion. */
export function ScreeningPanel() {
  const { t, pick } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ request: ScreeningRequest; verdict: ScreeningResult } | null>(null);
  const [registering, setRegistering] = useState(false);

  const run = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    const request = toRequest(v);
    setBusy(true);
    try {
      setResult({ request, verdict: await screenProject(request) });
    } catch (e) {
      setResult(null);
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  const hitColumns: TableColumnsType<NegativeEntry> = [
    { title: t('neg.scope'), key: 'region', render: (_, e) => e.regionName ?? t('neg.platform') },
    { title: t('neg.industry'), key: 'industry', width: 180, render: (_, e) => `${e.industryCodePrefix} ${e.industryName ?? ''}` },
    { title: t('neg.name'), dataIndex: 'name' },
    { title: t('neg.restriction'), dataIndex: 'restriction', render: (v: NegativeEntry['restriction']) => <Tag color={RESTRICTION_COLOR[v]}>{t(RESTRICTION_KEY[v])}</Tag> },
    { title: t('neg.reason'), dataIndex: 'reason', width: 320 },
    { title: t('neg.scopeNote'), dataIndex: 'scopeNote', render: (v: string | null) => v ?? '—' },
  ];

  const r = result?.verdict;
  return (
    <div className="es-screen" data-testid="screening-panel">
      <Card variant="borderless" className="es-screen-form-card">
        <Form form={form} layout="vertical" onFinish={() => void run()} data-testid="screening-form" onValuesChange={() => setResult(null)}>
          <div className="es-screen-grid">
            <Form.Item name="name" label={t('screen.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('screen.name') }) }]}>
              <Input maxLength={200} data-testid="screen-name" />
            </Form.Item>
            <Form.Item name="industryCode" label={t('screen.industry')} rules={[{ required: true, message: t('common.select', { field: t('screen.industry') }) }]}>
              <IndustryPicker testId="screen-industry" />
            </Form.Item>
            <Form.Item name="townId" label={t('screen.town')}>
              <RegionTreeSelect levels={['town']} placeholder={t('screen.townPh')} testId="screen-town" />
            </Form.Item>
            <Form.Item name="parkId" label={t('screen.park')}>
              <RegionTreeSelect levels={['park']} placeholder={t('screen.parkPh')} testId="screen-park" />
            </Form.Item>
            <Form.Item name="uscc" label={t('screen.uscc')} extra={t('screen.usccHint')}>
              <Input maxLength={40} data-testid="screen-uscc" />
            </Form.Item>
          </div>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="screen-submit">
            {t('screen.submit')}
          </Button>
        </Form>
      </Card>
      {r && result && (
        <Card variant="borderless" className="es-screen-result" data-testid="screening-result" data-verdict={r.verdict}>
          <Alert
            type={VERDICT_TYPE[r.verdict]}
            showIcon
            title={<strong data-testid="screen-verdict">{pick(r.verdictLabel)}</strong>}
            description={
              <ul className="es-screen-notes">
                {r.notes.map((n, i) => (
                  <li key={i}>{pick(n)}</li>
                ))}
              </ul>
            }
          />
          <h3>{t('screen.hits', { n: r.hits.length })}</h3>
          {r.hits.length ? (
            <Table<NegativeEntry> rowKey="id" size="small" pagination={false} columns={hitColumns} dataSource={r.hits} scroll={{ x: 'max-content' }} data-testid="screen-hits" />
          ) : (
            <p className="es-muted">{t('screen.noHits')}</p>
          )}
          <h3>{t('screen.permitTitle')}</h3>
          <PermitSuggestionView s={r.permitSuggestion} />
          {r.verdict !== 'forbidden' && (
            <div className="es-screen-register">
              <span className="es-muted">{t('screen.registerHint')}</span>
              <Button type="primary" onClick={() => setRegistering(true)} data-testid="screen-register">
                {t('screen.register')}
              </Button>
            </div>
          )}
        </Card>
      )}
      {registering && result && <RegisterModal request={result.request} screening={result.verdict} onClose={() => setRegistering(false)} />}
    </div>
  );
}
