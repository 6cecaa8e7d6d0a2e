import { useMemo } from 'react';
import { Card, Col, Row, Table } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { Overview } from '../../../common/contracts/overview';
import { SOURCE_TYPE, type SourceType } from '../../../common/enums';
import { EChart, type ChartOption } from '../../components/EChart';
import { EmptyBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import { share } from './TownSection';

type TypeRow = Overview['byType'][number];

/** Sources by type: a doughnut and the same numbers as a table of links. */
export function TypeSection({ rows, total }: { rows: TypeRow[]; total: number }) {
  const { t, label, lang } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const href = (s: SourceType) => `/sources?sourceType=${s}`;

  // Every type in the enum's order, zeros included, so the table reads the same everywhere.
  const full = useMemo<TypeRow[]>(
    () => SOURCE_TYPE.values.map((s) => ({ sourceType: s, count: rows.find((r) => r.sourceType === s)?.count ?? 0 })),
    [rows],
  );
  const nonZero = full.filter((r) => r.count > 0);

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: mobile ? { bottom: 0 } : { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['42%', '68%'],
          center: ['50%', '44%'],
          avoidLabelOverlap: true,
          label: mobile ? { show: false } : { formatter: '{b}\n{c}' },
          data: nonZero.map((r) => ({ name: label(SOURCE_TYPE, r.sourceType), value: r.count })),
          cursor: 'pointer',
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [full, lang, mobile],
  );

  return (
    <Card title={t('home.byType')} variant="borderless" style={{ marginTop: 12 }}>
      {total === 0 && nonZero.length === 0 ? (
        <EmptyBlock />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <EChart
              option={option}
              height={mobile ? 280 : 300}
              ariaLabel={t('home.byType')}
              testId="by-type-chart"
              onClickItem={(i) => {
                const r = nonZero[i];
                if (r) navigate(href(r.sourceType));
              }}
            />
          </Col>
          <Col xs={24} lg={10}>
            <Table<TypeRow>
              data-testid="by-type-table"
              size="small"
              rowKey="sourceType"
              dataSource={full}
              pagination={false}
              scroll={{ x: 'max-content' }}
              onRow={(r) => ({ onClick: () => navigate(href(r.sourceType)), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: t('home.type'),
                  dataIndex: 'sourceType',
                  render: (_, r) => (
                    <Link to={href(r.sourceType)} onClick={(e) => e.stopPropagation()}>
                      {label(SOURCE_TYPE, r.sourceType)}
                    </Link>
                  ),
                },
                { title: t('common.count'), dataIndex: 'count', align: 'right' },
                { title: t('common.share'), key: 'share', align: 'right', render: (_, r) => share(r.count, total) },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
