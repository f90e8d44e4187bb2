import type { User } from '@eldercare/shared';

export interface AppEnv {
  Variables: {
    requestId: string;
    user: User;
  };
}
