import { useMemo } from 'react';
import { Card, Col, Row, Table } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { Overview } from '../../../common/contracts/overview';
import { EChart, type ChartOption } from '../../components/EChart';
import { EmptyBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';

type TownRow = Overview['byTown'][number];

export const share = (n: number, total: number) => (total > 0 ? `${((n / total) * 100).toFixed(1)}%` : '—');

/** Sources by town/park: a horizontal bar chart and the same numbers as a table of links. */
export function TownSection({ rows, total }: { rows: TownRow[]; total: number }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const href = (r: TownRow) => `/sources?townId=${encodeURIComponent(r.regionId)}`;

  const option = useMemo<ChartOption>(() => {
    const ordered = [...rows].reverse(); // echarts draws the first category at the bottom
    return {
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => r.name),
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('common.count'),
          data: ordered.map((r) => r.count),
          barMaxWidth: 22,
          label: { show: true, position: 'right' },
          itemStyle: { borderRadius: [0, 4, 4, 0] },
          cursor: 'pointer',
        },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, lang]);

  return (
    <Card title={t('home.byTown')} variant="borderless" style={{ marginTop: 12 }}>
      {rows.length === 0 ? (
        <EmptyBlock />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <EChart
              option={option}
              height={Math.max(220, rows.length * 30 + 24)}
              ariaLabel={t('home.byTown')}
              testId="by-town-chart"
              onClickItem={(i) => {
                const r = rows[rows.length - 1 - i];
                if (r) navigate(href(r));
              }}
            />
          </Col>
          <Col xs={24} lg={10}>
            <Table<TownRow>
              data-testid="by-town-table"
              size="small"
              rowKey="regionId"
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              onRow={(r) => ({ onClick: () => navigate(href(r)), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: t('home.town'),
                  dataIndex: 'name',
                  render: (_, r) => (
                    <Link to={href(r)} onClick={(e) => e.stopPropagation()}>
                      {r.name}
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
