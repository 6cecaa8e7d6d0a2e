export { identityRoutes } from './routes';
export { hashPassword, verifyPassword } from './passwords';
export { deleteExpiredSessions } from './sessions';
