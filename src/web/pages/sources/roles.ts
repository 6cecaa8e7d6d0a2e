import type { Role } from '../../../common/enums';

/** Roles that register sources by hand (the server's SOURCE_CREATE_ROLES). */
export const CREATE_ROLES: readonly Role[] = ['admin', 'bureau', 'town'];
