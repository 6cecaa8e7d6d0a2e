export { workdayRoutes } from './routes';
export { escalationSettings, loadWorkCalendar } from './service';
