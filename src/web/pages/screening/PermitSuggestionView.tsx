import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CatalogueRow, PermitSuggestion } from '../../../common/contracts/lifecycle';
import { PERMIT_CLASS } from '../../../common/enums';
import { useI18n } from '../../i18n/lang';

const PERMIT_COLOR = { key: 'red', simplified: 'orange', registration: 'green', none: 'default' } as const;

function Cell({ cell }: { cell: CatalogueRow['cells']['key'] }) {
  if (!cell.text) return <span className="es-muted">/</span>;
  return <span className={cell.applies ? 'es-screen-applies' : 'es-muted'}>{cell.text}</span>;
}

/** The 2019 排污许可分类管理名录 rows behind a permit-class suggestion, the cited row first. */
export function PermitSuggestionView({ s }: { s: PermitSuggestion }) {
  const { t, label, pick } = useI18n();
  const columns: TableColumnsType<CatalogueRow> = [
    { title: t('screen.rowNo'), dataIndex: 'no', width: 64, render: (v: number) => (v === s.citedRow.no ? <Tag color="green">{v}</Tag> : v) },
    { title: t('screen.industryCol'), dataIndex: 'industry', width: 180 },
    { title: label(PERMIT_CLASS, 'key'), key: 'key', width: 240, render: (_, r) => <Cell cell={r.cells.key} /> },
    { title: label(PERMIT_CLASS, 'simplified'), key: 'simplified', width: 240, render: (_, r) => <Cell cell={r.cells.simplified} /> },
    { title: label(PERMIT_CLASS, 'registration'), key: 'registration', width: 240, render: (_, r) => <Cell cell={r.cells.registration} /> },
  ];
  return (
    <div className="es-screen-permit" data-testid="screen-permit">
      <div className="es-screen-permit-head">
        <span>{t('screen.suggested')}</span>
        <Tag color={PERMIT_COLOR[s.suggestedClass]} data-testid="screen-permit-class">
          {label(PERMIT_CLASS, s.suggestedClass)}
        </Tag>
        <span data-testid="screen-cited-row">{t('screen.citedRow', { no: s.citedRow.no, industry: s.citedRow.industry })}</span>
      </div>
      <p className="es-screen-basis">{pick(s.basis)}</p>
      <Table<CatalogueRow> rowKey="no" size="small" pagination={false} columns={columns} dataSource={s.rows} scroll={{ x: 'max-content' }} />
      {s.alsoCheck.length > 0 && (
        <>
          <h4 className="es-screen-sub">{t('screen.alsoCheck')}</h4>
          <Table<CatalogueRow> rowKey="no" size="small" pagination={false} columns={columns} dataSource={s.alsoCheck} scroll={{ x: 'max-content' }} />
        </>
      )}
      <p className="es-muted es-screen-caveat">
        {s.catalogue.title} · {s.catalogue.issuedBy}. {s.catalogue.caveat}
      </p>
    </div>
  );
}
