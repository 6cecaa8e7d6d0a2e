import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Select, Tag } from 'antd';
import type { LedgerField, LedgerImport } from '../../../common/contracts/ledgers';
import { useShowError } from '../../api/hooks';
import { updateImportMapping } from '../../api/ops';
import { useI18n } from '../../i18n/lang';
import { FIELDS, FIELD_KEY, REQUIRED } from './fields';

type ByHeader = Record<number, LedgerField | undefined>;

function invert(mapping: Record<string, number>): ByHeader {
  const out: ByHeader = {};
  for (const [field, index] of Object.entries(mapping)) out[index] = field as LedgerField;
  return out;
}

/**
 * Step 2: the file's headers and the field each one fills. Unmapped headers are highlighted; the user
 * picks a field for them (a field fills from one column only) and may have the mapping remembered.
 */
export function MappingPanel({ batch, onMapped }: { batch: LedgerImport; onMapped: (batch: LedgerImport) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [byHeader, setByHeader] = useState<ByHeader>(() => invert(batch.mapping));
  const [remember, setRemember] = useState(true);
  const [saving, setSaving] = useState(false);
  useEffect(() => setByHeader(invert(batch.mapping)), [batch.mapping, batch.version]);

  const used = useMemo(() => new Set(Object.values(byHeader).filter(Boolean)), [byHeader]);
  const missing = FIELDS.filter((f) => REQUIRED.has(f) && !used.has(f));
  const changed = JSON.stringify(byHeader) !== JSON.stringify(invert(batch.mapping));
  const sample = (index: number) => batch.preview.map((r) => r.cells[index]).find((c) => c && c.trim()) ?? '';

  const assign = (index: number, field: LedgerField | undefined) =>
    setByHeader((prev) => {
      const next: ByHeader = {};
      for (const [k, v] of Object.entries(prev)) if (v && v !== field) next[Number(k)] = v;
      if (field) next[index] = field;
      return next;
    });

  const apply = async () => {
    const mapping: Partial<Record<LedgerField, number | null>> = Object.fromEntries(FIELDS.map((f) => [f, null]));
    for (const [k, v] of Object.entries(byHeader)) if (v) mapping[v] = Number(k);
    setSaving(true);
    try {
      const next = await updateImportMapping(batch.importId, { version: batch.version, mapping, remember });
      message.success(remember ? t('ledger.mappingSavedRemembered') : t('ledger.mappingSaved'));
      onMapped(next);
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="ledger-mapping">
      <div className="es-ledger-mapping-head">
        <span>
          {t('ledger.sheet', { sheet: batch.sheetName, row: batch.headerRow })}{' '}
          <Tag color={batch.mappingSource === 'remembered' ? 'purple' : batch.mappingSource === 'user' ? 'blue' : 'default'}>
            {t(batch.mappingSource === 'remembered' ? 'ledger.mapping.remembered' : batch.mappingSource === 'user' ? 'ledger.mapping.user' : 'ledger.mapping.auto')}
          </Tag>
        </span>
      </div>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="ledger-missing-fields"
          title={t('ledger.missingRequired', { fields: missing.map((f) => t(FIELD_KEY[f])).join('、') })}
        />
      )}
      <div className="es-ledger-mapping-grid">
        {batch.headers.map((h, index) => {
          const field = byHeader[index];
          return (
            <div key={index} className={`es-ledger-map-row${field ? '' : ' is-unmapped'}`} data-testid="ledger-map-row" data-header={h}>
              <div className="es-ledger-map-header">
                <strong>{h || t('ledger.blankHeader', { n: index + 1 })}</strong>
                <span className="es-muted" title={sample(index)}>
                  {sample(index) || '—'}
                </span>
              </div>
              <Select<LedgerField | ''>
                value={field ?? ''}
                onChange={(v) => assign(index, v || undefined)}
                className="es-ledger-map-select"
                data-testid={`ledger-map-${index}`}
                showSearch={{ optionFilterProp: 'label' }}
                options={[
                  { value: '', label: t('ledger.notImported') },
                  ...FIELDS.map((f) => ({
                    value: f,
                    label: `${t(FIELD_KEY[f])}${REQUIRED.has(f) ? ' *' : ''}${used.has(f) && f !== field ? ` (${t('ledger.inUse')})` : ''}`,
                  })),
                ]}
              />
            </div>
          );
        })}
      </div>
      <div className="es-ledger-mapping-actions">
        <Checkbox checked={remember} onChange={(e) => setRemember(e.target.checked)} data-testid="ledger-remember">
          {t('ledger.remember')}
        </Checkbox>
        <Button type="primary" onClick={() => void apply()} loading={saving} disabled={!changed && !remember} data-testid="ledger-apply-mapping">
          {t('ledger.applyMapping')}
        </Button>
      </div>
    </div>
  );
}
