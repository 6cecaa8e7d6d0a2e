import { useMemo } from 'react';
import { Alert, Form, Select } from 'antd';
import type { FormInstance } from 'antd';
import type { DossierSections, Standard, StandardRow } from '../../../../common/contracts/dossier';
import { listStandards } from '../../../api/dossier';
import { useAsync } from '../../../api/hooks';
import { useI18n } from '../../../i18n/lang';

function rowText(r: StandardRow): string {
  const limit = r.limitValue === null ? (r.limitText ?? '—') : `${r.limitLower !== null ? `${r.limitLower}~` : ''}${r.limitValue} ${r.unit}`;
  return `${r.pollutantName}${r.condition ? `（${r.condition}）` : ''}：${limit}`;
}

/**
 * Picks the standard, its table and the row a limit comes from (GET /api/standards), offering the
 * standards of the outlet's medium, and fills the pollutant, limit, unit and reference O2 from it.
 */
export function StandardRowPicker({ form, sections }: { form: FormInstance; sections: DossierSections }) {
  const { t } = useI18n();
  const outletId = Form.useWatch('outletId', form) as string | undefined;
  const standardId = Form.useWatch('standardId', form) as string | undefined;
  const tableKey = Form.useWatch('standardTable', form) as string | undefined;
  const rowKey = Form.useWatch('standardRow', form) as string | undefined;
  const medium = sections.outlets.find((o) => o.id === outletId)?.kind;

  const { data, loading, error } = useAsync(() => listStandards(medium ? { medium } : {}), [medium]);
  const standards: Standard[] = data?.items ?? [];
  const standard = standards.find((s) => s.id === standardId);
  const table = standard?.tables.find((tb) => tb.key === tableKey);

  const rowOptions = useMemo(() => (table?.rows ?? []).map((r) => ({ value: r.key, label: rowText(r) })), [table]);

  const pickRow = (key: string | undefined) => {
    const r = table?.rows.find((x) => x.key === key);
    form.setFieldsValue({ standardRow: key });
    if (!r) return;
    form.setFieldsValue({
      pollutantCode: r.pollutantCode,
      pollutantName: r.pollutantName,
      limitValue: r.limitValue ?? undefined,
      limitLower: r.limitLower ?? undefined,
      unit: r.unit,
      referenceO2Percent: r.referenceO2Percent ?? undefined,
    });
  };

  const picked = table?.rows.find((r) => r.key === rowKey);
  return (
    <div data-testid="standard-picker" className="es-standard-picker">
      <Form.Item label={t('dossier.limit.standard')} required>
        <Select
          data-testid="standard-select"
          loading={loading}
          value={standardId}
          placeholder={medium ? t('dossier.limit.pickStandard') : t('dossier.limit.pickOutletFirst')}
          onChange={(v: string) => form.setFieldsValue({ standardId: v, standardTable: undefined, standardRow: undefined })}
          options={standards.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
          showSearch={{ optionFilterProp: 'label' }}
          status={error ? 'error' : undefined}
        />
      </Form.Item>
      {standard && !standard.verified && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('dossier.limit.unverified')} description={standard.notes.join(' ')} />
      )}
      {standard && (
        <Form.Item label={t('dossier.limit.table')} required>
          <Select
            data-testid="standard-table-select"
            value={tableKey}
            onChange={(v: string) => form.setFieldsValue({ standardTable: v, standardRow: undefined })}
            options={standard.tables.map((tb) => ({ value: tb.key, label: tb.applies ? `${tb.name}（${tb.applies}）` : tb.name }))}
          />
        </Form.Item>
      )}
      {table && (
        <Form.Item label={t('dossier.limit.row')} required extra={picked?.limitValue === null ? t('dossier.limit.textOnly', { text: picked.limitText ?? '' }) : undefined}>
          <Select
            data-testid="standard-row-select"
            value={rowKey}
            onChange={pickRow}
            options={rowOptions}
            showSearch={{ optionFilterProp: 'label' }}
            popupMatchSelectWidth={false}
            styles={{ popup: { root: { maxWidth: 'min(560px, calc(100vw - 24px))' } } }}
          />
        </Form.Item>
      )}
    </div>
  );
}
