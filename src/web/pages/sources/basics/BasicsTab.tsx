import { useRef, useState } from 'react';
import { Alert, App, Button, Form, Space } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Dossier } from '../../../../common/contracts/dossier';
import { coordinatePairError } from '../../../../common/dossier-rules';
import { ApiError } from '../../../api/client';
import { updateBasics } from '../../../api/dossier';
import { useShowError } from '../../../api/hooks';
import { useI18n } from '../../../i18n/lang';
import { changedFields, type Values } from '../sections/fields';
import { BASIC_SPECS, basicsBody, basicsFormValues } from './basicFields';
import { BasicsFormFields } from './BasicsFormFields';
import { BasicsView, useBasicText } from './BasicsView';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

interface Props {
  dossier: Dossier;
  /** Reload the dossier; resolves with the fresh one. */
  reload: () => Promise<Dossier | undefined>;
}

/**
 * 基本信息: view, and an edit form that sends only the changed fields with the version it was opened
 * on. A 409 keeps everything the user typed, reloads, and notes under each field what changed meanwhile.
 */
export function BasicsTab({ dossier, reload }: Props) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const text = useBasicText();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  /** The values the user started from; after a 409, compared with the fresh ones for the notes. */
  const [base, setBase] = useState<Values | null>(null);
  /** The stored values and version the edit is based on: what is sent is what differs from them. */
  const editBase = useRef<{ values: Values; version: number }>({ values: {}, version: 0 });
  const [stale, setStale] = useState<string | null>(null);
  const source = dossier.source as unknown as Values;

  const start = () => {
    const values = basicsFormValues(source);
    form.setFieldsValue(values);
    setBase(basicsBody(values));
    editBase.current = { values: basicsBody(values), version: dossier.version };
    setStale(null);
    setEditing(true);
  };

  const cancel = () => {
    setEditing(false);
    setStale(null);
    form.resetFields();
  };

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body = basicsBody(v);
    const pair = coordinatePairError(body as { longitude: number | null; latitude: number | null });
    if (pair) {
      form.setFields([{ name: pair.field, errors: [pick(pair)] }]);
      return;
    }
    const changes = changedFields(body, editBase.current.values);
    if (Object.keys(changes).length === 0) {
      cancel();
      return;
    }
    setSaving(true);
    try {
      await updateBasics(dossier.source.id, { version: editBase.current.version, ...changes });
      message.success(t('common.saved'));
      setEditing(false);
      setStale(null);
      await reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_version') {
        setStale(pick(e.messages));
        // Keep what the user typed; fields they left alone take the fresh values, so the next save
        // (on the new version) sends only the user's own changes and undoes nobody else's.
        const fresh = await reload();
        if (fresh && base) {
          const freshValues = basicsFormValues(fresh.source as unknown as Values);
          const typed = basicsBody(form.getFieldsValue(true) as Values);
          const untouched = BASIC_SPECS.filter((f) => same(typed[f.name], base[f.name])).map((f) => [f.name, freshValues[f.name]]);
          form.setFieldsValue(Object.fromEntries(untouched));
          editBase.current = { values: basicsBody(freshValues), version: fresh.version };
        }
      } else showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  // After a 409: under each field that someone else changed meanwhile, its value now.
  const fresh = basicsBody(basicsFormValues(source));
  const hints: Record<string, React.ReactNode> = {};
  if (stale && base) {
    for (const f of BASIC_SPECS) {
      if (!same(fresh[f.name], base[f.name])) {
        hints[f.name] = (
          <span className="es-stale-hint" data-testid={`stale-hint-${f.name}`}>
            {t('dossier.basics.changedMeanwhile', { value: text(f.name, fresh[f.name], dossier.source) })}
          </span>
        );
      }
    }
  }

  if (!editing) {
    return (
      <div>
        {dossier.canEdit && (
          <div className="es-tab-toolbar">
            <Button type="primary" icon={<EditOutlined />} onClick={start} data-testid="basics-edit">
              {t('dossier.basics.edit')}
            </Button>
          </div>
        )}
        <BasicsView source={dossier.source} />
      </div>
    );
  }

  return (
    <div data-testid="basics-form-wrap">
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="basics-stale"
          title={stale}
          description={t('dossier.staleKept')}
        />
      )}
      <Form<Values> form={form} layout="vertical" data-testid="basics-form" scrollToFirstError>
        <BasicsFormFields original={base ?? undefined} hints={hints} />
      </Form>
      <Space className="es-form-actions">
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="basics-save">
          {t('common.save')}
        </Button>
        <Button onClick={cancel} data-testid="basics-cancel">
          {t('common.cancel')}
        </Button>
      </Space>
    </div>
  );
}
