/** Components of the documents, compliance and QR modules (engineer E2) that the dossier page mounts. */
export { DocumentsTab } from '../../components/documents/DocumentsTab';
export { ComplianceTab } from '../../components/compliance/ComplianceTab';
export { QrButton } from '../../components/qr/QrButton';
