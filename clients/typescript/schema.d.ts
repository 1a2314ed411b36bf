// Generated from /openapi.json by `npm run openapi:types` (openapi-typescript). Do not edit.

export interface paths {
    "/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List newsrooms (operator only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description All organizations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Organization"][];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a newsroom (operator only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OrganizationCreate"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/organizations/{orgId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a newsroom’s users */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
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
                        "application/json": {
                            items: components["schemas"]["User"][];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a user to a newsroom and issue their first token */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UserCreate"];
                };
            };
            responses: {
                /** @description The user, with a token shown once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserWithToken"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/organizations/{orgId}/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                    userId: string;
                };
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
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, change the role of, or deactivate a user */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    orgId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UserPatch"];
                };
            };
            responses: {
                /** @description The updated user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and their newsroom */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/auth/sign-in-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a one-time sign-in link
         * @description Always 202 with the same answer, whether or not the address belongs to anyone. The link (`/sign-in?token=…` on the web app) works once, within 15 minutes; an address in several newsrooms gets one link per newsroom. Limited per address and per client IP over 15 minutes (429 with Retry-After). Without SMTP_URL the mail is written to the outbox and the link is logged.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SignInLinkCreate"];
                };
            };
            responses: {
                /** @description A link is on its way if the address is known */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignInLinkAnswer"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many links asked for this address or from this client; see Retry-After. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with the token of an emailed link
         * @description Uses the link up (it works once) and sets the HttpOnly `rt_session` cookie. A POST, not a GET, so that mail scanners that fetch links do not spend it: the web app’s /sign-in page posts the token. Writes made with the cookie must send the returned csrfToken as the X-CSRF-Token header.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SessionCreate"];
                };
            };
            responses: {
                /** @description Signed in; the cookie is set */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The browser’s session, with its CSRF token
         * @description Made with the session cookie; 401 when there is none or it ended.
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
                /** @description The session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Sign out: end this browser session
         * @description Ends the session on the server (the cookie stops working everywhere) and clears the cookie.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My open browser sessions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Sessions, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SessionList"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of my browser sessions */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ended */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{orgId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite a person by email
         * @description Adds the user (with no API token) and emails them a sign-in link valid 7 days. An address already in the newsroom is a 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InvitationCreate"];
                };
            };
            responses: {
                /** @description The invited user */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invitation"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/organizations/{orgId}/users/{userId}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an invitation again
         * @description Emails the user a new sign-in link valid 7 days. A deactivated user is a 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    orgId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A new invitation is on its way */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invitation"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/me/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List my live API tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tokens (secrets are never shown again) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Token"][];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API token for myself */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TokenCreate"];
                };
            };
            responses: {
                /** @description The token, shown once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenWithSecret"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/me/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of my API tokens */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{orgId}/users/{userId}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a user’s live API tokens (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tokens */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Token"][];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Issue an API token for a user (admin) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    orgId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TokenCreate"];
                };
            };
            responses: {
                /** @description The token, shown once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenWithSecret"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/organizations/{orgId}/users/{userId}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a user’s token (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    orgId: string;
                    userId: string;
                    tokenId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the newsroom’s agencies by name */
        get: {
            parameters: {
                query?: {
                    /** @description Part of the agency name, any case. */
                    q?: string;
                    jurisdiction?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of agencies */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AgencyPage"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add an agency the newsroom sends requests to */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AgencyCreate"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agency"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/agencies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one agency */
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
                /** @description The agency */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agency"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an agency; absent fields stay, null clears */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AgencyPatch"];
                };
            };
            responses: {
                /** @description The updated agency */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agency"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/jurisdictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rule sets: federal FOIA, the 50 states and DC */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One summary per jurisdiction */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["JurisdictionSummary"][];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/jurisdictions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One jurisdiction’s full rule set with sources and confidence */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The rule set, every version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JurisdictionRules"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/deadlines/calculate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What-if deadline calculator
         * @description Computes every statutory deadline for a request received at `receivedAt`, after the agency’s moves in `events` (extension, clarification, fee, denial, appeal). Each date carries its basis and a trace of how it was counted. Nothing is stored.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DeadlineCalculation"];
                };
            };
            responses: {
                /** @description The deadlines */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeadlineCalculationResult"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the newsroom’s requests, newest first
         * @description `?format=csv` (or `Accept: text/csv`) and `?format=xlsx` stream every matching request as a spreadsheet. Columns: `id`: request id (UUID); `title`: title; `agency`: agency name; `jurisdiction`: the agency’s jurisdiction (US, US-MN, …); `status`: request status; `request_type`: request type under the law; `tracking_number`: the agency’s tracking number; `submission_method`: email, portal, mail, fax, in_person, phone or other; `submitted_at`: when filed (ISO 8601, UTC); empty for a draft; `records_sought`: the records asked for; `date_range_start`: records from (YYYY-MM-DD); `date_range_end`: records to (YYYY-MM-DD); `fee_limit`: most the newsroom will pay; `assignee_id`: assigned user id; `tags`: tags separated by "; "; `group_id`: batch group id when sent to several agencies at once; `created_at`: when drafted (ISO 8601, UTC). With `overdue=true` an `overdue_since` column follows `status`.
         */
        get: {
            parameters: {
                query?: {
                    status?: "draft" | "submitted" | "acknowledged" | "fee_requested" | "clarification_requested" | "partially_fulfilled" | "fulfilled" | "denied" | "no_records" | "withdrawn" | "appealed" | "in_litigation";
                    agencyId?: string;
                    assigneeId?: string;
                    tag?: string;
                    groupId?: string;
                    /** @description Created on or after this date (UTC). */
                    createdFrom?: string;
                    /** @description Created on or before this date (UTC). */
                    createdTo?: string;
                    /** @description true: only requests with an overdue deadline (the dashboard’s definition: an agency’s running clock past its due date, e.g. a response, an acknowledgment, an appeal decision or the newsroom’s target; not a tolled clock nor a lapsed requester window), most overdue first; the other filters still apply. */
                    overdue?: "true" | "false";
                    /** @description true: only requests whose letter email failed for good (the dashboard’s `undeliveredLetters`). */
                    undelivered?: "true" | "false";
                    /** @description true: only requests waiting on the newsroom, a fee to pay or a question to answer (the dashboard’s `awaitingNewsroom`). */
                    awaitingNewsroom?: "true" | "false";
                    limit?: number;
                    cursor?: string;
                    /** @description json (default), csv or xlsx: the whole list (every page, `limit` and `cursor` ignored), streamed. `Accept: text/csv` also asks for CSV. */
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RequestPage"];
                        "text/csv": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Draft a records request; the letter is written from the agency’s law */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                    /** @description Retry safely: a repeated key replays the first answer and does nothing twice. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RequestCreate"];
                };
            };
            responses: {
                /** @description The draft with its letter */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RequestWithDeadlines"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/requests/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draft the same request to several agencies, each under its own law */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                    /** @description Retry safely: a repeated key replays the first answer and does nothing twice. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RequestBatchCreate"];
                };
            };
            responses: {
                /** @description The linked drafts */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            groupId: string;
                            items: components["schemas"]["Request"][];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a request with its deadlines */
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
                        "application/json": components["schemas"]["RequestWithDeadlines"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a draft (the letter is re-written unless edited by hand); after submission, only assigneeId and tags */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RequestPatch"];
                };
            };
            responses: {
                /** @description The draft */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RequestWithDeadlines"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not a draft any more */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/v1/requests/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a draft by email, or record that it was filed another way
         * @description Email goes to the agency’s records address with a per-request reply address, through the outbox: the send job commits with the status change. Deadlines are computed and stored.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                    /** @description Retry safely: a repeated key replays the first answer and does nothing twice. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RequestSubmit"];
                };
            };
            responses: {
                /** @description The submitted request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RequestWithDeadlines"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Already submitted, or no records email */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/requests/{id}/resubmit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * File the letter again after its email failed for good
         * @description Only for a request whose letter was reported undelivered (`submission.delivery.letterUndelivered`) and that the agency has not answered. By email the letter goes to the agency’s records address as it is now, so correct the agency first; other methods record how it was filed. A second `submitted` event enters the history and the deadlines count from the new filing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                    /** @description Retry safely: a repeated key replays the first answer and does nothing twice. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RequestSubmit"];
                };
            };
            responses: {
                /** @description The request, filed again */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RequestWithDeadlines"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The letter was not reported undelivered, the agency has answered, or no records email */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/requests/{id}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Draft an appeal, then send it by email (as edited) or record one filed elsewhere
         * @description `draft` renders the appeal from the law’s template (nothing is stored); `send` emails it, with the subject and text as edited, to the agency’s appeal address (its records address when it has none); `record` logs an appeal filed another way. Send and record log `appeal_filed`, which starts the appeal-decision clock; only a decided request (denied, no records, partly or fully released) can be appealed. Idempotent with Idempotency-Key, like submit.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                    /** @description Retry safely: a repeated key replays the first answer and does nothing twice. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AppealAction"];
                };
            };
            responses: {
                /** @description The draft, or the request as appealed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppealOutcome"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request cannot be appealed now, or the agency has no email address */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Letter templates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Templates */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LetterTemplate"][];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/requests/{id}/letters/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render any template for a request without saving (follow-up, appeal, …) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LetterPreviewRequest"];
                };
            };
            responses: {
                /** @description The letter */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            templateId: string;
                            subject: string;
                            body: string;
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/requests/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The request’s history, oldest first
         * @description `?format=csv` (or `Accept: text/csv`) and `?format=xlsx` stream every event. Columns: `seq`: position in the request’s chain, from 1; `id`: event id; `type`: event type; `occurred_at`: when it happened (ISO 8601, UTC); `recorded_at`: when it was logged (ISO 8601, UTC); `backdated`: logged more than a day after it happened; `summary`: one-line summary; `body`: text; `data`: the type’s data as canonical JSON; `actor_kind`: user, system, inbound, …; `actor_id`: user id of the actor; `corrects_event_id`: the event this one corrects; `attachments`: attached files as "name sha256" separated by "; "; `prev_hash`: hash of the previous event; `hash`: this event’s hash.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description json (default), csv or xlsx: the whole list (every page, `limit` and `cursor` ignored), streamed. `Accept: text/csv` also asks for CSV. */
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Event"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Log what happened: an agency answer, a fee, an appeal, a call, a note, a correction
         * @description The move is checked against the request’s status (409 with the reason when not allowed), appended to the hash chain, and the request’s status and deadlines are recomputed in the same transaction. Events are never edited: a `correction` names the event it corrects.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                    /** @description Retry safely: a repeated key replays the first answer and does nothing twice. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EventCreate"];
                };
            };
            responses: {
                /** @description The event, the new status and the deadlines */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            event: components["schemas"]["Event"];
                            status: string;
                            deadlines: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed in the request’s status */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/requests/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Files of a request: uploads, agency email attachments, raw .eml of mail in and out */
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
                /** @description Files */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Attachment"][];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a file to a request (then attach it to an event with attachmentIds)
         * @description Stored once by SHA-256. The type is detected from the bytes; executables and unknown binaries are refused (415).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description The stored file */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Attachment"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Refused type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/requests/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file */
        get: {
            parameters: {
                query?: {
                    /** @description `inline` shows a PDF, an image or plain text in the browser; other types are always downloaded. */
                    disposition?: "attachment" | "inline";
                };
                header?: never;
                path: {
                    id: string;
                    attachmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The bytes, as stored, checked against their SHA-256 before they are sent (the ETag) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The stored bytes are missing or no longer match their SHA-256 (problem type file-integrity); they are not served */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/v1/requests/{id}/history/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recompute the hash chain from the stored events and re-hash every stored file of the request
         * @description Each event’s hash is SHA-256 over the previous hash and the canonical JSON of the event (from hash version 2, its organization too). `firstBrokenSeq` is the first event whose stored fields no longer match. Every attachment and raw `.eml` is read back and re-hashed; `files.failed` lists those whose bytes are altered or missing. The request row is checked against its history: the fields sealed when it was filed and the status its events lead to (`request.differs` names what does not match). `valid` is false if any of these fails, even when the events verify.
         */
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
                /** @description The verdict */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChainVerdict"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/requests/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The full record for counsel: request, letter as sent, every event with hashes, deadlines met or missed, files
         * @description `?format=pdf` renders the same record as a paginated PDF exhibit for a filing: every page carries the exhibit label (`exhibit`) and a Bates number (the newsroom’s `batesPrefix` setting, numbered from `batesStart`); each PDF attachment follows the history, introduced by a separator page with its file name, event and SHA-256 (one missing, altered, encrypted or unreadable is not appended and its separator says why); the last page is the custodian’s certification with the chain’s head hash and the latest signed checkpoint (`custodianName`, `custodianRole` and `certifiedOn` fill its lines, blank otherwise).
         */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "pdf";
                    /** @description Exhibit label stamped on every page after the word "Exhibit" (`A` gives "Exhibit A"). In a batch bundle each request’s exhibit takes the next label (A, B, C…; 1, 2, 3…; B-3, B-4…). */
                    exhibit?: string;
                    /** @description The Bates number of the first page (default 1), to continue the numbering of an earlier production. In a batch bundle the numbering runs on from one exhibit to the next. */
                    batesStart?: number;
                    /** @description Printed on the certification page; left as a blank line to fill in by hand when absent. */
                    custodianName?: string;
                    /** @description The custodian’s title or role, printed on the certification page; a blank line when absent. */
                    custodianRole?: string;
                    /** @description Date of the certification; a blank line when absent. */
                    certifiedOn?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The history (JSON), or application/pdf with format=pdf */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["History"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Signed checkpoints of the newsroom’s request chains, newest first
         * @description A checkpoint is signed (Ed25519, key kept outside the database) for every request whose chain head moved, on a schedule and after each history export or bundle. Check one with the public key at /v1/checkpoints/key (also /.well-known/records-tracker-checkpoint-key): write `message` to a file without a trailing newline, base64-decode `signature`, then `openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in message.txt -sigfile sig.bin`.
         */
        get: {
            parameters: {
                query?: {
                    requestId?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of checkpoints */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Checkpoint"][];
                            nextCursor: string | null;
                            keyId: string;
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/checkpoints/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public key that signs checkpoints (Ed25519, SubjectPublicKeyInfo PEM)
         * @description Also served at /.well-known/records-tracker-checkpoint-key. `X-Key-Id` is the key id the checkpoints name.
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
                /** @description The PEM public key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-pem-file": string;
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/requests/{id}/bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The litigation bundle of a request: exhibit, original emails, attachments, history and a manifest of hashes
         * @description A ZIP for counsel: `README.txt` (how to check the hashes with sha256sum, shasum, certutil or Get-FileHash, and the checkpoint with openssl), `history.json`, `exhibit.pdf`, every email in and out as its raw `.eml` (`email/in/`, `email/out/`), every attachment as stored (`attachments/`), and `manifest.json` last: the SHA-256 and size of every other file, the chain head hash, and the latest signed checkpoint with the public key. When TSA_URL names an RFC 3161 time-stamping authority, the checkpoint is time-stamped first and the token is `checkpoint.tsr` (`timestampFile` in the manifest’s checkpoint). The request’s head is signed first when it moved. Streamed: stored files are read one at a time and checked against their hash; one that is missing or altered is left out and listed under `problems`. The exhibit takes the same parameters as the PDF history (`exhibit`, `batesStart`, `custodianName`, `custodianRole`, `certifiedOn`); `manifest.json` gives each exhibit’s label and first and last Bates number.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Exhibit label stamped on every page after the word "Exhibit" (`A` gives "Exhibit A"). In a batch bundle each request’s exhibit takes the next label (A, B, C…; 1, 2, 3…; B-3, B-4…). */
                    exhibit?: string;
                    /** @description The Bates number of the first page (default 1), to continue the numbering of an earlier production. In a batch bundle the numbering runs on from one exhibit to the next. */
                    batesStart?: number;
                    /** @description Printed on the certification page; left as a blank line to fill in by hand when absent. */
                    custodianName?: string;
                    /** @description The custodian’s title or role, printed on the certification page; a blank line when absent. */
                    custodianRole?: string;
                    /** @description Date of the certification; a blank line when absent. */
                    certifiedOn?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A ZIP archive, streamed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/request-groups/{id}/bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The litigation bundle of a batch: every request sent together (POST /v1/requests/batch), one folder each
         * @description A ZIP for counsel: `README.txt` (how to check the hashes with sha256sum, shasum, certutil or Get-FileHash, and the checkpoint with openssl), `history.json`, `exhibit.pdf`, every email in and out as its raw `.eml` (`email/in/`, `email/out/`), every attachment as stored (`attachments/`), and `manifest.json` last: the SHA-256 and size of every other file, the chain head hash, and the latest signed checkpoint with the public key. When TSA_URL names an RFC 3161 time-stamping authority, the checkpoint is time-stamped first and the token is `checkpoint.tsr` (`timestampFile` in the manifest’s checkpoint). The request’s head is signed first when it moved. Streamed: stored files are read one at a time and checked against their hash; one that is missing or altered is left out and listed under `problems`. The exhibit takes the same parameters as the PDF history (`exhibit`, `batesStart`, `custodianName`, `custodianRole`, `certifiedOn`); `manifest.json` gives each exhibit’s label and first and last Bates number. Each request’s files are under `request-{id}/`; `manifest.json` has one entry per request.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Exhibit label stamped on every page after the word "Exhibit" (`A` gives "Exhibit A"). In a batch bundle each request’s exhibit takes the next label (A, B, C…; 1, 2, 3…; B-3, B-4…). */
                    exhibit?: string;
                    /** @description The Bates number of the first page (default 1), to continue the numbering of an earlier production. In a batch bundle the numbering runs on from one exhibit to the next. */
                    batesStart?: number;
                    /** @description Printed on the certification page; left as a blank line to fill in by hand when absent. */
                    custodianName?: string;
                    /** @description The custodian’s title or role, printed on the certification page; a blank line when absent. */
                    custodianRole?: string;
                    /** @description Date of the certification; a blank line when absent. */
                    certifiedOn?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A ZIP archive, streamed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Full-text search over requests, letters and history
         * @description Matches request titles, what was asked, letters and tracking numbers; event summaries and bodies (inbound mail included), every text field of an event’s data (exemption citations and reasons, clarification questions and answers, correspondence subjects) and attachment file names. A term with brackets, such as a citation `552(b)(7)(E)`, must also appear as written (case and spaces aside). Only the caller’s newsroom.
         */
        get: {
            parameters: {
                query: {
                    /** @description Words, "quoted phrases", OR, and -excluded words (web search syntax). */
                    q: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Best matches first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SearchHit"][];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/inbound/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive an agency email (for the mail provider’s forwarding or an MTA pipe)
         * @description Authenticated by `Authorization: Bearer <INBOUND_SECRET>`. Matched to its request by the per-request reply address, then In-Reply-To/References, then the tracking number in the subject; filed as a `correspondence` event with its attachments and raw .eml. Unmatched mail waits in GET /v1/inbound/unmatched.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The raw message, headers and body. */
            requestBody: {
                content: {
                    "message/rfc822": string;
                };
            };
            responses: {
                /** @description Already received (a retry): nothing new stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InboundOutcome"];
                    };
                };
                /** @description Filed into a request, or parked as unmatched */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InboundOutcome"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or wrong inbound secret */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound/unmatched": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agency email that matched no request (the operator sees mail no newsroom could be picked for) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["UnmatchedEmail"][];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/inbound/unmatched/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** File an unmatched email into a request, or into several */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InboundAssign"];
                };
            };
            responses: {
                /** @description Filed (the first request’s outcome, and each one’s in `filed`) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InboundAssignOutcome"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/inbound/unmatched/{id}/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Route an unmatched email to a newsroom (operator) */
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
                    "application/json": components["schemas"]["InboundRoute"];
                };
            };
            responses: {
                /** @description Routed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/mailboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newsroom’s connected mailboxes and their status (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Mailbox"][];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Connect an IMAP mailbox whose agency mail the tracker files (admin)
         * @description The worker reads new mail (IDLE where the server has it, else every IMAP_POLL_SECONDS), files each message as POST /v1/inbound/email does (only into this newsroom’s requests; unmatched mail waits in its unmatched inbox), then flags or moves it. The password is encrypted with the server’s MAILBOX_SECRET_KEY and never returned.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MailboxCreate"];
                };
            };
            responses: {
                /** @description Connected; the worker reads it at its next pass */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mailbox"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The server has no MAILBOX_SECRET_KEY */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mailboxes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One mailbox and its status (admin) */
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
                /** @description The mailbox */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mailbox"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Disconnect a mailbox (admin); what it filed stays filed */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Disconnected */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a mailbox’s settings or password (admin)
         * @description A new host, port, user or folder starts the UID checkpoint again; mail filed before is still never filed twice.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MailboxPatch"];
                };
            };
            responses: {
                /** @description The mailbox now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mailbox"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deadlines in a window, soonest first, with business days left
         * @description `?format=csv` (or `Accept: text/csv`) and `?format=xlsx` stream every matching deadline. Columns: `deadline_id`: deadline id; `kind`: response, acknowledgment, appeal, …; `due_date`: due date (YYYY-MM-DD, agency zone); `status`: open, tolled, met, missed, superseded; `business_days_left`: business days from today to the due date; negative when overdue; `statutory`: true when the law sets the date, false for a newsroom target; `exceeds_statute`: the agency claimed more time than the law allows; `basis`: the law and clause that produced the date; `request_id`: request id; `request_title`: request title; `request_status`: request status; `agency`: agency name; `jurisdiction`: the agency’s jurisdiction; `assignee`: assignee name.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Due on or after this date. Default: no lower bound (overdue ones included). */
                    from?: string;
                    /** @description Due on or before this date. */
                    to?: string;
                    assigneeId?: string;
                    agencyId?: string;
                    kind?: string;
                    /** @description `open` (default) includes tolled deadlines; `overdue` is open and past due in the agency’s zone. */
                    status?: "open" | "overdue" | "tolled" | "met" | "missed" | "superseded" | "all";
                    limit?: number;
                    cursor?: string;
                    /** @description json (default), csv or xlsx: the whole list (every page, `limit` and `cursor` ignored), streamed. `Accept: text/csv` also asks for CSV. */
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of deadlines */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DeadlineItem"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newsroom at a glance: open, due this week, overdue, waiting on us, and the ten most urgent */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Counts and urgent items */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dashboard"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/requests/{id}/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow-up letters drafted when a statutory response deadline was missed (pending until written) */
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
                /** @description Follow-ups */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FollowUp"][];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/requests/{id}/follow-ups/{followUpId}": {
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
        /** Edit a drafted follow-up’s subject or text before it is sent */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    id: string;
                    followUpId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FollowUpEdit"];
                };
            };
            responses: {
                /** @description The follow-up as edited */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FollowUp"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Already sent, or still being written */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/v1/requests/{id}/follow-ups/{followUpId}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a drafted follow-up to the agency (logged as correspondence) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                    /** @description Retry safely: a repeated key replays the first answer and does nothing twice. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                    followUpId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Sent */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FollowUp"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Already sent, or the agency has no email */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Report cards of every agency of the newsroom
         * @description `?format=csv` (or `Accept: text/csv`) and `?format=xlsx` answer one row per agency. Columns: `agency_id`: agency id; `agency`: agency name; `jurisdiction`: jurisdiction; `requests_filed`: requests filed with the agency; `first_response_median_bdays`: median business days to a first response; `first_response_p90_bdays`: 90th percentile of the same; `first_response_answered`: requests with a first response; `final_response_median_bdays`: median business days to a final response; `final_response_p90_bdays`: 90th percentile of the same; `final_response_answered`: requests with a final response; `statutory_met`: statutory deadlines met; `statutory_missed`: statutory deadlines missed; `statutory_share_met`: share met (0 to 1); `denials`: requests denied; `denial_share`: share of answered requests denied; `extensions_claimed`: extensions claimed; `extensions_exceeding_statute`: extensions beyond what the law allows; `fee_estimates`: fee estimates; `fees_total`: sum of fee estimates; `fees_median`: median fee estimate.
         */
        get: {
            parameters: {
                query?: {
                    /** @description json (default), csv or xlsx: the whole list (every page, `limit` and `cursor` ignored), streamed. `Accept: text/csv` also asks for CSV. */
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One card per agency */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AgencyStats"][];
                        };
                        "text/csv": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/agencies/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agency’s report card: response times, deadlines met, denials, extensions, fees */
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
                /** @description The card */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AgencyStats"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/me/calendar-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My calendar feed tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tokens (secrets are never shown again) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CalendarToken"][];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a read-only calendar feed URL (it opens the feed and nothing else) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CalendarTokenCreate"];
                };
            };
            responses: {
                /** @description The token and the feed URL, shown once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {string} */
                            scope: "me" | "organization";
                            prefix: string;
                            createdAt: string;
                            token: string;
                            url: string;
                        };
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/me/calendar-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a calendar feed URL */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iCalendar feed of open deadlines (subscribe in a calendar app)
         * @description All-day events on each due date, with stable UIDs so apps update rather than duplicate. Authenticated by a calendar token in the query string.
         */
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/calendar */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/calendar": string;
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unknown or revoked calendar token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/v1/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My newsroom and its settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The newsroom */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrganizationWithSettings"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/organization/settings": {
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
        /** Change reminder, digest, follow-up, letter-copy and exhibit settings (admin) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OrganizationSettingsPatch"];
                };
            };
            responses: {
                /** @description The settings now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrganizationSettings"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/me/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My reminder settings */
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
                        "application/json": components["schemas"]["MySettings"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change my reminder lead time */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MySettings"];
                };
            };
            responses: {
                /** @description Settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MySettings"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the newsroom’s imports, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of imports */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportPage"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Dry-run a spreadsheet of earlier requests: what each row would create, and every error by row and column
         * @description Multipart: `file` (CSV or XLSX), optional `mapping` (JSON: our field -> column header; guessed when absent, and the guess is in `suggestedMapping`), `timezone`, `jurisdiction` (for agencies the import creates) and `dateOrder`. Nothing but the import itself is stored; POST /v1/imports/{id}/confirm creates what this answer lists. See docs/imports.md for columns, date forms and disposition words.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description The spreadsheet: CSV (UTF-8) or XLSX.
                         */
                        file: string;
                        /** @description JSON: our field -> column header (see ImportMapping). */
                        mapping?: string;
                        timezone?: string;
                        jurisdiction?: string;
                        /** @enum {string} */
                        dateOrder?: "mdy" | "dmy";
                    };
                };
            };
            responses: {
                /** @description The dry run, stored as an import to confirm */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Import"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not a CSV or XLSX file */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create what a dry run listed, in one transaction
         * @description Creates the new agencies, then per row the request filed at its filing date and its back-dated events (actor kind `import`, summary “Imported from <file> row N”); deadlines are computed from the filing and the events. A row that became a duplicate since the dry run is skipped and says so.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token. */
                    "X-CSRF-Token"?: string;
                    /** @description Retry safely: a repeated key replays the first answer and does nothing twice. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The confirmed import with its per-row report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Import"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this, or a cookie call lacks X-CSRF-Token. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Already confirmed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an import: who, when, the file’s SHA-256, and what each row created or why it was skipped */
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
                /** @description The import */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Import"];
                    };
                };
                /** @description Invalid input; `errors` names each bad field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown or revoked token, or an ended session. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller’s organization. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Organization: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: date-time */
            createdAt: string;
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            errors?: {
                /** @enum {string} */
                in: "body" | "query" | "path" | "header";
                field: string;
                message: string;
            }[];
        };
        OrganizationCreate: {
            name: string;
        };
        UserWithToken: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organizationId: string;
            email: string;
            name: string;
            role: components["schemas"]["Role"];
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            /** @description API token, shown only in this response; store it now. */
            token: string;
        };
        /** @enum {string} */
        Role: "admin" | "editor" | "reporter" | "counsel";
        UserCreate: {
            /** Format: email */
            email: string;
            name: string;
            role: components["schemas"]["Role"];
        };
        User: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organizationId: string;
            email: string;
            name: string;
            role: components["schemas"]["Role"];
            active: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        UserPatch: {
            name?: string;
            role?: components["schemas"]["Role"];
            /** @description false deactivates the user: every token stops working and every browser session ends. */
            active?: boolean;
        };
        Me: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organizationId: string;
            email: string;
            name: string;
            role: components["schemas"]["Role"];
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            organization: {
                /** Format: uuid */
                id: string;
                name: string;
            };
        };
        SignInLinkAnswer: {
            /** @description The same words whether or not the address belongs to anyone. */
            message: string;
        };
        SignInLinkCreate: {
            /** Format: email */
            email: string;
        };
        Session: {
            user: {
                /** Format: uuid */
                id: string;
                email: string;
                name: string;
                role: components["schemas"]["Role"];
            };
            organization: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description Send as the X-CSRF-Token header on every write made with the session cookie. */
            csrfToken: string;
            /**
             * Format: date-time
             * @description When the session ends however active (SESSION_MAX_DAYS).
             */
            expiresAt: string;
            /**
             * Format: date-time
             * @description When the session ends unless used before (SESSION_IDLE_HOURS); each use moves it on.
             */
            idleExpiresAt: string;
        };
        SessionCreate: {
            /** @description The `token` of the emailed link `/sign-in?token=…`. */
            token: string;
        };
        SessionList: {
            items: components["schemas"]["SessionItem"][];
        };
        SessionItem: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastSeenAt: string;
            userAgent: string | null;
            ip: string | null;
            /** @description true for the session this call was made with. */
            current: boolean;
        };
        Invitation: {
            user: components["schemas"]["User"];
            /** Format: date-time */
            invitedAt: string;
        };
        InvitationCreate: {
            /** Format: email */
            email: string;
            name: string;
            role: components["schemas"]["Role"];
        };
        Token: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description First characters of the token, to recognise it. */
            prefix: string;
            /** Format: date-time */
            createdAt: string;
            lastUsedAt: string | null;
            expiresAt: string | null;
        };
        TokenWithSecret: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description First characters of the token, to recognise it. */
            prefix: string;
            /** Format: date-time */
            createdAt: string;
            lastUsedAt: string | null;
            expiresAt: string | null;
            /** @description The token, shown only in this response. */
            token: string;
        };
        TokenCreate: {
            /** @description What the token is for, e.g. "newsroom script". */
            name: string;
            /**
             * @description When the token stops working, later than now; omit for no expiry.
             * @example 2026-01-16T15:30:00-06:00
             */
            expiresAt?: string;
        };
        Agency: {
            /** Format: uuid */
            id: string;
            name: string;
            jurisdiction: string;
            /** @enum {string} */
            level: "federal" | "state" | "county" | "municipal" | "school_district" | "special_district" | "tribal" | "other";
            recordsEmail: string | null;
            appealEmail: string | null;
            portalUrl: string | null;
            mailingAddress: string | null;
            timezone: string;
            closures: {
                date: string;
                name?: string;
            }[];
            optionalHolidays: string[];
            workedHolidays: string[];
            notes: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AgencyCreate: {
            name: string;
            /** @example US-MN */
            jurisdiction: string;
            /** @enum {string} */
            level: "federal" | "state" | "county" | "municipal" | "school_district" | "special_district" | "tribal" | "other";
            /** Format: email */
            recordsEmail?: string | null;
            /**
             * Format: email
             * @description Where appeals are emailed; null: the records address.
             */
            appealEmail?: string | null;
            /** Format: uri */
            portalUrl?: string | null;
            mailingAddress?: string | null;
            /**
             * @description IANA zone; defaults to the jurisdiction’s (its capital’s) zone.
             * @example America/Chicago
             */
            timezone?: string;
            /** @description Extra days the agency is closed; they do not count as business days. */
            closures?: {
                /**
                 * Format: date
                 * @example 2026-01-16
                 */
                date: string;
                name?: string;
            }[];
            /** @description Optional holidays the agency closes for (slugs from the jurisdiction’s rule set). */
            optionalHolidays?: string[];
            /** @description Legal holidays the agency stays open on. */
            workedHolidays?: string[];
            notes?: string | null;
        };
        AgencyPage: {
            items: components["schemas"]["Agency"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        AgencyPatch: {
            name?: string;
            /** @example US-MN */
            jurisdiction?: string;
            /** @enum {string} */
            level?: "federal" | "state" | "county" | "municipal" | "school_district" | "special_district" | "tribal" | "other";
            /** Format: email */
            recordsEmail?: string | null;
            /**
             * Format: email
             * @description Where appeals are emailed; null: the records address.
             */
            appealEmail?: string | null;
            /** Format: uri */
            portalUrl?: string | null;
            mailingAddress?: string | null;
            /** @example America/Chicago */
            timezone?: string;
            /** @description Extra days the agency is closed; they do not count as business days. */
            closures?: {
                /**
                 * Format: date
                 * @example 2026-01-16
                 */
                date: string;
                name?: string;
            }[];
            /** @description Optional holidays the agency closes for (slugs from the jurisdiction’s rule set). */
            optionalHolidays?: string[];
            /** @description Legal holidays the agency stays open on. */
            workedHolidays?: string[];
            notes?: string | null;
        };
        JurisdictionSummary: {
            code: string;
            name: string;
            lawName: string;
            citation: string;
            effectiveFrom: string;
            responsePeriod: string;
            response: {
                days: number;
                /** @enum {string} */
                dayType: "business" | "calendar";
            } | null;
            noFixedPeriod: boolean;
            statuteWords?: string;
            requestTypes: string[];
            defaultTimezone: string;
            /** @enum {string} */
            confidence: "high" | "medium" | "low";
        };
        JurisdictionRules: {
            code: string;
            name: string;
            lawName: string;
            /** @description Rule versions by effectiveFrom; see docs/deadline-rules.md. */
            versions: {
                [key: string]: unknown;
            }[];
        };
        DeadlineCalculationResult: {
            jurisdiction: string;
            ruleEffectiveFrom: string;
            timezone: string;
            receivedDate: string;
            deemedReceivedDate: string;
            requestType: string;
            citation: string;
            /** @enum {string} */
            confidence: "high" | "medium" | "low";
            deadlines: components["schemas"]["ComputedDeadline"][];
            warnings: string[];
        };
        ComputedDeadline: {
            kind: string;
            /** Format: date */
            dueDate: string;
            statutory: boolean;
            basis: string;
            /** @enum {string} */
            status: "open" | "met" | "missed" | "tolled" | "superseded";
            exceedsStatute?: boolean;
            statutoryDueDate?: string;
            claimedDueDate?: string;
            trace: ({
                step: string;
                message: string;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        DeadlineCalculation: {
            /** @example US */
            jurisdiction?: string;
            /**
             * Format: uuid
             * @description Use this agency’s jurisdiction, zone, closures and holidays; explicit fields override them.
             */
            agencyId?: string;
            /**
             * @description ISO 8601 instant with offset, or a YYYY-MM-DD date in the agency’s zone.
             * @example 2026-01-16T15:30:00-06:00
             */
            receivedAt: string;
            /** @example standard */
            requestType?: string;
            /**
             * @description How it was filed, in the words of POST /v1/requests/{id}/submit; only rules with an electronic-receipt convention use it (Michigan: email and fax are received a business day later).
             * @enum {string}
             */
            submissionMethod?: "email" | "portal" | "mail" | "fax" | "in_person" | "phone" | "other";
            /** @example America/Chicago */
            timezone?: string;
            closures?: {
                /**
                 * Format: date
                 * @example 2026-01-16
                 */
                date: string;
                name?: string;
            }[];
            optionalHolidays?: string[];
            workedHolidays?: string[];
            followUpTarget?: {
                days: number;
                /** @enum {string} */
                dayType: "business" | "calendar";
            };
            events?: {
                /** @enum {string} */
                type: "submitted" | "acknowledged" | "extension_claimed" | "fee_estimate" | "fee_paid" | "clarification_requested" | "clarification_provided" | "records_released" | "denied" | "no_records" | "appeal_filed" | "appeal_decided" | "withdrawn" | "expedited_decided" | "lawsuit_filed" | "correspondence" | "note" | "correction";
                /**
                 * @description ISO 8601 instant with offset, or a YYYY-MM-DD date in the agency’s zone.
                 * @example 2026-01-16T15:30:00-06:00
                 */
                occurredAt: string;
                data?: {
                    [key: string]: unknown;
                };
            }[];
        };
        RequestWithDeadlines: {
            /** Format: uuid */
            id: string;
            agency: {
                /** Format: uuid */
                id: string;
                name: string;
                jurisdiction: string;
                timezone: string;
            };
            /** Format: uuid */
            groupId: string | null;
            title: string;
            recordsSought: string;
            dateRangeStart: string | null;
            dateRangeEnd: string | null;
            format: string | null;
            feeLimit: number | null;
            feeWaiver: {
                requested: boolean;
                justification?: string | null;
            } | null;
            expedited: {
                requested: boolean;
                justification?: string | null;
            } | null;
            requestType: string;
            requester: components["schemas"]["Requester"];
            /** Format: uuid */
            assigneeId: string | null;
            tags: string[];
            /** @enum {string} */
            status: "draft" | "submitted" | "acknowledged" | "fee_requested" | "clarification_requested" | "partially_fulfilled" | "fulfilled" | "denied" | "no_records" | "withdrawn" | "appealed" | "in_litigation";
            /** @description The agency’s open fee estimate (`fee_estimate` event `eventId`) above the request’s fee limit: the newsroom must decide (pay, narrow, withdraw). null when none, or once paid or the request ended. */
            feeOverLimit: {
                amount: number;
                currency: string;
                feeLimit: number;
                /** Format: uuid */
                eventId: string;
            } | null;
            /** @description What the newsroom should know about the request as asked, e.g. expedited processing asked of an agency whose law does not provide it. */
            warnings: string[];
            /** @description What the agency is waiting on from the requester, in the order it asked: a fee estimate not yet paid, a question not yet answered. Both can be open; the status shows the latest, and the response clock restarts only when this is empty. */
            awaiting: ("fee" | "clarification")[];
            letter: components["schemas"]["Letter"];
            submission: {
                /** @enum {string} */
                method: "email" | "portal" | "mail" | "fax" | "in_person" | "phone" | "other";
                submittedAt: string;
                trackingNumber: string | null;
                replyAddress: string | null;
                delivery: {
                    status: string | null;
                    error: string | null;
                    /** @description The request letter itself never reached the agency: its deadlines remind nobody until it is filed again (POST /v1/requests/{id}/resubmit). */
                    letterUndelivered: boolean;
                };
            } | null;
            /** Format: uuid */
            createdBy: string | null;
            createdAt: string;
            updatedAt: string;
            deadlines: {
                [key: string]: unknown;
            }[];
        };
        /** @description Who the letter is from. Defaults to the signed-in user and the newsroom. */
        Requester: {
            name: string;
            outlet?: string | null;
            /** Format: email */
            email?: string | null;
            phone?: string | null;
            address?: string | null;
        };
        Letter: {
            templateId: string | null;
            /** @description The email subject the agency reads (not the internal title). */
            subject: string;
            body: string;
            /** @description The body was edited by hand: it no longer follows the draft’s fields. */
            edited: boolean;
            /** @description The subject was chosen by hand: it no longer follows the draft’s fields. */
            subjectEdited: boolean;
        };
        RequestCreate: {
            /** Format: uuid */
            agencyId: string;
            /** @description The newsroom’s internal title: shown in the app and its notices, never sent to the agency. */
            title: string;
            recordsSought: string;
            /**
             * Format: date
             * @example 2026-01-16
             */
            dateRangeStart?: string | null;
            /**
             * Format: date
             * @example 2026-01-16
             */
            dateRangeEnd?: string | null;
            /** @example electronic copies (PDF or native format) by email */
            format?: string | null;
            /** @description Dollars the agency may charge without asking first. */
            feeLimit?: number | null;
            feeWaiver?: {
                requested: boolean;
                justification?: string | null;
            } | null;
            /** @description Ask for expedited processing. Every agency whose law provides it gets its expedited deadlines (federal: the 10-day determination; Utah: 5 business days); for the others the letter and `warnings` say it is not available. */
            expedited?: {
                requested: boolean;
                justification?: string | null;
            } | null;
            /** @description `standard` (default) or a type of the jurisdiction, e.g. `data_subject` in Minnesota. */
            requestType?: string;
            requester?: components["schemas"]["Requester"];
            /** Format: uuid */
            assigneeId?: string | null;
            tags?: string[];
            /** @description The letter’s subject chosen now (kept when the draft changes); the body is written from the law. */
            letter?: {
                /** @description The letter’s email subject as the agency reads it. Default: a formal subject from the law and the records sought (e.g. "Public records request under Minn. Stat. § 13.03: the all-employee email of January 16, 2026"), never the internal title. */
                subject: string;
            };
        };
        Request: {
            /** Format: uuid */
            id: string;
            agency: {
                /** Format: uuid */
                id: string;
                name: string;
                jurisdiction: string;
                timezone: string;
            };
            /** Format: uuid */
            groupId: string | null;
            title: string;
            recordsSought: string;
            dateRangeStart: string | null;
            dateRangeEnd: string | null;
            format: string | null;
            feeLimit: number | null;
            feeWaiver: {
                requested: boolean;
                justification?: string | null;
            } | null;
            expedited: {
                requested: boolean;
                justification?: string | null;
            } | null;
            requestType: string;
            requester: components["schemas"]["Requester"];
            /** Format: uuid */
            assigneeId: string | null;
            tags: string[];
            /** @enum {string} */
            status: "draft" | "submitted" | "acknowledged" | "fee_requested" | "clarification_requested" | "partially_fulfilled" | "fulfilled" | "denied" | "no_records" | "withdrawn" | "appealed" | "in_litigation";
            /** @description The agency’s open fee estimate (`fee_estimate` event `eventId`) above the request’s fee limit: the newsroom must decide (pay, narrow, withdraw). null when none, or once paid or the request ended. */
            feeOverLimit: {
                amount: number;
                currency: string;
                feeLimit: number;
                /** Format: uuid */
                eventId: string;
            } | null;
            /** @description What the newsroom should know about the request as asked, e.g. expedited processing asked of an agency whose law does not provide it. */
            warnings: string[];
            /** @description What the agency is waiting on from the requester, in the order it asked: a fee estimate not yet paid, a question not yet answered. Both can be open; the status shows the latest, and the response clock restarts only when this is empty. */
            awaiting: ("fee" | "clarification")[];
            letter: components["schemas"]["Letter"];
            submission: {
                /** @enum {string} */
                method: "email" | "portal" | "mail" | "fax" | "in_person" | "phone" | "other";
                submittedAt: string;
                trackingNumber: string | null;
                replyAddress: string | null;
                delivery: {
                    status: string | null;
                    error: string | null;
                    /** @description The request letter itself never reached the agency: its deadlines remind nobody until it is filed again (POST /v1/requests/{id}/resubmit). */
                    letterUndelivered: boolean;
                };
            } | null;
            /** Format: uuid */
            createdBy: string | null;
            createdAt: string;
            updatedAt: string;
        };
        RequestBatchCreate: {
            agencyIds: string[];
            /** @description The newsroom’s internal title: shown in the app and its notices, never sent to the agency. */
            title: string;
            recordsSought: string;
            /**
             * Format: date
             * @example 2026-01-16
             */
            dateRangeStart?: string | null;
            /**
             * Format: date
             * @example 2026-01-16
             */
            dateRangeEnd?: string | null;
            /** @example electronic copies (PDF or native format) by email */
            format?: string | null;
            /** @description Dollars the agency may charge without asking first. */
            feeLimit?: number | null;
            feeWaiver?: {
                requested: boolean;
                justification?: string | null;
            } | null;
            /** @description Ask for expedited processing. Every agency whose law provides it gets its expedited deadlines (federal: the 10-day determination; Utah: 5 business days); for the others the letter and `warnings` say it is not available. */
            expedited?: {
                requested: boolean;
                justification?: string | null;
            } | null;
            /** @description `standard` (default) or a type of the jurisdiction, e.g. `data_subject` in Minnesota. */
            requestType?: string;
            requester?: components["schemas"]["Requester"];
            /** Format: uuid */
            assigneeId?: string | null;
            tags?: string[];
            /** @description The letter’s subject chosen now (kept when the draft changes); the body is written from the law. */
            letter?: {
                /** @description The letter’s email subject as the agency reads it. Default: a formal subject from the law and the records sought (e.g. "Public records request under Minn. Stat. § 13.03: the all-employee email of January 16, 2026"), never the internal title. */
                subject: string;
            };
        };
        RequestPage: {
            items: components["schemas"]["RequestListItem"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        RequestListItem: {
            /** Format: uuid */
            id: string;
            agency: {
                /** Format: uuid */
                id: string;
                name: string;
                jurisdiction: string;
                timezone: string;
            };
            /** Format: uuid */
            groupId: string | null;
            title: string;
            recordsSought: string;
            dateRangeStart: string | null;
            dateRangeEnd: string | null;
            format: string | null;
            feeLimit: number | null;
            feeWaiver: {
                requested: boolean;
                justification?: string | null;
            } | null;
            expedited: {
                requested: boolean;
                justification?: string | null;
            } | null;
            requestType: string;
            requester: components["schemas"]["Requester"];
            /** Format: uuid */
            assigneeId: string | null;
            tags: string[];
            /** @enum {string} */
            status: "draft" | "submitted" | "acknowledged" | "fee_requested" | "clarification_requested" | "partially_fulfilled" | "fulfilled" | "denied" | "no_records" | "withdrawn" | "appealed" | "in_litigation";
            /** @description The agency’s open fee estimate (`fee_estimate` event `eventId`) above the request’s fee limit: the newsroom must decide (pay, narrow, withdraw). null when none, or once paid or the request ended. */
            feeOverLimit: {
                amount: number;
                currency: string;
                feeLimit: number;
                /** Format: uuid */
                eventId: string;
            } | null;
            /** @description What the newsroom should know about the request as asked, e.g. expedited processing asked of an agency whose law does not provide it. */
            warnings: string[];
            /** @description What the agency is waiting on from the requester, in the order it asked: a fee estimate not yet paid, a question not yet answered. Both can be open; the status shows the latest, and the response clock restarts only when this is empty. */
            awaiting: ("fee" | "clarification")[];
            letter: components["schemas"]["Letter"];
            submission: {
                /** @enum {string} */
                method: "email" | "portal" | "mail" | "fax" | "in_person" | "phone" | "other";
                submittedAt: string;
                trackingNumber: string | null;
                replyAddress: string | null;
                delivery: {
                    status: string | null;
                    error: string | null;
                    /** @description The request letter itself never reached the agency: its deadlines remind nobody until it is filed again (POST /v1/requests/{id}/resubmit). */
                    letterUndelivered: boolean;
                };
            } | null;
            /** Format: uuid */
            createdBy: string | null;
            createdAt: string;
            updatedAt: string;
            /** @description The soonest running agency clock; null when none runs (a draft, a tolled clock, a closed request). */
            nextDeadline: {
                kind: string;
                /** Format: date */
                dueDate: string;
                /** @description Business days from today (agency zone); negative when overdue. */
                businessDaysLeft: number;
            } | null;
        };
        RequestPatch: {
            /** Format: uuid */
            agencyId?: string;
            /** @description The newsroom’s internal title: shown in the app and its notices, never sent to the agency. */
            title?: string;
            recordsSought?: string;
            /**
             * Format: date
             * @example 2026-01-16
             */
            dateRangeStart?: string | null;
            /**
             * Format: date
             * @example 2026-01-16
             */
            dateRangeEnd?: string | null;
            /** @example electronic copies (PDF or native format) by email */
            format?: string | null;
            /** @description Dollars the agency may charge without asking first. */
            feeLimit?: number | null;
            feeWaiver?: {
                requested: boolean;
                justification?: string | null;
            } | null;
            /** @description Ask for expedited processing. Every agency whose law provides it gets its expedited deadlines (federal: the 10-day determination; Utah: 5 business days); for the others the letter and `warnings` say it is not available. */
            expedited?: {
                requested: boolean;
                justification?: string | null;
            } | null;
            /** @description `standard` (default) or a type of the jurisdiction, e.g. `data_subject` in Minnesota. */
            requestType?: string;
            requester?: components["schemas"]["Requester"];
            /** Format: uuid */
            assigneeId?: string | null;
            tags?: string[];
            /** @description Hand edits to the letter’s subject, body or both. What is edited is kept when the draft’s fields change; the rest still follows them. null goes back to the template for both. */
            letter?: {
                /** @description The letter’s email subject as the agency reads it. Default: a formal subject from the law and the records sought (e.g. "Public records request under Minn. Stat. § 13.03: the all-employee email of January 16, 2026"), never the internal title. */
                subject?: string;
                body?: string;
            } | null;
        };
        RequestSubmit: {
            /**
             * @description `email` sends the letter now; any other method records a filing made outside the tracker.
             * @enum {string}
             */
            method: "email" | "portal" | "mail" | "fax" | "in_person" | "phone" | "other";
            /**
             * @description When it was filed, for methods other than email (email is sent now). Default: now.
             * @example 2026-01-16T15:30:00-06:00
             */
            submittedAt?: string;
            /**
             * @description When the agency received it, if later and known (e.g. certified mail). Default: submittedAt.
             * @example 2026-01-16T15:30:00-06:00
             */
            receivedAt?: string;
            trackingNumber?: string;
            /** @description The letter’s subject as filed, when changed at the last moment: kept on the request, sent as the email’s subject and sealed with the filing. Not for a resubmission, which files the letter as it was. */
            subject?: string;
        };
        AppealOutcome: {
            draft: {
                subject: string;
                body: string;
            } | null;
            request: components["schemas"]["RequestWithDeadlines"] & (Record<string, never> | null);
        };
        AppealAction: {
            /** @enum {string} */
            action: "draft";
        } | {
            /** @enum {string} */
            action: "send";
            /** @description The email subject as edited; default: the draft’s. */
            subject?: string;
            /** @description The letter as edited; default: the draft’s. */
            body?: string;
        } | {
            /** @enum {string} */
            action: "record";
            /**
             * @description How it was filed outside the tracker (portal, mail, …).
             * @enum {string}
             */
            method: "email" | "portal" | "mail" | "fax" | "in_person" | "phone" | "other";
            /**
             * @description When it was filed. Default: now.
             * @example 2026-01-16T15:30:00-06:00
             */
            filedAt?: string;
            filedWith?: string;
            /** @description The appeal’s text as filed, kept in the history (e.g. the draft as edited and pasted into a portal). */
            body?: string;
        };
        LetterTemplate: {
            id: string;
            name: string;
            purpose: string;
            description: string;
            jurisdictions: string[] | "any";
        } & {
            [key: string]: unknown;
        };
        LetterPreviewRequest: {
            templateId: string;
        };
        Event: {
            /** Format: uuid */
            id: string;
            seq: number;
            type: string;
            occurredAt: string;
            recordedAt: string;
            backdated: boolean;
            summary: string | null;
            body: string | null;
            data: {
                [key: string]: unknown;
            };
            actor: {
                kind: string;
                /** Format: uuid */
                id: string | null;
            };
            /** Format: uuid */
            correctsEventId: string | null;
            attachments: {
                sha256: string;
                filename: string;
                contentType: string;
                size: number;
            }[];
            prevHash: string;
            hash: string;
        };
        /** @description What happened, by `type`; each type has its own `data`. */
        EventCreate: components["schemas"]["AcknowledgedEventCreate"] | components["schemas"]["ExtensionClaimedEventCreate"] | components["schemas"]["FeeEstimateEventCreate"] | components["schemas"]["FeePaidEventCreate"] | components["schemas"]["ClarificationRequestedEventCreate"] | components["schemas"]["ClarificationProvidedEventCreate"] | components["schemas"]["RecordsReleasedEventCreate"] | components["schemas"]["DeniedEventCreate"] | components["schemas"]["NoRecordsEventCreate"] | components["schemas"]["AppealFiledEventCreate"] | components["schemas"]["AppealDecidedEventCreate"] | components["schemas"]["WithdrawnEventCreate"] | components["schemas"]["LawsuitFiledEventCreate"] | components["schemas"]["ExpeditedDecidedEventCreate"] | components["schemas"]["CorrespondenceEventCreate"] | components["schemas"]["NoteEventCreate"] | components["schemas"]["CorrectionEventCreate"];
        AcknowledgedEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "acknowledged";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data?: components["schemas"]["AcknowledgedEventData"];
        };
        /** @default {} */
        AcknowledgedEventData: {
            trackingNumber?: string;
            /**
             * Format: date
             * @example 2026-01-16
             */
            receivedOn?: string;
        };
        ExtensionClaimedEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "extension_claimed";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data: components["schemas"]["ExtensionClaimedEventData"];
        };
        ExtensionClaimedEventData: {
            days?: number;
            /**
             * Format: date
             * @example 2026-01-16
             */
            newDueDate?: string;
            reason?: string;
        } | unknown | unknown;
        FeeEstimateEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "fee_estimate";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data: components["schemas"]["FeeEstimateEventData"];
        };
        FeeEstimateEventData: {
            amount: number;
            /** @default USD */
            currency: string;
            /**
             * Format: date
             * @example 2026-01-16
             */
            paymentDue?: string;
        };
        FeePaidEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "fee_paid";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data?: components["schemas"]["FeePaidEventData"];
        };
        /** @default {} */
        FeePaidEventData: {
            amount?: number;
            currency?: string;
        };
        ClarificationRequestedEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "clarification_requested";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data?: components["schemas"]["ClarificationRequestedEventData"];
        };
        /** @default {} */
        ClarificationRequestedEventData: {
            question?: string;
        };
        ClarificationProvidedEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "clarification_provided";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data?: components["schemas"]["ClarificationProvidedEventData"];
        };
        /** @default {} */
        ClarificationProvidedEventData: {
            answer?: string;
        };
        RecordsReleasedEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "records_released";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data: components["schemas"]["RecordsReleasedEventData"];
        };
        RecordsReleasedEventData: {
            final: boolean;
            pages?: number;
            files?: number;
            exemptions?: {
                citation: string;
                reason?: string;
            }[];
        };
        DeniedEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "denied";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data: components["schemas"]["DeniedEventData"];
        };
        DeniedEventData: {
            exemptions: {
                citation: string;
                reason?: string;
            }[];
        };
        NoRecordsEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "no_records";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data?: components["schemas"]["NoRecordsEventData"];
        };
        /** @default {} */
        NoRecordsEventData: {
            searchDescription?: string;
        };
        AppealFiledEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "appeal_filed";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data?: components["schemas"]["AppealFiledEventData"];
        };
        /** @default {} */
        AppealFiledEventData: {
            filedWith?: string;
            method?: string;
        };
        AppealDecidedEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "appeal_decided";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data: components["schemas"]["AppealDecidedEventData"];
        };
        AppealDecidedEventData: {
            /** @enum {string} */
            outcome: "granted" | "partly_granted" | "denied";
        };
        WithdrawnEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "withdrawn";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data?: components["schemas"]["WithdrawnEventData"];
        };
        /** @default {} */
        WithdrawnEventData: {
            reason?: string;
        };
        LawsuitFiledEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "lawsuit_filed";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data?: components["schemas"]["LawsuitFiledEventData"];
        };
        /** @default {} */
        LawsuitFiledEventData: {
            court?: string;
            caseNumber?: string;
        };
        ExpeditedDecidedEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "expedited_decided";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data: components["schemas"]["ExpeditedDecidedEventData"];
        };
        ExpeditedDecidedEventData: {
            granted: boolean;
            reason?: string;
        };
        CorrespondenceEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "correspondence";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data: components["schemas"]["CorrespondenceEventData"];
        };
        CorrespondenceEventData: {
            /** @enum {string} */
            direction: "in" | "out";
            /** @enum {string} */
            channel: "email" | "phone" | "letter" | "portal" | "fax" | "in_person" | "other";
            from?: string;
            to?: string;
            subject?: string;
        };
        NoteEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "note";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data?: components["schemas"]["NoteEventData"];
        };
        /** @default {} */
        NoteEventData: Record<string, never>;
        CorrectionEventCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "correction";
            /**
             * @description When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).
             * @example 2026-01-23T14:05:00-06:00
             */
            occurredAt: string;
            summary?: string;
            body?: string;
            /** @description Files uploaded to this request to attach to the event. */
            attachmentIds?: string[];
            data: components["schemas"]["CorrectionEventData"];
            /**
             * Format: uuid
             * @description The event this corrects.
             */
            correctsEventId: string;
        };
        /** @description Retract the event (`retract: true`), or give its corrected `occurredAt` or `data`. */
        CorrectionEventData: {
            reason: string;
            /** @description The corrected event did not happen; drop it from deadlines and status. */
            retract?: boolean;
            /** @description Corrected time of the event. */
            occurredAt?: string;
            /** @description Corrected data, validated as the corrected event’s type. */
            data?: {
                [key: string]: unknown;
            };
        } | {
            /** @constant */
            retract: true;
        } | unknown | unknown;
        Attachment: {
            /** Format: uuid */
            id: string;
            sha256: string;
            size: number;
            /** @description Detected from the bytes, not taken from the upload. */
            contentType: string;
            filename: string;
            source: string;
            /** Format: uuid */
            eventId: string | null;
            createdAt: string;
        };
        ChainVerdict: {
            /** @description The event chain verifies, every stored file matches its SHA-256, the request row matches its filing and its events, and the log still holds the head of its latest signed checkpoint. */
            valid: boolean;
            /** @description The event chain alone verifies. */
            eventsValid: boolean;
            events: number;
            firstBrokenSeq: number | null;
            headHash: string;
            checkpoint: components["schemas"]["CheckpointVerdict"];
            files: {
                valid: boolean;
                /** @description Attachments (uploads, mail attachments, raw .eml in and out) re-hashed. */
                checked: number;
                failed: components["schemas"]["FileFailure"][];
            };
            request: components["schemas"]["RequestVerdict"];
        };
        CheckpointVerdict: {
            /**
             * @description `none`: no checkpoint signed yet (the chain alone cannot show that its newest events were dropped); `consistent`: the log still holds the signed head; `mismatch`: it does not.
             * @enum {string}
             */
            status: "none" | "consistent" | "mismatch";
            /** @enum {string|null} */
            problem: "events_dropped" | "head_rewritten" | "bad_signature" | "unknown_key" | null;
            signedAt: string | null;
            events: number | null;
            headHash: string | null;
            keyId: string | null;
            signatureValid: boolean | null;
        } | null;
        FileFailure: {
            /**
             * Format: uuid
             * @description Null for a file an event lists that has no attachment row on the request.
             */
            attachmentId: string | null;
            filename: string;
            eventSeq: number | null;
            expectedSha256: string;
            /** @enum {string} */
            status: "altered" | "missing";
            /** @description What the stored bytes hash to now; null when they are missing. */
            actualSha256: string | null;
            actualSize: number | null;
        };
        RequestVerdict: {
            /** @description No sealed field of the request differs from its filing and the stored status is the replayed one. */
            valid: boolean;
            /**
             * @description `draft`: not filed, its fields may still change; `matches`: every field sealed in the `submitted` event (`data.filed`) is as filed; `differs`: a sealed field is not; `unsealed`: filed before filings were sealed, so only the status is checked.
             * @enum {string}
             */
            filing: "draft" | "matches" | "differs" | "unsealed";
            /** @description The latest `submitted` event whose seal was compared; null when none is sealed. */
            sealedSeq: number | null;
            /** @description What differs: sealed field names (organizationId, agencyId, title, recordsSought, requestType, dateRangeStart, dateRangeEnd, format, feeLimit, feeWaiver, expedited, requester, letterSubject, letterBody) and `status`. */
            differs: string[];
            /** @description The status stored on the request. */
            status: string;
            /** @description The status its events lead to through the state machine. */
            replayedStatus: string;
        };
        History: {
            generatedAt: string;
            organization: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            request: {
                /** Format: uuid */
                id: string;
                title: string;
                status: string;
                requestType: string;
                recordsSought: string;
                requester: {
                    name: string;
                    outlet?: string | null;
                    email?: string | null;
                };
                trackingNumber: string | null;
                submissionMethod: string | null;
                submittedAt: string | null;
                createdAt: string;
            };
            agency: {
                /** Format: uuid */
                id: string;
                name: string;
                jurisdiction: string;
                timezone: string;
                recordsEmail: string | null;
            };
            law: {
                jurisdiction: string;
                lawName: string;
                citation: string;
                ruleEffectiveFrom: string | null;
                confidence: string | null;
            };
            letter: {
                templateId: string | null;
                subject: string;
                body: string;
                bodySha256: string;
                /** @description false: the draft, not yet filed. */
                sent: boolean;
            };
            events: {
                seq: number;
                /** @description The canonical form the hash covers: 1 (the event’s fields), 2 (and its organizationId). */
                hashVersion: number;
                /** Format: uuid */
                id: string;
                type: string;
                occurredAt: string;
                recordedAt: string;
                /** @description Date of occurrence in the agency’s zone. */
                occurredOn: string;
                /** @description Logged more than a day after it happened. */
                backdated: boolean;
                summary: string | null;
                body: string | null;
                data: {
                    [key: string]: unknown;
                };
                actor: {
                    kind: string;
                    id: string | null;
                    name: string | null;
                };
                /** Format: uuid */
                correctsEventId: string | null;
                /** @description Later events that correct this one. */
                correctedBy: string[];
                attachments: {
                    sha256: string;
                    filename: string;
                    contentType: string;
                    size: number;
                }[];
                prevHash: string;
                hash: string;
            }[];
            deadlines: {
                kind: string;
                dueDate: string;
                statutory: boolean;
                basis: string;
                status: string;
                /** @description true: answered by the due date; false: answered late or still unanswered after it; null: not yet due, or nothing to meet. */
                met: boolean | null;
                satisfiedOn: string | null;
                /** @description Business days past the due date (to the answer, or to today while unanswered); null when not late. */
                businessDaysLate: number | null;
                exceedsStatute: boolean;
                statutoryDueDate: string | null;
                claimedDueDate: string | null;
            }[];
            attachments: {
                /** Format: uuid */
                id: string;
                sha256: string;
                filename: string;
                contentType: string;
                size: number;
                source: string;
                eventSeq: number | null;
                createdAt: string;
            }[];
            chain: components["schemas"]["ChainVerdict"];
        };
        Checkpoint: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            requestId: string;
            /** @description Events in the chain when signed: the head is the event with this seq. */
            events: number;
            /** @description Hash of that event. */
            headHash: string;
            signedAt: string;
            /** @description SHA-256 (hex) of the public key’s DER SubjectPublicKeyInfo. */
            keyId: string;
            /** @enum {string} */
            reason: "schedule" | "export" | "bundle";
            /** @description The exact UTF-8 bytes signed: canonical JSON of type, v, keyId, organizationId, requestId, events, headHash, signedAt. */
            message: string;
            /** @description Ed25519 signature of `message`, base64. */
            signature: string;
            /** @description The RFC 3161 time-stamp over `message`, when TSA_URL names an authority and it granted one (each request’s latest checkpoint is asked for at every checkpoint round until it is); null otherwise. */
            timestamp: {
                /** @description The DER TimeStampToken, base64: decode it to `token.tsr`, write `message` to `message.txt` (no trailing newline), then `openssl ts -verify -data message.txt -in token.tsr -token_in -CAfile tsa-ca.pem`. */
                token: string;
                /** @description The authority’s time in the token (TSTInfo.genTime). */
                genTime: string;
                /** @description The token’s serial number (TSTInfo.serialNumber), hex. */
                serialNumber: string;
            } | null;
        };
        SearchHit: {
            /** @enum {string} */
            kind: "request" | "event";
            /** Format: uuid */
            requestId: string;
            requestTitle: string;
            /** Format: uuid */
            eventId: string | null;
            eventSeq: number | null;
            eventType: string | null;
            /** @description Matching text with the hits between [[ and ]]. */
            snippet: string;
            rank: number;
        };
        InboundOutcome: {
            /**
             * @description bounced: a delivery status notification for a letter of ours, which is now marked undelivered.
             * @enum {string}
             */
            status: "matched" | "duplicate" | "unmatched" | "bounced";
            /** Format: uuid */
            requestId?: string;
            /** Format: uuid */
            eventId?: string;
            matchedBy?: string;
            /** Format: uuid */
            inboundId?: string;
        };
        UnmatchedEmail: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organizationId: string | null;
            from: string;
            subject: string;
            preview: string;
            messageId: string | null;
            receivedAt: string;
            /** @description When it matched several requests (a batch): file it into any of them, or several (POST …/assign with requestIds). */
            candidates: components["schemas"]["InboundCandidate"][];
            /** @description Why a request it names was not trusted, if so. */
            reason: string | null;
        };
        InboundCandidate: {
            /** Format: uuid */
            requestId: string;
            title: string | null;
            matchedBy: string;
        };
        InboundAssignOutcome: {
            /**
             * @description bounced: a delivery status notification for a letter of ours, which is now marked undelivered.
             * @enum {string}
             */
            status: "matched" | "duplicate" | "unmatched" | "bounced";
            /** Format: uuid */
            requestId?: string;
            /** Format: uuid */
            eventId?: string;
            matchedBy?: string;
            /** Format: uuid */
            inboundId?: string;
            /** @description One outcome per request it was filed into, in the order given. */
            filed: components["schemas"]["InboundOutcome"][];
        };
        InboundAssign: {
            /** Format: uuid */
            requestId?: string;
            /** @description Several requests (a batch) to file it into at once. */
            requestIds?: string[];
        };
        InboundRoute: {
            /** Format: uuid */
            organizationId: string;
        };
        Mailbox: {
            /** Format: uuid */
            id: string;
            name: string;
            host: string;
            port: number;
            tls: boolean;
            username: string;
            folder: string;
            /** @enum {string} */
            afterFiling: "flag" | "move";
            moveTo: string | null;
            enabled: boolean;
            status: {
                /**
                 * @description new: not read yet; ok: the last pass worked; failing: see lastError.
                 * @enum {string}
                 */
                state: "new" | "ok" | "failing";
                /** @description When the worker last read the mailbox without an error. */
                lastSeenAt: string | null;
                lastError: string | null;
                lastErrorAt: string | null;
                /** @description Logins the server refused in a row (wrong password, revoked app password); 0 once a pass works or the mailbox is changed. */
                authFailures: number;
                /** @description After refused logins, no login is tried before this (the wait doubles up to IMAP_AUTH_RETRY_MAX_SECONDS); a change to the mailbox (a new password) clears it. null: at the next poll. */
                nextAttemptAt: string | null;
            };
            createdAt: string;
            updatedAt: string;
        };
        MailboxCreate: {
            /** @description What the newsroom calls it, e.g. "Records desk". */
            name: string;
            host: string;
            /** @default 993 */
            port: number;
            /**
             * @description Implicit TLS (usually port 993). False: plain, upgraded by STARTTLS where the server offers it.
             * @default true
             */
            tls: boolean;
            username: string;
            /** @description The password or app password; stored encrypted, never returned. */
            password: string;
            /**
             * @description The folder read for agency mail; default INBOX.
             * @default INBOX
             */
            folder: string;
            /**
             * @description After a message is filed: flag it (\Seen and $RecordsFiled), or move it to `moveTo`.
             * @default flag
             * @enum {string}
             */
            afterFiling: "flag" | "move";
            /**
             * @description The folder filed mail is moved to (created when missing); required with afterFiling "move".
             * @default null
             */
            moveTo: string | null;
            /** @default true */
            enabled: boolean;
        };
        MailboxPatch: {
            /** @description What the newsroom calls it, e.g. "Records desk". */
            name?: string;
            host?: string;
            port?: number;
            /** @description Implicit TLS (usually port 993). False: plain, upgraded by STARTTLS where the server offers it. */
            tls?: boolean;
            username?: string;
            /** @description The password or app password; stored encrypted, never returned. */
            password?: string;
            /** @description The folder read for agency mail; default INBOX. */
            folder?: string;
            /**
             * @description After a message is filed: flag it (\Seen and $RecordsFiled), or move it to `moveTo`.
             * @enum {string}
             */
            afterFiling?: "flag" | "move";
            /** @description The folder filed mail is moved to (created when missing); required with afterFiling "move". */
            moveTo?: string | null;
            enabled?: boolean;
        };
        DeadlineItem: {
            /** Format: uuid */
            id: string;
            kind: string;
            dueDate: string;
            statutory: boolean;
            status: string;
            basis: string;
            exceedsStatute: boolean;
            /** @description Business days from today (agency zone) to the due date; negative when overdue. */
            businessDaysLeft: number;
            request: {
                /** Format: uuid */
                id: string;
                title: string;
                status: string;
                agency: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    jurisdiction: string;
                };
                assignee: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                } | null;
            };
        };
        Dashboard: {
            counts: {
                openRequests: number;
                drafts: number;
                /** @description Deadlines with a running clock due today through the sixth day after (in each agency’s zone). */
                dueIn7Days: number;
                /** @description Agency deadlines whose running clock has passed. A stopped (tolled) clock cannot be late, and a lapsed requester window (appeal, further review) is not the agency’s lateness. */
                overdue: number;
                /** @description Waiting on the newsroom: a fee to pay or a clarification to give. */
                awaitingNewsroom: number;
                /** @description Requests whose letter email failed for good: file them again (POST /v1/requests/{id}/resubmit). */
                undeliveredLetters: number;
                inLitigation: number;
                /** @description Requests whose agency estimated fees above the request’s fee limit, not yet paid or ended: the newsroom must decide. */
                feesOverLimit: number;
            };
            urgent: components["schemas"]["DeadlineItem"][];
            /** @description The largest of those estimates (up to ten). */
            feesOverLimit: {
                /** Format: uuid */
                requestId: string;
                title: string;
                amount: number;
                currency: string;
                feeLimit: number;
                /** Format: uuid */
                assigneeId: string | null;
            }[];
        };
        FollowUp: {
            /** Format: uuid */
            id: string;
            missedDueDate: string;
            subject: string;
            body: string;
            /** @enum {string} */
            status: "drafted" | "sent";
            createdAt: string;
            sentAt: string | null;
        };
        FollowUpEdit: {
            subject?: string;
            body?: string;
        };
        AgencyStats: {
            agency: {
                /** Format: uuid */
                id: string;
                name: string;
                jurisdiction: string;
            };
            requestsFiled: number;
            firstResponseBusinessDays: {
                median: number | null;
                p90: number | null;
                answered: number;
            };
            finalResponseBusinessDays: {
                median: number | null;
                p90: number | null;
                answered: number;
            };
            statutoryDeadlines: {
                met: number;
                missed: number;
                shareMet: number | null;
            };
            denials: {
                requests: number;
                shareOfAnswered: number | null;
            };
            extensions: {
                claimed: number;
                exceedingStatute: number;
            };
            fees: {
                estimates: number;
                total: number;
                median: number | null;
            };
        };
        CalendarTokenCreate: {
            /**
             * @description `me`: deadlines assigned to me; `organization`: every open deadline of the newsroom.
             * @default me
             * @enum {string}
             */
            scope: "me" | "organization";
            /** @default calendar */
            name: string;
        };
        CalendarToken: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            scope: "me" | "organization";
            prefix: string;
            createdAt: string;
        };
        OrganizationWithSettings: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The newsroom’s own inbound address: agency mail sent here that matches no request waits in its unmatched inbox. */
            inboundAddress: string;
            settings: components["schemas"]["OrganizationSettings"];
        };
        OrganizationSettings: {
            /**
             * @description The newsroom’s zone: when its daily digest goes out.
             * @default America/New_York
             * @example America/Chicago
             */
            timezone: string;
            /**
             * @description Business days before a deadline to remind the assignee (users may override).
             * @default 2
             */
            reminderLeadDays: number;
            /**
             * @description Local hour (agency zone) reminders go out on their day.
             * @default 8
             */
            reminderHour: number;
            /** @default true */
            digestEnabled: boolean;
            /**
             * @description Local hour of the daily digest to editors.
             * @default 7
             */
            digestHour: number;
            /**
             * @description Email the drafted follow-up to the agency when a statutory response deadline is missed.
             * @default false
             */
            autoFollowUp: boolean;
            /**
             * @description Newsroom target where the law sets no period (statutory: false).
             * @default {
             *       "days": 10,
             *       "dayType": "business"
             *     }
             */
            followUpTarget: {
                days: number;
                /** @enum {string} */
                dayType: "business" | "calendar";
            };
            /**
             * @description Prefix of the Bates number stamped on every page of a PDF exhibit (`STRIB` gives STRIB-000001); null: the number alone.
             * @default null
             */
            batesPrefix: string | null;
            /**
             * @description Email a copy of each letter sent to an agency (request, follow-up, appeal) to its requester’s address (else its assignee’s): a message of its own, queued with the letter and sent once, with the letter’s body and "Copy: " before its subject.
             * @default true
             */
            copyLettersToRequester: boolean;
        };
        OrganizationSettingsPatch: {
            /** @example America/Chicago */
            timezone?: string;
            reminderLeadDays?: number;
            reminderHour?: number;
            digestEnabled?: boolean;
            digestHour?: number;
            autoFollowUp?: boolean;
            followUpTarget?: {
                days: number;
                /** @enum {string} */
                dayType: "business" | "calendar";
            };
            batesPrefix?: string | null;
            copyLettersToRequester?: boolean;
        };
        MySettings: {
            /** @description Business days before a deadline to remind me; null: the newsroom’s default. */
            reminderLeadDays: number | null;
        };
        Import: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "dry_run" | "confirmed";
            filename: string;
            /** @description SHA-256 of the uploaded file, hex. */
            sha256: string;
            /** @enum {string} */
            kind: "csv" | "xlsx";
            createdAt: string;
            /** Format: uuid */
            createdBy: string;
            confirmedAt: string | null;
            /** Format: uuid */
            confirmedBy: string | null;
            /** @description The spreadsheet row the headers were found on. */
            headerRow: number;
            columns: (string | null)[];
            mapping: {
                [key: string]: string;
            };
            suggestedMapping: {
                [key: string]: string;
            };
            /** @enum {string} */
            dateOrder: "mdy" | "dmy";
            /** @enum {string} */
            dateOrderSource: "given" | "inferred" | "assumed";
            timezone: string | null;
            jurisdiction: string | null;
            rowCount: number;
            createdCount: number;
            skippedCount: number;
            summary: components["schemas"]["ImportSummary"];
            rows: components["schemas"]["ImportRow"][];
            /** @description Every error of every row, in row order. */
            errors: components["schemas"]["ImportIssue"][];
        };
        ImportSummary: {
            rows: number;
            toCreate: number;
            duplicates: number;
            invalid: number;
            newAgencies: {
                name: string;
                jurisdiction: string;
                timezone: string;
                email: string | null;
            }[];
            matchedAgencies: number;
            events: number;
        };
        ImportRow: {
            row: number;
            /**
             * @description After confirmation: create means it was created.
             * @enum {string}
             */
            action: "create" | "skip";
            /** @enum {string} */
            reason?: "invalid" | "duplicate" | "failed";
            errors: components["schemas"]["ImportIssue"][];
            warnings: components["schemas"]["ImportIssue"][];
            agency: components["schemas"]["ImportPlannedAgency"];
            request: {
                title: string;
                recordsSought: string;
                filedOn: string;
                method: string;
                trackingNumber: string | null;
                tags: string[];
                assigneeEmail: string | null;
                /** Format: uuid */
                assigneeId?: string;
            } | null;
            events: components["schemas"]["ImportPlannedEvent"][];
            duplicateOf?: {
                row?: number;
                /** Format: uuid */
                requestId?: string;
            };
            /** Format: uuid */
            requestId?: string;
        };
        ImportIssue: {
            /** @description The row number as the spreadsheet shows it. */
            row: number;
            /** @description The spreadsheet’s column header. */
            column: string | null;
            /** @description Our field the column maps to. */
            field: string | null;
            message: string;
        };
        ImportPlannedAgency: {
            /** @enum {string} */
            match: "existing" | "new";
            /** Format: uuid */
            id?: string;
            name: string;
            jurisdiction: string;
            timezone: string;
            email?: string | null;
        } | null;
        ImportPlannedEvent: {
            type: string;
            /** @description The day, in the agency’s zone. */
            on: string;
            summary: string;
            body?: string;
            data: {
                [key: string]: unknown;
            };
        };
        ImportPage: {
            items: components["schemas"]["ImportListItem"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        ImportListItem: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "dry_run" | "confirmed";
            filename: string;
            /** @description SHA-256 of the uploaded file, hex. */
            sha256: string;
            /** @enum {string} */
            kind: "csv" | "xlsx";
            createdAt: string;
            /** Format: uuid */
            createdBy: string;
            confirmedAt: string | null;
            /** Format: uuid */
            confirmedBy: string | null;
            /** @description The spreadsheet row the headers were found on. */
            headerRow: number;
            columns: (string | null)[];
            mapping: {
                [key: string]: string;
            };
            suggestedMapping: {
                [key: string]: string;
            };
            /** @enum {string} */
            dateOrder: "mdy" | "dmy";
            /** @enum {string} */
            dateOrderSource: "given" | "inferred" | "assumed";
            timezone: string | null;
            jurisdiction: string | null;
            rowCount: number;
            createdCount: number;
            skippedCount: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
