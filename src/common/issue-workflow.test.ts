import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLE } from './enums';
import {
  FINAL_ISSUE_STATUSES,
  ISSUE_ACTIONS,
  ISSUE_CLASS,
  ISSUE_STATUS,
  checkIssueAction,
  issueActionsFor,
  type IssueStatus,
} from './issue-workflow';

/** The edges of the Issue diagram in docs/domain.md, as "from>to". */
function diagramEdges(): Set<string> {
  const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/domain.md'), 'utf8');
  const section = doc.split('### Issue / 问题')[1].split('```')[1];
  const edges = [...section.matchAll(/^\s*(\w+) --> (\w+)/gm)].filter(([, from]) => from !== '[*]').map(([, from, to]) => `${from}>${to}`);
  return new Set(edges);
}

describe('issue workflow', () => {
  it('is the diagram of docs/domain.md, edge for edge', () => {
    const table = new Set(ISSUE_ACTIONS.map((x) => `${x.from}>${x.to}`));
    expect(table).toEqual(diagramEdges());
    expect(table.size).toBe(17);
  });

  it('every status is reachable from found, and nothing leaves a final status', () => {
    const reached = new Set<IssueStatus>(['found']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const x of ISSUE_ACTIONS) if (reached.has(x.from) && !reached.has(x.to)) (reached.add(x.to), (grew = true));
    }
    expect([...reached].sort()).toEqual([...ISSUE_STATUS.values].sort());
    for (const status of FINAL_ISSUE_STATUSES) expect(ISSUE_ACTIONS.filter((x) => x.from === status)).toEqual([]);
  });

  it('only government confirms, registers and closes a major issue; provider staff do so for ordinary ones', () => {
    for (const role of ['inspector', 'provider_manager'] as const) {
      expect(issueActionsFor('found', 'major', role).map((x) => x.name)).toEqual([]);
      expect(issueActionsFor('found', 'deadline', role).map((x) => x.name)).toEqual(['confirm', 'reject']);
      expect(issueActionsFor('verified', 'major', role)).toEqual([]);
      expect(issueActionsFor('verified', 'deadline', role).map((x) => x.name)).toEqual(['close']);
    }
    for (const role of ['town', 'bureau', 'admin'] as const) {
      expect(issueActionsFor('found', 'major', role).map((x) => x.name)).toEqual(['confirm', 'reject', 'cancel']);
      expect(issueActionsFor('confirmed', 'major', role).map((x) => x.name)).toEqual(['register', 'escalate', 'cancel']);
    }
    const refused = checkIssueAction('confirm', 'found', 'major', 'inspector');
    expect(refused).toMatchObject({ ok: false, reason: 'role' });
    expect(!refused.ok && refused.message.zh).toContain('重大问题');
  });

  it('closing on the spot is for 即知即改 only and needs the after-photo', () => {
    expect(issueActionsFor('found', 'on_spot', 'inspector').map((x) => x.name)).toEqual(['confirm', 'reject', 'fix_on_spot']);
    expect(issueActionsFor('found', 'on_spot', 'grid').map((x) => x.name)).toEqual(['fix_on_spot']);
    expect(checkIssueAction('fix_on_spot', 'found', 'deadline', 'inspector')).toMatchObject({ ok: false, reason: 'wrong_class' });
    const ok = checkIssueAction('fix_on_spot', 'found', 'on_spot', 'inspector');
    expect(ok.ok && ok.action.needs).toEqual(['afterPhoto']);
  });

  it('the enterprise only submits its evidence; expert and grid never move an ordinary issue along the loop', () => {
    for (const status of ISSUE_STATUS.values) {
      for (const cls of ISSUE_CLASS.values) {
        const names = issueActionsFor(status, cls, 'enterprise').map((x) => x.name);
        expect(names).toEqual(status === 'rectifying' ? ['submit_evidence'] : []);
        expect(issueActionsFor(status, cls, 'expert')).toEqual([]);
        if (!(status === 'found' && cls === 'on_spot')) expect(issueActionsFor(status, cls, 'grid')).toEqual([]);
      }
    }
  });

  it('a failed verification counts, asks for a reason, and goes back to rectification with a new deadline', () => {
    const returned = checkIssueAction('return', 'submitted', 'deadline', 'town');
    expect(returned.ok && returned.action).toMatchObject({ to: 'returned', countsAsReturn: true, needs: ['reason'] });
    const resumed = checkIssueAction('resume', 'returned', 'deadline', 'inspector');
    expect(resumed.ok && resumed.action).toMatchObject({ to: 'rectifying', needs: ['deadline'] });
    expect(ISSUE_ACTIONS.filter((x) => x.countsAsReturn).map((x) => x.name)).toEqual(['return']);
  });

  it('referral for enforcement needs the case reference and is government only', () => {
    for (const from of ['confirmed', 'registered', 'rectifying'] as const) {
      const ok = checkIssueAction('escalate', from, 'major', 'bureau');
      expect(ok.ok && ok.action.needs).toEqual(['caseReference']);
      expect(checkIssueAction('escalate', from, 'deadline', 'inspector')).toMatchObject({ ok: false, reason: 'role' });
    }
    const late = checkIssueAction('escalate', 'submitted', 'major', 'bureau');
    expect(late).toMatchObject({ ok: false, reason: 'no_such_action' });
    expect(!late.ok && late.message.en).toContain('evidence submitted');
  });

  it('every action of every role is named in both languages for every class', () => {
    for (const role of ROLE.values) {
      for (const status of ISSUE_STATUS.values) {
        for (const cls of ISSUE_CLASS.values) {
          for (const x of issueActionsFor(status, cls, role)) expect(checkIssueAction(x.name, status, cls, role)).toEqual({ ok: true, action: x });
        }
      }
    }
  });
});
