/**
 * The hub's API as types: generated from its OpenAPI document by `npm run api:types`; do not edit.
 * `npm run check` fails when this file is out of date with the hub's routes.
 */
export type paths = {
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log in; sets the session cookie and returns a Bearer token for API clients */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Logged in */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              token: string;
              expiresAt: string;
              user: {
                /** Format: uuid */
                id: string;
                email: string;
                name: string;
                /** @enum {string} */
                role:
                  | 'admin'
                  | 'coordinator'
                  | 'dispatcher'
                  | 'supervisor'
                  | 'institution_staff'
                  | 'volunteer'
                  | 'family'
                  | 'official';
                /** Format: uuid */
                tenantId: string;
                /** Format: uuid */
                institutionId: string | null;
                /** Format: uuid */
                residentId: string | null;
              };
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Wrong email or password */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Locked after repeated failures */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Too many failed logins from this source address; every login from it is refused */
        429: {
          headers: {
            /** @description Seconds until logins from this address are accepted again */
            'Retry-After'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End this session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Logged out */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input, or an id in the body or query that refers to nothing: `details` names each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The logged-in user, or null without a valid session (never 401) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The user, or null */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: uuid */
                id: string;
                email: string;
                name: string;
                /** @enum {string} */
                role:
                  | 'admin'
                  | 'coordinator'
                  | 'dispatcher'
                  | 'supervisor'
                  | 'institution_staff'
                  | 'volunteer'
                  | 'family'
                  | 'official';
                /** Format: uuid */
                tenantId: string;
                /** Format: uuid */
                institutionId: string | null;
                /** Format: uuid */
                residentId: string | null;
              } | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The logged-in user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The user */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: uuid */
                id: string;
                email: string;
                name: string;
                /** @enum {string} */
                role:
                  | 'admin'
                  | 'coordinator'
                  | 'dispatcher'
                  | 'supervisor'
                  | 'institution_staff'
                  | 'volunteer'
                  | 'family'
                  | 'official';
                /** Format: uuid */
                tenantId: string;
                /** Format: uuid */
                institutionId: string | null;
                /** Format: uuid */
                residentId: string | null;
              };
            };
          };
        };
        /** @description Invalid input, or an id in the body or query that refers to nothing: `details` names each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Users of this tenant (admin: whole accounts, disabled ones only with `includeDisabled=true`; coordinators get id, email, name and role of active users, to link volunteers) */
    get: {
      parameters: {
        query?: {
          includeDisabled?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Users */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: (
                | {
                    /** Format: uuid */
                    id: string;
                    email: string;
                    name: string;
                    /** @enum {string} */
                    role:
                      | 'admin'
                      | 'coordinator'
                      | 'dispatcher'
                      | 'supervisor'
                      | 'institution_staff'
                      | 'volunteer'
                      | 'family'
                      | 'official';
                    /** Format: uuid */
                    tenantId: string;
                    /** Format: uuid */
                    institutionId: string | null;
                    /** Format: uuid */
                    residentId: string | null;
                    disabledAt: string | null;
                    createdAt: string;
                  }
                | {
                    /** Format: uuid */
                    id: string;
                    email: string;
                    name: string;
                    /** @enum {string} */
                    role:
                      | 'admin'
                      | 'coordinator'
                      | 'dispatcher'
                      | 'supervisor'
                      | 'institution_staff'
                      | 'volunteer'
                      | 'family'
                      | 'official';
                  }
              )[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a user with a role (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            name: string;
            password: string;
            /** @enum {string} */
            role:
              | 'admin'
              | 'coordinator'
              | 'dispatcher'
              | 'supervisor'
              | 'institution_staff'
              | 'volunteer'
              | 'family'
              | 'official';
            /** Format: uuid */
            institutionId?: string;
            /** Format: uuid */
            residentId?: string;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              email: string;
              name: string;
              /** @enum {string} */
              role:
                | 'admin'
                | 'coordinator'
                | 'dispatcher'
                | 'supervisor'
                | 'institution_staff'
                | 'volunteer'
                | 'family'
                | 'official';
              /** Format: uuid */
              tenantId: string;
              /** Format: uuid */
              institutionId: string | null;
              /** Format: uuid */
              residentId: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/respond/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The dispatch behind a signed reply link (for the responder page) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The dispatch */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              offerId: string;
              /** Format: uuid */
              alertId: string;
              /** @enum {string} */
              status: 'asked' | 'accepted' | 'declined' | 'timed_out' | 'withdrawn';
              /** @enum {string|null} */
              step: 'on_my_way' | 'on_scene' | 'done' | null;
              /** @enum {string} */
              incidentStatus:
                | 'pending'
                | 'open'
                | 'acknowledged'
                | 'contact_made'
                | 'no_contact'
                | 'dispatched'
                | 'accepted'
                | 'on_scene'
                | 'resolved'
                | 'cancelled';
              /** @enum {string} */
              kind:
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored';
              /** @enum {string} */
              severity: 'critical' | 'high' | 'medium' | 'low';
              title: string;
              responderName: string;
              elder: {
                name: string | null;
                address: string;
                phone: string;
                keySafe: string | null;
                location: {
                  lat: number;
                  lon: number;
                } | null;
              };
              place: string | null;
              dispatcherNote: string;
              askedAt: string;
              answeredAt: string | null;
              askAllAtOnce: boolean;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Forged or expired link */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
        /** @description Not found (or not yours to see): the object named in the path */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Accept or decline by signed link, push action or webhook callback: single use */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            answer: 'accept' | 'decline';
            /** @default  */
            note?: string;
          };
        };
      };
      responses: {
        /** @description Answered */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              offerId: string;
              /** Format: uuid */
              alertId: string;
              /** @enum {string} */
              status: 'asked' | 'accepted' | 'declined' | 'timed_out' | 'withdrawn';
              /** @enum {string|null} */
              step: 'on_my_way' | 'on_scene' | 'done' | null;
              /** @enum {string} */
              incidentStatus:
                | 'pending'
                | 'open'
                | 'acknowledged'
                | 'contact_made'
                | 'no_contact'
                | 'dispatched'
                | 'accepted'
                | 'on_scene'
                | 'resolved'
                | 'cancelled';
              /** @enum {string} */
              kind:
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored';
              /** @enum {string} */
              severity: 'critical' | 'high' | 'medium' | 'low';
              title: string;
              responderName: string;
              elder: {
                name: string | null;
                address: string;
                phone: string;
                keySafe: string | null;
                location: {
                  lat: number;
                  lon: number;
                } | null;
              };
              place: string | null;
              dispatcherNote: string;
              askedAt: string;
              answeredAt: string | null;
              askAllAtOnce: boolean;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Forged or expired link */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
        /** @description Not found (or not yours to see): the object named in the path */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Already answered, withdrawn or expired (single use) */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/respond/{token}/step': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** On my way / on scene / done (with a note), after accepting by this link */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            step: 'on_my_way' | 'on_scene' | 'done';
            /** @default  */
            note?: string;
          };
        };
      };
      responses: {
        /** @description Recorded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              offerId: string;
              /** Format: uuid */
              alertId: string;
              /** @enum {string} */
              status: 'asked' | 'accepted' | 'declined' | 'timed_out' | 'withdrawn';
              /** @enum {string|null} */
              step: 'on_my_way' | 'on_scene' | 'done' | null;
              /** @enum {string} */
              incidentStatus:
                | 'pending'
                | 'open'
                | 'acknowledged'
                | 'contact_made'
                | 'no_contact'
                | 'dispatched'
                | 'accepted'
                | 'on_scene'
                | 'resolved'
                | 'cancelled';
              /** @enum {string} */
              kind:
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored';
              /** @enum {string} */
              severity: 'critical' | 'high' | 'medium' | 'low';
              title: string;
              responderName: string;
              elder: {
                name: string | null;
                address: string;
                phone: string;
                keySafe: string | null;
                location: {
                  lat: number;
                  lon: number;
                } | null;
              };
              place: string | null;
              dispatcherNote: string;
              askedAt: string;
              answeredAt: string | null;
              askAllAtOnce: boolean;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Forged or expired link */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
        /** @description Not found (or not yours to see): the object named in the path */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/residents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search residents (institution staff: their institution; family: their elder) */
    get: {
      parameters: {
        query?: {
          q?: string;
          risk?:
            | 'living_alone'
            | 'empty_nest'
            | 'left_behind'
            | 'disabled'
            | 'dementia'
            | 'severely_disabled'
            | 'lost_only_child'
            | 'age_80_plus';
          community?: string;
          regionId?: string;
          institutionId?: string;
          limit?: number;
          offset?: number | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Residents */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                birthDate: string;
                age: number;
                /** @enum {string} */
                sex: 'female' | 'male' | 'other';
                address: string;
                community: string;
                /** Format: uuid */
                regionId: string | null;
                phone: string;
                /** Format: uuid */
                institutionId: string | null;
                /** Format: uuid */
                bedId: string | null;
                riskCategories: (
                  | 'living_alone'
                  | 'empty_nest'
                  | 'left_behind'
                  | 'disabled'
                  | 'dementia'
                  | 'severely_disabled'
                  | 'lost_only_child'
                  | 'age_80_plus'
                )[];
                /** @enum {string} */
                careLevel: 'self_care' | 'semi_care' | 'full_care';
                /** @enum {string|null} */
                capabilityGrade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete' | null;
                conditions: string[];
                medicationNotes: string;
                keySafe: string;
                contacts: {
                  name: string;
                  relation: string;
                  phone: string;
                }[];
                location: {
                  lat: number;
                  lon: number;
                } | null;
                thresholds: {
                  heartRateLow?: number;
                  heartRateHigh?: number;
                  spo2Low?: number;
                  systolicHigh?: number;
                  systolicLow?: number;
                  temperatureHigh?: number;
                };
                idNumber: string;
                planInstructions: string[];
                economicStatus: (
                  'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
                )[];
                createdAt: string;
              }[];
              total: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Register a resident (elder) with risk categories, contacts and placement */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** Format: date */
            birthDate: string;
            /** @enum {string} */
            sex: 'female' | 'male' | 'other';
            /** @default  */
            address?: string;
            /** @default  */
            community?: string;
            /**
             * Format: uuid
             * @default null
             */
            regionId?: string | null;
            /** @default  */
            phone?: string;
            /**
             * Format: uuid
             * @default null
             */
            institutionId?: string | null;
            /**
             * Format: uuid
             * @default null
             */
            bedId?: string | null;
            /** @default [] */
            riskCategories?: (
              | 'living_alone'
              | 'empty_nest'
              | 'left_behind'
              | 'disabled'
              | 'dementia'
              | 'severely_disabled'
              | 'lost_only_child'
              | 'age_80_plus'
            )[];
            /**
             * @default self_care
             * @enum {string}
             */
            careLevel?: 'self_care' | 'semi_care' | 'full_care';
            /** @default [] */
            conditions?: string[];
            /** @default  */
            medicationNotes?: string;
            /** @default  */
            keySafe?: string;
            /** @default [] */
            contacts?: {
              name: string;
              relation: string;
              phone: string;
            }[];
            /** @default null */
            location?: {
              lat: number;
              lon: number;
            } | null;
            /** @default {} */
            thresholds?: {
              heartRateLow?: number;
              heartRateHigh?: number;
              spo2Low?: number;
              systolicHigh?: number;
              systolicLow?: number;
              temperatureHigh?: number;
            };
            /** @default  */
            idNumber?: string;
            /** @default [] */
            planInstructions?: string[];
            /** @default [] */
            economicStatus?: (
              'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
            )[];
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              birthDate: string;
              age: number;
              /** @enum {string} */
              sex: 'female' | 'male' | 'other';
              address: string;
              community: string;
              /** Format: uuid */
              regionId: string | null;
              phone: string;
              /** Format: uuid */
              institutionId: string | null;
              /** Format: uuid */
              bedId: string | null;
              riskCategories: (
                | 'living_alone'
                | 'empty_nest'
                | 'left_behind'
                | 'disabled'
                | 'dementia'
                | 'severely_disabled'
                | 'lost_only_child'
                | 'age_80_plus'
              )[];
              /** @enum {string} */
              careLevel: 'self_care' | 'semi_care' | 'full_care';
              /** @enum {string|null} */
              capabilityGrade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete' | null;
              conditions: string[];
              medicationNotes: string;
              keySafe: string;
              contacts: {
                name: string;
                relation: string;
                phone: string;
              }[];
              location: {
                lat: number;
                lon: number;
              } | null;
              thresholds: {
                heartRateLow?: number;
                heartRateHigh?: number;
                spo2Low?: number;
                systolicHigh?: number;
                systolicLow?: number;
                temperatureHigh?: number;
              };
              idNumber: string;
              planInstructions: string[];
              economicStatus: (
                'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
              )[];
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/residents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One resident */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The resident */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              birthDate: string;
              age: number;
              /** @enum {string} */
              sex: 'female' | 'male' | 'other';
              address: string;
              community: string;
              /** Format: uuid */
              regionId: string | null;
              phone: string;
              /** Format: uuid */
              institutionId: string | null;
              /** Format: uuid */
              bedId: string | null;
              riskCategories: (
                | 'living_alone'
                | 'empty_nest'
                | 'left_behind'
                | 'disabled'
                | 'dementia'
                | 'severely_disabled'
                | 'lost_only_child'
                | 'age_80_plus'
              )[];
              /** @enum {string} */
              careLevel: 'self_care' | 'semi_care' | 'full_care';
              /** @enum {string|null} */
              capabilityGrade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete' | null;
              conditions: string[];
              medicationNotes: string;
              keySafe: string;
              contacts: {
                name: string;
                relation: string;
                phone: string;
              }[];
              location: {
                lat: number;
                lon: number;
              } | null;
              thresholds: {
                heartRateLow?: number;
                heartRateHigh?: number;
                spo2Low?: number;
                systolicHigh?: number;
                systolicLow?: number;
                temperatureHigh?: number;
              };
              idNumber: string;
              planInstructions: string[];
              economicStatus: (
                'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
              )[];
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a resident */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** Format: date */
            birthDate?: string;
            /** @enum {string} */
            sex?: 'female' | 'male' | 'other';
            address?: string;
            community?: string;
            /** Format: uuid */
            regionId?: string | null;
            phone?: string;
            /** Format: uuid */
            institutionId?: string | null;
            /** Format: uuid */
            bedId?: string | null;
            riskCategories?: (
              | 'living_alone'
              | 'empty_nest'
              | 'left_behind'
              | 'disabled'
              | 'dementia'
              | 'severely_disabled'
              | 'lost_only_child'
              | 'age_80_plus'
            )[];
            /** @enum {string} */
            careLevel?: 'self_care' | 'semi_care' | 'full_care';
            conditions?: string[];
            medicationNotes?: string;
            keySafe?: string;
            contacts?: {
              name: string;
              relation: string;
              phone: string;
            }[];
            location?: {
              lat: number;
              lon: number;
            } | null;
            thresholds?: {
              heartRateLow?: number;
              heartRateHigh?: number;
              spo2Low?: number;
              systolicHigh?: number;
              systolicLow?: number;
              temperatureHigh?: number;
            };
            idNumber?: string;
            planInstructions?: string[];
            economicStatus?: (
              'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
            )[];
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              birthDate: string;
              age: number;
              /** @enum {string} */
              sex: 'female' | 'male' | 'other';
              address: string;
              community: string;
              /** Format: uuid */
              regionId: string | null;
              phone: string;
              /** Format: uuid */
              institutionId: string | null;
              /** Format: uuid */
              bedId: string | null;
              riskCategories: (
                | 'living_alone'
                | 'empty_nest'
                | 'left_behind'
                | 'disabled'
                | 'dementia'
                | 'severely_disabled'
                | 'lost_only_child'
                | 'age_80_plus'
              )[];
              /** @enum {string} */
              careLevel: 'self_care' | 'semi_care' | 'full_care';
              /** @enum {string|null} */
              capabilityGrade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete' | null;
              conditions: string[];
              medicationNotes: string;
              keySafe: string;
              contacts: {
                name: string;
                relation: string;
                phone: string;
              }[];
              location: {
                lat: number;
                lon: number;
              } | null;
              thresholds: {
                heartRateLow?: number;
                heartRateHigh?: number;
                spo2Low?: number;
                systolicHigh?: number;
                systolicLow?: number;
                temperatureHigh?: number;
              };
              idNumber: string;
              planInstructions: string[];
              economicStatus: (
                'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
              )[];
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/regions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The region hierarchy (district → township/street → community/village) with resident and institution counts */
    get: {
      parameters: {
        query?: {
          level?: 'district' | 'township' | 'community';
          all?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Regions, sorted by path */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                level: 'district' | 'township' | 'community';
                name: string;
                /** Format: uuid */
                parentId: string | null;
                code: string;
                rural: boolean;
                path: string;
                residents: number;
                institutions: number;
                retiredAt: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Add a district, a township/street under a district, or a community/village under a township */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            level: 'district' | 'township' | 'community';
            name: string;
            /**
             * Format: uuid
             * @default null
             */
            parentId?: string | null;
            /** @default  */
            code?: string;
            /** @default false */
            rural?: boolean;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              level: 'district' | 'township' | 'community';
              name: string;
              /** Format: uuid */
              parentId: string | null;
              code: string;
              rural: boolean;
              path: string;
              residents: number;
              institutions: number;
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/regions/unlinked-communities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Residents' free-text community names not linked to a region yet (from before regions existed) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Names with how many residents carry each */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                name: string;
                residents: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/regions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One region */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The region */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              level: 'district' | 'township' | 'community';
              name: string;
              /** Format: uuid */
              parentId: string | null;
              code: string;
              rural: boolean;
              path: string;
              residents: number;
              institutions: number;
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename, recode or retire a region (retiring is refused while regions below it are in service) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            code?: string;
            rural?: boolean;
            retired?: boolean;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              level: 'district' | 'township' | 'community';
              name: string;
              /** Format: uuid */
              parentId: string | null;
              code: string;
              rural: boolean;
              path: string;
              residents: number;
              institutions: number;
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/regions/{id}/adopt-communities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Under a township: create community regions for residents' free-text community names and link those residents */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            names?: string[];
          };
        };
      };
      responses: {
        /** @description Communities created and residents linked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              created: string[];
              linked: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessments/scale': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The capability-assessment scale (GB/T 42195-2022): indicators, items, points, grade bands and what each grade sets */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The scale */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              domains: unknown[];
              gradeMinTotal: {
                [key: string]: number;
              };
              gradeNames: {
                [key: string]: {
                  zh: string;
                  en: string;
                };
              };
              careLevelOfGrade: {
                [key: string]: string;
              };
              visitTierOfGrade: {
                [key: string]: string;
              };
              reassessMonths: {
                [key: string]: number;
              };
              riskEventsRaisingGrade: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessments/due': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Elders never assessed or due for re-assessment (institution staff: their institution) */
    get: {
      parameters: {
        query?: {
          by?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Due, most overdue first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                residentId: string;
                residentName: string;
                community: string;
                /** @enum {string|null} */
                grade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete' | null;
                lastAssessedOn: string | null;
                nextDueOn: string | null;
              }[];
              total: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/residents/{id}/assessments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A resident's capability assessments, latest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description History */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                residentId: string;
                assessedOn: string;
                /** @enum {string} */
                reason: 'first' | 'routine' | 'change' | 'review';
                scores: {
                  [key: string]: number;
                };
                adjustments: {
                  coma: boolean;
                  dementiaOrMentalDisorder: boolean;
                  riskEvents30d: number;
                };
                domainTotals: {
                  [key: string]: number;
                };
                total: number;
                /** @enum {string} */
                preliminaryGrade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete';
                /** @enum {string} */
                grade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete';
                /** @enum {string} */
                careLevel: 'self_care' | 'semi_care' | 'full_care';
                /** Format: uuid */
                assessorId: string;
                assessorName: string;
                nextDueOn: string;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Record a capability assessment: the hub scores it, grades it and (when it is the latest) sets the resident’s grade and care level */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date */
            assessedOn?: string;
            /**
             * @default routine
             * @enum {string}
             */
            reason?: 'first' | 'routine' | 'change' | 'review';
            scores: {
              [key: string]: number;
            };
            /**
             * @default {
             *       "coma": false,
             *       "dementiaOrMentalDisorder": false,
             *       "riskEvents30d": 0
             *     }
             */
            adjustments?: {
              /** @default false */
              coma?: boolean;
              /** @default false */
              dementiaOrMentalDisorder?: boolean;
              /** @default 0 */
              riskEvents30d?: number;
            };
          };
        };
      };
      responses: {
        /** @description Recorded */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              residentId: string;
              assessedOn: string;
              /** @enum {string} */
              reason: 'first' | 'routine' | 'change' | 'review';
              scores: {
                [key: string]: number;
              };
              adjustments: {
                coma: boolean;
                dementiaOrMentalDisorder: boolean;
                riskEvents30d: number;
              };
              domainTotals: {
                [key: string]: number;
              };
              total: number;
              /** @enum {string} */
              preliminaryGrade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete';
              /** @enum {string} */
              grade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete';
              /** @enum {string} */
              careLevel: 'self_care' | 'semi_care' | 'full_care';
              /** Format: uuid */
              assessorId: string;
              assessorName: string;
              nextDueOn: string;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/oversight/institutions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Institution beds by kind (nursing-bed share against 60 %, dementia-zone share, occupancy) and staffing against the ratios, per institution, township and district */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Figures */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              generatedAt: string;
              nursingTargetPct: number;
              district: {
                total: number;
                nursing: number;
                dementia: number;
                ordinary: number;
                occupied: number;
                nursingSharePct: number | null;
                dementiaSharePct: number | null;
                occupancyPct: number | null;
                meetsNursingTarget: boolean;
                staffing: {
                  residents: number;
                  required: number;
                  onShift: number;
                  registered: number;
                  institutions: number;
                  compliant: number;
                };
              };
              townships: {
                /** Format: uuid */
                townshipId: string | null;
                name: string;
                beds: {
                  total: number;
                  nursing: number;
                  dementia: number;
                  ordinary: number;
                  occupied: number;
                  nursingSharePct: number | null;
                  dementiaSharePct: number | null;
                  occupancyPct: number | null;
                  meetsNursingTarget: boolean;
                };
                staffing: {
                  residents: number;
                  required: number;
                  onShift: number;
                  registered: number;
                  institutions: number;
                  compliant: number;
                };
              }[];
              institutions: {
                /** Format: uuid */
                institutionId: string;
                name: string;
                /** Format: uuid */
                regionId: string | null;
                /** Format: uuid */
                townshipId: string | null;
                beds: {
                  total: number;
                  nursing: number;
                  dementia: number;
                  ordinary: number;
                  occupied: number;
                  nursingSharePct: number | null;
                  dementiaSharePct: number | null;
                  occupancyPct: number | null;
                  meetsNursingTarget: boolean;
                };
                staffing: {
                  residents: number;
                  required: number;
                  onShift: number;
                  registered: number;
                  institutions: number;
                  compliant: number;
                };
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inspections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Inspection records of institutions, latest first; `overdue=true`: rectifications past their deadline */
    get: {
      parameters: {
        query?: {
          institutionId?: string;
          overdue?: 'true' | 'false';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Inspections */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                institutionId: string;
                institutionName: string;
                inspectedOn: string;
                /** @enum {string} */
                kind: 'fire_safety' | 'hazard' | 'star_rating' | 'general';
                inspector: string;
                findings: string;
                starRating: number | null;
                rectifyBy: string | null;
                rectifiedOn: string | null;
                overdue: boolean;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Record an inspection (fire safety, hazards, star rating) with findings and a rectification deadline */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            institutionId: string;
            /** Format: date */
            inspectedOn: string;
            /** @enum {string} */
            kind: 'fire_safety' | 'hazard' | 'star_rating' | 'general';
            inspector: string;
            /** @default  */
            findings?: string;
            /** @default null */
            starRating?: number | null;
            /**
             * Format: date
             * @default null
             */
            rectifyBy?: string | null;
          };
        };
      };
      responses: {
        /** @description Recorded */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              institutionId: string;
              institutionName: string;
              inspectedOn: string;
              /** @enum {string} */
              kind: 'fire_safety' | 'hazard' | 'star_rating' | 'general';
              inspector: string;
              findings: string;
              starRating: number | null;
              rectifyBy: string | null;
              rectifiedOn: string | null;
              overdue: boolean;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inspections/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Record the rectification of an inspection’s findings, or change its findings or deadline */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            findings?: string;
            /** Format: date */
            rectifyBy?: string | null;
            /** Format: date */
            rectifiedOn?: string | null;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              institutionId: string;
              institutionName: string;
              inspectedOn: string;
              /** @enum {string} */
              kind: 'fire_safety' | 'hazard' | 'star_rating' | 'general';
              inspector: string;
              findings: string;
              starRating: number | null;
              rectifyBy: string | null;
              rectifiedOn: string | null;
              overdue: boolean;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/oversight/indicators': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The indicator dashboard: visit rate, alarm SLA, nursing-bed share, staffing, meals, time-bank hours and assessments, per township with the trend (figures from the existing reports) */
    get: {
      parameters: {
        query?: {
          month?: string;
          months?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Indicators */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              month: string;
              generatedAt: string;
              visitTargetPct: number;
              nursingTargetPct: number;
              district: {
                /** Format: uuid */
                townshipId: string | null;
                name: string;
                keyElders: number;
                visited: number;
                visitRatePct: number | null;
                meetsVisitTarget: boolean;
                alarms: number;
                ackWithin60: number;
                ackWithin180: number;
                beds: number;
                nursingSharePct: number | null;
                staffingCompliant: number;
                institutions: number;
                elders: number;
                assessmentDue: number;
                leftBehind: number;
                leftBehindOverdue: number;
                shareWithin60: number | null;
                shareWithin180: number | null;
                mealsServed: number;
                mealsSubsidised: number;
                subsidyCents: number;
                timebankServiceHours: number;
              };
              townships: {
                /** Format: uuid */
                townshipId: string | null;
                name: string;
                keyElders: number;
                visited: number;
                visitRatePct: number | null;
                meetsVisitTarget: boolean;
                alarms: number;
                ackWithin60: number;
                ackWithin180: number;
                beds: number;
                nursingSharePct: number | null;
                staffingCompliant: number;
                institutions: number;
                elders: number;
                assessmentDue: number;
                leftBehind: number;
                leftBehindOverdue: number;
              }[];
              trend: {
                month: string;
                visitRatePct: number | null;
                alarms: number;
                shareWithin180: number | null;
                mealsServed: number;
                mealsSubsidised: number;
                assessments: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/oversight/indicators/report.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The monthly indicator report as an Excel workbook (summary, townships, trend, institutions) */
    get: {
      parameters: {
        query?: {
          month?: string;
          months?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description XLSX workbook */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/subsidies/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The district’s subsidy categories with their eligibility rules (`all=true`: retired ones too) */
    get: {
      parameters: {
        query?: {
          all?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Categories */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                monthlyCents: number;
                mealCategory: string | null;
                rules: {
                  name: string;
                  minAge: number | null;
                  maxAge: number | null;
                  grades: ('intact' | 'mild' | 'moderate' | 'severe' | 'complete')[];
                  economicStatus: (
                    'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
                  )[];
                }[];
                createdAt: string;
                retiredAt: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Define a subsidy category: monthly amount, the meal subsidy category it pays for, and its rules over grade, age and economic status */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            name: string;
            monthlyCents: number;
            /**
             * @default null
             * @enum {string|null}
             */
            mealCategory?: 'advanced_age' | 'low_income' | 'extreme_poverty' | 'disabled' | null;
            /** @default [] */
            rules?: {
              name: string;
              /** @default null */
              minAge?: number | null;
              /** @default null */
              maxAge?: number | null;
              /** @default [] */
              grades?: ('intact' | 'mild' | 'moderate' | 'severe' | 'complete')[];
              /** @default [] */
              economicStatus?: (
                'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
              )[];
            }[];
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              code: string;
              name: string;
              monthlyCents: number;
              mealCategory: string | null;
              rules: {
                name: string;
                minAge: number | null;
                maxAge: number | null;
                grades: ('intact' | 'mild' | 'moderate' | 'severe' | 'complete')[];
                economicStatus: (
                  'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
                )[];
              }[];
              createdAt: string;
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/subsidies/categories/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a category (rules are replaced whole when sent), or retire / reinstate it */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code?: string;
            name?: string;
            monthlyCents?: number;
            /** @enum {string|null} */
            mealCategory?: 'advanced_age' | 'low_income' | 'extreme_poverty' | 'disabled' | null;
            rules?: {
              name: string;
              /** @default null */
              minAge?: number | null;
              /** @default null */
              maxAge?: number | null;
              /** @default [] */
              grades?: ('intact' | 'mild' | 'moderate' | 'severe' | 'complete')[];
              /** @default [] */
              economicStatus?: (
                'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
              )[];
            }[];
            retired?: boolean;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              code: string;
              name: string;
              monthlyCents: number;
              mealCategory: string | null;
              rules: {
                name: string;
                minAge: number | null;
                maxAge: number | null;
                grades: ('intact' | 'mild' | 'moderate' | 'severe' | 'complete')[];
                economicStatus: (
                  'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
                )[];
              }[];
              createdAt: string;
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/subsidies/categories/{id}/recipients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The elders entitled to a category on the month’s evaluation day, with the rule that matched */
    get: {
      parameters: {
        query?: {
          month?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Recipients */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              categoryId: string;
              asOf: string;
              items: {
                /** Format: uuid */
                residentId: string;
                name: string;
                age: number;
                community: string;
                because: {
                  rule: string;
                  ruleIndex: number;
                  age: {
                    value: number;
                    min: number | null;
                    max: number | null;
                  } | null;
                  grade: {
                    /** @enum {string} */
                    value: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete';
                    anyOf: ('intact' | 'mild' | 'moderate' | 'severe' | 'complete')[];
                  } | null;
                  economicStatus: {
                    value: (
                      'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
                    )[];
                    anyOf: (
                      'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
                    )[];
                  } | null;
                };
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/subsidies/totals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Monthly totals per category and township: elders entitled, amount, and the meals each category paid for (no names) */
    get: {
      parameters: {
        query?: {
          month?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Totals */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              month: string;
              asOf: string;
              categories: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                monthlyCents: number;
                mealCategory: string | null;
              }[];
              rows: {
                /** Format: uuid */
                categoryId: string;
                /** Format: uuid */
                townshipId: string | null;
                townshipName: string;
                elders: number;
                amountCents: number;
                mealsServed: number;
                mealSubsidyCents: number;
              }[];
              byCategory: {
                /** Format: uuid */
                categoryId: string;
                elders: number;
                amountCents: number;
                mealsServed: number;
                mealSubsidyCents: number;
              }[];
              byTownship: {
                /** Format: uuid */
                townshipId: string | null;
                townshipName: string;
                elders: number;
                amountCents: number;
                mealsServed: number;
                mealSubsidyCents: number;
              }[];
              total: {
                elders: number;
                amountCents: number;
                mealsServed: number;
                mealSubsidyCents: number;
              };
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/residents/{id}/entitlements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The subsidies an elder is entitled to today, each with the rule that matched and why */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Entitlements */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              residentId: string;
              asOf: string;
              age: number;
              /** @enum {string|null} */
              grade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete' | null;
              economicStatus: (
                'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
              )[];
              entitlements: {
                /** Format: uuid */
                categoryId: string;
                code: string;
                name: string;
                monthlyCents: number;
                mealCategory: string | null;
                because: {
                  rule: string;
                  ruleIndex: number;
                  age: {
                    value: number;
                    min: number | null;
                    max: number | null;
                  } | null;
                  grade: {
                    /** @enum {string} */
                    value: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete';
                    anyOf: ('intact' | 'mild' | 'moderate' | 'severe' | 'complete')[];
                  } | null;
                  economicStatus: {
                    value: (
                      'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
                    )[];
                    anyOf: (
                      'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
                    )[];
                  } | null;
                };
              }[];
              monthlyCents: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/left-behind': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The rural left-behind elders register with care contacts and visit status, and counts per village (`regionId`: a township or village) */
    get: {
      parameters: {
        query?: {
          regionId?: string;
          overdue?: 'true' | 'false';
          all?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Register */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                residentId: string;
                name: string;
                age: number;
                /** Format: uuid */
                villageId: string | null;
                villageName: string;
                /** Format: uuid */
                townshipId: string | null;
                townshipName: string;
                registeredOn: string;
                careContacts: {
                  name: string;
                  relation: string;
                  phone: string;
                  /** @enum {string} */
                  kind: 'family' | 'helper';
                  note: string;
                }[];
                visit: {
                  /** @enum {string} */
                  tier: 'high' | 'key' | 'other';
                  intervalDays: number;
                  lastContactAt: string | null;
                  dueAt: string;
                  overdue: boolean;
                  daysOverdue: number;
                } | null;
                retiredAt: string | null;
              }[];
              villages: {
                /** Format: uuid */
                villageId: string | null;
                villageName: string;
                /** Format: uuid */
                townshipId: string | null;
                townshipName: string;
                elders: number;
                overdue: number;
                withoutHelper: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Enter an elder living in a village in the register with their care contacts (also sets the left_behind risk category) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            residentId: string;
            /** Format: date */
            registeredOn?: string;
            /** @default [] */
            careContacts?: {
              name: string;
              relation: string;
              phone: string;
              /** @enum {string} */
              kind: 'family' | 'helper';
              /** @default  */
              note?: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Registered */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              residentId: string;
              name: string;
              age: number;
              /** Format: uuid */
              villageId: string | null;
              villageName: string;
              /** Format: uuid */
              townshipId: string | null;
              townshipName: string;
              registeredOn: string;
              careContacts: {
                name: string;
                relation: string;
                phone: string;
                /** @enum {string} */
                kind: 'family' | 'helper';
                note: string;
              }[];
              visit: {
                /** @enum {string} */
                tier: 'high' | 'key' | 'other';
                intervalDays: number;
                lastContactAt: string | null;
                dueAt: string;
                overdue: boolean;
                daysOverdue: number;
              } | null;
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/left-behind/{residentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change the care contacts or registration day, or take the elder out of the register (`retired`) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          residentId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date */
            registeredOn?: string;
            careContacts?: {
              name: string;
              relation: string;
              phone: string;
              /** @enum {string} */
              kind: 'family' | 'helper';
              /** @default  */
              note?: string;
            }[];
            retired?: boolean;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              residentId: string;
              name: string;
              age: number;
              /** Format: uuid */
              villageId: string | null;
              villageName: string;
              /** Format: uuid */
              townshipId: string | null;
              townshipName: string;
              registeredOn: string;
              careContacts: {
                name: string;
                relation: string;
                phone: string;
                /** @enum {string} */
                kind: 'family' | 'helper';
                note: string;
              }[];
              visit: {
                /** @enum {string} */
                tier: 'high' | 'key' | 'other';
                intervalDays: number;
                lastContactAt: string | null;
                dueAt: string;
                overdue: boolean;
                daysOverdue: number;
              } | null;
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/waiting-list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Admission applications to public institutions in their order (特困, 低保, then grade, then application day), with free beds per institution */
    get: {
      parameters: {
        query?: {
          institutionId?: string;
          status?: 'waiting' | 'admitted' | 'withdrawn' | 'all';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Waiting list */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                institutionId: string;
                institutionName: string;
                /** Format: uuid */
                residentId: string;
                residentName: string;
                age: number;
                community: string;
                /** @enum {string|null} */
                grade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete' | null;
                economicStatus: (
                  'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
                )[];
                /** @enum {string} */
                priorityGroup: 'extreme_poverty' | 'subsistence' | 'general';
                appliedOn: string;
                /** @enum {string} */
                status: 'waiting' | 'admitted' | 'withdrawn';
                position: number | null;
                note: string;
                /** Format: uuid */
                bedId: string | null;
                decisionReason: string;
                decidedAt: string | null;
                decidedByName: string | null;
                createdAt: string;
              }[];
              institutions: {
                /** Format: uuid */
                institutionId: string;
                name: string;
                beds: number;
                occupied: number;
                free: number;
                waiting: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Record an application for admission to a public institution */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            institutionId: string;
            /** Format: uuid */
            residentId: string;
            /** Format: date */
            appliedOn?: string;
            /** @default  */
            note?: string;
          };
        };
      };
      responses: {
        /** @description Recorded */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              institutionId: string;
              institutionName: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              age: number;
              community: string;
              /** @enum {string|null} */
              grade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete' | null;
              economicStatus: (
                'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
              )[];
              /** @enum {string} */
              priorityGroup: 'extreme_poverty' | 'subsistence' | 'general';
              appliedOn: string;
              /** @enum {string} */
              status: 'waiting' | 'admitted' | 'withdrawn';
              position: number | null;
              note: string;
              /** Format: uuid */
              bedId: string | null;
              decisionReason: string;
              decidedAt: string | null;
              decidedByName: string | null;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/waiting-list/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Correct a waiting application’s day or note */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date */
            appliedOn?: string;
            note?: string;
          };
        };
      };
      responses: {
        /** @description Decided */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              institutionId: string;
              institutionName: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              age: number;
              community: string;
              /** @enum {string|null} */
              grade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete' | null;
              economicStatus: (
                'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
              )[];
              /** @enum {string} */
              priorityGroup: 'extreme_poverty' | 'subsistence' | 'general';
              appliedOn: string;
              /** @enum {string} */
              status: 'waiting' | 'admitted' | 'withdrawn';
              position: number | null;
              note: string;
              /** Format: uuid */
              bedId: string | null;
              decisionReason: string;
              decidedAt: string | null;
              decidedByName: string | null;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/waiting-list/{id}/admit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Admit the applicant to a free bed (409 without one); passing over applications ahead in the order needs a reason */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            bedId: string;
            /** @default  */
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Decided */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              institutionId: string;
              institutionName: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              age: number;
              community: string;
              /** @enum {string|null} */
              grade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete' | null;
              economicStatus: (
                'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
              )[];
              /** @enum {string} */
              priorityGroup: 'extreme_poverty' | 'subsistence' | 'general';
              appliedOn: string;
              /** @enum {string} */
              status: 'waiting' | 'admitted' | 'withdrawn';
              position: number | null;
              note: string;
              /** Format: uuid */
              bedId: string | null;
              decisionReason: string;
              decidedAt: string | null;
              decidedByName: string | null;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/waiting-list/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw a waiting application, with the reason */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Decided */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              institutionId: string;
              institutionName: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              age: number;
              community: string;
              /** @enum {string|null} */
              grade: 'intact' | 'mild' | 'moderate' | 'severe' | 'complete' | null;
              economicStatus: (
                'extreme_poverty' | 'subsistence' | 'low_income' | 'family_planning_special' | 'entitled_group'
              )[];
              /** @enum {string} */
              priorityGroup: 'extreme_poverty' | 'subsistence' | 'general';
              appliedOn: string;
              /** @enum {string} */
              status: 'waiting' | 'admitted' | 'withdrawn';
              position: number | null;
              note: string;
              /** Format: uuid */
              bedId: string | null;
              decisionReason: string;
              decidedAt: string | null;
              decidedByName: string | null;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/institutions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Institutions with rooms and beds (institution staff: their own) */
    get: {
      parameters: {
        query?: {
          /** @description Also retired institutions, rooms and beds (default false) */
          includeRetired?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Institutions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                kind: 'nursing_home' | 'welfare_home' | 'day_care' | 'service_station';
                address: string;
                phone: string;
                /** Format: uuid */
                regionId: string | null;
                /** @enum {string} */
                ownership: 'public' | 'private';
                rooms: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  floor: number;
                  dementiaZone: boolean;
                  beds: {
                    /** Format: uuid */
                    id: string;
                    label: string;
                    /** @enum {string} */
                    kind: 'nursing' | 'ordinary' | 'dementia';
                    /** Format: uuid */
                    residentId: string | null;
                    retiredAt: string | null;
                  }[];
                  retiredAt: string | null;
                }[];
                retiredAt: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Register an institution with its rooms and beds */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /**
             * @default nursing_home
             * @enum {string}
             */
            kind?: 'nursing_home' | 'welfare_home' | 'day_care' | 'service_station';
            /** @default  */
            address?: string;
            /** @default  */
            phone?: string;
            /**
             * Format: uuid
             * @default null
             */
            regionId?: string | null;
            /**
             * @default private
             * @enum {string}
             */
            ownership?: 'public' | 'private';
            /** @default [] */
            rooms?: {
              name: string;
              /** @default 1 */
              floor?: number;
              /** @default false */
              dementiaZone?: boolean;
              /** @default [] */
              beds?: string[];
              /** @enum {string} */
              bedKind?: 'nursing' | 'ordinary' | 'dementia';
            }[];
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              kind: 'nursing_home' | 'welfare_home' | 'day_care' | 'service_station';
              address: string;
              phone: string;
              /** Format: uuid */
              regionId: string | null;
              /** @enum {string} */
              ownership: 'public' | 'private';
              rooms: {
                /** Format: uuid */
                id: string;
                name: string;
                floor: number;
                dementiaZone: boolean;
                beds: {
                  /** Format: uuid */
                  id: string;
                  label: string;
                  /** @enum {string} */
                  kind: 'nursing' | 'ordinary' | 'dementia';
                  /** Format: uuid */
                  residentId: string | null;
                  retiredAt: string | null;
                }[];
                retiredAt: string | null;
              }[];
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/institutions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One institution */
    get: {
      parameters: {
        query?: {
          /** @description Also retired institutions, rooms and beds (default false) */
          includeRetired?: 'true' | 'false';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The institution */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              kind: 'nursing_home' | 'welfare_home' | 'day_care' | 'service_station';
              address: string;
              phone: string;
              /** Format: uuid */
              regionId: string | null;
              /** @enum {string} */
              ownership: 'public' | 'private';
              rooms: {
                /** Format: uuid */
                id: string;
                name: string;
                floor: number;
                dementiaZone: boolean;
                beds: {
                  /** Format: uuid */
                  id: string;
                  label: string;
                  /** @enum {string} */
                  kind: 'nursing' | 'ordinary' | 'dementia';
                  /** Format: uuid */
                  residentId: string | null;
                  retiredAt: string | null;
                }[];
                retiredAt: string | null;
              }[];
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit an institution (only the fields sent change); `retired: true` retires it (409 while residents are placed there), `retired: false` puts it back in service. Recorded in the audit log */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @enum {string} */
            kind?: 'nursing_home' | 'welfare_home' | 'day_care' | 'service_station';
            address?: string;
            phone?: string;
            /** Format: uuid */
            regionId?: string | null;
            /** @enum {string} */
            ownership?: 'public' | 'private';
            retired?: boolean;
          };
        };
      };
      responses: {
        /** @description The institution as it is now, retired rooms and beds included */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              kind: 'nursing_home' | 'welfare_home' | 'day_care' | 'service_station';
              address: string;
              phone: string;
              /** Format: uuid */
              regionId: string | null;
              /** @enum {string} */
              ownership: 'public' | 'private';
              rooms: {
                /** Format: uuid */
                id: string;
                name: string;
                floor: number;
                dementiaZone: boolean;
                beds: {
                  /** Format: uuid */
                  id: string;
                  label: string;
                  /** @enum {string} */
                  kind: 'nursing' | 'ordinary' | 'dementia';
                  /** Format: uuid */
                  residentId: string | null;
                  retiredAt: string | null;
                }[];
                retiredAt: string | null;
              }[];
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/institutions/{id}/rooms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a room with its beds (409 when the name is taken in this institution) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @default 1 */
            floor?: number;
            /** @default false */
            dementiaZone?: boolean;
            /** @default [] */
            beds?: string[];
            /** @enum {string} */
            bedKind?: 'nursing' | 'ordinary' | 'dementia';
          };
        };
      };
      responses: {
        /** @description The institution as it is now, retired rooms and beds included */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              kind: 'nursing_home' | 'welfare_home' | 'day_care' | 'service_station';
              address: string;
              phone: string;
              /** Format: uuid */
              regionId: string | null;
              /** @enum {string} */
              ownership: 'public' | 'private';
              rooms: {
                /** Format: uuid */
                id: string;
                name: string;
                floor: number;
                dementiaZone: boolean;
                beds: {
                  /** Format: uuid */
                  id: string;
                  label: string;
                  /** @enum {string} */
                  kind: 'nursing' | 'ordinary' | 'dementia';
                  /** Format: uuid */
                  residentId: string | null;
                  retiredAt: string | null;
                }[];
                retiredAt: string | null;
              }[];
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/institutions/{id}/rooms/{roomId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit a room (name, floor, dementia zone); `retired: true` retires it (409 while residents are in its beds) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          roomId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            floor?: number;
            dementiaZone?: boolean;
            retired?: boolean;
          };
        };
      };
      responses: {
        /** @description The institution as it is now, retired rooms and beds included */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              kind: 'nursing_home' | 'welfare_home' | 'day_care' | 'service_station';
              address: string;
              phone: string;
              /** Format: uuid */
              regionId: string | null;
              /** @enum {string} */
              ownership: 'public' | 'private';
              rooms: {
                /** Format: uuid */
                id: string;
                name: string;
                floor: number;
                dementiaZone: boolean;
                beds: {
                  /** Format: uuid */
                  id: string;
                  label: string;
                  /** @enum {string} */
                  kind: 'nursing' | 'ordinary' | 'dementia';
                  /** Format: uuid */
                  residentId: string | null;
                  retiredAt: string | null;
                }[];
                retiredAt: string | null;
              }[];
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/institutions/{id}/rooms/{roomId}/beds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add beds to a room (409 when a label is taken in the room or the room is retired) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          roomId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            labels: string[];
            /** @enum {string} */
            kind?: 'nursing' | 'ordinary' | 'dementia';
          };
        };
      };
      responses: {
        /** @description The institution as it is now, retired rooms and beds included */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              kind: 'nursing_home' | 'welfare_home' | 'day_care' | 'service_station';
              address: string;
              phone: string;
              /** Format: uuid */
              regionId: string | null;
              /** @enum {string} */
              ownership: 'public' | 'private';
              rooms: {
                /** Format: uuid */
                id: string;
                name: string;
                floor: number;
                dementiaZone: boolean;
                beds: {
                  /** Format: uuid */
                  id: string;
                  label: string;
                  /** @enum {string} */
                  kind: 'nursing' | 'ordinary' | 'dementia';
                  /** Format: uuid */
                  residentId: string | null;
                  retiredAt: string | null;
                }[];
                retiredAt: string | null;
              }[];
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/institutions/{id}/rooms/{roomId}/beds/{bedId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Relabel a bed; `retired: true` retires it (409 while a resident is in it) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          roomId: string;
          bedId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            label?: string;
            /** @enum {string} */
            kind?: 'nursing' | 'ordinary' | 'dementia';
            retired?: boolean;
          };
        };
      };
      responses: {
        /** @description The institution as it is now, retired rooms and beds included */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              kind: 'nursing_home' | 'welfare_home' | 'day_care' | 'service_station';
              address: string;
              phone: string;
              /** Format: uuid */
              regionId: string | null;
              /** @enum {string} */
              ownership: 'public' | 'private';
              rooms: {
                /** Format: uuid */
                id: string;
                name: string;
                floor: number;
                dementiaZone: boolean;
                beds: {
                  /** Format: uuid */
                  id: string;
                  label: string;
                  /** @enum {string} */
                  kind: 'nursing' | 'ordinary' | 'dementia';
                  /** Format: uuid */
                  residentId: string | null;
                  retiredAt: string | null;
                }[];
                retiredAt: string | null;
              }[];
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/institutions/{id}/board': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Live room/bed board: per bed the resident, in bed / out of bed / unknown (bed sensor `inBed`, stale after 30 min), latest vitals within 24 h, devices, the active alert; staffing: staff on shift now vs. what the care-level ratios require (1:6 full/semi care, 1:10 others) with an understaffed flag, registered staff as secondary information */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The board */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              institutionId: string;
              generatedAt: string;
              rooms: {
                /** Format: uuid */
                id: string;
                name: string;
                floor: number;
                dementiaZone: boolean;
                beds: {
                  /** Format: uuid */
                  id: string;
                  label: string;
                  resident: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    /** @enum {string} */
                    careLevel: 'self_care' | 'semi_care' | 'full_care';
                    riskCategories: (
                      | 'living_alone'
                      | 'empty_nest'
                      | 'left_behind'
                      | 'disabled'
                      | 'dementia'
                      | 'severely_disabled'
                      | 'lost_only_child'
                      | 'age_80_plus'
                    )[];
                    /** @enum {string} */
                    presence: 'in_bed' | 'out_of_bed' | 'unknown';
                    presenceAt: string | null;
                    vitals: {
                      heartRate: {
                        value: number;
                        ts: string;
                      } | null;
                      spo2: {
                        value: number;
                        ts: string;
                      } | null;
                      systolic: {
                        value: number;
                        ts: string;
                      } | null;
                      temperature: {
                        value: number;
                        ts: string;
                      } | null;
                    };
                    devices: {
                      id: string;
                      /** @enum {string} */
                      type:
                        | 'sos_pendant'
                        | 'pull_cord'
                        | 'fall_detector'
                        | 'smartwatch'
                        | 'bp_cuff'
                        | 'bed_sensor'
                        | 'motion_sensor'
                        | 'door_sensor'
                        | 'smoke_sensor'
                        | 'gas_sensor'
                        | 'water_sensor'
                        | 'gps_wearable';
                      online: boolean;
                      battery: number | null;
                      lastSeen: string | null;
                    }[];
                    alert: {
                      /** Format: uuid */
                      id: string;
                      /** @enum {string} */
                      queue: 'emergency' | 'device_health';
                      /** @enum {string} */
                      kind:
                        | 'sos'
                        | 'fall'
                        | 'smoke'
                        | 'gas'
                        | 'water_leak'
                        | 'vitals'
                        | 'inactivity'
                        | 'night_bed_exit'
                        | 'night_door_open'
                        | 'geofence_exit'
                        | 'device_offline'
                        | 'low_battery'
                        | 'power_loss'
                        | 'device_storm'
                        | 'watchdog'
                        | 'welfare_concern'
                        | 'missed_meal'
                        | 'missed_test'
                        | 'clock_wrong'
                        | 'not_monitored';
                      /** @enum {string} */
                      status:
                        | 'pending'
                        | 'open'
                        | 'acknowledged'
                        | 'contact_made'
                        | 'no_contact'
                        | 'dispatched'
                        | 'accepted'
                        | 'on_scene'
                        | 'resolved'
                        | 'cancelled';
                      /** @enum {string} */
                      severity: 'critical' | 'high' | 'medium' | 'low';
                    } | null;
                  } | null;
                }[];
              }[];
              staffing: {
                byLevel: {
                  self_care: number;
                  semi_care: number;
                  full_care: number;
                };
                required: number;
                onShift: number;
                understaffed: boolean;
                missing: number;
                registered: number;
                shifts: {
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  institutionId: string;
                  /** Format: uuid */
                  userId: string;
                  userName: string;
                  startedAt: string;
                  endedAt: string | null;
                  /** Format: uuid */
                  startedBy: string;
                  startedByName: string;
                  /** Format: uuid */
                  endedBy: string | null;
                }[];
              };
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/institutions/{id}/shifts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Shifts of the institution: `active=true` for who is on shift now, else the latest (open ones first) */
    get: {
      parameters: {
        query?: {
          active?: 'true' | 'false';
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Shifts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                institutionId: string;
                /** Format: uuid */
                userId: string;
                userName: string;
                startedAt: string;
                endedAt: string | null;
                /** Format: uuid */
                startedBy: string;
                startedByName: string;
                /** Format: uuid */
                endedBy: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/institutions/{id}/shifts/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a shift: care staff their own; admin, coordinator or supervisor for a care staff member of the institution (`userId`). One open shift per person (409 while one is open) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /** Format: uuid */
            userId?: string;
          };
        };
      };
      responses: {
        /** @description Started */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              institutionId: string;
              /** Format: uuid */
              userId: string;
              userName: string;
              startedAt: string;
              endedAt: string | null;
              /** Format: uuid */
              startedBy: string;
              startedByName: string;
              /** Format: uuid */
              endedBy: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/institutions/{id}/shifts/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the caller's own open shift at this institution (404 without one) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Ended */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              institutionId: string;
              /** Format: uuid */
              userId: string;
              userName: string;
              startedAt: string;
              endedAt: string | null;
              /** Format: uuid */
              startedBy: string;
              startedByName: string;
              /** Format: uuid */
              endedBy: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/institutions/{id}/shifts/{shiftId}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a shift: care staff their own; admin, coordinator or supervisor any of the institution (409 if ended) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          shiftId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Ended */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              institutionId: string;
              /** Format: uuid */
              userId: string;
              userName: string;
              startedAt: string;
              endedAt: string | null;
              /** Format: uuid */
              startedBy: string;
              startedByName: string;
              /** Format: uuid */
              endedBy: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/devices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The device fleet with its health (online, battery, last seen), a page at a time
     * @description Devices in id order, `limit` per page (default 200). `nextCursor` of a page, sent as `cursor`, asks for the next one; null on the last page. `total` counts every matching device.
     */
    get: {
      parameters: {
        query?: {
          residentId?: string;
          institutionId?: string;
          /** @description Also retired devices (default false) */
          includeRetired?: 'true' | 'false';
          /** @description Devices per page, 1–1000 (default 200) */
          limit?: number;
          /** @description The `nextCursor` of the page before: the page starts after that device id */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of devices */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** @enum {string} */
                type:
                  | 'sos_pendant'
                  | 'pull_cord'
                  | 'fall_detector'
                  | 'smartwatch'
                  | 'bp_cuff'
                  | 'bed_sensor'
                  | 'motion_sensor'
                  | 'door_sensor'
                  | 'smoke_sensor'
                  | 'gas_sensor'
                  | 'water_sensor'
                  | 'gps_wearable';
                label: string;
                /** Format: uuid */
                residentId: string | null;
                /** Format: uuid */
                institutionId: string | null;
                /** Format: uuid */
                roomId: string | null;
                online: boolean;
                battery: number | null;
                signal: number | null;
                firmware: string | null;
                lastSeen: string | null;
                createdAt: string;
                retiredAt: string | null;
              }[];
              total: number;
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Register a device; the response holds its MQTT credentials, shown this once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            id?: string;
            /** @enum {string} */
            type:
              | 'sos_pendant'
              | 'pull_cord'
              | 'fall_detector'
              | 'smartwatch'
              | 'bp_cuff'
              | 'bed_sensor'
              | 'motion_sensor'
              | 'door_sensor'
              | 'smoke_sensor'
              | 'gas_sensor'
              | 'water_sensor'
              | 'gps_wearable';
            /** @default  */
            label?: string;
            /**
             * Format: uuid
             * @default null
             */
            residentId?: string | null;
            /**
             * Format: uuid
             * @default null
             */
            institutionId?: string | null;
            /**
             * Format: uuid
             * @default null
             */
            roomId?: string | null;
          };
        };
      };
      responses: {
        /** @description Registered */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              device: {
                id: string;
                /** @enum {string} */
                type:
                  | 'sos_pendant'
                  | 'pull_cord'
                  | 'fall_detector'
                  | 'smartwatch'
                  | 'bp_cuff'
                  | 'bed_sensor'
                  | 'motion_sensor'
                  | 'door_sensor'
                  | 'smoke_sensor'
                  | 'gas_sensor'
                  | 'water_sensor'
                  | 'gps_wearable';
                label: string;
                /** Format: uuid */
                residentId: string | null;
                /** Format: uuid */
                institutionId: string | null;
                /** Format: uuid */
                roomId: string | null;
                online: boolean;
                battery: number | null;
                signal: number | null;
                firmware: string | null;
                lastSeen: string | null;
                createdAt: string;
                retiredAt: string | null;
              };
              credentials: {
                username: string;
                clientId: string;
                password: string;
                topics: {
                  telemetry: string;
                  events: string;
                  status: string;
                  commands: string;
                };
              };
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/devices/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The fleet in numbers: devices in service, online, offline, low on battery
     * @description Counted by the database over the devices the user may see; low battery: at or below 20 %.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Fleet counts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              online: number;
              offline: number;
              lowBattery: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/devices/export/mosquitto': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every device's credentials and the topic ACL in Mosquitto's password_file / acl_file formats */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Files for mosquitto.conf */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              passwordFile: string;
              aclFile: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/devices/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One device */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The device */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              type:
                | 'sos_pendant'
                | 'pull_cord'
                | 'fall_detector'
                | 'smartwatch'
                | 'bp_cuff'
                | 'bed_sensor'
                | 'motion_sensor'
                | 'door_sensor'
                | 'smoke_sensor'
                | 'gas_sensor'
                | 'water_sensor'
                | 'gps_wearable';
              label: string;
              /** Format: uuid */
              residentId: string | null;
              /** Format: uuid */
              institutionId: string | null;
              /** Format: uuid */
              roomId: string | null;
              online: boolean;
              battery: number | null;
              signal: number | null;
              firmware: string | null;
              lastSeen: string | null;
              createdAt: string;
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Relabel a device, move it (send its new residentId / institutionId / roomId; what a move leaves out is cleared), or retire it (`retired: true`: its MQTT login is refused, its history stays) or put it back (`retired: false`). Recorded in the audit log */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            label?: string;
            /** Format: uuid */
            residentId?: string | null;
            /** Format: uuid */
            institutionId?: string | null;
            /** Format: uuid */
            roomId?: string | null;
            retired?: boolean;
          };
        };
      };
      responses: {
        /** @description The device */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              type:
                | 'sos_pendant'
                | 'pull_cord'
                | 'fall_detector'
                | 'smartwatch'
                | 'bp_cuff'
                | 'bed_sensor'
                | 'motion_sensor'
                | 'door_sensor'
                | 'smoke_sensor'
                | 'gas_sensor'
                | 'water_sensor'
                | 'gps_wearable';
              label: string;
              /** Format: uuid */
              residentId: string | null;
              /** Format: uuid */
              institutionId: string | null;
              /** Format: uuid */
              roomId: string | null;
              online: boolean;
              battery: number | null;
              signal: number | null;
              firmware: string | null;
              lastSeen: string | null;
              createdAt: string;
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/devices/{id}/credentials': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Issue new MQTT credentials (the old password stops working; 409 for a retired device) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description New credentials */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              device: {
                id: string;
                /** @enum {string} */
                type:
                  | 'sos_pendant'
                  | 'pull_cord'
                  | 'fall_detector'
                  | 'smartwatch'
                  | 'bp_cuff'
                  | 'bed_sensor'
                  | 'motion_sensor'
                  | 'door_sensor'
                  | 'smoke_sensor'
                  | 'gas_sensor'
                  | 'water_sensor'
                  | 'gps_wearable';
                label: string;
                /** Format: uuid */
                residentId: string | null;
                /** Format: uuid */
                institutionId: string | null;
                /** Format: uuid */
                roomId: string | null;
                online: boolean;
                battery: number | null;
                signal: number | null;
                firmware: string | null;
                lastSeen: string | null;
                createdAt: string;
                retiredAt: string | null;
              };
              credentials: {
                username: string;
                clientId: string;
                password: string;
                topics: {
                  telemetry: string;
                  events: string;
                  status: string;
                  commands: string;
                };
              };
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/residents/{id}/vitals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A resident's vitals per hour (24h, 7d) or per day (30d): avg/min/max/count per metric */
    get: {
      parameters: {
        query?: {
          range?: '24h' | '7d' | '30d';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Vitals */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              residentId: string;
              /** @enum {string} */
              range: '24h' | '7d' | '30d';
              /** @enum {string} */
              bucket: 'raw' | 'hour' | 'day';
              points: {
                bucket: string;
                metric: string;
                avg: number;
                min: number;
                max: number;
                count: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Device messages the hub refused or only recorded (bad payloads, unknown devices, unmapped DC-09 codes), newest first, with the reason; the district's own devices and unregistered ids (admin) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          before?: number;
          deviceId?: string;
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Dead letters */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: number;
                receivedAt: string;
                topic: string;
                deviceId: string | null;
                reason: string;
                payload: string;
              }[];
              nextBefore: number | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Alerts in the queue order (active: critical class first, then escalated, then oldest; closed: newest first); institution staff see their residents only */
    get: {
      parameters: {
        query?: {
          state?: 'active' | 'closed' | 'all';
          queue?: 'emergency' | 'device_health';
          residentId?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Alerts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                seq: number;
                /** @enum {string} */
                queue: 'emergency' | 'device_health';
                /** @enum {string} */
                kind:
                  | 'sos'
                  | 'fall'
                  | 'smoke'
                  | 'gas'
                  | 'water_leak'
                  | 'vitals'
                  | 'inactivity'
                  | 'night_bed_exit'
                  | 'night_door_open'
                  | 'geofence_exit'
                  | 'device_offline'
                  | 'low_battery'
                  | 'power_loss'
                  | 'device_storm'
                  | 'watchdog'
                  | 'welfare_concern'
                  | 'missed_meal'
                  | 'missed_test'
                  | 'clock_wrong'
                  | 'not_monitored';
                kinds: (
                  | 'sos'
                  | 'fall'
                  | 'smoke'
                  | 'gas'
                  | 'water_leak'
                  | 'vitals'
                  | 'inactivity'
                  | 'night_bed_exit'
                  | 'night_door_open'
                  | 'geofence_exit'
                  | 'device_offline'
                  | 'low_battery'
                  | 'power_loss'
                  | 'device_storm'
                  | 'watchdog'
                  | 'welfare_concern'
                  | 'missed_meal'
                  | 'missed_test'
                  | 'clock_wrong'
                  | 'not_monitored'
                )[];
                /** @enum {string} */
                severity: 'critical' | 'high' | 'medium' | 'low';
                priority: number;
                /** @enum {string} */
                status:
                  | 'pending'
                  | 'open'
                  | 'acknowledged'
                  | 'contact_made'
                  | 'no_contact'
                  | 'dispatched'
                  | 'accepted'
                  | 'on_scene'
                  | 'resolved'
                  | 'cancelled';
                title: string;
                /** Format: uuid */
                residentId: string | null;
                residentName: string | null;
                /** Format: uuid */
                institutionId: string | null;
                deviceId: string | null;
                signalCount: number;
                escalationLevel: number;
                flagged: boolean;
                createdAt: string;
                occurredAt: string;
                openedAt: string | null;
                acknowledgedAt: string | null;
                /** Format: uuid */
                acknowledgedBy: string | null;
                acknowledgedByName: string | null;
                contactAt: string | null;
                dispatchedAt: string | null;
                acceptedAt: string | null;
                onSceneAt: string | null;
                closedAt: string | null;
                outcome: string | null;
                responder: {
                  /** @enum {string} */
                  kind:
                    'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                  name: string;
                  /** @default  */
                  phone: string;
                  /** Format: uuid */
                  userId?: string;
                  email?: string | '';
                } | null;
                responderLadder: {
                  tiers: {
                    /** @enum {string} */
                    kind:
                      | 'family'
                      | 'neighbour_volunteer'
                      | 'community_worker'
                      | 'institution_staff'
                      | 'emergency_services';
                    name: string;
                    /** @default  */
                    phone: string;
                    /** Format: uuid */
                    userId?: string;
                    email?: string | '';
                  }[];
                  index: number;
                  askAllAtOnce?: boolean;
                } | null;
                location: {
                  lat: number;
                  lon: number;
                } | null;
                place: {
                  /** Format: uuid */
                  institutionId: string;
                  institutionName: string;
                  institutionPhone: string;
                  floor: number | null;
                  /** Format: uuid */
                  roomId: string | null;
                  roomName: string | null;
                  bedLabel: string | null;
                  residents: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    bedLabel: string | null;
                  }[];
                  staffOnShift: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  }[];
                } | null;
                /** @enum {string} */
                source: 'device' | 'phone' | 'system';
                caller: {
                  phone: string;
                  name: string;
                  address: string;
                } | null;
                updatedAt: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One alert with all its signals and its audit trail */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The alert */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              seq: number;
              /** @enum {string} */
              queue: 'emergency' | 'device_health';
              /** @enum {string} */
              kind:
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored';
              kinds: (
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored'
              )[];
              /** @enum {string} */
              severity: 'critical' | 'high' | 'medium' | 'low';
              priority: number;
              /** @enum {string} */
              status:
                | 'pending'
                | 'open'
                | 'acknowledged'
                | 'contact_made'
                | 'no_contact'
                | 'dispatched'
                | 'accepted'
                | 'on_scene'
                | 'resolved'
                | 'cancelled';
              title: string;
              /** Format: uuid */
              residentId: string | null;
              residentName: string | null;
              /** Format: uuid */
              institutionId: string | null;
              deviceId: string | null;
              signalCount: number;
              escalationLevel: number;
              flagged: boolean;
              createdAt: string;
              occurredAt: string;
              openedAt: string | null;
              acknowledgedAt: string | null;
              /** Format: uuid */
              acknowledgedBy: string | null;
              acknowledgedByName: string | null;
              contactAt: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              onSceneAt: string | null;
              closedAt: string | null;
              outcome: string | null;
              responder: {
                /** @enum {string} */
                kind:
                  'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                name: string;
                /** @default  */
                phone: string;
                /** Format: uuid */
                userId?: string;
                email?: string | '';
              } | null;
              responderLadder: {
                tiers: {
                  /** @enum {string} */
                  kind:
                    'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                  name: string;
                  /** @default  */
                  phone: string;
                  /** Format: uuid */
                  userId?: string;
                  email?: string | '';
                }[];
                index: number;
                askAllAtOnce?: boolean;
              } | null;
              location: {
                lat: number;
                lon: number;
              } | null;
              place: {
                /** Format: uuid */
                institutionId: string;
                institutionName: string;
                institutionPhone: string;
                floor: number | null;
                /** Format: uuid */
                roomId: string | null;
                roomName: string | null;
                bedLabel: string | null;
                residents: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  bedLabel: string | null;
                }[];
                staffOnShift: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                }[];
              } | null;
              /** @enum {string} */
              source: 'device' | 'phone' | 'system';
              caller: {
                phone: string;
                name: string;
                address: string;
              } | null;
              updatedAt: string;
              signals: {
                id: number;
                ts: string;
                receivedAt: string;
                deviceId: string | null;
                eventId: string | null;
                type: string;
                detail: {
                  [key: string]: unknown;
                };
              }[];
              actions: {
                id: number;
                at: string;
                actorId: string | null;
                actorName: string | null;
                action: string;
                note: string;
                data: {
                  [key: string]: unknown;
                };
              }[];
              checklist: {
                id: string;
                key: string | null;
                text: string;
                /** @enum {string} */
                source: 'resident' | 'plan';
                doneAt: string | null;
                doneBy: string | null;
                doneByName: string | null;
                note: string;
              }[];
              home: {
                address: string;
                community: string;
                location: {
                  lat: number;
                  lon: number;
                } | null;
                mapUrl: string | null;
              } | null;
              locationMapUrl: string | null;
              device: {
                id: string;
                type: string;
                label: string;
                online: boolean;
                battery: number | null;
                signal: number | null;
                lastSeen: string | null;
                history: {
                  ts: string;
                  online: boolean;
                  battery: number | null;
                  signal: number | null;
                }[];
              } | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts/phone-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a phone call as an incident (source "phone", caller kept): the elder by residentId, or an unknown caller by number; same lifecycle, timers and audit as a device alarm; the call taker holds it. 201 when it opened an incident, 200 when it was folded into the elder's open one */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            residentId?: string;
            /** @default  */
            callerPhone?: string;
            /** @default  */
            callerName?: string;
            /** @enum {string} */
            kind: 'sos' | 'fall' | 'vitals' | 'smoke' | 'gas' | 'water_leak' | 'geofence_exit' | 'welfare_concern';
            /** @default  */
            note?: string;
            /** @default  */
            address?: string;
          };
        };
      };
      responses: {
        /** @description Folded into the elder's open incident */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              seq: number;
              /** @enum {string} */
              queue: 'emergency' | 'device_health';
              /** @enum {string} */
              kind:
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored';
              kinds: (
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored'
              )[];
              /** @enum {string} */
              severity: 'critical' | 'high' | 'medium' | 'low';
              priority: number;
              /** @enum {string} */
              status:
                | 'pending'
                | 'open'
                | 'acknowledged'
                | 'contact_made'
                | 'no_contact'
                | 'dispatched'
                | 'accepted'
                | 'on_scene'
                | 'resolved'
                | 'cancelled';
              title: string;
              /** Format: uuid */
              residentId: string | null;
              residentName: string | null;
              /** Format: uuid */
              institutionId: string | null;
              deviceId: string | null;
              signalCount: number;
              escalationLevel: number;
              flagged: boolean;
              createdAt: string;
              occurredAt: string;
              openedAt: string | null;
              acknowledgedAt: string | null;
              /** Format: uuid */
              acknowledgedBy: string | null;
              acknowledgedByName: string | null;
              contactAt: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              onSceneAt: string | null;
              closedAt: string | null;
              outcome: string | null;
              responder: {
                /** @enum {string} */
                kind:
                  'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                name: string;
                /** @default  */
                phone: string;
                /** Format: uuid */
                userId?: string;
                email?: string | '';
              } | null;
              responderLadder: {
                tiers: {
                  /** @enum {string} */
                  kind:
                    'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                  name: string;
                  /** @default  */
                  phone: string;
                  /** Format: uuid */
                  userId?: string;
                  email?: string | '';
                }[];
                index: number;
                askAllAtOnce?: boolean;
              } | null;
              location: {
                lat: number;
                lon: number;
              } | null;
              place: {
                /** Format: uuid */
                institutionId: string;
                institutionName: string;
                institutionPhone: string;
                floor: number | null;
                /** Format: uuid */
                roomId: string | null;
                roomName: string | null;
                bedLabel: string | null;
                residents: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  bedLabel: string | null;
                }[];
                staffOnShift: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                }[];
              } | null;
              /** @enum {string} */
              source: 'device' | 'phone' | 'system';
              caller: {
                phone: string;
                name: string;
                address: string;
              } | null;
              updatedAt: string;
            };
          };
        };
        /** @description A new incident, claimed by you */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              seq: number;
              /** @enum {string} */
              queue: 'emergency' | 'device_health';
              /** @enum {string} */
              kind:
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored';
              kinds: (
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored'
              )[];
              /** @enum {string} */
              severity: 'critical' | 'high' | 'medium' | 'low';
              priority: number;
              /** @enum {string} */
              status:
                | 'pending'
                | 'open'
                | 'acknowledged'
                | 'contact_made'
                | 'no_contact'
                | 'dispatched'
                | 'accepted'
                | 'on_scene'
                | 'resolved'
                | 'cancelled';
              title: string;
              /** Format: uuid */
              residentId: string | null;
              residentName: string | null;
              /** Format: uuid */
              institutionId: string | null;
              deviceId: string | null;
              signalCount: number;
              escalationLevel: number;
              flagged: boolean;
              createdAt: string;
              occurredAt: string;
              openedAt: string | null;
              acknowledgedAt: string | null;
              /** Format: uuid */
              acknowledgedBy: string | null;
              acknowledgedByName: string | null;
              contactAt: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              onSceneAt: string | null;
              closedAt: string | null;
              outcome: string | null;
              responder: {
                /** @enum {string} */
                kind:
                  'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                name: string;
                /** @default  */
                phone: string;
                /** Format: uuid */
                userId?: string;
                email?: string | '';
              } | null;
              responderLadder: {
                tiers: {
                  /** @enum {string} */
                  kind:
                    'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                  name: string;
                  /** @default  */
                  phone: string;
                  /** Format: uuid */
                  userId?: string;
                  email?: string | '';
                }[];
                index: number;
                askAllAtOnce?: boolean;
              } | null;
              location: {
                lat: number;
                lon: number;
              } | null;
              place: {
                /** Format: uuid */
                institutionId: string;
                institutionName: string;
                institutionPhone: string;
                floor: number | null;
                /** Format: uuid */
                roomId: string | null;
                roomName: string | null;
                bedLabel: string | null;
                residents: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  bedLabel: string | null;
                }[];
                staffOnShift: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                }[];
              } | null;
              /** @enum {string} */
              source: 'device' | 'phone' | 'system';
              caller: {
                phone: string;
                name: string;
                address: string;
              } | null;
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts/{id}/checklist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Tick a step of the incident's checklist (the resident's instructions, then the kind's action plan): recorded in the audit with the hub's time and who ticked it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            stepId: string;
            /** @default  */
            note?: string;
          };
        };
      };
      responses: {
        /** @description The incident with its checklist */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              seq: number;
              /** @enum {string} */
              queue: 'emergency' | 'device_health';
              /** @enum {string} */
              kind:
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored';
              kinds: (
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored'
              )[];
              /** @enum {string} */
              severity: 'critical' | 'high' | 'medium' | 'low';
              priority: number;
              /** @enum {string} */
              status:
                | 'pending'
                | 'open'
                | 'acknowledged'
                | 'contact_made'
                | 'no_contact'
                | 'dispatched'
                | 'accepted'
                | 'on_scene'
                | 'resolved'
                | 'cancelled';
              title: string;
              /** Format: uuid */
              residentId: string | null;
              residentName: string | null;
              /** Format: uuid */
              institutionId: string | null;
              deviceId: string | null;
              signalCount: number;
              escalationLevel: number;
              flagged: boolean;
              createdAt: string;
              occurredAt: string;
              openedAt: string | null;
              acknowledgedAt: string | null;
              /** Format: uuid */
              acknowledgedBy: string | null;
              acknowledgedByName: string | null;
              contactAt: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              onSceneAt: string | null;
              closedAt: string | null;
              outcome: string | null;
              responder: {
                /** @enum {string} */
                kind:
                  'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                name: string;
                /** @default  */
                phone: string;
                /** Format: uuid */
                userId?: string;
                email?: string | '';
              } | null;
              responderLadder: {
                tiers: {
                  /** @enum {string} */
                  kind:
                    'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                  name: string;
                  /** @default  */
                  phone: string;
                  /** Format: uuid */
                  userId?: string;
                  email?: string | '';
                }[];
                index: number;
                askAllAtOnce?: boolean;
              } | null;
              location: {
                lat: number;
                lon: number;
              } | null;
              place: {
                /** Format: uuid */
                institutionId: string;
                institutionName: string;
                institutionPhone: string;
                floor: number | null;
                /** Format: uuid */
                roomId: string | null;
                roomName: string | null;
                bedLabel: string | null;
                residents: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  bedLabel: string | null;
                }[];
                staffOnShift: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                }[];
              } | null;
              /** @enum {string} */
              source: 'device' | 'phone' | 'system';
              caller: {
                phone: string;
                name: string;
                address: string;
              } | null;
              updatedAt: string;
              signals: {
                id: number;
                ts: string;
                receivedAt: string;
                deviceId: string | null;
                eventId: string | null;
                type: string;
                detail: {
                  [key: string]: unknown;
                };
              }[];
              actions: {
                id: number;
                at: string;
                actorId: string | null;
                actorName: string | null;
                action: string;
                note: string;
                data: {
                  [key: string]: unknown;
                };
              }[];
              checklist: {
                id: string;
                key: string | null;
                text: string;
                /** @enum {string} */
                source: 'resident' | 'plan';
                doneAt: string | null;
                doneBy: string | null;
                doneByName: string | null;
                note: string;
              }[];
              home: {
                address: string;
                community: string;
                location: {
                  lat: number;
                  lon: number;
                } | null;
                mapUrl: string | null;
              } | null;
              locationMapUrl: string | null;
              device: {
                id: string;
                type: string;
                label: string;
                online: boolean;
                battery: number | null;
                signal: number | null;
                lastSeen: string | null;
                history: {
                  ts: string;
                  online: boolean;
                  battery: number | null;
                  signal: number | null;
                }[];
              } | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts/{id}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Claim (acknowledge) an alert: exactly one dispatcher wins; the device is told help is coming */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Claimed by you */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              seq: number;
              /** @enum {string} */
              queue: 'emergency' | 'device_health';
              /** @enum {string} */
              kind:
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored';
              kinds: (
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored'
              )[];
              /** @enum {string} */
              severity: 'critical' | 'high' | 'medium' | 'low';
              priority: number;
              /** @enum {string} */
              status:
                | 'pending'
                | 'open'
                | 'acknowledged'
                | 'contact_made'
                | 'no_contact'
                | 'dispatched'
                | 'accepted'
                | 'on_scene'
                | 'resolved'
                | 'cancelled';
              title: string;
              /** Format: uuid */
              residentId: string | null;
              residentName: string | null;
              /** Format: uuid */
              institutionId: string | null;
              deviceId: string | null;
              signalCount: number;
              escalationLevel: number;
              flagged: boolean;
              createdAt: string;
              occurredAt: string;
              openedAt: string | null;
              acknowledgedAt: string | null;
              /** Format: uuid */
              acknowledgedBy: string | null;
              acknowledgedByName: string | null;
              contactAt: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              onSceneAt: string | null;
              closedAt: string | null;
              outcome: string | null;
              responder: {
                /** @enum {string} */
                kind:
                  'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                name: string;
                /** @default  */
                phone: string;
                /** Format: uuid */
                userId?: string;
                email?: string | '';
              } | null;
              responderLadder: {
                tiers: {
                  /** @enum {string} */
                  kind:
                    'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                  name: string;
                  /** @default  */
                  phone: string;
                  /** Format: uuid */
                  userId?: string;
                  email?: string | '';
                }[];
                index: number;
                askAllAtOnce?: boolean;
              } | null;
              location: {
                lat: number;
                lon: number;
              } | null;
              place: {
                /** Format: uuid */
                institutionId: string;
                institutionName: string;
                institutionPhone: string;
                floor: number | null;
                /** Format: uuid */
                roomId: string | null;
                roomName: string | null;
                bedLabel: string | null;
                residents: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  bedLabel: string | null;
                }[];
                staffOnShift: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                }[];
              } | null;
              /** @enum {string} */
              source: 'device' | 'phone' | 'system';
              caller: {
                phone: string;
                name: string;
                address: string;
              } | null;
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts/{id}/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Next lifecycle step: contact_made, no_contact, dispatch (with responder), accepted, on_scene, resolve (with outcome), cancel, note */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                /** @enum {string} */
                action: 'contact_made';
                /** @default  */
                note?: string;
              }
            | {
                /** @enum {string} */
                action: 'no_contact';
                /** @default  */
                note?: string;
              }
            | {
                /** @enum {string} */
                action: 'dispatch';
                responder?: {
                  /** @enum {string} */
                  kind:
                    'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                  name: string;
                  /** @default  */
                  phone?: string;
                  /** Format: uuid */
                  userId?: string;
                  email?: string | '';
                };
                responders?: {
                  /** @enum {string} */
                  kind:
                    'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                  name: string;
                  /** @default  */
                  phone?: string;
                  /** Format: uuid */
                  userId?: string;
                  email?: string | '';
                }[];
                askAllAtOnce?: boolean;
                /** @default  */
                note?: string;
              }
            | {
                /** @enum {string} */
                action: 'accepted';
                /** @default  */
                note?: string;
              }
            | {
                /** @enum {string} */
                action: 'on_scene';
                /** @default  */
                note?: string;
              }
            | {
                /** @enum {string} */
                action: 'resolve';
                /** @enum {string} */
                outcome:
                  | 'resolved_by_phone'
                  | 'helped_at_home'
                  | 'family_attended'
                  | 'taken_to_hospital'
                  | 'emergency_services_attended'
                  | 'no_action_needed'
                  | 'device_fixed'
                  | 'false_alarm_accidental'
                  | 'false_alarm_device_fault'
                  | 'false_alarm_test'
                  | 'false_alarm'
                  | 'deceased'
                  | 'other';
                /** @default  */
                note?: string;
              }
            | {
                /** @enum {string} */
                action: 'cancel';
                note: string;
              }
            | {
                /** @enum {string} */
                action: 'note';
                note: string;
              };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              seq: number;
              /** @enum {string} */
              queue: 'emergency' | 'device_health';
              /** @enum {string} */
              kind:
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored';
              kinds: (
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored'
              )[];
              /** @enum {string} */
              severity: 'critical' | 'high' | 'medium' | 'low';
              priority: number;
              /** @enum {string} */
              status:
                | 'pending'
                | 'open'
                | 'acknowledged'
                | 'contact_made'
                | 'no_contact'
                | 'dispatched'
                | 'accepted'
                | 'on_scene'
                | 'resolved'
                | 'cancelled';
              title: string;
              /** Format: uuid */
              residentId: string | null;
              residentName: string | null;
              /** Format: uuid */
              institutionId: string | null;
              deviceId: string | null;
              signalCount: number;
              escalationLevel: number;
              flagged: boolean;
              createdAt: string;
              occurredAt: string;
              openedAt: string | null;
              acknowledgedAt: string | null;
              /** Format: uuid */
              acknowledgedBy: string | null;
              acknowledgedByName: string | null;
              contactAt: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              onSceneAt: string | null;
              closedAt: string | null;
              outcome: string | null;
              responder: {
                /** @enum {string} */
                kind:
                  'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                name: string;
                /** @default  */
                phone: string;
                /** Format: uuid */
                userId?: string;
                email?: string | '';
              } | null;
              responderLadder: {
                tiers: {
                  /** @enum {string} */
                  kind:
                    'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                  name: string;
                  /** @default  */
                  phone: string;
                  /** Format: uuid */
                  userId?: string;
                  email?: string | '';
                }[];
                index: number;
                askAllAtOnce?: boolean;
              } | null;
              location: {
                lat: number;
                lon: number;
              } | null;
              place: {
                /** Format: uuid */
                institutionId: string;
                institutionName: string;
                institutionPhone: string;
                floor: number | null;
                /** Format: uuid */
                roomId: string | null;
                roomName: string | null;
                bedLabel: string | null;
                residents: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  bedLabel: string | null;
                }[];
                staffOnShift: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                }[];
              } | null;
              /** @enum {string} */
              source: 'device' | 'phone' | 'system';
              caller: {
                phone: string;
                name: string;
                address: string;
              } | null;
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/outcomes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How closed incidents ended, by outcome code and by source (device, phone, system), with false alarms by reason */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Outcomes */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              from: string;
              to: string;
              total: number;
              falseAlarms: number;
              byOutcome: {
                outcome: string;
                count: number;
              }[];
              bySource: {
                /** @enum {string} */
                source: 'device' | 'phone' | 'system';
                total: number;
                falseAlarms: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/incidents-per-day': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Alerts raised per calendar day in the tenant's time zone over the last `days` days (today last, empty days 0): total, critical emergencies, device health */
    get: {
      parameters: {
        query?: {
          days?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Incidents per day */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              timezone: string;
              items: {
                day: string;
                total: number;
                critical: number;
                deviceHealth: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/sla': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Alarm-handling SLA: share of emergencies acknowledged within 60 s / 180 s against the district targets, per day, per period, dispatcher and community; the exceptions (over 180 s) with the recorded reason. Period: `month` (YYYY-MM, a calendar month in the district time zone), else `from`/`to` (ISO instants; default the last 30 days). `period` groups `byPeriod` by day, ISO week or month. All times are the hub clock (opened and acknowledged). */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
          month?: string;
          period?: 'day' | 'week' | 'month';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description SLA report */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              from: string;
              to: string;
              timezone: string;
              targets: {
                within60: number;
                within180: number;
              };
              total: number;
              ackWithin60: number;
              ackWithin180: number;
              shareWithin60: number | null;
              shareWithin180: number | null;
              medianAckSeconds: number | null;
              byDay: {
                day: string;
                total: number;
                within60: number;
                within180: number;
                medianAckSeconds: number | null;
              }[];
              /** @enum {string} */
              period: 'day' | 'week' | 'month';
              byPeriod: {
                period: string;
                total: number;
                within60: number;
                within180: number;
                medianAckSeconds: number | null;
              }[];
              byDispatcher: {
                userId: string;
                name: string;
                total: number;
                within60: number;
                within180: number;
                medianAckSeconds: number | null;
              }[];
              byCommunity: {
                community: string;
                total: number;
                within60: number;
                within180: number;
              }[];
              over180: {
                id: string;
                seq: number;
                kind: string;
                createdAt: string;
                openedAt: string;
                acknowledgedAt: string | null;
                ackSeconds: number | null;
                residentId: string | null;
                residentName: string | null;
                community: string | null;
                dispatcherName: string | null;
                reason: {
                  text: string;
                  by: string | null;
                  at: string;
                } | null;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/sla.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One table of the SLA report as CSV (UTF-8 with BOM): `table` = periods (default), dispatchers, communities or exceptions. Period: `month` (YYYY-MM, a calendar month in the district time zone), else `from`/`to` (ISO instants; default the last 30 days). `period` groups `byPeriod` by day, ISO week or month. All times are the hub clock (opened and acknowledged). */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
          month?: string;
          period?: 'day' | 'week' | 'month';
          table?: 'periods' | 'dispatchers' | 'communities' | 'exceptions';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/sla/exceptions/{id}/reason': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record why an incident was acknowledged more than 180 s after it opened (appended to the incident's audit trail as `sla_reason`; the latest one shows in the report). 409 when the incident is not an exception. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Recorded */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/sla/targets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the district SLA targets: shares (0–1) to acknowledge within 60 s and within 180 s (default 0.975 / 0.99) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            within60: number;
            within180: number;
          };
        };
      };
      responses: {
        /** @description The targets now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              within60: number;
              within180: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/incidents/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Closed incidents, newest first, a page at a time (the full record: GET /alerts/{id}). Filters: `q` (resident name, title or incident number), `residentId`, `kind` (any kind the incident holds), `source` (device, dc09, system), `outcome` (or `cancelled`), `dispatcherId` (who acknowledged), `from`/`to` (raised on these days in the district time zone, both inclusive, or ISO instants), `overSla` (acknowledged more than 180 s after opening, or never). Institution staff see their institution only. */
    get: {
      parameters: {
        query?: {
          q?: string;
          residentId?: string;
          kind?:
            | 'sos'
            | 'fall'
            | 'smoke'
            | 'gas'
            | 'water_leak'
            | 'vitals'
            | 'inactivity'
            | 'night_bed_exit'
            | 'night_door_open'
            | 'geofence_exit'
            | 'device_offline'
            | 'low_battery'
            | 'power_loss'
            | 'device_storm'
            | 'watchdog'
            | 'welfare_concern'
            | 'missed_meal'
            | 'missed_test'
            | 'clock_wrong'
            | 'not_monitored';
          source?: 'device' | 'dc09' | 'phone' | 'system';
          outcome?:
            | 'resolved_by_phone'
            | 'helped_at_home'
            | 'family_attended'
            | 'taken_to_hospital'
            | 'emergency_services_attended'
            | 'no_action_needed'
            | 'device_fixed'
            | 'false_alarm_accidental'
            | 'false_alarm_device_fault'
            | 'false_alarm_test'
            | 'false_alarm'
            | 'deceased'
            | 'other'
            | 'cancelled';
          dispatcherId?: string;
          from?: string;
          to?: string;
          overSla?: '0' | '1' | 'true' | 'false';
          limit?: number;
          offset?: number | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of closed incidents */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                seq: number;
                queue: string;
                kind: string;
                kinds: string[];
                severity: string;
                status: string;
                title: string;
                /** @enum {string} */
                source: 'device' | 'dc09' | 'phone' | 'system';
                /** Format: uuid */
                residentId: string | null;
                residentName: string | null;
                community: string | null;
                /** Format: uuid */
                institutionId: string | null;
                institutionName: string | null;
                deviceId: string | null;
                createdAt: string;
                openedAt: string | null;
                acknowledgedAt: string | null;
                /** Format: uuid */
                acknowledgedBy: string | null;
                acknowledgedByName: string | null;
                closedAt: string;
                outcome: string | null;
                ackSeconds: number | null;
                totalSeconds: number;
                overSla: boolean;
                signalCount: number;
                escalationLevel: number;
                notes: number;
              }[];
              total: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/incidents/history.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Closed incidents as one CSV (UTF-8 with BOM; local times with seconds), at most 20000 rows; cells a spreadsheet would run as a formula are prefixed with '. Filters: `q` (resident name, title or incident number), `residentId`, `kind` (any kind the incident holds), `source` (device, dc09, system), `outcome` (or `cancelled`), `dispatcherId` (who acknowledged), `from`/`to` (raised on these days in the district time zone, both inclusive, or ISO instants), `overSla` (acknowledged more than 180 s after opening, or never). Institution staff see their institution only. */
    get: {
      parameters: {
        query?: {
          q?: string;
          residentId?: string;
          kind?:
            | 'sos'
            | 'fall'
            | 'smoke'
            | 'gas'
            | 'water_leak'
            | 'vitals'
            | 'inactivity'
            | 'night_bed_exit'
            | 'night_door_open'
            | 'geofence_exit'
            | 'device_offline'
            | 'low_battery'
            | 'power_loss'
            | 'device_storm'
            | 'watchdog'
            | 'welfare_concern'
            | 'missed_meal'
            | 'missed_test'
            | 'clock_wrong'
            | 'not_monitored';
          source?: 'device' | 'dc09' | 'phone' | 'system';
          outcome?:
            | 'resolved_by_phone'
            | 'helped_at_home'
            | 'family_attended'
            | 'taken_to_hospital'
            | 'emergency_services_attended'
            | 'no_action_needed'
            | 'device_fixed'
            | 'false_alarm_accidental'
            | 'false_alarm_device_fault'
            | 'false_alarm_test'
            | 'false_alarm'
            | 'deceased'
            | 'other'
            | 'cancelled';
          dispatcherId?: string;
          from?: string;
          to?: string;
          overSla?: '0' | '1' | 'true' | 'false';
          limit?: number;
          offset?: number | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/incidents/history/dispatchers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The people who have acknowledged incidents (id and name), for the dispatcher filter */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description People */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shifts/on-duty': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is on duty now: dispatchers, supervisors and admins with the live screen open (one entry per user), who took the shift at the last acknowledged handover, and a handover waiting to be acknowledged */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description On duty */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              connected: {
                /** Format: uuid */
                userId: string;
                name: string;
                role: string;
                screens: number;
                since: string;
              }[];
              shift: {
                /** Format: uuid */
                userId: string;
                name: string;
                since: string;
              } | null;
              /** Format: uuid */
              pendingHandoverId: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shifts/handover-draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What a handover written now would carry: the incidents open now and the shift (since the last handover, or the last 12 h): counts and notable incidents. Nothing is stored. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Draft */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              openIncidents: {
                /** Format: uuid */
                id: string;
                seq: number;
                kind: string;
                severity: string;
                status: string;
                title: string;
                residentName: string | null;
                createdAt: string;
                acknowledgedByName: string | null;
                outcome: string | null;
                overSla: boolean;
              }[];
              summary: {
                from: string;
                to: string;
                raised: number;
                emergencies: number;
                deviceHealth: number;
                closed: number;
                falseAlarms: number;
                overSla: number;
                escalated: number;
                notable: {
                  /** Format: uuid */
                  id: string;
                  seq: number;
                  kind: string;
                  severity: string;
                  status: string;
                  title: string;
                  residentName: string | null;
                  createdAt: string;
                  acknowledgedByName: string | null;
                  outcome: string | null;
                  overSla: boolean;
                }[];
              };
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shifts/handovers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Handover history, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          offset?: number | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of handovers */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                fromUserId: string;
                fromUserName: string;
                /** Format: uuid */
                toUserId: string | null;
                toUserName: string | null;
                createdAt: string;
                note: string;
                openIncidents: {
                  /** Format: uuid */
                  id: string;
                  seq: number;
                  kind: string;
                  severity: string;
                  status: string;
                  title: string;
                  residentName: string | null;
                  createdAt: string;
                  acknowledgedByName: string | null;
                  outcome: string | null;
                  overSla: boolean;
                }[];
                summary: {
                  from: string;
                  to: string;
                  raised: number;
                  emergencies: number;
                  deviceHealth: number;
                  closed: number;
                  falseAlarms: number;
                  overSla: number;
                  escalated: number;
                  notable: {
                    /** Format: uuid */
                    id: string;
                    seq: number;
                    kind: string;
                    severity: string;
                    status: string;
                    title: string;
                    residentName: string | null;
                    createdAt: string;
                    acknowledgedByName: string | null;
                    outcome: string | null;
                    overSla: boolean;
                  }[];
                };
                acknowledgedAt: string | null;
                /** Format: uuid */
                acknowledgedBy: string | null;
                acknowledgedByName: string | null;
                acknowledgeNote: string;
              }[];
              total: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Hand over the shift: the note of the outgoing dispatcher (you), with the incidents open now and the shift summary captured at this moment (hub clock); `toUserId` names the incoming dispatcher when known */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note: string;
            /** Format: uuid */
            toUserId?: string;
          };
        };
      };
      responses: {
        /** @description Handed over */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              fromUserId: string;
              fromUserName: string;
              /** Format: uuid */
              toUserId: string | null;
              toUserName: string | null;
              createdAt: string;
              note: string;
              openIncidents: {
                /** Format: uuid */
                id: string;
                seq: number;
                kind: string;
                severity: string;
                status: string;
                title: string;
                residentName: string | null;
                createdAt: string;
                acknowledgedByName: string | null;
                outcome: string | null;
                overSla: boolean;
              }[];
              summary: {
                from: string;
                to: string;
                raised: number;
                emergencies: number;
                deviceHealth: number;
                closed: number;
                falseAlarms: number;
                overSla: number;
                escalated: number;
                notable: {
                  /** Format: uuid */
                  id: string;
                  seq: number;
                  kind: string;
                  severity: string;
                  status: string;
                  title: string;
                  residentName: string | null;
                  createdAt: string;
                  acknowledgedByName: string | null;
                  outcome: string | null;
                  overSla: boolean;
                }[];
              };
              acknowledgedAt: string | null;
              /** Format: uuid */
              acknowledgedBy: string | null;
              acknowledgedByName: string | null;
              acknowledgeNote: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shifts/handovers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One handover */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The handover */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              fromUserId: string;
              fromUserName: string;
              /** Format: uuid */
              toUserId: string | null;
              toUserName: string | null;
              createdAt: string;
              note: string;
              openIncidents: {
                /** Format: uuid */
                id: string;
                seq: number;
                kind: string;
                severity: string;
                status: string;
                title: string;
                residentName: string | null;
                createdAt: string;
                acknowledgedByName: string | null;
                outcome: string | null;
                overSla: boolean;
              }[];
              summary: {
                from: string;
                to: string;
                raised: number;
                emergencies: number;
                deviceHealth: number;
                closed: number;
                falseAlarms: number;
                overSla: number;
                escalated: number;
                notable: {
                  /** Format: uuid */
                  id: string;
                  seq: number;
                  kind: string;
                  severity: string;
                  status: string;
                  title: string;
                  residentName: string | null;
                  createdAt: string;
                  acknowledgedByName: string | null;
                  outcome: string | null;
                  overSla: boolean;
                }[];
              };
              acknowledgedAt: string | null;
              /** Format: uuid */
              acknowledgedBy: string | null;
              acknowledgedByName: string | null;
              acknowledgeNote: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shifts/handovers/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The incoming dispatcher acknowledges the handover (time by the hub clock): once, and not by its author; a handover addressed to one dispatcher is acknowledged by them (or a supervisor/admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default  */
            note?: string;
          };
        };
      };
      responses: {
        /** @description Acknowledged */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              fromUserId: string;
              fromUserName: string;
              /** Format: uuid */
              toUserId: string | null;
              toUserName: string | null;
              createdAt: string;
              note: string;
              openIncidents: {
                /** Format: uuid */
                id: string;
                seq: number;
                kind: string;
                severity: string;
                status: string;
                title: string;
                residentName: string | null;
                createdAt: string;
                acknowledgedByName: string | null;
                outcome: string | null;
                overSla: boolean;
              }[];
              summary: {
                from: string;
                to: string;
                raised: number;
                emergencies: number;
                deviceHealth: number;
                closed: number;
                falseAlarms: number;
                overSla: number;
                escalated: number;
                notable: {
                  /** Format: uuid */
                  id: string;
                  seq: number;
                  kind: string;
                  severity: string;
                  status: string;
                  title: string;
                  residentName: string | null;
                  createdAt: string;
                  acknowledgedByName: string | null;
                  outcome: string | null;
                  overSla: boolean;
                }[];
              };
              acknowledgedAt: string | null;
              /** Format: uuid */
              acknowledgedBy: string | null;
              acknowledgedByName: string | null;
              acknowledgeNote: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dispatch-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every alarm kind's action plan (edited or built in) and the map link template */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Dispatch settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              plans: {
                /** @enum {string} */
                kind:
                  | 'sos'
                  | 'fall'
                  | 'smoke'
                  | 'gas'
                  | 'water_leak'
                  | 'vitals'
                  | 'inactivity'
                  | 'night_bed_exit'
                  | 'night_door_open'
                  | 'geofence_exit'
                  | 'device_offline'
                  | 'low_battery'
                  | 'power_loss'
                  | 'device_storm'
                  | 'watchdog'
                  | 'welfare_concern'
                  | 'missed_meal'
                  | 'missed_test'
                  | 'clock_wrong'
                  | 'not_monitored';
                steps: {
                  id: string;
                  /** @enum {string} */
                  key?:
                    | 'speak_to_elder'
                    | 'ask_injury'
                    | 'call_contacts'
                    | 'send_responder'
                    | 'no_voice_emergency'
                    | 'call_120_if_needed'
                    | 'evacuate_elder'
                    | 'call_119'
                    | 'gas_safety'
                    | 'call_gas_company'
                    | 'stop_water'
                    | 'ask_symptoms'
                    | 'check_whereabouts'
                    | 'check_device'
                    | 'arrange_technician'
                    | 'check_staffing'
                    | 'confirm_safe';
                  text: string;
                }[];
                custom: boolean;
              }[];
              mapUrlTemplate: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dispatch-settings/plans/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace an alarm kind's action plan (the checklist of its incidents claimed from now on) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          kind:
            | 'sos'
            | 'fall'
            | 'smoke'
            | 'gas'
            | 'water_leak'
            | 'vitals'
            | 'inactivity'
            | 'night_bed_exit'
            | 'night_door_open'
            | 'geofence_exit'
            | 'device_offline'
            | 'low_battery'
            | 'power_loss'
            | 'device_storm'
            | 'watchdog'
            | 'welfare_concern'
            | 'missed_meal'
            | 'missed_test'
            | 'clock_wrong'
            | 'not_monitored';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            steps: {
              id: string;
              /** @enum {string} */
              key?:
                | 'speak_to_elder'
                | 'ask_injury'
                | 'call_contacts'
                | 'send_responder'
                | 'no_voice_emergency'
                | 'call_120_if_needed'
                | 'evacuate_elder'
                | 'call_119'
                | 'gas_safety'
                | 'call_gas_company'
                | 'stop_water'
                | 'ask_symptoms'
                | 'check_whereabouts'
                | 'check_device'
                | 'arrange_technician'
                | 'check_staffing'
                | 'confirm_safe';
              text: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Stored */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              kind:
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored';
              steps: {
                id: string;
                /** @enum {string} */
                key?:
                  | 'speak_to_elder'
                  | 'ask_injury'
                  | 'call_contacts'
                  | 'send_responder'
                  | 'no_voice_emergency'
                  | 'call_120_if_needed'
                  | 'evacuate_elder'
                  | 'call_119'
                  | 'gas_safety'
                  | 'call_gas_company'
                  | 'stop_water'
                  | 'ask_symptoms'
                  | 'check_whereabouts'
                  | 'check_device'
                  | 'arrange_technician'
                  | 'check_staffing'
                  | 'confirm_safe';
                text: string;
              }[];
              custom: boolean;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    post?: never;
    /** Restore an alarm kind's built-in action plan */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          kind:
            | 'sos'
            | 'fall'
            | 'smoke'
            | 'gas'
            | 'water_leak'
            | 'vitals'
            | 'inactivity'
            | 'night_bed_exit'
            | 'night_door_open'
            | 'geofence_exit'
            | 'device_offline'
            | 'low_battery'
            | 'power_loss'
            | 'device_storm'
            | 'watchdog'
            | 'welfare_concern'
            | 'missed_meal'
            | 'missed_test'
            | 'clock_wrong'
            | 'not_monitored';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The built-in plan */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              kind:
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored';
              steps: {
                id: string;
                /** @enum {string} */
                key?:
                  | 'speak_to_elder'
                  | 'ask_injury'
                  | 'call_contacts'
                  | 'send_responder'
                  | 'no_voice_emergency'
                  | 'call_120_if_needed'
                  | 'evacuate_elder'
                  | 'call_119'
                  | 'gas_safety'
                  | 'call_gas_company'
                  | 'stop_water'
                  | 'ask_symptoms'
                  | 'check_whereabouts'
                  | 'check_device'
                  | 'arrange_technician'
                  | 'check_staffing'
                  | 'confirm_safe';
                text: string;
              }[];
              custom: boolean;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dispatch-settings/map-url': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** The map link template of incident places: {lat} and {lng} (or {lon}) are filled in */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            mapUrlTemplate: string;
          };
        };
      };
      responses: {
        /** @description Stored */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              mapUrlTemplate: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/programs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The district's time-bank programs and their policy */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Programs */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                policy: {
                  /** @default 16 */
                  minVolunteerAge: number;
                  /** @default 0 */
                  minRedeemAge: number;
                  /** @default null */
                  capMinutes: number | null;
                  /** @default null */
                  expiryDays: number | null;
                  /**
                   * @default anyone
                   * @enum {string}
                   */
                  giftRecipients: 'anyone' | 'family_only' | 'none';
                  /** @default 7 */
                  autoConfirmDays: number;
                  /** @default 0 */
                  fundFloorMinutes: number | null;
                };
                /** Format: uuid */
                issuanceAccountId: string;
                /** Format: uuid */
                fundAccountId: string;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a program (with its issuance and community-fund accounts) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /**
             * @default {
             *       "minVolunteerAge": 16,
             *       "minRedeemAge": 0,
             *       "capMinutes": null,
             *       "expiryDays": null,
             *       "giftRecipients": "anyone",
             *       "autoConfirmDays": 7,
             *       "fundFloorMinutes": 0
             *     }
             */
            policy?: {
              /** @default 16 */
              minVolunteerAge?: number;
              /** @default 0 */
              minRedeemAge?: number;
              /** @default null */
              capMinutes?: number | null;
              /** @default null */
              expiryDays?: number | null;
              /**
               * @default anyone
               * @enum {string}
               */
              giftRecipients?: 'anyone' | 'family_only' | 'none';
              /** @default 7 */
              autoConfirmDays?: number;
              /** @default 0 */
              fundFloorMinutes?: number | null;
            };
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              policy: {
                /** @default 16 */
                minVolunteerAge: number;
                /** @default 0 */
                minRedeemAge: number;
                /** @default null */
                capMinutes: number | null;
                /** @default null */
                expiryDays: number | null;
                /**
                 * @default anyone
                 * @enum {string}
                 */
                giftRecipients: 'anyone' | 'family_only' | 'none';
                /** @default 7 */
                autoConfirmDays: number;
                /** @default 0 */
                fundFloorMinutes: number | null;
              };
              /** Format: uuid */
              issuanceAccountId: string;
              /** Format: uuid */
              fundAccountId: string;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/programs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a program name or policy */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @description Send only the fields to change; a field left out keeps its value. Fields that may be cleared by sending null: capMinutes, expiryDays, fundFloorMinutes. */
            policy?: {
              minVolunteerAge?: number;
              minRedeemAge?: number;
              capMinutes?: number | null;
              expiryDays?: number | null;
              /** @enum {string} */
              giftRecipients?: 'anyone' | 'family_only' | 'none';
              autoConfirmDays?: number;
              fundFloorMinutes?: number | null;
            };
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              policy: {
                /** @default 16 */
                minVolunteerAge: number;
                /** @default 0 */
                minRedeemAge: number;
                /** @default null */
                capMinutes: number | null;
                /** @default null */
                expiryDays: number | null;
                /**
                 * @default anyone
                 * @enum {string}
                 */
                giftRecipients: 'anyone' | 'family_only' | 'none';
                /** @default 7 */
                autoConfirmDays: number;
                /** @default 0 */
                fundFloorMinutes: number | null;
              };
              /** Format: uuid */
              issuanceAccountId: string;
              /** Format: uuid */
              fundAccountId: string;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/timebank/programs/{id}/totals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Program totals: hours owed, fund, members, per transfer kind and per organisation */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Totals */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              programId: string;
              outstandingMinutes: number;
              fundMinutes: number;
              memberMinutes: number;
              byKind: {
                [key: string]: {
                  transfers: number;
                  minutes: number;
                };
              };
              organisations: {
                /** Format: uuid */
                id: string;
                name: string;
                volunteers: number;
                servedMinutes: number;
              }[];
              accounts: {
                [key: string]: {
                  count: number;
                  minutes: number;
                };
              };
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/programs/{id}/reconciliation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Compares every cached balance with the sum of its entries and reports drift */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Reconciliation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              programId: string;
              checkedAt: string;
              accounts: number;
              entriesSum: number;
              unbalancedTransfers: string[];
              drift: {
                /** Format: uuid */
                accountId: string;
                name: string;
                cachedMinutes: number;
                entriesMinutes: number;
              }[];
              ok: boolean;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/volunteers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Volunteers (a volunteer: their own profile) */
    get: {
      parameters: {
        query?: {
          programId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Volunteers */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                programId: string;
                name: string;
                phone: string;
                birthDate: string;
                age: number;
                /** Format: uuid */
                userId: string | null;
                /** Format: uuid */
                organisationId: string | null;
                familyResidentIds: string[];
                /** Format: uuid */
                accountId: string;
                balanceMinutes: number;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Register a volunteer (checked against the minimum age) and open their account */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            programId: string;
            name: string;
            /** @default  */
            phone?: string;
            /** Format: date */
            birthDate: string;
            /**
             * Format: uuid
             * @default null
             */
            userId?: string | null;
            /**
             * Format: uuid
             * @default null
             */
            organisationId?: string | null;
            /** @default [] */
            familyResidentIds?: string[];
          };
        };
      };
      responses: {
        /** @description Registered */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              name: string;
              phone: string;
              birthDate: string;
              age: number;
              /** Format: uuid */
              userId: string | null;
              /** Format: uuid */
              organisationId: string | null;
              familyResidentIds: string[];
              /** Format: uuid */
              accountId: string;
              balanceMinutes: number;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/organisations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Volunteer organisations */
    get: {
      parameters: {
        query?: {
          programId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Organisations */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                programId: string;
                name: string;
                /** Format: uuid */
                accountId: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Add a volunteer organisation (with its account) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            programId: string;
            name: string;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              name: string;
              /** Format: uuid */
              accountId: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Accounts with balances (volunteers and family: only their own) */
    get: {
      parameters: {
        query?: {
          programId?: string;
          kind?: 'volunteer' | 'elder' | 'family' | 'organisation' | 'fund' | 'issuance';
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Accounts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                programId: string;
                /** @enum {string} */
                kind: 'volunteer' | 'elder' | 'family' | 'organisation' | 'fund' | 'issuance';
                /** Format: uuid */
                ownerId: string | null;
                name: string;
                floorMinutes: number | null;
                balanceMinutes: number;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Open an elder's or a family member's account (returns the existing one if open) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            programId: string;
            /** @enum {string} */
            kind: 'elder' | 'family';
            /** Format: uuid */
            ownerId: string;
          };
        };
      };
      responses: {
        /** @description The account */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** @enum {string} */
              kind: 'volunteer' | 'elder' | 'family' | 'organisation' | 'fund' | 'issuance';
              /** Format: uuid */
              ownerId: string | null;
              name: string;
              floorMinutes: number | null;
              balanceMinutes: number;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/accounts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One account */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The account */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** @enum {string} */
              kind: 'volunteer' | 'elder' | 'family' | 'organisation' | 'fund' | 'issuance';
              /** Format: uuid */
              ownerId: string | null;
              name: string;
              floorMinutes: number | null;
              balanceMinutes: number;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/accounts/{id}/statement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Statement of an account: opening, every entry with running balance, closing, totals by kind */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Statement */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              account: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                programId: string;
                /** @enum {string} */
                kind: 'volunteer' | 'elder' | 'family' | 'organisation' | 'fund' | 'issuance';
                /** Format: uuid */
                ownerId: string | null;
                name: string;
                floorMinutes: number | null;
                balanceMinutes: number;
                createdAt: string;
              };
              from: string | null;
              to: string | null;
              openingMinutes: number;
              closingMinutes: number;
              byKind: {
                [key: string]: {
                  in: number;
                  out: number;
                };
              };
              givenMinutes: number;
              receivedMinutes: number;
              lines: {
                /** Format: uuid */
                transferId: string;
                at: string;
                /** @enum {string} */
                kind: 'service' | 'gift' | 'donation' | 'redemption' | 'correction' | 'expiry';
                memo: string;
                reason: string;
                /** Format: uuid */
                reversesId: string | null;
                counterparty: string;
                amountMinutes: number;
                balanceMinutes: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/accounts/{id}/statement.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The statement as CSV (UTF-8), for download */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/accounts/{id}/gift-recipients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whom this account may give hours to under its program's gift policy, by name or account number (name, account, kind) */
    get: {
      parameters: {
        query?: {
          q?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Allowed recipients, by name */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                accountId: string;
                name: string;
                /** @enum {string} */
                kind: 'volunteer' | 'elder' | 'family' | 'organisation';
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/transfers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Transfers with their entries, newest first (volunteers and family: those of their accounts) */
    get: {
      parameters: {
        query?: {
          programId?: string;
          accountId?: string;
          kind?: 'service' | 'gift' | 'donation' | 'redemption' | 'correction' | 'expiry';
          limit?: number;
          offset?: number | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Transfers */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                programId: string;
                /** @enum {string} */
                kind: 'service' | 'gift' | 'donation' | 'redemption' | 'correction' | 'expiry';
                idempotencyKey: string;
                memo: string;
                /** Format: uuid */
                reversesId: string | null;
                /** Format: uuid */
                reversedById: string | null;
                reason: string;
                /** Format: uuid */
                actorId: string | null;
                actorName: string | null;
                /** Format: uuid */
                requestId: string | null;
                createdAt: string;
                entries: {
                  /** Format: uuid */
                  accountId: string;
                  accountName: string;
                  /** @enum {string} */
                  accountKind: 'volunteer' | 'elder' | 'family' | 'organisation' | 'fund' | 'issuance';
                  amountMinutes: number;
                }[];
              }[];
              total: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/transfers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One transfer */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The transfer */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** @enum {string} */
              kind: 'service' | 'gift' | 'donation' | 'redemption' | 'correction' | 'expiry';
              idempotencyKey: string;
              memo: string;
              /** Format: uuid */
              reversesId: string | null;
              /** Format: uuid */
              reversedById: string | null;
              reason: string;
              /** Format: uuid */
              actorId: string | null;
              actorName: string | null;
              /** Format: uuid */
              requestId: string | null;
              createdAt: string;
              entries: {
                /** Format: uuid */
                accountId: string;
                accountName: string;
                /** @enum {string} */
                accountKind: 'volunteer' | 'elder' | 'family' | 'organisation' | 'fund' | 'issuance';
                amountMinutes: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/transfers/{id}/reverse': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reverse a transfer: a correction naming the original, the reason and who did it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
            idempotencyKey: string;
          };
        };
      };
      responses: {
        /** @description Posted (or the original transfer, for a repeated idempotency key) */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** @enum {string} */
              kind: 'service' | 'gift' | 'donation' | 'redemption' | 'correction' | 'expiry';
              idempotencyKey: string;
              memo: string;
              /** Format: uuid */
              reversesId: string | null;
              /** Format: uuid */
              reversedById: string | null;
              reason: string;
              /** Format: uuid */
              actorId: string | null;
              actorName: string | null;
              /** Format: uuid */
              requestId: string | null;
              createdAt: string;
              entries: {
                /** Format: uuid */
                accountId: string;
                accountName: string;
                /** @enum {string} */
                accountKind: 'volunteer' | 'elder' | 'family' | 'organisation' | 'fund' | 'issuance';
                amountMinutes: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/gifts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give hours to another member, e.g. a volunteer to their own parents (per the gift policy) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            fromAccountId: string;
            /** Format: uuid */
            toAccountId: string;
            minutes: number;
            /** @default  */
            memo?: string;
            idempotencyKey: string;
          };
        };
      };
      responses: {
        /** @description Posted (or the original transfer, for a repeated idempotency key) */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** @enum {string} */
              kind: 'service' | 'gift' | 'donation' | 'redemption' | 'correction' | 'expiry';
              idempotencyKey: string;
              memo: string;
              /** Format: uuid */
              reversesId: string | null;
              /** Format: uuid */
              reversedById: string | null;
              reason: string;
              /** Format: uuid */
              actorId: string | null;
              actorName: string | null;
              /** Format: uuid */
              requestId: string | null;
              createdAt: string;
              entries: {
                /** Format: uuid */
                accountId: string;
                accountName: string;
                /** @enum {string} */
                accountKind: 'volunteer' | 'elder' | 'family' | 'organisation' | 'fund' | 'issuance';
                amountMinutes: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/donations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Donate hours to the community fund */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            fromAccountId: string;
            minutes: number;
            /** @default  */
            memo?: string;
            idempotencyKey: string;
          };
        };
      };
      responses: {
        /** @description Posted (or the original transfer, for a repeated idempotency key) */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** @enum {string} */
              kind: 'service' | 'gift' | 'donation' | 'redemption' | 'correction' | 'expiry';
              idempotencyKey: string;
              memo: string;
              /** Format: uuid */
              reversesId: string | null;
              /** Format: uuid */
              reversedById: string | null;
              reason: string;
              /** Format: uuid */
              actorId: string | null;
              actorName: string | null;
              /** Format: uuid */
              requestId: string | null;
              createdAt: string;
              entries: {
                /** Format: uuid */
                accountId: string;
                accountName: string;
                /** @enum {string} */
                accountKind: 'volunteer' | 'elder' | 'family' | 'organisation' | 'fund' | 'issuance';
                amountMinutes: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/redemptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Redeem hours for a service for the holder (never below zero, even with concurrent requests) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            accountId: string;
            minutes: number;
            memo: string;
            idempotencyKey: string;
          };
        };
      };
      responses: {
        /** @description Posted (or the original transfer, for a repeated idempotency key) */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** @enum {string} */
              kind: 'service' | 'gift' | 'donation' | 'redemption' | 'correction' | 'expiry';
              idempotencyKey: string;
              memo: string;
              /** Format: uuid */
              reversesId: string | null;
              /** Format: uuid */
              reversedById: string | null;
              reason: string;
              /** Format: uuid */
              actorId: string | null;
              actorName: string | null;
              /** Format: uuid */
              requestId: string | null;
              createdAt: string;
              entries: {
                /** Format: uuid */
                accountId: string;
                accountName: string;
                /** @enum {string} */
                accountKind: 'volunteer' | 'elder' | 'family' | 'organisation' | 'fund' | 'issuance';
                amountMinutes: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Service requests (volunteers: dispatched to them; family: their elder) */
    get: {
      parameters: {
        query?: {
          status?:
            | 'requested'
            | 'dispatched'
            | 'accepted'
            | 'in_progress'
            | 'completed'
            | 'disputed'
            | 'confirmed'
            | 'rejected'
            | 'cancelled';
          type?: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
          residentId?: string;
          volunteerId?: string;
          limit?: number;
          offset?: number | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Requests */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                programId: string;
                /** Format: uuid */
                residentId: string;
                residentName: string;
                community: string;
                /** @enum {string} */
                type: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
                /** @enum {string} */
                status:
                  | 'requested'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'completed'
                  | 'disputed'
                  | 'confirmed'
                  | 'rejected'
                  | 'cancelled';
                scheduledAt: string;
                place: string;
                notes: string;
                /** Format: uuid */
                requestedBy: string | null;
                /** Format: uuid */
                volunteerId: string | null;
                volunteerName: string | null;
                /** Format: uuid */
                organisationId: string | null;
                organisationName: string | null;
                dispatchedAt: string | null;
                acceptedAt: string | null;
                checkInAt: string | null;
                checkOutAt: string | null;
                confirmedAt: string | null;
                autoConfirmed: boolean;
                rating: number | null;
                comment: string;
                minutes: number | null;
                disputeReason: string;
                resolution: string;
                /** Format: uuid */
                transferId: string | null;
                createdAt: string;
                updatedAt: string;
              }[];
              total: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Order a service for an elder (点单): by their family or a coordinator */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            programId: string;
            /** Format: uuid */
            residentId: string;
            /** @enum {string} */
            type: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
            /** Format: date-time */
            scheduledAt: string;
            /** @default  */
            place?: string;
            /** @default  */
            notes?: string;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** @enum {string} */
              type: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
              /** @enum {string} */
              status:
                | 'requested'
                | 'dispatched'
                | 'accepted'
                | 'in_progress'
                | 'completed'
                | 'disputed'
                | 'confirmed'
                | 'rejected'
                | 'cancelled';
              scheduledAt: string;
              place: string;
              notes: string;
              /** Format: uuid */
              requestedBy: string | null;
              /** Format: uuid */
              volunteerId: string | null;
              volunteerName: string | null;
              /** Format: uuid */
              organisationId: string | null;
              organisationName: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              checkInAt: string | null;
              checkOutAt: string | null;
              confirmedAt: string | null;
              autoConfirmed: boolean;
              rating: number | null;
              comment: string;
              minutes: number | null;
              disputeReason: string;
              resolution: string;
              /** Format: uuid */
              transferId: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One service request */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** @enum {string} */
              type: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
              /** @enum {string} */
              status:
                | 'requested'
                | 'dispatched'
                | 'accepted'
                | 'in_progress'
                | 'completed'
                | 'disputed'
                | 'confirmed'
                | 'rejected'
                | 'cancelled';
              scheduledAt: string;
              place: string;
              notes: string;
              /** Format: uuid */
              requestedBy: string | null;
              /** Format: uuid */
              volunteerId: string | null;
              volunteerName: string | null;
              /** Format: uuid */
              organisationId: string | null;
              organisationName: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              checkInAt: string | null;
              checkOutAt: string | null;
              confirmedAt: string | null;
              autoConfirmed: boolean;
              rating: number | null;
              comment: string;
              minutes: number | null;
              disputeReason: string;
              resolution: string;
              /** Format: uuid */
              transferId: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-requests/{id}/dispatch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Dispatch to a volunteer or an organisation (派单) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            volunteerId?: string;
            /** Format: uuid */
            organisationId?: string;
          };
        };
      };
      responses: {
        /** @description The request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** @enum {string} */
              type: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
              /** @enum {string} */
              status:
                | 'requested'
                | 'dispatched'
                | 'accepted'
                | 'in_progress'
                | 'completed'
                | 'disputed'
                | 'confirmed'
                | 'rejected'
                | 'cancelled';
              scheduledAt: string;
              place: string;
              notes: string;
              /** Format: uuid */
              requestedBy: string | null;
              /** Format: uuid */
              volunteerId: string | null;
              volunteerName: string | null;
              /** Format: uuid */
              organisationId: string | null;
              organisationName: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              checkInAt: string | null;
              checkOutAt: string | null;
              confirmedAt: string | null;
              autoConfirmed: boolean;
              rating: number | null;
              comment: string;
              minutes: number | null;
              disputeReason: string;
              resolution: string;
              /** Format: uuid */
              transferId: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-requests/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The volunteer declines; the request goes back to the coordinator */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** @enum {string} */
              type: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
              /** @enum {string} */
              status:
                | 'requested'
                | 'dispatched'
                | 'accepted'
                | 'in_progress'
                | 'completed'
                | 'disputed'
                | 'confirmed'
                | 'rejected'
                | 'cancelled';
              scheduledAt: string;
              place: string;
              notes: string;
              /** Format: uuid */
              requestedBy: string | null;
              /** Format: uuid */
              volunteerId: string | null;
              volunteerName: string | null;
              /** Format: uuid */
              organisationId: string | null;
              organisationName: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              checkInAt: string | null;
              checkOutAt: string | null;
              confirmedAt: string | null;
              autoConfirmed: boolean;
              rating: number | null;
              comment: string;
              minutes: number | null;
              disputeReason: string;
              resolution: string;
              /** Format: uuid */
              transferId: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-requests/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The volunteer accepts (接单) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** @enum {string} */
              type: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
              /** @enum {string} */
              status:
                | 'requested'
                | 'dispatched'
                | 'accepted'
                | 'in_progress'
                | 'completed'
                | 'disputed'
                | 'confirmed'
                | 'rejected'
                | 'cancelled';
              scheduledAt: string;
              place: string;
              notes: string;
              /** Format: uuid */
              requestedBy: string | null;
              /** Format: uuid */
              volunteerId: string | null;
              volunteerName: string | null;
              /** Format: uuid */
              organisationId: string | null;
              organisationName: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              checkInAt: string | null;
              checkOutAt: string | null;
              confirmedAt: string | null;
              autoConfirmed: boolean;
              rating: number | null;
              comment: string;
              minutes: number | null;
              disputeReason: string;
              resolution: string;
              /** Format: uuid */
              transferId: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-requests/{id}/check-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check in at the visit */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** @enum {string} */
              type: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
              /** @enum {string} */
              status:
                | 'requested'
                | 'dispatched'
                | 'accepted'
                | 'in_progress'
                | 'completed'
                | 'disputed'
                | 'confirmed'
                | 'rejected'
                | 'cancelled';
              scheduledAt: string;
              place: string;
              notes: string;
              /** Format: uuid */
              requestedBy: string | null;
              /** Format: uuid */
              volunteerId: string | null;
              volunteerName: string | null;
              /** Format: uuid */
              organisationId: string | null;
              organisationName: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              checkInAt: string | null;
              checkOutAt: string | null;
              confirmedAt: string | null;
              autoConfirmed: boolean;
              rating: number | null;
              comment: string;
              minutes: number | null;
              disputeReason: string;
              resolution: string;
              /** Format: uuid */
              transferId: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-requests/{id}/check-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check out: the served minutes are measured and the contact counts as a visit */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** @enum {string} */
              type: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
              /** @enum {string} */
              status:
                | 'requested'
                | 'dispatched'
                | 'accepted'
                | 'in_progress'
                | 'completed'
                | 'disputed'
                | 'confirmed'
                | 'rejected'
                | 'cancelled';
              scheduledAt: string;
              place: string;
              notes: string;
              /** Format: uuid */
              requestedBy: string | null;
              /** Format: uuid */
              volunteerId: string | null;
              volunteerName: string | null;
              /** Format: uuid */
              organisationId: string | null;
              organisationName: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              checkInAt: string | null;
              checkOutAt: string | null;
              confirmedAt: string | null;
              autoConfirmed: boolean;
              rating: number | null;
              comment: string;
              minutes: number | null;
              disputeReason: string;
              resolution: string;
              /** Format: uuid */
              transferId: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-requests/{id}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm and rate (评单); the hours are credited */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            rating: number;
            /** @default  */
            comment?: string;
            minutes?: number;
          };
        };
      };
      responses: {
        /** @description The request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** @enum {string} */
              type: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
              /** @enum {string} */
              status:
                | 'requested'
                | 'dispatched'
                | 'accepted'
                | 'in_progress'
                | 'completed'
                | 'disputed'
                | 'confirmed'
                | 'rejected'
                | 'cancelled';
              scheduledAt: string;
              place: string;
              notes: string;
              /** Format: uuid */
              requestedBy: string | null;
              /** Format: uuid */
              volunteerId: string | null;
              volunteerName: string | null;
              /** Format: uuid */
              organisationId: string | null;
              organisationName: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              checkInAt: string | null;
              checkOutAt: string | null;
              confirmedAt: string | null;
              autoConfirmed: boolean;
              rating: number | null;
              comment: string;
              minutes: number | null;
              disputeReason: string;
              resolution: string;
              /** Format: uuid */
              transferId: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-requests/{id}/dispute': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Dispute the service; it goes to the coordinator */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description The request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** @enum {string} */
              type: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
              /** @enum {string} */
              status:
                | 'requested'
                | 'dispatched'
                | 'accepted'
                | 'in_progress'
                | 'completed'
                | 'disputed'
                | 'confirmed'
                | 'rejected'
                | 'cancelled';
              scheduledAt: string;
              place: string;
              notes: string;
              /** Format: uuid */
              requestedBy: string | null;
              /** Format: uuid */
              volunteerId: string | null;
              volunteerName: string | null;
              /** Format: uuid */
              organisationId: string | null;
              organisationName: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              checkInAt: string | null;
              checkOutAt: string | null;
              confirmedAt: string | null;
              autoConfirmed: boolean;
              rating: number | null;
              comment: string;
              minutes: number | null;
              disputeReason: string;
              resolution: string;
              /** Format: uuid */
              transferId: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-requests/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The coordinator resolves a dispute: confirm (credit) or reject */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            decision: 'confirm' | 'reject';
            resolution: string;
            minutes?: number;
          };
        };
      };
      responses: {
        /** @description The request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** @enum {string} */
              type: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
              /** @enum {string} */
              status:
                | 'requested'
                | 'dispatched'
                | 'accepted'
                | 'in_progress'
                | 'completed'
                | 'disputed'
                | 'confirmed'
                | 'rejected'
                | 'cancelled';
              scheduledAt: string;
              place: string;
              notes: string;
              /** Format: uuid */
              requestedBy: string | null;
              /** Format: uuid */
              volunteerId: string | null;
              volunteerName: string | null;
              /** Format: uuid */
              organisationId: string | null;
              organisationName: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              checkInAt: string | null;
              checkOutAt: string | null;
              confirmedAt: string | null;
              autoConfirmed: boolean;
              rating: number | null;
              comment: string;
              minutes: number | null;
              disputeReason: string;
              resolution: string;
              /** Format: uuid */
              transferId: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-requests/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel before the visit starts */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default  */
            reason?: string;
          };
        };
      };
      responses: {
        /** @description The request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              programId: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** @enum {string} */
              type: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
              /** @enum {string} */
              status:
                | 'requested'
                | 'dispatched'
                | 'accepted'
                | 'in_progress'
                | 'completed'
                | 'disputed'
                | 'confirmed'
                | 'rejected'
                | 'cancelled';
              scheduledAt: string;
              place: string;
              notes: string;
              /** Format: uuid */
              requestedBy: string | null;
              /** Format: uuid */
              volunteerId: string | null;
              volunteerName: string | null;
              /** Format: uuid */
              organisationId: string | null;
              organisationName: string | null;
              dispatchedAt: string | null;
              acceptedAt: string | null;
              checkInAt: string | null;
              checkOutAt: string | null;
              confirmedAt: string | null;
              autoConfirmed: boolean;
              rating: number | null;
              comment: string;
              minutes: number | null;
              disputeReason: string;
              resolution: string;
              /** Format: uuid */
              transferId: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timebank/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A volunteer's own view: profile, accounts and open tasks */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Mine */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              volunteer: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                programId: string;
                name: string;
                phone: string;
                birthDate: string;
                age: number;
                /** Format: uuid */
                userId: string | null;
                /** Format: uuid */
                organisationId: string | null;
                familyResidentIds: string[];
                /** Format: uuid */
                accountId: string;
                balanceMinutes: number;
                createdAt: string;
              } | null;
              accounts: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                programId: string;
                /** @enum {string} */
                kind: 'volunteer' | 'elder' | 'family' | 'organisation' | 'fund' | 'issuance';
                /** Format: uuid */
                ownerId: string | null;
                name: string;
                floorMinutes: number | null;
                balanceMinutes: number;
                createdAt: string;
              }[];
              tasks: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                programId: string;
                /** Format: uuid */
                residentId: string;
                residentName: string;
                community: string;
                /** @enum {string} */
                type: 'meals' | 'cleaning' | 'medical_escort' | 'emergency' | 'bathing' | 'mobility' | 'visit';
                /** @enum {string} */
                status:
                  | 'requested'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'completed'
                  | 'disputed'
                  | 'confirmed'
                  | 'rejected'
                  | 'cancelled';
                scheduledAt: string;
                place: string;
                notes: string;
                /** Format: uuid */
                requestedBy: string | null;
                /** Format: uuid */
                volunteerId: string | null;
                volunteerName: string | null;
                /** Format: uuid */
                organisationId: string | null;
                organisationName: string | null;
                dispatchedAt: string | null;
                acceptedAt: string | null;
                checkInAt: string | null;
                checkOutAt: string | null;
                confirmedAt: string | null;
                autoConfirmed: boolean;
                rating: number | null;
                comment: string;
                minutes: number | null;
                disputeReason: string;
                resolution: string;
                /** Format: uuid */
                transferId: string | null;
                createdAt: string;
                updatedAt: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/visits/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Visit intervals per risk tier and the visit-rate targets */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @default 7 */
              highDays: number;
              /** @default 30 */
              keyDays: number;
              /** @default 90 */
              otherDays: number;
              /** @default 90 */
              targetPct: number;
              /** @default {} */
              communityTargets: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    /** Change the visit intervals and targets */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default 7 */
            highDays?: number;
            /** @default 30 */
            keyDays?: number;
            /** @default 90 */
            otherDays?: number;
            /** @default 90 */
            targetPct?: number;
            /** @default {} */
            communityTargets?: {
              [key: string]: number;
            };
          };
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @default 7 */
              highDays: number;
              /** @default 30 */
              keyDays: number;
              /** @default 90 */
              otherDays: number;
              /** @default 90 */
              targetPct: number;
              /** @default {} */
              communityTargets: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/visits/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Visit plans of elders at home: tier, interval, last contact, when due, overdue first */
    get: {
      parameters: {
        query?: {
          community?: string;
          tier?: 'high' | 'key' | 'other';
          overdue?: 'true' | 'false';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Plans */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                residentId: string;
                residentName: string;
                community: string;
                /** @enum {string} */
                tier: 'high' | 'key' | 'other';
                intervalDays: number;
                overrideDays: number | null;
                /** Format: uuid */
                visitorId: string | null;
                visitorName: string | null;
                lastContactAt: string | null;
                dueAt: string;
                overdue: boolean;
                daysOverdue: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/visits/plans/{residentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Override an elder's visit interval or assign their visitor */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          residentId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            overrideDays?: number | null;
            /** Format: uuid */
            visitorId?: string | null;
          };
        };
      };
      responses: {
        /** @description The plan */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** @enum {string} */
              tier: 'high' | 'key' | 'other';
              intervalDays: number;
              overrideDays: number | null;
              /** Format: uuid */
              visitorId: string | null;
              visitorName: string | null;
              lastContactAt: string | null;
              dueAt: string;
              overdue: boolean;
              daysOverdue: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/visits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The visit log: every real contact (visits, services, meals), newest first */
    get: {
      parameters: {
        query?: {
          residentId?: string;
          from?: string;
          to?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Contacts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                residentId: string;
                residentName: string;
                at: string;
                /** @enum {string} */
                source: 'visit' | 'service' | 'meal';
                /** @enum {string} */
                method: 'home' | 'phone' | 'video' | 'in_person';
                /** @enum {string|null} */
                state: 'well' | 'fair' | 'unwell' | 'not_reached' | null;
                note: string;
                concern: boolean;
                /** Format: uuid */
                alertId: string | null;
                /** Format: uuid */
                visitorId: string | null;
                visitorName: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Log a welfare visit; a concern raises a welfare-concern incident for dispatch */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            residentId: string;
            /** Format: date-time */
            at?: string;
            /** @enum {string} */
            method: 'home' | 'phone' | 'video';
            /** @enum {string} */
            state: 'well' | 'fair' | 'unwell' | 'not_reached';
            /** @default  */
            note?: string;
            /** @default false */
            concern?: boolean;
          };
        };
      };
      responses: {
        /** @description Logged */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              at: string;
              /** @enum {string} */
              source: 'visit' | 'service' | 'meal';
              /** @enum {string} */
              method: 'home' | 'phone' | 'video' | 'in_person';
              /** @enum {string|null} */
              state: 'well' | 'fair' | 'unwell' | 'not_reached' | null;
              note: string;
              concern: boolean;
              /** Format: uuid */
              alertId: string | null;
              /** Format: uuid */
              visitorId: string | null;
              visitorName: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/visits/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Monthly visit rate per community and for the district against the target, and who is overdue */
    get: {
      parameters: {
        query?: {
          month?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Report */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              month: string;
              district: {
                community: string;
                keyElders: number;
                visited: number;
                ratePct: number | null;
                targetPct: number;
                meetsTarget: boolean;
              };
              communities: {
                community: string;
                keyElders: number;
                visited: number;
                ratePct: number | null;
                targetPct: number;
                meetsTarget: boolean;
              }[];
              overdue: {
                /** Format: uuid */
                residentId: string;
                residentName: string;
                community: string;
                /** @enum {string} */
                tier: 'high' | 'key' | 'other';
                intervalDays: number;
                overrideDays: number | null;
                /** Format: uuid */
                visitorId: string | null;
                visitorName: string | null;
                lastContactAt: string | null;
                dueAt: string;
                overdue: boolean;
                daysOverdue: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/kitchens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Kitchens and meal points with their service areas (retired ones only with `includeRetired=true`) */
    get: {
      parameters: {
        query?: {
          includeRetired?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Kitchens */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                kind: 'central_kitchen' | 'canteen' | 'meal_point';
                address: string;
                phone: string;
                communities: string[];
                /** Format: uuid */
                supplierId: string | null;
                meals: ('breakfast' | 'lunch' | 'dinner')[];
                openWeekdays: number[];
                closedDates: string[];
                prices: {
                  breakfast: number;
                  lunch: number;
                  dinner: number;
                };
                pickupUntil: {
                  breakfast: string;
                  lunch: string;
                  dinner: string;
                };
                createdAt: string;
                retiredAt: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Add a central kitchen, canteen or meal point */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @enum {string} */
            kind: 'central_kitchen' | 'canteen' | 'meal_point';
            /** @default  */
            address?: string;
            /** @default  */
            phone?: string;
            /** @default [] */
            communities?: string[];
            /**
             * Format: uuid
             * @default null
             */
            supplierId?: string | null;
            /**
             * @default [
             *       "lunch"
             *     ]
             */
            meals?: ('breakfast' | 'lunch' | 'dinner')[];
            /**
             * @default [
             *       1,
             *       2,
             *       3,
             *       4,
             *       5,
             *       6,
             *       7
             *     ]
             */
            openWeekdays?: number[];
            /** @default [] */
            closedDates?: string[];
            /**
             * @default {
             *       "breakfast": 500,
             *       "lunch": 1500,
             *       "dinner": 1200
             *     }
             */
            prices?: {
              breakfast: number;
              lunch: number;
              dinner: number;
            };
            /**
             * @default {
             *       "breakfast": "09:30",
             *       "lunch": "13:00",
             *       "dinner": "18:30"
             *     }
             */
            pickupUntil?: {
              breakfast: string;
              lunch: string;
              dinner: string;
            };
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              kind: 'central_kitchen' | 'canteen' | 'meal_point';
              address: string;
              phone: string;
              communities: string[];
              /** Format: uuid */
              supplierId: string | null;
              meals: ('breakfast' | 'lunch' | 'dinner')[];
              openWeekdays: number[];
              closedDates: string[];
              prices: {
                breakfast: number;
                lunch: number;
                dinner: number;
              };
              pickupUntil: {
                breakfast: string;
                lunch: string;
                dinner: string;
              };
              createdAt: string;
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/kitchens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a kitchen: area, opening days, holidays, prices, pick-up hours; `retired: true` retires it (409 while meal plans run on it), `retired: false` puts it back in service */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @enum {string} */
            kind?: 'central_kitchen' | 'canteen' | 'meal_point';
            address?: string;
            phone?: string;
            communities?: string[];
            /** Format: uuid */
            supplierId?: string | null;
            meals?: ('breakfast' | 'lunch' | 'dinner')[];
            openWeekdays?: number[];
            closedDates?: string[];
            prices?: {
              breakfast: number;
              lunch: number;
              dinner: number;
            };
            pickupUntil?: {
              breakfast: string;
              lunch: string;
              dinner: string;
            };
            retired?: boolean;
          };
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              kind: 'central_kitchen' | 'canteen' | 'meal_point';
              address: string;
              phone: string;
              communities: string[];
              /** Format: uuid */
              supplierId: string | null;
              meals: ('breakfast' | 'lunch' | 'dinner')[];
              openWeekdays: number[];
              closedDates: string[];
              prices: {
                breakfast: number;
                lunch: number;
                dinner: number;
              };
              pickupUntil: {
                breakfast: string;
                lunch: string;
                dinner: string;
              };
              createdAt: string;
              retiredAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/meals/menus': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Menus per kitchen, day and meal */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
          kitchenId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Menus */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                kitchenId: string;
                date: string;
                /** @enum {string} */
                meal: 'breakfast' | 'lunch' | 'dinner';
                items: string[];
                dietNotes: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/kitchens/{id}/menus/{date}/{meal}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set a day's menu for a meal */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          date: string;
          meal: 'breakfast' | 'lunch' | 'dinner';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            items: string[];
            /** @default  */
            dietNotes?: string;
          };
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              kitchenId: string;
              date: string;
              /** @enum {string} */
              meal: 'breakfast' | 'lunch' | 'dinner';
              items: string[];
              dietNotes: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/routes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Delivery routes with their runner and stops in order */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Routes */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                kitchenId: string;
                kitchenName: string;
                name: string;
                /** Format: uuid */
                runnerUserId: string | null;
                runnerName: string | null;
                stops: {
                  /** Format: uuid */
                  residentId: string;
                  residentName: string;
                  address: string;
                  seq: number;
                }[];
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Add a delivery route to a kitchen */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            kitchenId: string;
            name: string;
            /**
             * Format: uuid
             * @default null
             */
            runnerUserId?: string | null;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              kitchenId: string;
              kitchenName: string;
              name: string;
              /** Format: uuid */
              runnerUserId: string | null;
              runnerName: string | null;
              stops: {
                /** Format: uuid */
                residentId: string;
                residentName: string;
                address: string;
                seq: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/routes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename a route or change its usual runner (future days' runs) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** Format: uuid */
            runnerUserId?: string | null;
          };
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              kitchenId: string;
              kitchenName: string;
              name: string;
              /** Format: uuid */
              runnerUserId: string | null;
              runnerName: string | null;
              stops: {
                /** Format: uuid */
                residentId: string;
                residentName: string;
                address: string;
                seq: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/meals/routes/{id}/stops': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Reorder the stops: the named elders first, the rest keep their order */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            residentIds: string[];
          };
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              kitchenId: string;
              kitchenName: string;
              name: string;
              /** Format: uuid */
              runnerUserId: string | null;
              runnerName: string | null;
              stops: {
                /** Format: uuid */
                residentId: string;
                residentName: string;
                address: string;
                seq: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/runners': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Users who can run deliveries (volunteers and staff) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Runners */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                role: 'volunteer' | 'coordinator' | 'admin';
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Elders' meal plans */
    get: {
      parameters: {
        query?: {
          residentId?: string;
          kitchenId?: string;
          routeId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Plans */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                residentId: string;
                residentName: string;
                community: string;
                /** Format: uuid */
                kitchenId: string;
                kitchenName: string;
                weekdays: number[];
                meals: ('breakfast' | 'lunch' | 'dinner')[];
                /** @enum {string} */
                mode: 'delivery' | 'pickup';
                /** Format: uuid */
                routeId: string | null;
                routeName: string | null;
                diets: ('diabetic' | 'low_salt' | 'soft' | 'minced' | 'renal')[];
                allergies: string[];
                doorNote: string;
                /** @enum {string} */
                subsidyCategory: 'none' | 'advanced_age' | 'low_income' | 'extreme_poverty' | 'disabled';
                elderPriceCents: number;
                pickupCode: string;
                startDate: string;
                endDate: string | null;
                pausedFrom: string | null;
                resumeOn: string | null;
                pauseReason: string;
                paused: boolean;
                active: boolean;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Add a meal plan: days, meals, delivery or pick-up, diet, subsidy, price */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            residentId: string;
            /** Format: uuid */
            kitchenId: string;
            /**
             * @default [
             *       1,
             *       2,
             *       3,
             *       4,
             *       5
             *     ]
             */
            weekdays?: number[];
            meals: ('breakfast' | 'lunch' | 'dinner')[];
            /** @enum {string} */
            mode: 'delivery' | 'pickup';
            /**
             * Format: uuid
             * @default null
             */
            routeId?: string | null;
            /** @default [] */
            diets?: ('diabetic' | 'low_salt' | 'soft' | 'minced' | 'renal')[];
            /** @default [] */
            allergies?: string[];
            /** @default  */
            doorNote?: string;
            /**
             * @default none
             * @enum {string}
             */
            subsidyCategory?: 'none' | 'advanced_age' | 'low_income' | 'extreme_poverty' | 'disabled';
            elderPriceCents: number;
            /** Format: date */
            startDate?: string;
            /**
             * Format: date
             * @default null
             */
            endDate?: string | null;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** Format: uuid */
              kitchenId: string;
              kitchenName: string;
              weekdays: number[];
              meals: ('breakfast' | 'lunch' | 'dinner')[];
              /** @enum {string} */
              mode: 'delivery' | 'pickup';
              /** Format: uuid */
              routeId: string | null;
              routeName: string | null;
              diets: ('diabetic' | 'low_salt' | 'soft' | 'minced' | 'renal')[];
              allergies: string[];
              doorNote: string;
              /** @enum {string} */
              subsidyCategory: 'none' | 'advanced_age' | 'low_income' | 'extreme_poverty' | 'disabled';
              elderPriceCents: number;
              pickupCode: string;
              startDate: string;
              endDate: string | null;
              pausedFrom: string | null;
              resumeOn: string | null;
              pauseReason: string;
              paused: boolean;
              active: boolean;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/plans/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a meal plan (active: false ends it) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            kitchenId?: string;
            weekdays?: number[];
            meals?: ('breakfast' | 'lunch' | 'dinner')[];
            /** @enum {string} */
            mode?: 'delivery' | 'pickup';
            /** Format: uuid */
            routeId?: string | null;
            diets?: ('diabetic' | 'low_salt' | 'soft' | 'minced' | 'renal')[];
            allergies?: string[];
            doorNote?: string;
            /** @enum {string} */
            subsidyCategory?: 'none' | 'advanced_age' | 'low_income' | 'extreme_poverty' | 'disabled';
            elderPriceCents?: number;
            /** Format: date */
            startDate?: string;
            /** Format: date */
            endDate?: string | null;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** Format: uuid */
              kitchenId: string;
              kitchenName: string;
              weekdays: number[];
              meals: ('breakfast' | 'lunch' | 'dinner')[];
              /** @enum {string} */
              mode: 'delivery' | 'pickup';
              /** Format: uuid */
              routeId: string | null;
              routeName: string | null;
              diets: ('diabetic' | 'low_salt' | 'soft' | 'minced' | 'renal')[];
              allergies: string[];
              doorNote: string;
              /** @enum {string} */
              subsidyCategory: 'none' | 'advanced_age' | 'low_income' | 'extreme_poverty' | 'disabled';
              elderPriceCents: number;
              pickupCode: string;
              startDate: string;
              endDate: string | null;
              pausedFrom: string | null;
              resumeOn: string | null;
              pauseReason: string;
              paused: boolean;
              active: boolean;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/meals/plans/{id}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pause meals (hospital stay) until a day when they resume by themselves */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date */
            from?: string;
            /** Format: date */
            resumeOn: string;
            /** @default  */
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Paused */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** Format: uuid */
              kitchenId: string;
              kitchenName: string;
              weekdays: number[];
              meals: ('breakfast' | 'lunch' | 'dinner')[];
              /** @enum {string} */
              mode: 'delivery' | 'pickup';
              /** Format: uuid */
              routeId: string | null;
              routeName: string | null;
              diets: ('diabetic' | 'low_salt' | 'soft' | 'minced' | 'renal')[];
              allergies: string[];
              doorNote: string;
              /** @enum {string} */
              subsidyCategory: 'none' | 'advanced_age' | 'low_income' | 'extreme_poverty' | 'disabled';
              elderPriceCents: number;
              pickupCode: string;
              startDate: string;
              endDate: string | null;
              pausedFrom: string | null;
              resumeOn: string | null;
              pauseReason: string;
              paused: boolean;
              active: boolean;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    /** End a pause now */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Resumed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              community: string;
              /** Format: uuid */
              kitchenId: string;
              kitchenName: string;
              weekdays: number[];
              meals: ('breakfast' | 'lunch' | 'dinner')[];
              /** @enum {string} */
              mode: 'delivery' | 'pickup';
              /** Format: uuid */
              routeId: string | null;
              routeName: string | null;
              diets: ('diabetic' | 'low_salt' | 'soft' | 'minced' | 'renal')[];
              allergies: string[];
              doorNote: string;
              /** @enum {string} */
              subsidyCategory: 'none' | 'advanced_age' | 'low_income' | 'extreme_poverty' | 'disabled';
              elderPriceCents: number;
              pickupCode: string;
              startDate: string;
              endDate: string | null;
              pausedFrom: string | null;
              resumeOn: string | null;
              pauseReason: string;
              paused: boolean;
              active: boolean;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/orders/generate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Generate a day's orders from the plans now (idempotent) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date */
            date: string;
          };
        };
      };
      responses: {
        /** @description Generated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              date: string;
              created: number;
              total: number;
              runs: number;
              skipped: {
                paused: number;
                closed: number;
              };
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A day's orders (today by default), by kitchen, meal and stop order */
    get: {
      parameters: {
        query?: {
          date?: string;
          kitchenId?: string;
          meal?: 'breakfast' | 'lunch' | 'dinner';
          status?: 'planned' | 'delivered' | 'left' | 'refused' | 'no_answer' | 'picked_up' | 'missed' | 'cancelled';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Orders */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                planId: string;
                /** Format: uuid */
                residentId: string;
                residentName: string;
                address: string;
                phone: string;
                /** Format: uuid */
                kitchenId: string;
                kitchenName: string;
                date: string;
                /** @enum {string} */
                meal: 'breakfast' | 'lunch' | 'dinner';
                /** @enum {string} */
                mode: 'delivery' | 'pickup';
                diets: ('diabetic' | 'low_salt' | 'soft' | 'minced' | 'renal')[];
                allergies: string[];
                doorNote: string;
                /** @enum {string} */
                subsidyCategory: 'none' | 'advanced_age' | 'low_income' | 'extreme_poverty' | 'disabled';
                fullPriceCents: number;
                elderPriceCents: number;
                /** Format: uuid */
                routeId: string | null;
                /** Format: uuid */
                runId: string | null;
                stopSeq: number | null;
                /** @enum {string} */
                status:
                  'planned' | 'delivered' | 'left' | 'refused' | 'no_answer' | 'picked_up' | 'missed' | 'cancelled';
                outcomeAt: string | null;
                outcomeByName: string | null;
                note: string;
                concern: boolean;
                /** Format: uuid */
                alertId: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/production': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Production sheet: counts per kitchen, meal and diet */
    get: {
      parameters: {
        query?: {
          date?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Sheet */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              date: string;
              kitchens: {
                /** Format: uuid */
                kitchenId: string;
                kitchenName: string;
                meals: {
                  /** @enum {string} */
                  meal: 'breakfast' | 'lunch' | 'dinner';
                  total: number;
                  delivery: number;
                  pickup: number;
                  byDiet: {
                    [key: string]: number;
                  };
                  allergies: {
                    residentName: string;
                    allergies: string[];
                  }[];
                }[];
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Meals served, by diet and subsidy, subsidy totals, missed meals and outcomes */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Report */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              from: string;
              to: string;
              served: number;
              subsidyCents: number;
              elderPaidCents: number;
              byDay: {
                date: string;
                /** Format: uuid */
                kitchenId: string;
                kitchenName: string;
                /** @enum {string} */
                meal: 'breakfast' | 'lunch' | 'dinner';
                served: number;
              }[];
              byDiet: {
                diet: string;
                served: number;
              }[];
              bySubsidy: {
                /** @enum {string} */
                category: 'none' | 'advanced_age' | 'low_income' | 'extreme_poverty' | 'disabled';
                served: number;
                subsidyCents: number;
                elderPaidCents: number;
              }[];
              missed: {
                /** Format: uuid */
                orderId: string;
                date: string;
                /** @enum {string} */
                meal: 'breakfast' | 'lunch' | 'dinner';
                /** Format: uuid */
                residentId: string;
                residentName: string;
                kitchenName: string;
                /** @enum {string} */
                status:
                  'planned' | 'delivered' | 'left' | 'refused' | 'no_answer' | 'picked_up' | 'missed' | 'cancelled';
                concern: boolean;
                /** Format: uuid */
                alertId: string | null;
                alertStatus: string | null;
                outcome: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/reports.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The report as CSV (UTF-8), for download */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A day's delivery runs (today by default); runners see only their own */
    get: {
      parameters: {
        query?: {
          date?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Runs */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                routeId: string;
                routeName: string;
                kitchenName: string;
                date: string;
                /** @enum {string} */
                meal: 'breakfast' | 'lunch' | 'dinner';
                /** Format: uuid */
                runnerUserId: string | null;
                runnerName: string | null;
                /** @enum {string} */
                status: 'planned' | 'started' | 'completed';
                startedAt: string | null;
                completedAt: string | null;
                minutes: number | null;
                /** Format: uuid */
                transferId: string | null;
                stopCount: number;
                doneCount: number;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A run with its stops in route order, diets and door notes */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Run */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              routeId: string;
              routeName: string;
              kitchenName: string;
              date: string;
              /** @enum {string} */
              meal: 'breakfast' | 'lunch' | 'dinner';
              /** Format: uuid */
              runnerUserId: string | null;
              runnerName: string | null;
              /** @enum {string} */
              status: 'planned' | 'started' | 'completed';
              startedAt: string | null;
              completedAt: string | null;
              minutes: number | null;
              /** Format: uuid */
              transferId: string | null;
              stopCount: number;
              doneCount: number;
              stops: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                planId: string;
                /** Format: uuid */
                residentId: string;
                residentName: string;
                address: string;
                phone: string;
                /** Format: uuid */
                kitchenId: string;
                kitchenName: string;
                date: string;
                /** @enum {string} */
                meal: 'breakfast' | 'lunch' | 'dinner';
                /** @enum {string} */
                mode: 'delivery' | 'pickup';
                diets: ('diabetic' | 'low_salt' | 'soft' | 'minced' | 'renal')[];
                allergies: string[];
                doorNote: string;
                /** @enum {string} */
                subsidyCategory: 'none' | 'advanced_age' | 'low_income' | 'extreme_poverty' | 'disabled';
                fullPriceCents: number;
                elderPriceCents: number;
                /** Format: uuid */
                routeId: string | null;
                /** Format: uuid */
                runId: string | null;
                stopSeq: number | null;
                /** @enum {string} */
                status:
                  'planned' | 'delivered' | 'left' | 'refused' | 'no_answer' | 'picked_up' | 'missed' | 'cancelled';
                outcomeAt: string | null;
                outcomeByName: string | null;
                note: string;
                concern: boolean;
                /** Format: uuid */
                alertId: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/runs/{id}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign the runner of one run */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            runnerUserId: string | null;
          };
        };
      };
      responses: {
        /** @description Assigned */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              routeId: string;
              routeName: string;
              kitchenName: string;
              date: string;
              /** @enum {string} */
              meal: 'breakfast' | 'lunch' | 'dinner';
              /** Format: uuid */
              runnerUserId: string | null;
              runnerName: string | null;
              /** @enum {string} */
              status: 'planned' | 'started' | 'completed';
              startedAt: string | null;
              completedAt: string | null;
              minutes: number | null;
              /** Format: uuid */
              transferId: string | null;
              stopCount: number;
              doneCount: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/runs/{id}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a run (its minutes count from now) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The run */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              routeId: string;
              routeName: string;
              kitchenName: string;
              date: string;
              /** @enum {string} */
              meal: 'breakfast' | 'lunch' | 'dinner';
              /** Format: uuid */
              runnerUserId: string | null;
              runnerName: string | null;
              /** @enum {string} */
              status: 'planned' | 'started' | 'completed';
              startedAt: string | null;
              completedAt: string | null;
              minutes: number | null;
              /** Format: uuid */
              transferId: string | null;
              stopCount: number;
              doneCount: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/runs/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Complete a run once every stop has an outcome; a volunteer's minutes go to the time bank */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The run */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              routeId: string;
              routeName: string;
              kitchenName: string;
              date: string;
              /** @enum {string} */
              meal: 'breakfast' | 'lunch' | 'dinner';
              /** Format: uuid */
              runnerUserId: string | null;
              runnerName: string | null;
              /** @enum {string} */
              status: 'planned' | 'started' | 'completed';
              startedAt: string | null;
              completedAt: string | null;
              minutes: number | null;
              /** Format: uuid */
              transferId: string | null;
              stopCount: number;
              doneCount: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/orders/{id}/outcome': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a stop: delivered, left, refused or no_answer (a welfare check); staff tick picked_up */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            outcome: 'delivered' | 'left' | 'refused' | 'no_answer' | 'picked_up';
            /** @default  */
            note?: string;
            /** @default false */
            concern?: boolean;
          };
        };
      };
      responses: {
        /** @description Recorded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              planId: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              address: string;
              phone: string;
              /** Format: uuid */
              kitchenId: string;
              kitchenName: string;
              date: string;
              /** @enum {string} */
              meal: 'breakfast' | 'lunch' | 'dinner';
              /** @enum {string} */
              mode: 'delivery' | 'pickup';
              diets: ('diabetic' | 'low_salt' | 'soft' | 'minced' | 'renal')[];
              allergies: string[];
              doorNote: string;
              /** @enum {string} */
              subsidyCategory: 'none' | 'advanced_age' | 'low_income' | 'extreme_poverty' | 'disabled';
              fullPriceCents: number;
              elderPriceCents: number;
              /** Format: uuid */
              routeId: string | null;
              /** Format: uuid */
              runId: string | null;
              stopSeq: number | null;
              /** @enum {string} */
              status: 'planned' | 'delivered' | 'left' | 'refused' | 'no_answer' | 'picked_up' | 'missed' | 'cancelled';
              outcomeAt: string | null;
              outcomeByName: string | null;
              note: string;
              concern: boolean;
              /** Format: uuid */
              alertId: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meals/pickups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm a pick-up at a meal point by the elder's card (resident id or short code) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            /** Format: uuid */
            kitchenId: string;
            /** @enum {string} */
            meal?: 'breakfast' | 'lunch' | 'dinner';
          };
        };
      };
      responses: {
        /** @description Picked up */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              planId: string;
              /** Format: uuid */
              residentId: string;
              residentName: string;
              address: string;
              phone: string;
              /** Format: uuid */
              kitchenId: string;
              kitchenName: string;
              date: string;
              /** @enum {string} */
              meal: 'breakfast' | 'lunch' | 'dinner';
              /** @enum {string} */
              mode: 'delivery' | 'pickup';
              diets: ('diabetic' | 'low_salt' | 'soft' | 'minced' | 'renal')[];
              allergies: string[];
              doorNote: string;
              /** @enum {string} */
              subsidyCategory: 'none' | 'advanced_age' | 'low_income' | 'extreme_poverty' | 'disabled';
              fullPriceCents: number;
              elderPriceCents: number;
              /** Format: uuid */
              routeId: string | null;
              /** Format: uuid */
              runId: string | null;
              stopSeq: number | null;
              /** @enum {string} */
              status: 'planned' | 'delivered' | 'left' | 'refused' | 'no_answer' | 'picked_up' | 'missed' | 'cancelled';
              outcomeAt: string | null;
              outcomeByName: string | null;
              note: string;
              concern: boolean;
              /** Format: uuid */
              alertId: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a user's name, role or scope, or disable the account (`disabled: true`: no login, every session ended; the account and what it did stay) or re-enable it (admin). 409 for your own role or account. Recorded in the audit log */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @enum {string} */
            role?:
              | 'admin'
              | 'coordinator'
              | 'dispatcher'
              | 'supervisor'
              | 'institution_staff'
              | 'volunteer'
              | 'family'
              | 'official';
            /** Format: uuid */
            institutionId?: string | null;
            /** Format: uuid */
            residentId?: string | null;
            disabled?: boolean;
          };
        };
      };
      responses: {
        /** @description The account */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              email: string;
              name: string;
              /** @enum {string} */
              role:
                | 'admin'
                | 'coordinator'
                | 'dispatcher'
                | 'supervisor'
                | 'institution_staff'
                | 'volunteer'
                | 'family'
                | 'official';
              /** Format: uuid */
              tenantId: string;
              /** Format: uuid */
              institutionId: string | null;
              /** Format: uuid */
              residentId: string | null;
              disabledAt: string | null;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The register audit log, newest first: who (user, role), when (hub clock), from where (client address) and what changed (field-level before/after; secrets never recorded). Append-only. Filters: `entity` (kind), `entityId`, `actorId` (user), `from`/`to` (a day in the district time zone, both inclusive, or an ISO instant). Admins see every entry of their district; coordinators all but those about users. */
    get: {
      parameters: {
        query?: {
          entity?:
            | 'resident'
            | 'device'
            | 'institution'
            | 'room'
            | 'bed'
            | 'user'
            | 'kitchen'
            | 'menu'
            | 'meal_route'
            | 'meal_plan'
            | 'timebank_program'
            | 'timebank_organisation'
            | 'timebank_volunteer'
            | 'visit_settings'
            | 'visit_plan'
            | 'tenant_settings'
            | 'region'
            | 'assessment'
            | 'subsidy_category'
            | 'left_behind'
            | 'admission_application';
          entityId?: string;
          actorId?: string;
          from?: string;
          to?: string;
          limit?: number;
          offset?: number | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of entries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: number;
                at: string;
                /** Format: uuid */
                actorId: string | null;
                actorName: string | null;
                actorRole: string;
                clientAddress: string;
                requestId: string;
                /** @enum {string} */
                entity:
                  | 'resident'
                  | 'device'
                  | 'institution'
                  | 'room'
                  | 'bed'
                  | 'user'
                  | 'kitchen'
                  | 'menu'
                  | 'meal_route'
                  | 'meal_plan'
                  | 'timebank_program'
                  | 'timebank_organisation'
                  | 'timebank_volunteer'
                  | 'visit_settings'
                  | 'visit_plan'
                  | 'tenant_settings'
                  | 'region'
                  | 'assessment'
                  | 'subsidy_category'
                  | 'left_behind'
                  | 'admission_application';
                entityId: string;
                /** @enum {string} */
                action: 'create' | 'update' | 'retire' | 'reinstate' | 'credentials_reissued' | 'credentials_exported';
                changes: {
                  field: string;
                  before?: unknown;
                  after?: unknown;
                }[];
              }[];
              total: number;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit log as CSV (UTF-8), one row per changed field, at most 50000 entries. Filters: `entity` (kind), `entityId`, `actorId` (user), `from`/`to` (a day in the district time zone, both inclusive, or an ISO instant). Admins see every entry of their district; coordinators all but those about users. */
    get: {
      parameters: {
        query?: {
          entity?:
            | 'resident'
            | 'device'
            | 'institution'
            | 'room'
            | 'bed'
            | 'user'
            | 'kitchen'
            | 'menu'
            | 'meal_route'
            | 'meal_plan'
            | 'timebank_program'
            | 'timebank_organisation'
            | 'timebank_volunteer'
            | 'visit_settings'
            | 'visit_plan'
            | 'tenant_settings'
            | 'region'
            | 'assessment'
            | 'subsidy_category'
            | 'left_behind'
            | 'admission_application';
          entityId?: string;
          actorId?: string;
          from?: string;
          to?: string;
          limit?: number;
          offset?: number | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dc09/accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** SIA DC-09 accounts of alarm panels and telecare units (keys are never returned) */
    get: {
      parameters: {
        query?: {
          deviceId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Accounts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                deviceId: string;
                receiver: string | null;
                line: string;
                account: string;
                vendor: string;
                encrypted: boolean;
                supervisionSeconds: number | null;
                lastMessageAt: string | null;
                supervisionLost: boolean;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Register a panel's receiver/line/account on a device, or on a resident's home (a device is registered for it); optional AES key and supervision interval */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            deviceId?: string;
            /** Format: uuid */
            residentId?: string;
            /**
             * @default sos_pendant
             * @enum {string}
             */
            deviceType?:
              | 'sos_pendant'
              | 'pull_cord'
              | 'fall_detector'
              | 'smartwatch'
              | 'bp_cuff'
              | 'bed_sensor'
              | 'motion_sensor'
              | 'door_sensor'
              | 'smoke_sensor'
              | 'gas_sensor'
              | 'water_sensor'
              | 'gps_wearable';
            /** @default  */
            label?: string;
            /** @default null */
            receiver?: string | null;
            line: string;
            account: string;
            /** @default standard */
            vendor?: string;
            /** @default null */
            key?: string | null;
            /** @default null */
            supervisionSeconds?: number | null;
          };
        };
      };
      responses: {
        /** @description Registered */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              deviceId: string;
              receiver: string | null;
              line: string;
              account: string;
              vendor: string;
              encrypted: boolean;
              supervisionSeconds: number | null;
              lastMessageAt: string | null;
              supervisionLost: boolean;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dc09/accounts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One DC-09 account */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The account */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              deviceId: string;
              receiver: string | null;
              line: string;
              account: string;
              vendor: string;
              encrypted: boolean;
              supervisionSeconds: number | null;
              lastMessageAt: string | null;
              supervisionLost: boolean;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Remove a DC-09 account (the panel's messages are then answered DUH and dead-lettered) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change what is sent (key: null removes the key; supervisionSeconds: null stops supervision) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            receiver?: string | null;
            line?: string;
            account?: string;
            vendor?: string;
            key?: string | null;
            supervisionSeconds?: number | null;
          };
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              deviceId: string;
              receiver: string | null;
              line: string;
              account: string;
              vendor: string;
              encrypted: boolean;
              supervisionSeconds: number | null;
              lastMessageAt: string | null;
              supervisionLost: boolean;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/dc09/profiles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Vendor profiles (code-table overrides) an account may use */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Profiles */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                name: string;
                label: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dc09/code-table': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The effective Contact ID / SIA DCS code table of a profile: which hub event each code raises */
    get: {
      parameters: {
        query?: {
          profile?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Code table */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              profile: string;
              items: {
                /** @enum {string} */
                protocol: 'cid' | 'sia';
                code: string;
                label: string;
                event: string | null;
                condition: string | null;
                vendor: boolean;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Channels the hub can send by (configured or not, and why) and the VAPID public key for web push */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Channels */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channels: {
                /** @enum {string} */
                channel: 'web_push' | 'email' | 'sms' | 'voice' | 'webhook' | 'dingtalk' | 'wecom' | 'device';
                available: boolean;
                provider: string | null;
                reason: string | null;
              }[];
              vapidPublicKey: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My notification settings (my own, or my role defaults while I have not changed any) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description My settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              preferences: {
                channels: ('web_push' | 'email' | 'sms' | 'voice')[];
                purposes: (
                  | 'alarm_unacknowledged'
                  | 'watchdog'
                  | 'dispatch'
                  | 'family_raised'
                  | 'family_on_scene'
                  | 'family_closed'
                  | 'device_health'
                  | 'device_command'
                  | 'test'
                )[];
                kinds: (
                  | 'sos'
                  | 'fall'
                  | 'smoke'
                  | 'gas'
                  | 'water_leak'
                  | 'vitals'
                  | 'inactivity'
                  | 'night_bed_exit'
                  | 'night_door_open'
                  | 'geofence_exit'
                  | 'device_offline'
                  | 'low_battery'
                  | 'power_loss'
                  | 'device_storm'
                  | 'watchdog'
                  | 'welfare_concern'
                  | 'missed_meal'
                  | 'missed_test'
                  | 'clock_wrong'
                  | 'not_monitored'
                )[];
                /** @enum {string} */
                minSeverity: 'critical' | 'high' | 'medium' | 'low';
                quietHours: {
                  start: string;
                  end: string;
                } | null;
                email: string | '';
                phone: string;
              };
              usingRoleDefaults: boolean;
              /** @enum {string} */
              role:
                | 'admin'
                | 'coordinator'
                | 'dispatcher'
                | 'supervisor'
                | 'institution_staff'
                | 'volunteer'
                | 'family'
                | 'official';
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Go back to my role defaults */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description My settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              preferences: {
                channels: ('web_push' | 'email' | 'sms' | 'voice')[];
                purposes: (
                  | 'alarm_unacknowledged'
                  | 'watchdog'
                  | 'dispatch'
                  | 'family_raised'
                  | 'family_on_scene'
                  | 'family_closed'
                  | 'device_health'
                  | 'device_command'
                  | 'test'
                )[];
                kinds: (
                  | 'sos'
                  | 'fall'
                  | 'smoke'
                  | 'gas'
                  | 'water_leak'
                  | 'vitals'
                  | 'inactivity'
                  | 'night_bed_exit'
                  | 'night_door_open'
                  | 'geofence_exit'
                  | 'device_offline'
                  | 'low_battery'
                  | 'power_loss'
                  | 'device_storm'
                  | 'watchdog'
                  | 'welfare_concern'
                  | 'missed_meal'
                  | 'missed_test'
                  | 'clock_wrong'
                  | 'not_monitored'
                )[];
                /** @enum {string} */
                minSeverity: 'critical' | 'high' | 'medium' | 'low';
                quietHours: {
                  start: string;
                  end: string;
                } | null;
                email: string | '';
                phone: string;
              };
              usingRoleDefaults: boolean;
              /** @enum {string} */
              role:
                | 'admin'
                | 'coordinator'
                | 'dispatcher'
                | 'supervisor'
                | 'institution_staff'
                | 'volunteer'
                | 'family'
                | 'official';
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change my notification settings (only the fields sent); critical alarms are never silenced */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channels?: ('web_push' | 'email' | 'sms' | 'voice')[];
            purposes?: (
              | 'alarm_unacknowledged'
              | 'watchdog'
              | 'dispatch'
              | 'family_raised'
              | 'family_on_scene'
              | 'family_closed'
              | 'device_health'
              | 'device_command'
              | 'test'
            )[];
            kinds?: (
              | 'sos'
              | 'fall'
              | 'smoke'
              | 'gas'
              | 'water_leak'
              | 'vitals'
              | 'inactivity'
              | 'night_bed_exit'
              | 'night_door_open'
              | 'geofence_exit'
              | 'device_offline'
              | 'low_battery'
              | 'power_loss'
              | 'device_storm'
              | 'watchdog'
              | 'welfare_concern'
              | 'missed_meal'
              | 'missed_test'
              | 'clock_wrong'
              | 'not_monitored'
            )[];
            /** @enum {string} */
            minSeverity?: 'critical' | 'high' | 'medium' | 'low';
            quietHours?: {
              start: string;
              end: string;
            } | null;
            email?: string | '';
            phone?: string;
          };
        };
      };
      responses: {
        /** @description My settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              preferences: {
                channels: ('web_push' | 'email' | 'sms' | 'voice')[];
                purposes: (
                  | 'alarm_unacknowledged'
                  | 'watchdog'
                  | 'dispatch'
                  | 'family_raised'
                  | 'family_on_scene'
                  | 'family_closed'
                  | 'device_health'
                  | 'device_command'
                  | 'test'
                )[];
                kinds: (
                  | 'sos'
                  | 'fall'
                  | 'smoke'
                  | 'gas'
                  | 'water_leak'
                  | 'vitals'
                  | 'inactivity'
                  | 'night_bed_exit'
                  | 'night_door_open'
                  | 'geofence_exit'
                  | 'device_offline'
                  | 'low_battery'
                  | 'power_loss'
                  | 'device_storm'
                  | 'watchdog'
                  | 'welfare_concern'
                  | 'missed_meal'
                  | 'missed_test'
                  | 'clock_wrong'
                  | 'not_monitored'
                )[];
                /** @enum {string} */
                minSeverity: 'critical' | 'high' | 'medium' | 'low';
                quietHours: {
                  start: string;
                  end: string;
                } | null;
                email: string | '';
                phone: string;
              };
              usingRoleDefaults: boolean;
              /** @enum {string} */
              role:
                | 'admin'
                | 'coordinator'
                | 'dispatcher'
                | 'supervisor'
                | 'institution_staff'
                | 'volunteer'
                | 'family'
                | 'official';
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/notifications/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send me a test message by one of my channels (it shows on no incident) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            channel: 'web_push' | 'email' | 'sms' | 'voice';
          };
        };
      };
      responses: {
        /** @description Queued */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The queued notification event */
              id: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/role-defaults': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Notification defaults of every role */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Role defaults */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @enum {string} */
                role:
                  | 'admin'
                  | 'coordinator'
                  | 'dispatcher'
                  | 'supervisor'
                  | 'institution_staff'
                  | 'volunteer'
                  | 'family'
                  | 'official';
                preferences: {
                  channels: ('web_push' | 'email' | 'sms' | 'voice')[];
                  purposes: (
                    | 'alarm_unacknowledged'
                    | 'watchdog'
                    | 'dispatch'
                    | 'family_raised'
                    | 'family_on_scene'
                    | 'family_closed'
                    | 'device_health'
                    | 'device_command'
                    | 'test'
                  )[];
                  kinds: (
                    | 'sos'
                    | 'fall'
                    | 'smoke'
                    | 'gas'
                    | 'water_leak'
                    | 'vitals'
                    | 'inactivity'
                    | 'night_bed_exit'
                    | 'night_door_open'
                    | 'geofence_exit'
                    | 'device_offline'
                    | 'low_battery'
                    | 'power_loss'
                    | 'device_storm'
                    | 'watchdog'
                    | 'welfare_concern'
                    | 'missed_meal'
                    | 'missed_test'
                    | 'clock_wrong'
                    | 'not_monitored'
                  )[];
                  /** @enum {string} */
                  minSeverity: 'critical' | 'high' | 'medium' | 'low';
                  quietHours: {
                    start: string;
                    end: string;
                  } | null;
                };
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/role-defaults/{role}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set a role's notification defaults (people who changed their own keep theirs) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          role:
            | 'admin'
            | 'coordinator'
            | 'dispatcher'
            | 'supervisor'
            | 'institution_staff'
            | 'volunteer'
            | 'family'
            | 'official';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channels: ('web_push' | 'email' | 'sms' | 'voice')[];
            purposes: (
              | 'alarm_unacknowledged'
              | 'watchdog'
              | 'dispatch'
              | 'family_raised'
              | 'family_on_scene'
              | 'family_closed'
              | 'device_health'
              | 'device_command'
              | 'test'
            )[];
            kinds: (
              | 'sos'
              | 'fall'
              | 'smoke'
              | 'gas'
              | 'water_leak'
              | 'vitals'
              | 'inactivity'
              | 'night_bed_exit'
              | 'night_door_open'
              | 'geofence_exit'
              | 'device_offline'
              | 'low_battery'
              | 'power_loss'
              | 'device_storm'
              | 'watchdog'
              | 'welfare_concern'
              | 'missed_meal'
              | 'missed_test'
              | 'clock_wrong'
              | 'not_monitored'
            )[];
            /** @enum {string} */
            minSeverity: 'critical' | 'high' | 'medium' | 'low';
            quietHours: {
              start: string;
              end: string;
            } | null;
          };
        };
      };
      responses: {
        /** @description Role defaults */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              role:
                | 'admin'
                | 'coordinator'
                | 'dispatcher'
                | 'supervisor'
                | 'institution_staff'
                | 'volunteer'
                | 'family'
                | 'official';
              preferences: {
                channels: ('web_push' | 'email' | 'sms' | 'voice')[];
                purposes: (
                  | 'alarm_unacknowledged'
                  | 'watchdog'
                  | 'dispatch'
                  | 'family_raised'
                  | 'family_on_scene'
                  | 'family_closed'
                  | 'device_health'
                  | 'device_command'
                  | 'test'
                )[];
                kinds: (
                  | 'sos'
                  | 'fall'
                  | 'smoke'
                  | 'gas'
                  | 'water_leak'
                  | 'vitals'
                  | 'inactivity'
                  | 'night_bed_exit'
                  | 'night_door_open'
                  | 'geofence_exit'
                  | 'device_offline'
                  | 'low_battery'
                  | 'power_loss'
                  | 'device_storm'
                  | 'watchdog'
                  | 'welfare_concern'
                  | 'missed_meal'
                  | 'missed_test'
                  | 'clock_wrong'
                  | 'not_monitored'
                )[];
                /** @enum {string} */
                minSeverity: 'critical' | 'high' | 'medium' | 'low';
                quietHours: {
                  start: string;
                  end: string;
                } | null;
              };
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found (or not yours to see): the object named in the path */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/push-subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My web push subscriptions (devices where I installed the app) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Subscriptions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                endpoint: string;
                label: string;
                createdAt: string;
                goneAt: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Store this browser's push subscription for me (the same endpoint again replaces it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uri */
            endpoint: string;
            expirationTime?: number | null;
            keys: {
              p256dh: string;
              auth: string;
            };
            label?: string;
          };
        };
      };
      responses: {
        /** @description Stored */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              endpoint: string;
              label: string;
              createdAt: string;
              goneAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/push-subscriptions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove one of my push subscriptions */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** District webhooks (generic signed, DingTalk and WeCom group robots) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Webhooks */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                format: 'standard' | 'dingtalk' | 'wecom';
                url: string;
                secret: string | null;
                hasSecret: boolean;
                purposes: (
                  | 'alarm_unacknowledged'
                  | 'watchdog'
                  | 'dispatch'
                  | 'family_raised'
                  | 'family_on_scene'
                  | 'family_closed'
                  | 'device_health'
                  | 'device_command'
                  | 'test'
                )[];
                kinds: (
                  | 'sos'
                  | 'fall'
                  | 'smoke'
                  | 'gas'
                  | 'water_leak'
                  | 'vitals'
                  | 'inactivity'
                  | 'night_bed_exit'
                  | 'night_door_open'
                  | 'geofence_exit'
                  | 'device_offline'
                  | 'low_battery'
                  | 'power_loss'
                  | 'device_storm'
                  | 'watchdog'
                  | 'welfare_concern'
                  | 'missed_meal'
                  | 'missed_test'
                  | 'clock_wrong'
                  | 'not_monitored'
                )[];
                /** @enum {string} */
                minSeverity: 'critical' | 'high' | 'medium' | 'low';
                enabled: boolean;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Add a webhook; for the standard format the secret is generated when not given and shown only here */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @enum {string} */
            format: 'standard' | 'dingtalk' | 'wecom';
            /** Format: uri */
            url: string;
            secret?: string;
            purposes: (
              | 'alarm_unacknowledged'
              | 'watchdog'
              | 'dispatch'
              | 'family_raised'
              | 'family_on_scene'
              | 'family_closed'
              | 'device_health'
              | 'device_command'
              | 'test'
            )[];
            /** @default [] */
            kinds?: (
              | 'sos'
              | 'fall'
              | 'smoke'
              | 'gas'
              | 'water_leak'
              | 'vitals'
              | 'inactivity'
              | 'night_bed_exit'
              | 'night_door_open'
              | 'geofence_exit'
              | 'device_offline'
              | 'low_battery'
              | 'power_loss'
              | 'device_storm'
              | 'watchdog'
              | 'welfare_concern'
              | 'missed_meal'
              | 'missed_test'
              | 'clock_wrong'
              | 'not_monitored'
            )[];
            /**
             * @default low
             * @enum {string}
             */
            minSeverity?: 'critical' | 'high' | 'medium' | 'low';
            /** @default true */
            enabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              format: 'standard' | 'dingtalk' | 'wecom';
              url: string;
              secret: string | null;
              hasSecret: boolean;
              purposes: (
                | 'alarm_unacknowledged'
                | 'watchdog'
                | 'dispatch'
                | 'family_raised'
                | 'family_on_scene'
                | 'family_closed'
                | 'device_health'
                | 'device_command'
                | 'test'
              )[];
              kinds: (
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored'
              )[];
              /** @enum {string} */
              minSeverity: 'critical' | 'high' | 'medium' | 'low';
              enabled: boolean;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a webhook (messages already queued for it are still delivered) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a webhook (only the fields sent) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** Format: uri */
            url?: string;
            secret?: string;
            purposes?: (
              | 'alarm_unacknowledged'
              | 'watchdog'
              | 'dispatch'
              | 'family_raised'
              | 'family_on_scene'
              | 'family_closed'
              | 'device_health'
              | 'device_command'
              | 'test'
            )[];
            kinds?: (
              | 'sos'
              | 'fall'
              | 'smoke'
              | 'gas'
              | 'water_leak'
              | 'vitals'
              | 'inactivity'
              | 'night_bed_exit'
              | 'night_door_open'
              | 'geofence_exit'
              | 'device_offline'
              | 'low_battery'
              | 'power_loss'
              | 'device_storm'
              | 'watchdog'
              | 'welfare_concern'
              | 'missed_meal'
              | 'missed_test'
              | 'clock_wrong'
              | 'not_monitored'
            )[];
            /** @enum {string} */
            minSeverity?: 'critical' | 'high' | 'medium' | 'low';
            enabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              format: 'standard' | 'dingtalk' | 'wecom';
              url: string;
              secret: string | null;
              hasSecret: boolean;
              purposes: (
                | 'alarm_unacknowledged'
                | 'watchdog'
                | 'dispatch'
                | 'family_raised'
                | 'family_on_scene'
                | 'family_closed'
                | 'device_health'
                | 'device_command'
                | 'test'
              )[];
              kinds: (
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored'
              )[];
              /** @enum {string} */
              minSeverity: 'critical' | 'high' | 'medium' | 'low';
              enabled: boolean;
              createdAt: string;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/alerts/{id}/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The incident's messages: channel, recipient, sent, failed or gave up (with the error), reply */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Messages, oldest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                alertId: string | null;
                /** @enum {string} */
                purpose:
                  | 'alarm_unacknowledged'
                  | 'watchdog'
                  | 'dispatch'
                  | 'family_raised'
                  | 'family_on_scene'
                  | 'family_closed'
                  | 'device_health'
                  | 'device_command'
                  | 'test';
                /** @enum {string} */
                channel: 'web_push' | 'email' | 'sms' | 'voice' | 'webhook' | 'dingtalk' | 'wecom' | 'device';
                recipientName: string;
                /** Format: uuid */
                recipientUserId: string | null;
                /** @enum {string} */
                status: 'pending' | 'held' | 'sending' | 'sent' | 'failed' | 'dead';
                attempts: number;
                maxAttempts: number;
                error: string | null;
                createdAt: string;
                notBefore: string | null;
                sentAt: string | null;
                failedAt: string | null;
                reply: {
                  /** @enum {string} */
                  answer: 'accept' | 'decline';
                  at: string;
                  via: string;
                } | null;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts/{id}/responder-candidates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who can be sent: the elder's contacts in call order (by phone), then accounts told in the app — family, the institution's staff, volunteers */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Candidates, contacts first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                responder: {
                  /** @enum {string} */
                  kind:
                    'family' | 'neighbour_volunteer' | 'community_worker' | 'institution_staff' | 'emergency_services';
                  name: string;
                  /** @default  */
                  phone: string;
                  /** Format: uuid */
                  userId?: string;
                  email?: string | '';
                };
                /** @enum {string} */
                source: 'contact' | 'family' | 'volunteer' | 'staff';
                detail: string;
                hasAccount: boolean;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Try a message that gave up (dead) or failed again, now */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Queued again */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              alertId: string | null;
              /** @enum {string} */
              purpose:
                | 'alarm_unacknowledged'
                | 'watchdog'
                | 'dispatch'
                | 'family_raised'
                | 'family_on_scene'
                | 'family_closed'
                | 'device_health'
                | 'device_command'
                | 'test';
              /** @enum {string} */
              channel: 'web_push' | 'email' | 'sms' | 'voice' | 'webhook' | 'dingtalk' | 'wecom' | 'device';
              recipientName: string;
              /** Format: uuid */
              recipientUserId: string | null;
              /** @enum {string} */
              status: 'pending' | 'held' | 'sending' | 'sent' | 'failed' | 'dead';
              attempts: number;
              maxAttempts: number;
              error: string | null;
              createdAt: string;
              notBefore: string | null;
              sentAt: string | null;
              failedAt: string | null;
              reply: {
                /** @enum {string} */
                answer: 'accept' | 'decline';
                at: string;
                via: string;
              } | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/responder/dispatches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Dispatches asked of me (open ones first; the last 20 closed ones after) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description My dispatches */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                alertId: string;
                /** @enum {string} */
                status: 'asked' | 'accepted' | 'declined' | 'timed_out' | 'withdrawn';
                /** @enum {string|null} */
                step: 'on_my_way' | 'on_scene' | 'done' | null;
                /** @enum {string} */
                incidentStatus:
                  | 'pending'
                  | 'open'
                  | 'acknowledged'
                  | 'contact_made'
                  | 'no_contact'
                  | 'dispatched'
                  | 'accepted'
                  | 'on_scene'
                  | 'resolved'
                  | 'cancelled';
                /** @enum {string} */
                kind:
                  | 'sos'
                  | 'fall'
                  | 'smoke'
                  | 'gas'
                  | 'water_leak'
                  | 'vitals'
                  | 'inactivity'
                  | 'night_bed_exit'
                  | 'night_door_open'
                  | 'geofence_exit'
                  | 'device_offline'
                  | 'low_battery'
                  | 'power_loss'
                  | 'device_storm'
                  | 'watchdog'
                  | 'welfare_concern'
                  | 'missed_meal'
                  | 'missed_test'
                  | 'clock_wrong'
                  | 'not_monitored';
                /** @enum {string} */
                severity: 'critical' | 'high' | 'medium' | 'low';
                title: string;
                responderName: string;
                elder: {
                  name: string | null;
                  address: string;
                  phone: string;
                  keySafe: string | null;
                  location: {
                    lat: number;
                    lon: number;
                  } | null;
                };
                place: string | null;
                dispatcherNote: string;
                askedAt: string;
                answeredAt: string | null;
                askAllAtOnce: boolean;
              }[];
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/responder/dispatches/{id}/reply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept or decline a dispatch asked of me (once) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            answer: 'accept' | 'decline';
            /** @default  */
            note?: string;
          };
        };
      };
      responses: {
        /** @description Answered */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              offerId: string;
              /** Format: uuid */
              alertId: string;
              /** @enum {string} */
              status: 'asked' | 'accepted' | 'declined' | 'timed_out' | 'withdrawn';
              /** @enum {string|null} */
              step: 'on_my_way' | 'on_scene' | 'done' | null;
              /** @enum {string} */
              incidentStatus:
                | 'pending'
                | 'open'
                | 'acknowledged'
                | 'contact_made'
                | 'no_contact'
                | 'dispatched'
                | 'accepted'
                | 'on_scene'
                | 'resolved'
                | 'cancelled';
              /** @enum {string} */
              kind:
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored';
              /** @enum {string} */
              severity: 'critical' | 'high' | 'medium' | 'low';
              title: string;
              responderName: string;
              elder: {
                name: string | null;
                address: string;
                phone: string;
                keySafe: string | null;
                location: {
                  lat: number;
                  lon: number;
                } | null;
              };
              place: string | null;
              dispatcherNote: string;
              askedAt: string;
              answeredAt: string | null;
              askAllAtOnce: boolean;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with stored data or a rule of the register (`details` names the field) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Already answered, withdrawn or expired (single use) */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/responder/dispatches/{id}/step': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Report on my way / on scene / done (with a note) on a dispatch I accepted */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            step: 'on_my_way' | 'on_scene' | 'done';
            /** @default  */
            note?: string;
          };
        };
      };
      responses: {
        /** @description Recorded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              offerId: string;
              /** Format: uuid */
              alertId: string;
              /** @enum {string} */
              status: 'asked' | 'accepted' | 'declined' | 'timed_out' | 'withdrawn';
              /** @enum {string|null} */
              step: 'on_my_way' | 'on_scene' | 'done' | null;
              /** @enum {string} */
              incidentStatus:
                | 'pending'
                | 'open'
                | 'acknowledged'
                | 'contact_made'
                | 'no_contact'
                | 'dispatched'
                | 'accepted'
                | 'on_scene'
                | 'resolved'
                | 'cancelled';
              /** @enum {string} */
              kind:
                | 'sos'
                | 'fall'
                | 'smoke'
                | 'gas'
                | 'water_leak'
                | 'vitals'
                | 'inactivity'
                | 'night_bed_exit'
                | 'night_door_open'
                | 'geofence_exit'
                | 'device_offline'
                | 'low_battery'
                | 'power_loss'
                | 'device_storm'
                | 'watchdog'
                | 'welfare_concern'
                | 'missed_meal'
                | 'missed_test'
                | 'clock_wrong'
                | 'not_monitored';
              /** @enum {string} */
              severity: 'critical' | 'high' | 'medium' | 'low';
              title: string;
              responderName: string;
              elder: {
                name: string | null;
                address: string;
                phone: string;
                keySafe: string | null;
                location: {
                  lat: number;
                  lon: number;
                } | null;
              };
              place: string | null;
              dispatcherNote: string;
              askedAt: string;
              answeredAt: string | null;
              askAllAtOnce: boolean;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Request body over 1 MiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/family/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The family page: my elder's open incident and its progress, devices, last activity */
    get: {
      parameters: {
        query?: {
          residentId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description State */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              resident: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              incident: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind:
                  | 'sos'
                  | 'fall'
                  | 'smoke'
                  | 'gas'
                  | 'water_leak'
                  | 'vitals'
                  | 'inactivity'
                  | 'night_bed_exit'
                  | 'night_door_open'
                  | 'geofence_exit'
                  | 'device_offline'
                  | 'low_battery'
                  | 'power_loss'
                  | 'device_storm'
                  | 'watchdog'
                  | 'welfare_concern'
                  | 'missed_meal'
                  | 'missed_test'
                  | 'clock_wrong'
                  | 'not_monitored';
                title: string;
                /** @enum {string} */
                status:
                  | 'pending'
                  | 'open'
                  | 'acknowledged'
                  | 'contact_made'
                  | 'no_contact'
                  | 'dispatched'
                  | 'accepted'
                  | 'on_scene'
                  | 'resolved'
                  | 'cancelled';
                openedAt: string | null;
                acknowledgedAt: string | null;
                dispatchedAt: string | null;
                acceptedAt: string | null;
                onSceneAt: string | null;
                responderName: string | null;
              } | null;
              lastClosed: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind:
                  | 'sos'
                  | 'fall'
                  | 'smoke'
                  | 'gas'
                  | 'water_leak'
                  | 'vitals'
                  | 'inactivity'
                  | 'night_bed_exit'
                  | 'night_door_open'
                  | 'geofence_exit'
                  | 'device_offline'
                  | 'low_battery'
                  | 'power_loss'
                  | 'device_storm'
                  | 'watchdog'
                  | 'welfare_concern'
                  | 'missed_meal'
                  | 'missed_test'
                  | 'clock_wrong'
                  | 'not_monitored';
                closedAt: string;
                outcome: string | null;
              } | null;
              devices: {
                id: string;
                type: string;
                online: boolean;
                battery: number | null;
                lastSeen: string | null;
              }[];
              lastActivityAt: string | null;
            };
          };
        };
        /** @description Invalid input: `details` lists each problem */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not allowed for this role */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
        /** @description Database unavailable: try again after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              details?: unknown;
              requestId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
