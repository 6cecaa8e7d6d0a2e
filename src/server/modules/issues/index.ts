export { createFoundIssues, type FoundIssueDraft, type FoundIssuesResult } from './found';
export { issueRoutes } from './routes';
export { runIssueDeadlines } from './escalation';
export { issueFigures } from './figures';
export { closedIssuesForRevisit, inspectionsWithIssues, issueIdsOfInspection, issuesOfInspection } from './for-inspections';
export { issueRiskHistory, type IssueRiskHistory } from './for-risk';
