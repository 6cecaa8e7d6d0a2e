import type { ProposalStatus } from '../../api/dossier';

const VALUES: ReadonlyArray<ProposalStatus | 'all'> = ['pending', 'approved', 'rejected', 'all'];

/** The queue's status filter from the URL; pending by default. */
export function getProposalStatus(v: string | null): ProposalStatus | 'all' {
  return VALUES.find((x) => x === v) ?? 'pending';
}
