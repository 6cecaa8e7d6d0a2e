export { notificationRoutes } from './routes';
export { notify, type NewNotification } from './inbox.service';
export { runComplianceReminders, REMINDER_KIND } from './reminders';
