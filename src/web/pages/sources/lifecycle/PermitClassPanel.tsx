import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dossier } from '../../../../common/contracts/dossier';
import type { CatalogueRow, Lifecycle } from '../../../../common/contracts/lifecycle';
import { PERMIT_CLASS, type PermitClass } from '../../../../common/enums';
import { ApiError } from '../../../api/client';
import { decidePermitClass, suggestPermitClass } from '../../../api/dossier';
import { useAsync, useShowError } from '../../../api/hooks';
import { ErrorBlock, LoadingBlock } from '../../../components/PageState';
import { useI18n } from '../../../i18n/lang';
import { PermitTag } from '../tags';

interface Props {
  dossier: Dossier;
  lifecycle?: Lifecycle;
  onChanged: () => void;
}

type Cell = CatalogueRow['cells']['key'];

/** 排污许可管理类别: the 2019 名录's suggestion for the source's industry, citing its row; confirm, or override with a reason. */
export function PermitClassPanel({ dossier, lifecycle, onChanged }: Props) {
  const { t, pick, label, formatTime } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ permitClass: PermitClass; reason: string }>();
  const [overriding, setOverriding] = useState(false);
  const [saving, setSaving] = useState(false);
  const code = dossier.source.industryCode;
  const { data, loading, error, reload } = useAsync(() => suggestPermitClass(code), [code]);

  const decide = async (body: { permitClass: PermitClass; catalogueRowNo: number; decision: 'confirm' | 'override'; reason?: string }) => {
    setSaving(true);
    try {
      await decidePermitClass(dossier.source.id, { ...body, version: dossier.version });
      message.success(t('dossier.permitClass.saved', { cls: label(PERMIT_CLASS, body.permitClass) }));
      setOverriding(false);
      form.resetFields();
      onChanged();
    } catch (e) {
      showError(e, form);
      if (e instanceof ApiError && e.code === 'stale_version') onChanged();
    } finally {
      setSaving(false);
    }
  };

  const cell = (c: Cell) => (c.text === null ? <span className="es-muted">/</span> : <span className={c.applies ? 'es-cell-applies' : 'es-muted'}>{c.text}</span>);
  const columns: TableColumnsType<CatalogueRow> = [
    { title: t('dossier.permitClass.no'), dataIndex: 'no', width: 60 },
    { title: t('dossier.permitClass.industry'), dataIndex: 'industry', width: 200 },
    { title: label(PERMIT_CLASS, 'key'), key: 'key', width: 200, render: (_, r) => cell(r.cells.key) },
    { title: label(PERMIT_CLASS, 'simplified'), key: 'simplified', width: 200, render: (_, r) => cell(r.cells.simplified) },
    { title: label(PERMIT_CLASS, 'registration'), key: 'registration', width: 200, render: (_, r) => cell(r.cells.registration) },
    { title: t('dossier.permitClass.rowSuggests'), key: 'suggested', width: 100, render: (_, r) => <PermitTag value={r.suggestedClass} /> },
  ];
  if (dossier.canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'confirm',
      render: (_, r) => (
        <Button size="small" type="link" loading={saving} onClick={() => void decide({ permitClass: r.suggestedClass, catalogueRowNo: r.no, decision: 'confirm' })}>
          {t('dossier.permitClass.confirmRow')}
        </Button>
      ),
    });
  }

  let body: React.ReactNode;
  if (loading && !data) body = <LoadingBlock />;
  else if (error || !data) body = error ? <ErrorBlock error={error} onRetry={reload} /> : null;
  else {
    const s = data;
    body = (
      <div data-testid="permit-suggestion">
        <Alert
          type={s.suggestedClass === dossier.source.permitClass ? 'success' : 'info'}
          showIcon
          title={
            <span data-testid="permit-suggested">
              {t('dossier.permitClass.suggests', { industry: `${s.industryCode} ${s.industryName}` })} <PermitTag value={s.suggestedClass} />
              {t('dossier.permitClass.cites', { no: s.citedRow.no, row: s.citedRow.industry })}
            </span>
          }
          description={
            <>
              <div>{pick(s.basis)}</div>
              <div style={{ marginTop: 4 }}>
                {t('dossier.permitClass.current')} <PermitTag value={dossier.source.permitClass} />
              </div>
            </>
          }
        />
        {dossier.canEdit && (
          <Space wrap style={{ margin: '12px 0' }}>
            <Button
              type="primary"
              loading={saving}
              data-testid="permit-confirm"
              onClick={() => void decide({ permitClass: s.suggestedClass, catalogueRowNo: s.citedRow.no, decision: 'confirm' })}
            >
              {t('dossier.permitClass.confirm', { cls: label(PERMIT_CLASS, s.suggestedClass) })}
            </Button>
            <Button onClick={() => setOverriding((o) => !o)} data-testid="permit-override-toggle">
              {t('dossier.permitClass.override')}
            </Button>
          </Space>
        )}
        {overriding && (
          <Form
            form={form}
            layout="vertical"
            data-testid="permit-override-form"
            onFinish={(v) => void decide({ permitClass: v.permitClass, catalogueRowNo: s.citedRow.no, decision: 'override', reason: v.reason.trim() })}
          >
            <Form.Item name="permitClass" label={t('dossier.permitClass.chosen')} rules={[{ required: true, message: t('common.select', { field: t('dossier.permitClass.chosen') }) }]}>
              <Select options={PERMIT_CLASS.values.map((c) => ({ value: c, label: label(PERMIT_CLASS, c) }))} data-testid="permit-override-class" style={{ maxWidth: 240 }} />
            </Form.Item>
            <Form.Item name="reason" label={t('dossier.lifecycle.reason')} rules={[{ required: true, whitespace: true, message: t('dossier.permitClass.reasonRequired') }]}>
              <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} data-testid="permit-override-reason" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="permit-override-submit">
              {t('dossier.permitClass.overrideSubmit')}
            </Button>
          </Form>
        )}
        <Table<CatalogueRow>
          rowKey="no"
          size="small"
          style={{ marginTop: 12 }}
          columns={columns}
          dataSource={[...s.rows, ...s.alsoCheck]}
          pagination={false}
          scroll={{ x: 1000 }}
          tableLayout="fixed"
          rowClassName={(r) => (r.no === s.citedRow.no ? 'es-row-cited' : '')}
          title={() => <span className="es-muted">{t('dossier.permitClass.rowsHint')}</span>}
        />
        <p className="es-muted" style={{ fontSize: 12, marginTop: 8 }}>
          {s.catalogue.title} · {s.catalogue.issuedBy}. {s.catalogue.caveat}
        </p>
      </div>
    );
  }

  const decisions = lifecycle?.permitDecisions ?? [];
  return (
    <Card size="small" title={t('dossier.permitClass.title')} data-testid="permit-class-panel" className="es-section-card">
      {body}
      {decisions.length > 0 && (
        <div data-testid="permit-decisions">
          <h4 style={{ marginTop: 12 }}>{t('dossier.permitClass.decisions')}</h4>
          {decisions.map((d) => (
            <div key={d.id} className="es-decision">
              <Tag color={d.decision === 'confirm' ? 'green' : 'orange'}>{t(d.decision === 'confirm' ? 'dossier.permitClass.confirmed' : 'dossier.permitClass.overridden')}</Tag>
              <PermitTag value={d.previousClass} /> → <PermitTag value={d.chosenClass} />
              <span className="es-muted">
                {t('dossier.permitClass.rowRef', { no: d.catalogueRowNo })} · {d.actor.name} · {formatTime(d.at)}
              </span>
              {d.reason && <div>{d.reason}</div>}
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
