import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { Dossier } from '../../../common/contracts/dossier';
import type { ProposableField, ProposalChanges } from '../../../common/contracts/lifecycle';
import { coordinatePairError } from '../../../common/dossier-rules';
import { createProposal, listSourceProposals } from '../../api/dossier';
import { useAsync, useShowError } from '../../api/hooks';
import { useMe } from '../../app/auth';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';
import { ProposalCard } from '../proposals/ProposalCard';
import { BASIC_SPECS, basicsBody, basicsFormValues } from './basics/basicFields';
import { BasicsFormFields } from './basics/BasicsFormFields';
import { changedFields, type Values } from './sections/fields';

/** What an enterprise may propose: mirrors PROPOSABLE_FIELDS of the lifecycle contract (a runtime value there, with zod). */
const PROPOSABLE = [
  'address', 'longitude', 'latitude', 'legalRepresentative', 'contactName', 'contactPhone', 'envDirectorName', 'envDirectorPhone',
  'employees', 'scale', 'registeredCapitalWan', 'establishedOn', 'landAreaM2', 'annualOutputWan', 'mainProducts', 'mainMaterials',
  'annualOperatingHours',
] as const satisfies readonly ProposableField[];
const SPECS = BASIC_SPECS.filter((f) => (PROPOSABLE as readonly string[]).includes(f.name));

/** 企业更新申请: the enterprise proposes changes of its own basic data; reviewers approve or reject them. */
export function ProposalsTab({ dossier, onChanged }: { dossier: Dossier; onChanged: () => void }) {
  const me = useMe();
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [proposing, setProposing] = useState(false);
  const [saving, setSaving] = useState(false);
  const { data, loading, error, reload } = useAsync(() => listSourceProposals(dossier.source.id), [dossier.source.id]);
  const source = dossier.source as unknown as Values;
  const mayPropose = me.role === 'enterprise';

  const start = () => {
    form.setFieldsValue({ ...basicsFormValues(source, SPECS), note: undefined });
    setProposing(true);
  };

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body = basicsBody(v, SPECS);
    const pair = coordinatePairError(body as { longitude: number | null; latitude: number | null });
    if (pair) {
      form.setFields([{ name: pair.field, errors: [pick(pair)] }]);
      return;
    }
    const changes = changedFields(body, basicsBody(basicsFormValues(source, SPECS), SPECS));
    if (Object.keys(changes).length === 0) {
      message.warning(t('proposals.nothingChanged'));
      return;
    }
    setSaving(true);
    try {
      const note = typeof v.note === 'string' && v.note.trim() ? v.note.trim() : undefined;
      await createProposal(dossier.source.id, { changes: changes as ProposalChanges, note });
      message.success(t('proposals.submitted'));
      setProposing(false);
      reload();
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  const items = data?.items ?? [];
  return (
    <div className="es-tab-stack" data-testid="proposals-tab">
      {mayPropose && !proposing && (
        <div className="es-tab-toolbar">
          <Button type="primary" icon={<SendOutlined />} onClick={start} data-testid="proposal-new">
            {t('proposals.new')}
          </Button>
        </div>
      )}
      {mayPropose && proposing && (
        <Card size="small" className="es-section-card" title={t('proposals.newTitle')} data-testid="proposal-form-card">
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('proposals.newHint')} />
          <Form<Values> form={form} layout="vertical" data-testid="proposal-form">
            <BasicsFormFields only={PROPOSABLE} />
            <Form.Item name="note" label={t('proposals.noteLabel')}>
              <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} data-testid="proposal-note" />
            </Form.Item>
          </Form>
          <Space>
            <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="proposal-submit">
              {t('proposals.submit')}
            </Button>
            <Button onClick={() => setProposing(false)}>{t('common.cancel')}</Button>
          </Space>
        </Card>
      )}
      {loading && !data ? (
        <LoadingBlock />
      ) : error && !data ? (
        <ErrorBlock error={error} onRetry={reload} />
      ) : items.length === 0 ? (
        <EmptyBlock text={t('proposals.none')} />
      ) : (
        items.map((p) => (
          <ProposalCard
            key={p.id}
            proposal={p}
            onDecided={() => {
              reload();
              onChanged();
            }}
          />
        ))
      )}
    </div>
  );
}
