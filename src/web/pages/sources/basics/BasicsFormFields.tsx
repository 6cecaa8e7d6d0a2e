import type { ReactNode } from 'react';
import { Col, Divider, Form, Row } from 'antd';
import type { FormRule as Rule } from 'antd';
import { BASIC_FIELD_LABELS } from '../../../../common/dossier-sections';
import { usccError } from '../../../../common/uscc';
import { useI18n } from '../../../i18n/lang';
import { FieldInput } from '../sections/FieldInput';
import type { FieldSpec, Values } from '../sections/fields';
import { BASIC_GROUPS, PHONE_RE } from './basicFields';

interface Props {
  /** Only these fields (e.g. what an enterprise may propose); all when omitted. */
  only?: readonly string[];
  /** The stored values: an unchanged USCC is not re-checked (old ledgers hold some invalid ones). */
  original?: Values;
  /** Notes under a field (e.g. "changed meanwhile to …" after a 409). */
  hints?: Record<string, ReactNode>;
  /** Extra items shown at the end of the location group (the create form's grid and park). */
  locationExtra?: ReactNode;
}

/** The basic-data form items in their groups; used by the edit form, the create page and enterprise proposals. */
export function BasicsFormFields({ only, original, hints, locationExtra }: Props) {
  const { t, pick } = useI18n();

  const rules = (f: FieldSpec, label: string): Rule[] => {
    const out: Rule[] = [];
    if (f.required) out.push({ required: true, whitespace: true, message: t('common.required', { field: label }) });
    if (f.kind.type === 'phone') out.push({ pattern: PHONE_RE, message: t('dossier.basics.phoneRule') });
    if (f.name === 'uscc') {
      out.push({
        validator: async (_r, v: unknown) => {
          const code = typeof v === 'string' ? v.trim().toUpperCase() : '';
          if (!code || code === original?.uscc) return;
          const err = usccError(code);
          if (err) throw new Error(pick(err));
        },
      });
    }
    return out;
  };

  return (
    <>
      {BASIC_GROUPS.map((g) => {
        const fields = g.fields.filter((f) => !only || only.includes(f.name));
        const extra = g.title === 'dossier.basics.location' ? locationExtra : null;
        if (fields.length === 0 && !extra) return null;
        return (
          <div key={g.title}>
            <Divider titlePlacement="start" plain style={{ marginTop: 4 }}>
              {t(g.title)}
            </Divider>
            <Row gutter={16}>
              {fields.map((f) => {
                const label = pick(BASIC_FIELD_LABELS[f.name] ?? { zh: f.name, en: f.name });
                return (
                  <Col key={f.name} xs={24} md={f.wide ? 24 : 12} xl={f.wide ? 24 : 8}>
                    <Form.Item name={f.name} label={label} rules={rules(f, label)} extra={hints?.[f.name]}>
                      <FieldInput spec={f} />
                    </Form.Item>
                  </Col>
                );
              })}
              {extra}
            </Row>
          </div>
        );
      })}
    </>
  );
}
