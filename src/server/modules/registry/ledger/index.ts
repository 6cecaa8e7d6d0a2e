/** Excel ledgers (台账导入导出) of pollution sources: template, two-step import, export. */
export { ledgerRoutes } from './routes';
export { uploadLedger, updateMapping, getReport, listImports } from './import';
export { commitImport } from './commit';
export { exportLedger } from './export';
export { ledgerTemplate } from './template';
